"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { bulkReviewAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { analysisFieldOptions } from "@/server/domain/labels";
import { AnalysisField } from "@/server/domain/vocabulary";

/** Approves (or rejects) the plan's pending changes of a field and/or at or above a confidence. */
export function BulkReviewForm({ planId }: { planId: number }) {
  const router = useRouter();
  const [field, setField] = useState("");
  const [minConfidence, setMinConfidence] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const review = useActionMutation(bulkReviewAction, {
    onSuccess: ({ count }) => {
      setDone(`${count.toLocaleString()} ${count === 1 ? "change" : "changes"} reviewed.`);
      router.refresh();
    },
  });
  const threshold = minConfidence === "" ? undefined : Number(minConfidence);

  function submit(decision: "approve" | "reject") {
    setDone(null);
    review.mutate({
      planId,
      decision,
      field: AnalysisField.safeParse(field).data,
      minConfidence: threshold,
    });
  }

  return (
    <form
      aria-label="Review many changes"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit("approve");
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="bulk-field" className="text-xs font-medium text-muted-foreground">
          Field
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
          Confidence at least
        </label>
        <Input
          id="bulk-confidence"
          type="number"
          min={0}
          max={1}
          step={0.05}
          placeholder="any"
          className="w-28"
          value={minConfidence}
          onChange={(e) => setMinConfidence(e.target.value)}
        />
      </div>
      <Button type="submit" disabled={review.isPending}>
        Approve pending
      </Button>
      <Button
        type="button"
        variant="outline"
        disabled={review.isPending}
        onClick={() => submit("reject")}
      >
        Reject pending
      </Button>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {done}
      </p>
      <ErrorMessage>{review.error?.message}</ErrorMessage>
    </form>
  );
}
