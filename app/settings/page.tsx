import type { Metadata } from "next";
import { RetentionSettingsForm } from "@/components/settings/retention-settings-form";
import { ScheduleSettingsForm } from "@/components/settings/schedule-settings-form";
import { StashSettingsForm } from "@/components/settings/stash-settings-form";
import { StashWriteAccessForm } from "@/components/settings/stash-write-access-form";
import { WebhookSettingsForm } from "@/components/settings/webhook-settings-form";
import { PageConcurrencyForm } from "@/components/settings/page-concurrency-form";
import { readPageConcurrency } from "@/server/sync/page-concurrency";
import { WatchSettingsForm } from "@/components/settings/watch-settings-form";
import { readWatch } from "@/server/watch/watch-settings";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const queryClient = getQueryClient();
  const [settings, writeAccess, schedule, retention, webhook, pageConcurrency, watch] =
    await Promise.all([
      queryClient.fetchQuery(trpc.connection.settings.queryOptions()),
      queryClient.fetchQuery(trpc.restore.writeAccess.queryOptions()),
      queryClient.fetchQuery(trpc.schedule.get.queryOptions()),
      queryClient.fetchQuery(trpc.retention.get.queryOptions()),
      queryClient.fetchQuery(trpc.notifications.webhook.queryOptions()),
      readPageConcurrency(),
      readWatch(),
    ]);
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
      <Card>
        <CardHeader>
          <CardTitle>Changes to Stash</CardTitle>
          <CardDescription>
            stash-sync only reads Stash unless this is on. Even then it changes only scene fields,
            and only when a person or program asks, e.g. Restore on a scene&apos;s History.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <StashWriteAccessForm initial={writeAccess} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Reading from Stash</CardTitle>
          <CardDescription>
            A Stash on a NAS can take seconds per page. A sync asks for this many pages at once, so
            it waits for Stash less; choose 1 if Stash struggles while a sync runs.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <PageConcurrencyForm initial={pageConcurrency} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Scheduled sync</CardTitle>
          <CardDescription>
            The server runs an incremental sync on its own at this interval. A slot that comes while
            another sync runs is skipped.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <ScheduleSettingsForm initial={schedule} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Watch mode</CardTitle>
          <CardDescription>
            Changes show up within a minute: every interval stash-sync asks Stash only whether
            anything changed since the last sync (a count, no records), and runs an incremental sync
            only when something did. It works beside the scheduled sync, which runs at its interval
            whether or not anything changed; with watch mode on, the schedule can be a rare safety
            net or off. Neither starts while another sync runs.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <WatchSettingsForm initial={watch} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>History retention</CardTitle>
          <CardDescription>
            Old sync history entries are removed once a day, in small batches.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <RetentionSettingsForm initial={retention} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Failure webhook</CardTitle>
          <CardDescription>
            Failed runs and runs with failed entities are also POSTed as JSON to this URL (three
            tries with backoff).
          </CardDescription>
        </CardHeader>
        <CardContent>
          <WebhookSettingsForm initial={webhook} />
        </CardContent>
      </Card>
    </div>
  );
}
