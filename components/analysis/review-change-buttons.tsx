"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { reviewChangeAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import type { ChangeView } from "@/server/analysis/review-schema";
import { useTRPC } from "@/trpc/react";

/** Approve or reject one change; a settled (applied or failed) change offers neither. */
export function ReviewChangeButtons({ change, label }: { change: ChangeView; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const review = useActionMutation(reviewChangeAction, {
    onSuccess: async () => {
      // The bulk form's count of pending changes moves with each single review.
      await queryClient.invalidateQueries(trpc.analysis.bulkReviewCount.pathFilter());
      router.refresh();
    },
  });
  if (change.status === "applied" || change.status === "failed") return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Button
        type="button"
        size="sm"
        variant={change.status === "approved" ? "default" : "outline"}
        aria-pressed={change.status === "approved"}
        aria-label={`Approve ${label}`}
        disabled={review.isPending}
        onClick={() => review.mutate({ changeId: change.id, decision: "approve" })}
      >
        Approve
      </Button>
      <Button
        type="button"
        size="sm"
        variant={change.status === "rejected" ? "default" : "outline"}
        aria-pressed={change.status === "rejected"}
        aria-label={`Reject ${label}`}
        disabled={review.isPending}
        onClick={() => review.mutate({ changeId: change.id, decision: "reject" })}
      >
        Reject
      </Button>
      <ErrorMessage>{review.error?.message}</ErrorMessage>
    </div>
  );
}
