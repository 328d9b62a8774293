"use client";

import { keepPreviousData, skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { bulkReviewAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { ReviewDecision } from "@/server/analysis/review-schema";
import { analysisFieldOptions, bulkReviewFieldLabel } from "@/server/domain/labels";
import { AnalysisField } from "@/server/domain/vocabulary";
import { useTRPC } from "@/trpc/react";
import { BulkReviewConfirmDialog } from "./bulk-review-confirm-dialog";

const changes = (n: number) => `${n.toLocaleString()} pending ${n === 1 ? "change" : "changes"}`;

/**
 * Approves (or rejects) the plan's pending changes of a field and/or at or above a confidence,
 * starting from the page's filters. It says how many changes a decision takes, and asks first
 * when that is every pending change of the plan.
 */
export function BulkReviewForm({
  planId,
  field: initialField,
  minConfidence: initialConfidence,
}: {
  planId: number;
  /** The page's filters, as the form's first values. */
  field?: AnalysisField;
  minConfidence?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [field, setField] = useState<string>(initialField ?? "");
  const [minConfidence, setMinConfidence] = useState(
    initialConfidence === undefined ? "" : String(initialConfidence),
  );
  const [confirming, setConfirming] = useState<ReviewDecision | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const threshold = minConfidence === "" ? undefined : Number(minConfidence);
  const thresholdValid = threshold === undefined || (threshold >= 0 && threshold <= 1);
  const scope = { planId, field: AnalysisField.safeParse(field).data, minConfidence: threshold };
  const count = useQuery({
    ...trpc.analysis.bulkReviewCount.queryOptions(thresholdValid ? scope : skipToken),
    placeholderData: keepPreviousData,
  });
  const review = useActionMutation(bulkReviewAction, {
    onSuccess: async ({ count: reviewed }) => {
      setDone(`${reviewed.toLocaleString()} ${reviewed === 1 ? "change" : "changes"} reviewed.`);
      await queryClient.invalidateQueries(trpc.analysis.bulkReviewCount.pathFilter());
      router.refresh();
    },
  });
  const matching = count.data?.matching;
  const takesAll = count.data !== undefined && count.data.matching === count.data.pending;

  function submit(decision: ReviewDecision) {
    setDone(null);
    if (takesAll && confirming === null) {
      setConfirming(decision);
      return;
    }
    setConfirming(null);
    review.mutate({ ...scope, decision });
  }

  const label = (verb: string) =>
    matching === undefined ? `${verb} pending` : `${verb} ${changes(matching)}`;
  return (
    <form
      aria-label="Review many changes"
      onSubmit={(event) => {
        event.preventDefault();
        submit("approve");
      }}
    >
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-2 text-sm font-medium">Review pending changes in bulk</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-field" className="text-xs font-medium text-muted-foreground">
            {bulkReviewFieldLabel.field}
          </label>
          <NativeSelect id="bulk-field" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">Every field</option>
            {analysisFieldOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="bulk-confidence" className="text-xs font-medium text-muted-foreground">
            {bulkReviewFieldLabel.minConfidence}
          </label>
          <Input
            id="bulk-confidence"
            type="number"
            min={0}
            max={1}
            step={0.05}
            placeholder="any"
            className="w-28"
            aria-invalid={!thresholdValid}
            value={minConfidence}
            onChange={(e) => setMinConfidence(e.target.value)}
          />
        </div>
        <Button type="submit" disabled={review.isPending || matching === 0 || !thresholdValid}>
          {label("Approve")}
        </Button>
        <Button
          type="button"
          variant="outline"
          disabled={review.isPending || matching === 0 || !thresholdValid}
          onClick={() => submit("reject")}
        >
          {label("Reject")}
        </Button>
      </fieldset>
      <p className="mt-2 text-sm text-muted-foreground" aria-live="polite">
        {!thresholdValid
          ? "Enter a confidence from 0 to 1."
          : count.data
            ? `These filters take ${changes(count.data.matching)} of ${count.data.pending.toLocaleString()}.`
            : null}{" "}
        {done}
      </p>
      <ErrorMessage>{review.error?.message}</ErrorMessage>
      <BulkReviewConfirmDialog
        decision={confirming}
        pending={count.data?.pending ?? 0}
        onConfirm={() => confirming && submit(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </form>
  );
}
