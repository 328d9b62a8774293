import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { PlanStatusBadge } from "@/components/analysis/plan-status-badge";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { parseDecimalInteger } from "@/lib/decimal-integer";
import { type SearchParams, firstParam } from "@/lib/search-params";
import { planStatusLabel, planStatusOptions } from "@/server/domain/labels";
import { PlanStatus } from "@/server/domain/vocabulary";
import { getQueryClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Analysis plans" };

type Props = { searchParams: SearchParams };

export default async function PlansPage({ searchParams }: Props) {
  const params = await searchParams;
  const pageValue = parseDecimalInteger(firstParam(params.page)) ?? 1;
  const page = pageValue >= 1 && pageValue <= 100_000 ? pageValue : 1;
  const status = PlanStatus.safeParse(firstParam(params.status)).data;
  const plans = await getQueryClient().fetchQuery(
    trpc.analysis.list.queryOptions({ status, page, pageSize: 25 }),
  );
  const pageHref = (n: number) =>
    `/plans?${new URLSearchParams([...(status ? [["status", status]] : []), ["page", String(n)]])}`;

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-semibold">Analysis plans</h1>
      <p className="text-sm text-muted-foreground">
        A plan looks for performers, studios, tags, dates and titles in each scene&apos;s path and
        text, and proposes them for review. Start one with Analyze on the{" "}
        <Link href="/scenes" className="underline underline-offset-2">
          scene list
        </Link>{" "}
        or on a scene&apos;s page.
      </p>
      <form method="get" action="/plans" aria-label="Filter plans">
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="sr-only">Show plans</legend>
          <FilterSelect
            id="plans-status"
            label="Status"
            name="status"
            value={status}
            anyLabel="Any status"
            options={planStatusOptions}
          />
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </fieldset>
      </form>
      {plans.plans.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          {page > 1
            ? "This page is past the end of the list."
            : status
              ? `No plan has the status “${planStatusLabel[status]}”.`
              : "No plan has run yet."}
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Plan</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Scenes analysed</TableHead>
              <TableHead className="text-right">Changes proposed</TableHead>
              <TableHead className="hidden md:table-cell">Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plans.plans.map((plan) => (
              <TableRow key={plan.id}>
                <TableCell>
                  <Link href={`/plans/${plan.id}`} className="underline-offset-2 hover:underline">
                    #{plan.id} {plan.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <PlanStatusBadge status={plan.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {plan.progress.done.toLocaleString()} / {plan.progress.total.toLocaleString()}
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {plan.changesProposed.toLocaleString()}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">
                  <LocalTime value={plan.createdAt} relative />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <nav aria-label="Pages" className="flex gap-2">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={pageHref(page - 1)} rel="prev">
              Newer plans
            </Link>
          </Button>
        ) : null}
        {page < plans.pageCount ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={pageHref(page + 1)} rel="next">
              Older plans
            </Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
