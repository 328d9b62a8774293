"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { ExportLinks } from "@/components/export/export-links";
import { syncTypeOptions } from "@/server/domain/labels";
import type { SyncLogFilter } from "@/server/history/scene-sync-logs-schema";
import { useTRPC } from "@/trpc/react";
import { collapseUnchangedSyncs } from "./collapse-unchanged-syncs";
import {
  sceneHistoryQueryOptions,
  sceneRestoresQueryOptions,
  sceneTimelineSourcesQueryOptions,
} from "./scene-history-query";
import { buildTimelineEntries } from "./scene-timeline-entries";
import { TimelineEntryItem } from "./timeline-entry-item";
import { UnchangedSyncsItem } from "./unchanged-syncs-item";
import { ErrorMessage } from "@/components/ui/error-message";

type Outcome = SyncLogFilter["outcome"];
type SyncTypeChoice = NonNullable<SyncLogFilter["syncType"]> | "any";

const outcomeOptions: { value: Outcome; label: string }[] = [
  { value: "all", label: "All entries" },
  { value: "changes", label: "Only changes" },
  { value: "failures", label: "Only failures" },
];

const syncTypeChoices: { value: SyncTypeChoice; label: string }[] = [
  { value: "any", label: "Any sync type" },
  ...syncTypeOptions,
];

function TimelineSkeleton() {
  return (
    <div className="flex flex-col gap-5" aria-hidden="true">
      {[0, 1, 2].map((i) => (
        <div key={i} className="flex gap-3">
          <Skeleton className="mt-1.5 size-3 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-64 max-w-full" />
            <Skeleton className="h-3 w-48" />
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * A scene's History tab: every sync that touched the scene, when Stash created it and its
 * analyses, newest first. It fetches only while `active` (the tab is open).
 */
export function SceneHistoryTimeline({ sceneId, active }: { sceneId: string; active: boolean }) {
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState<Outcome>("all");
  const [syncType, setSyncType] = useState<SyncTypeChoice>("any");
  const filter: SyncLogFilter = {
    outcome,
    ...(syncType === "any" ? {} : { syncType }),
  };
  const filtered = outcome !== "all" || syncType !== "any";

  const logs = useInfiniteQuery(
    sceneHistoryQueryOptions(trpc, { sceneId, filter, enabled: active }),
  );
  const sources = useQuery(sceneTimelineSourcesQueryOptions(trpc, { sceneId, enabled: active }));
  const restores = useQuery(sceneRestoresQueryOptions(trpc, { sceneId, enabled: active }));
  const restoreOf = new Map(restores.data?.map((r) => [r.syncLogId, r]));
  const outcomeId = useId();
  const syncTypeId = useId();

  const items = logs.data?.pages.flatMap((page) => page.items) ?? [];
  const onlyFullSyncs = logs.data?.pages[0]?.only_full_syncs ?? false;
  const entries = buildTimelineEntries({
    logs: items,
    sources: sources.data,
    moreLogsToLoad: logs.hasNextPage,
    includeOtherEvents: !filtered,
  });

  return (
    <section aria-labelledby={`${sceneId}-history-heading`} className="flex flex-col gap-4">
      <h2 id={`${sceneId}-history-heading`} className="sr-only">
        History
      </h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={outcomeId} className="text-xs font-medium text-muted-foreground">
            Show
          </label>
          <NativeSelect
            id={outcomeId}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
          >
            {outcomeOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={syncTypeId} className="text-xs font-medium text-muted-foreground">
            Sync type
          </label>
          <NativeSelect
            id={syncTypeId}
            value={syncType}
            onChange={(e) => setSyncType(e.target.value as SyncTypeChoice)}
          >
            {syncTypeChoices.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <ExportLinks
          what="this scene's history"
          href={`/api/export/scenes/${encodeURIComponent(sceneId)}/history`}
        />
      </div>

      {logs.isError && !logs.data ? (
        <Alert variant="destructive">
          <AlertTitle>The history could not be loaded</AlertTitle>
          <AlertDescription>
            {logs.error.message} Reload the page to try again; if it keeps failing, check that the
            stash-sync server is running.
          </AlertDescription>
        </Alert>
      ) : logs.isPending ? (
        <TimelineSkeleton />
      ) : (
        <>
          {onlyFullSyncs && !filtered ? (
            <p className="rounded-md border border-dashed p-3 text-sm text-muted-foreground">
              <span className="font-medium text-foreground">Only full syncs so far.</span> No
              incremental sync or scene sync has included this scene yet; the full syncs below
              covered every scene.
            </p>
          ) : null}
          {entries.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              {filtered ? "No entries match these filters." : "No sync has touched this scene yet."}
            </p>
          ) : (
            <ol
              aria-label="Scene history, newest first"
              className="relative before:absolute before:top-2 before:bottom-2 before:left-[5px] before:w-px before:bg-border"
            >
              {collapseUnchangedSyncs(entries).map((entry) =>
                entry.kind === "unchanged" ? (
                  <UnchangedSyncsItem key={entry.key} group={entry} />
                ) : (
                  <TimelineEntryItem
                    key={entry.key}
                    entry={entry}
                    sceneId={sceneId}
                    restore={entry.kind === "sync" ? restoreOf.get(entry.log.id) : undefined}
                  />
                ),
              )}
            </ol>
          )}
          {logs.hasNextPage ? (
            <Button
              variant="outline"
              className="self-start"
              disabled={logs.isFetchingNextPage}
              onClick={() => void logs.fetchNextPage()}
            >
              {logs.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          ) : null}
          {logs.isFetchNextPageError ? (
            <ErrorMessage>
              Older entries could not be loaded: {logs.error.message} Press “Load more” to try
              again.
            </ErrorMessage>
          ) : null}
        </>
      )}
    </section>
  );
}
