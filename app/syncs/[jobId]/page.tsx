import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/not-found-on-missing";
import { ExportLinks } from "@/components/export/export-links";
import { formatElapsed } from "@/components/format/format-duration";
import { LocalTime } from "@/components/format/local-time";
import { changeTypeOptions, entityTypeOptions, syncTypeLabel } from "@/server/domain/labels";
import { RetryFailedButton } from "@/components/syncs/retry-failed-button";
import { RunningSyncProgress } from "@/components/syncs/running-sync-progress";
import { SyncRunEntriesTable } from "@/components/syncs/sync-run-entries-table";
import { SyncRunStatusBadge } from "@/components/syncs/sync-run-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangeType, EntityType } from "@/server/domain/vocabulary";
import { getQueryClient, trpc } from "@/trpc/server";
import { type SearchParams, firstParam } from "@/lib/search-params";
import { FilterSelect } from "@/components/ui/filter-select";
import { parseDecimalInteger } from "@/lib/decimal-integer";

type Props = {
  params: Promise<{ jobId: string }>;
  searchParams: SearchParams;
};

const PAGE_SIZE = 100;

export const metadata: Metadata = { title: "Sync run" };

export default async function SyncRunPage({ params, searchParams }: Props) {
  const [{ jobId }, query] = await Promise.all([params, searchParams]);
  const changeType = ChangeType.safeParse(firstParam(query.outcome)).data;
  const entityType = EntityType.safeParse(firstParam(query.entity)).data;
  const afterValue = parseDecimalInteger(firstParam(query.after));
  const cursor = afterValue !== undefined && afterValue > 0 ? afterValue : undefined;

  const page = await orNotFound(
    getQueryClient().fetchQuery(
      trpc.sync.entries.queryOptions({
        jobId,
        changeType,
        entityType,
        cursor,
        limit: PAGE_SIZE,
      }),
    ),
  );
  const { run } = page;
  const keep = new URLSearchParams();
  if (changeType) keep.set("outcome", changeType);
  if (entityType) keep.set("entity", entityType);
  const base = `/syncs/${run.jobId}`;

  const facts: [string, React.ReactNode][] = [
    ["Trigger", run.trigger],
    ["Started", <LocalTime key="s" value={run.startedAt} relative />],
    ["Completed", run.completedAt ? <LocalTime key="c" value={run.completedAt} /> : "—"],
    ["Duration", formatElapsed(run.startedAt, run.completedAt)],
    ["Synced", run.itemsSynced.toLocaleString()],
    ["Created", run.itemsCreated.toLocaleString()],
    ["Updated", run.itemsUpdated.toLocaleString()],
    ["Unchanged", run.itemsSkipped.toLocaleString()],
    ["Failed", run.itemsFailed.toLocaleString()],
  ];

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/syncs" className="underline-offset-2 hover:underline">
          Sync runs
        </Link>{" "}
        / <span aria-current="page">{run.jobId}</span>
      </nav>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{syncTypeLabel[run.syncType]}</h1>
        <SyncRunStatusBadge status={run.status} />
      </header>
      <div className="flex flex-wrap items-center gap-3">
        <p className="font-mono text-xs break-all text-muted-foreground">Job {run.jobId}</p>
        <ExportLinks what="this run's rows" href={`/api/export/syncs/${run.jobId}/rows`} />
      </div>

      {run.status === "running" ? (
        <Card>
          <RunningSyncProgress initial={run} />
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Summary</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          {run.errorMessage ? (
            <p className="text-sm text-destructive">Error: {run.errorMessage}</p>
          ) : null}
          {run.itemsFailed > 0 && run.status !== "running" ? (
            <RetryFailedButton jobId={run.jobId} failed={run.itemsFailed} />
          ) : null}
        </CardContent>
      </Card>

      <section aria-labelledby="entries-heading" className="flex flex-col gap-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entities in this run
        </h2>
        {run.syncType === "full" ? (
          <p className="text-sm text-muted-foreground">
            A full sync logs the entities it created, changed or could not sync; unchanged ones are
            counted above but get no row.
          </p>
        ) : null}
        <form
          method="get"
          action={base}
          aria-label="Filter entities"
          className="flex flex-wrap items-end gap-3"
        >
          <FilterSelect
            id="entries-outcome"
            label="Outcome"
            name="outcome"
            value={changeType}
            anyLabel="Any outcome"
            options={changeTypeOptions}
          />
          <FilterSelect
            id="entries-entity"
            label="Entity type"
            name="entity"
            value={entityType}
            anyLabel="Any entity"
            options={entityTypeOptions}
          />
          <Button type="submit" variant="outline">
            Apply
          </Button>
        </form>
        {page.items.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
            {changeType || entityType
              ? "No entity of this run matches these filters."
              : "This run has logged no entities."}
          </p>
        ) : (
          <SyncRunEntriesTable entries={page.items} />
        )}
        <nav aria-label="Pages" className="flex gap-2">
          {cursor ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={`${base}${keep.size ? `?${keep}` : ""}`}>First page</Link>
            </Button>
          ) : null}
          {page.nextCursor ? (
            <Button variant="outline" size="sm" asChild>
              <Link
                href={`${base}?${new URLSearchParams([...keep, ["after", String(page.nextCursor)]])}`}
              >
                Next page
              </Link>
            </Button>
          ) : null}
        </nav>
      </section>
    </div>
  );
}
