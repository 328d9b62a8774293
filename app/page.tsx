import { ShieldAlertIcon } from "lucide-react";
import { connection } from "next/server";
import { LastRuns } from "@/components/dashboard/last-runs";
import { NextScheduledRun } from "@/components/dashboard/next-scheduled-run";
import { WatchStatus } from "@/components/dashboard/watch-status";
import { RecentFailures } from "@/components/dashboard/recent-failures";
import { StashStatus } from "@/components/dashboard/stash-status";
import { SyncControls } from "@/components/dashboard/sync-controls";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { accessControlEnabled } from "@/server/auth/access-token";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

export default async function HomePage() {
  await connection();
  const queryClient = getQueryClient();
  // The live panel hydrates with the running job, so it shows without a first poll.
  prefetch(trpc.sync.running.queryOptions());
  const [counts, lastRuns, failures, schedule, watch] = await Promise.all([
    queryClient.fetchQuery(trpc.library.counts.queryOptions()),
    queryClient.fetchQuery(trpc.sync.lastRuns.queryOptions()),
    queryClient.fetchQuery(trpc.history.recentFailures.queryOptions({ limit: 8 })),
    queryClient.fetchQuery(trpc.schedule.get.queryOptions()),
    queryClient.fetchQuery(trpc.watch.status.queryOptions()),
  ]);
  const empty = counts.scenes === 0;

  return (
    <HydrateClient>
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        {accessControlEnabled() ? null : (
          <Alert role="status">
            <ShieldAlertIcon aria-hidden="true" />
            <AlertTitle>Open access</AlertTitle>
            <AlertDescription>
              STASH_SYNC_TOKEN is not set, so anyone who can reach this server can use it and start
              syncs. Set it to require sign-in.
            </AlertDescription>
          </Alert>
        )}
        {empty ? (
          <Card>
            <CardHeader>
              <CardTitle>Your library is empty</CardTitle>
              <CardDescription>Nothing has been synced from Stash yet.</CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-2">
              <p>
                To connect Stash, set its GraphQL address and, if Stash asks for one, its API key
                (or enter them in Settings):
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
                    <dd className="text-2xl font-semibold tabular-nums">
                      {value.toLocaleString()}
                    </dd>
                  </div>
                ))}
              </dl>
            </CardContent>
          </Card>
        )}
        <div className="grid gap-6 md:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Sync</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <SyncControls />
              <NextScheduledRun schedule={schedule} />
              <WatchStatus initial={watch} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Stash</CardTitle>
            </CardHeader>
            <CardContent>
              <StashStatus />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Last runs</CardTitle>
            </CardHeader>
            <CardContent>
              <LastRuns runs={lastRuns} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Recent failures</CardTitle>
            </CardHeader>
            <CardContent>
              <RecentFailures failures={failures} />
            </CardContent>
          </Card>
        </div>
      </div>
    </HydrateClient>
  );
}
