import { connection } from "next/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getQueryClient, trpc } from "@/trpc/server";

export default async function HomePage() {
  await connection();
  const counts = await getQueryClient().fetchQuery(trpc.health.libraryCounts.queryOptions());
  const empty = counts.scenes === 0;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      {empty ? (
        <Card>
          <CardHeader>
            <CardTitle>Your library is empty</CardTitle>
            <CardDescription>Nothing has been synced from Stash yet.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            <p>
              To connect Stash, set its GraphQL address and, if Stash asks for one, its API key:
            </p>
            <pre className="overflow-x-auto rounded bg-muted p-3 text-xs">
              STASH_URL=http://localhost:9999/graphql{"\n"}STASH_API_KEY=…
            </pre>
            <p>Then start a full sync. The API key is in Stash under Settings → Security.</p>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Library</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
              {(
                [
                  ["Scenes", counts.scenes],
                  ["Performers", counts.performers],
                  ["Tags", counts.tags],
                  ["Studios", counts.studios],
                ] as const
              ).map(([label, value]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="text-2xl font-semibold tabular-nums">{value.toLocaleString()}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
