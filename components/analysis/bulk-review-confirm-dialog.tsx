"use client";

import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
} from "@/components/ui/dialog";
import type { ReviewDecision } from "@/server/analysis/review-schema";

const verb = { approve: "Approve", reject: "Reject" } as const;

/** Asks before a bulk decision takes every pending change of the plan. */
export function BulkReviewConfirmDialog({
  decision,
  pending,
  onConfirm,
  onCancel,
}: {
  /** The decision waiting for an answer; null when none (the dialog is closed). */
  decision: ReviewDecision | null;
  pending: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const all = `all ${pending.toLocaleString()} pending ${pending === 1 ? "change" : "changes"}`;
  return (
    <Dialog open={decision !== null} onOpenChange={(open) => (open ? null : onCancel())}>
      <DialogContent>
        <DialogTitle>
          {decision ? verb[decision] : null} {all}?
        </DialogTitle>
        <DialogDescription>
          These filters leave nothing out: every change of this plan still waiting for review will
          be {decision === "reject" ? "rejected" : "approved"}. Changes already approved or rejected
          one by one stay as they are.
        </DialogDescription>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button type="button" onClick={onConfirm}>
            {decision ? verb[decision] : null} {all}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
