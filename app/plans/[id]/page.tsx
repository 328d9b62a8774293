import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/not-found-on-missing";
import { ApplyPlanButton } from "@/components/analysis/apply-plan-button";
import { BulkReviewForm } from "@/components/analysis/bulk-review-form";
import { ChangeItem } from "@/components/analysis/change-item";
import { PlanProgress } from "@/components/analysis/plan-progress";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { parseDecimalInteger } from "@/lib/decimal-integer";
import { type SearchParams, firstParam } from "@/lib/search-params";
import {
  analysisFieldOptions,
  bulkReviewFieldLabel,
  proposalStatusLabel,
  proposalStatusOptions,
} from "@/server/domain/labels";
import { AnalysisField, ProposalStatus } from "@/server/domain/vocabulary";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/trpc/server";

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export const metadata: Metadata = { title: "Analysis plan" };

const PAGE_SIZE = 25;

export default async function PlanPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const planId = parseDecimalInteger(id) ?? 0;
  const field = AnalysisField.safeParse(firstParam(query.field)).data;
  const status = ProposalStatus.safeParse(firstParam(query.status)).data;
  const confidenceValue = Number(firstParam(query.confidence));
  const minConfidence =
    firstParam(query.confidence) && confidenceValue >= 0 && confidenceValue <= 1
      ? confidenceValue
      : undefined;
  const pageValue = parseDecimalInteger(firstParam(query.page)) ?? 1;
  const page = pageValue >= 1 && pageValue <= 100_000 ? pageValue : 1;

  const queryClient = getQueryClient();
  const plan = await orNotFound(queryClient.fetchQuery(trpc.analysis.get.queryOptions({ planId })));
  const [changes, counts] = await Promise.all([
    queryClient.fetchQuery(
      trpc.analysis.changes.queryOptions({
        planId,
        field,
        status,
        minConfidence,
        page,
        pageSize: PAGE_SIZE,
      }),
    ),
    queryClient.fetchQuery(trpc.analysis.changeCounts.queryOptions({ planId })),
  ]);
  prefetch(trpc.analysis.bulkReviewCount.queryOptions({ planId, field, minConfidence }));
  const keep = new URLSearchParams();
  if (field) keep.set("field", field);
  if (status) keep.set("status", status);
  if (minConfidence !== undefined) keep.set("confidence", String(minConfidence));
  const pageHref = (n: number) =>
    `/plans/${planId}?${new URLSearchParams([...keep, ["page", String(n)]])}`;
  const filtered = field || status || minConfidence !== undefined;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <p className="text-sm">
          <Link href="/plans" className="text-muted-foreground underline underline-offset-2">
            Plans
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">
          Plan #{plan.id}: {plan.name}
        </h1>
        <p className="text-sm text-muted-foreground">Analyzers: {plan.analyzers.join(", ")}</p>
      </div>
      <PlanProgress initial={plan} />

      <Card>
        <CardHeader>
          <CardTitle>Review and apply</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <p className="text-sm text-muted-foreground" aria-label="Changes by status">
            {proposalStatusOptions
              .map((o) => `${proposalStatusLabel[o.value]}: ${counts[o.value].toLocaleString()}`)
              .join(" · ")}
          </p>
          <HydrateClient>
            <BulkReviewForm
              key={`${field ?? ""}:${minConfidence ?? ""}`}
              planId={plan.id}
              field={field}
              minConfidence={minConfidence}
            />
          </HydrateClient>
          <ApplyPlanButton planId={plan.id} approved={counts.approved} applying={plan.applying} />
        </CardContent>
      </Card>

      <form method="get" action={`/plans/${plan.id}`} aria-label="Filter changes">
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="mb-2 text-sm font-medium">Show changes</legend>
          <FilterSelect
            id="changes-field"
            label={bulkReviewFieldLabel.field}
            name="field"
            value={field}
            anyLabel="Any field"
            options={analysisFieldOptions}
          />
          <FilterSelect
            id="changes-status"
            label="Status"
            name="status"
            value={status}
            anyLabel="Any status"
            options={proposalStatusOptions}
          />
          <div className="flex flex-col gap-1">
            <label
              htmlFor="changes-confidence"
              className="text-xs font-medium text-muted-foreground"
            >
              {bulkReviewFieldLabel.minConfidence}
            </label>
            <input
              id="changes-confidence"
              name="confidence"
              type="number"
              min={0}
              max={1}
              step={0.05}
              defaultValue={minConfidence}
              placeholder="any"
              className="h-9 w-28 rounded-md border border-input bg-background px-2 text-sm"
            />
          </div>
          <Button type="submit" variant="outline">
            Filter
          </Button>
        </fieldset>
      </form>

      <p className="text-sm text-muted-foreground" aria-live="polite">
        {changes.total.toLocaleString()} {changes.total === 1 ? "scene" : "scenes"} with proposals
        {filtered ? " matching" : ""}
      </p>
      {changes.scenes.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          {filtered
            ? "No proposal matches these filters."
            : plan.status === "running"
              ? "No proposals yet; the plan is still running."
              : "This plan found nothing to propose."}
        </p>
      ) : (
        <ul aria-label="Scenes with proposals" className="flex flex-col gap-4">
          {changes.scenes.map((scene) => (
            <li key={scene.sceneId} className="flex flex-col gap-2">
              <h2 className="text-base font-semibold">
                <Link
                  href={`/scenes/${scene.sceneId}`}
                  className="underline-offset-2 hover:underline"
                >
                  {scene.title || `Scene ${scene.sceneId}`}
                </Link>
              </h2>
              <ul
                aria-label={`Changes for ${scene.title || `scene ${scene.sceneId}`}`}
                className="flex flex-col gap-2"
              >
                {scene.changes.map((change) => (
                  <ChangeItem key={change.id} change={change} texts={scene.texts} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
        {page > 1 ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={pageHref(page - 1)} rel="prev">
              Previous
            </Link>
          </Button>
        ) : null}
        {changes.pageCount > 1 ? (
          <span className="text-muted-foreground">
            Page {page.toLocaleString()} of {changes.pageCount.toLocaleString()}
          </span>
        ) : null}
        {page < changes.pageCount ? (
          <Button variant="outline" size="sm" asChild>
            <Link href={pageHref(page + 1)} rel="next">
              Next
            </Link>
          </Button>
        ) : null}
      </nav>
    </div>
  );
}
