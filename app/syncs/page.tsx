import type { Metadata } from "next";
import Link from "next/link";
import { formatElapsed } from "@/components/format/format-duration";
import { LocalTime } from "@/components/format/local-time";
import { syncStatusOptions, syncTypeLabel, syncTypeOptions } from "@/server/domain/labels";
import { SyncRunStatusBadge } from "@/components/syncs/sync-run-status-badge";
import { Button } from "@/components/ui/button";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { SyncStatus, SyncType } from "@/server/domain/vocabulary";
import { getQueryClient, trpc } from "@/trpc/server";
import { type SearchParams, firstParam } from "@/lib/search-params";
import { FilterSelect } from "@/components/ui/filter-select";
import { parseDecimalInteger } from "@/lib/decimal-integer";
import { UnchangedRunsToggle } from "@/components/syncs/unchanged-runs-toggle";

export const metadata: Metadata = { title: "Sync runs" };

type Props = { searchParams: SearchParams };

export default async function SyncRunsPage({ searchParams }: Props) {
  const params = await searchParams;
  const syncType = SyncType.safeParse(firstParam(params.type)).data;
  const status = SyncStatus.safeParse(firstParam(params.status)).data;
  const cursorValue = parseDecimalInteger(firstParam(params.before));
  const cursor = cursorValue !== undefined && cursorValue > 0 ? cursorValue : undefined;
  // Runs that changed nothing are hidden unless asked for (?unchanged=show).
  const hideUnchanged = firstParam(params.unchanged) !== "show";
  const runs = await getQueryClient().fetchQuery(
    trpc.sync.list.queryOptions({ limit: 50, cursor, syncType, status, hideUnchanged }),
  );
  const keep = new URLSearchParams();
  if (syncType) keep.set("type", syncType);
  if (status) keep.set("status", status);
  if (!hideUnchanged) keep.set("unchanged", "show");

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Sync runs</h1>
      <form
        method="get"
        action="/syncs"
        aria-label="Filter runs"
        className="flex flex-wrap items-end gap-3"
      >
        <FilterSelect
          id="runs-type"
          label="Type"
          name="type"
          value={syncType}
          anyLabel="Any type"
          options={syncTypeOptions}
        />
        <FilterSelect
          id="runs-status"
          label="Status"
          name="status"
          value={status}
          anyLabel="Any status"
          options={syncStatusOptions}
        />
        {hideUnchanged ? null : <input type="hidden" name="unchanged" value="show" />}
        <Button type="submit" variant="outline">
          Apply
        </Button>
      </form>
      <UnchangedRunsToggle hidden={runs.hiddenUnchanged} showing={!hideUnchanged} filters={keep} />

      {runs.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          {runs.hiddenUnchanged > 0
            ? "Every run here changed nothing."
            : syncType || status
              ? "No run matches these filters."
              : "No sync has run yet. Start one from the dashboard."}
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Started</TableHead>
              <TableHead>Type</TableHead>
              <TableHead className="hidden sm:table-cell">Trigger</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Synced</TableHead>
              <TableHead className="hidden text-right md:table-cell">Created</TableHead>
              <TableHead className="hidden text-right md:table-cell">Updated</TableHead>
              <TableHead className="hidden text-right md:table-cell">Failed</TableHead>
              <TableHead className="hidden lg:table-cell">Duration</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {runs.items.map((run) => (
              <TableRow key={run.jobId}>
                <TableCell className="whitespace-nowrap">
                  <Link href={`/syncs/${run.jobId}`} className="underline-offset-2 hover:underline">
                    <LocalTime value={run.startedAt} />
                  </Link>
                </TableCell>
                <TableCell className="whitespace-nowrap">{syncTypeLabel[run.syncType]}</TableCell>
                <TableCell className="hidden sm:table-cell">{run.trigger}</TableCell>
                <TableCell>
                  <SyncRunStatusBadge status={run.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {run.itemsSynced.toLocaleString()}
                </TableCell>
                <TableCell className="hidden text-right tabular-nums md:table-cell">
                  {run.itemsCreated.toLocaleString()}
                </TableCell>
                <TableCell className="hidden text-right tabular-nums md:table-cell">
                  {run.itemsUpdated.toLocaleString()}
                </TableCell>
                <TableCell className="hidden text-right tabular-nums md:table-cell">
                  {run.itemsFailed > 0 ? (
                    <span className="text-event-red">{run.itemsFailed.toLocaleString()}</span>
                  ) : (
                    0
                  )}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap lg:table-cell">
                  {formatElapsed(run.startedAt, run.completedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Pages" className="flex gap-2">
        {cursor ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={`/syncs${keep.size ? `?${keep}` : ""}`}>Newest runs</Link>
          </Button>
        ) : null}
        {runs.nextCursor ? (
          <Button variant="outline" size="sm" asChild>
            <Link
              href={`/syncs?${new URLSearchParams([...keep, ["before", String(runs.nextCursor)]])}`}
            >
              Older runs
            </Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
