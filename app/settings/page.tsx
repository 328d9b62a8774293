import type { Metadata } from "next";
import { StashSettingsForm } from "@/components/settings/stash-settings-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const settings = await getQueryClient().fetchQuery(trpc.library.stashSettings.queryOptions());
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <Card>
        <CardHeader>
          <CardTitle>Stash connection</CardTitle>
          <CardDescription>
            Where stash-sync reads your library. STASH_URL and STASH_API_KEY, when set, take
            precedence over what is saved here.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <StashSettingsForm initial={settings} />
        </CardContent>
      </Card>
    </div>
  );
}
