import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LocalTime } from "@/components/format/local-time";
import { StatsCharts } from "@/components/stats/stats-charts";
import { lastDays, statsPresets, statsRangeFrom } from "@/components/stats/stats-range";
import { syncStatusLabel } from "@/server/domain/labels";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { SyncStatus } from "@/server/domain/vocabulary";
import { getQueryClient, trpc } from "@/trpc/server";
import { type SearchParams, firstParam } from "@/lib/search-params";

export const metadata: Metadata = { title: "Statistics" };

type Props = { searchParams: SearchParams };

export default async function StatsPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const range = statsRangeFrom({ from: firstParam(params.from), to: firstParam(params.to) });
  const input = { from: range.from, to: range.to };
  const queryClient = getQueryClient();
  const [perDay, trend, failures] = await Promise.all([
    queryClient.fetchQuery(trpc.stats.runsPerDay.queryOptions(input)),
    queryClient.fetchQuery(trpc.stats.runTrend.queryOptions(input)),
    queryClient.fetchQuery(trpc.stats.topFailures.queryOptions({ range: input, limit: 10 })),
  ]);
  const totals = perDay.days.reduce((sum, d) => sum + d.total, 0);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-semibold">Statistics</h1>
      <form
        method="get"
        action="/stats"
        aria-label="Date range"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="stats-from" className="text-xs font-medium text-muted-foreground">
            From
          </label>
          <Input id="stats-from" name="from" type="date" defaultValue={range.fromDay} required />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="stats-to" className="text-xs font-medium text-muted-foreground">
            To
          </label>
          <Input id="stats-to" name="to" type="date" defaultValue={range.toDay} required />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
        <ul className="flex flex-wrap gap-1 text-sm" aria-label="Quick ranges">
          {statsPresets.map((days) => {
            const preset = lastDays(days);
            return (
              <li key={days}>
                <Link
                  href={`/stats?from=${preset.fromDay}&to=${preset.toDay}`}
                  className="rounded-md px-2 py-1 text-muted-foreground underline-offset-2 hover:bg-accent hover:underline"
                >
                  Last {days} days
                </Link>
              </li>
            );
          })}
        </ul>
      </form>
      <p className="text-sm text-muted-foreground">
        {totals.toLocaleString()} runs from {range.fromDay} to {range.toDay} (UTC days).
        {trend.truncated ? ` The per-run charts show the newest ${trend.runs.length}.` : ""}
      </p>

      <StatsCharts perDay={perDay} trend={trend} />

      <Card>
        <CardHeader>
          <CardTitle>Most frequent failures</CardTitle>
          <CardDescription>
            Failed entities and failed runs, grouped by message (numbers such as ids are shown as
            #), with the runs they happened in.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {failures.groups.length === 0 ? (
            <p className="text-sm text-muted-foreground">No failures in this range.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Message</TableHead>
                  <TableHead className="text-right">Count</TableHead>
                  <TableHead>Last seen</TableHead>
                  <TableHead>Runs</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {failures.groups.map((group) => (
                  <TableRow key={group.message}>
                    <TableCell className="max-w-md break-words whitespace-normal">
                      {group.message}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {group.count.toLocaleString()}
                    </TableCell>
                    <TableCell>
                      <LocalTime value={group.lastSeenAt} />
                    </TableCell>
                    <TableCell>
                      <ul className="flex flex-col gap-0.5">
                        {group.runs.map((run) => (
                          <li key={run.jobId}>
                            <Link
                              href={`/syncs/${run.jobId}`}
                              className="font-mono text-xs underline underline-offset-2"
                            >
                              {run.jobId.slice(0, 8)}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <details className="text-sm">
        <summary className="cursor-pointer text-muted-foreground">Runs per day as a table</summary>
        <Table className="mt-2">
          <TableHeader>
            <TableRow>
              <TableHead>Day</TableHead>
              {SyncStatus.options.map((s) => (
                <TableHead key={s} className="text-right">
                  {syncStatusLabel[s]}
                </TableHead>
              ))}
              <TableHead className="text-right">Success rate</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {perDay.days.map((d) => (
              <TableRow key={d.day}>
                <TableCell className="tabular-nums">{d.day}</TableCell>
                {SyncStatus.options.map((s) => (
                  <TableCell key={s} className="text-right tabular-nums">
                    {d.byStatus[s]}
                  </TableCell>
                ))}
                <TableCell className="text-right tabular-nums">
                  {d.successRate === null ? "—" : `${Math.round(d.successRate * 100)}%`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </div>
  );
}
