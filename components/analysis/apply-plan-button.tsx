"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { applyPlanAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";

/** "Apply approved": writes them to Stash, then says what was applied, what failed, which sync recorded it. */
export function ApplyPlanButton({
  planId,
  approved,
  applying,
}: {
  planId: number;
  approved: number;
  /** Another request is applying this plan now. */
  applying: boolean;
}) {
  const router = useRouter();
  const apply = useActionMutation(applyPlanAction, { onSuccess: () => router.refresh() });
  const result = apply.data;
  return (
    <div className="flex flex-col gap-2">
      <Button
        type="button"
        className="self-start"
        disabled={apply.isPending || applying || approved === 0}
        onClick={() => apply.mutate(planId)}
      >
        {apply.isPending
          ? `Applying ${approved.toLocaleString()} changes to Stash…`
          : `Apply ${approved.toLocaleString()} approved ${approved === 1 ? "change" : "changes"} to Stash`}
      </Button>
      <div aria-live="polite" className="text-sm">
        {applying && !apply.isPending ? (
          <p className="text-muted-foreground">
            This plan is being applied to Stash now. Reload the page once it has finished to see
            what was applied.
          </p>
        ) : null}
        {result ? (
          <p role="status">
            Applied {result.applied.toLocaleString()}, failed {result.failed.toLocaleString()} (
            {result.scenesWritten.toLocaleString()} scenes written).{" "}
            {result.syncs.map((sync, i) =>
              sync.jobId ? (
                <Link
                  key={i}
                  href={`/syncs/${sync.jobId}`}
                  className="underline underline-offset-2"
                >
                  Recorded by sync {sync.jobId.slice(0, 8)}
                </Link>
              ) : (
                <span key={i}>Another sync was running; it records the changes.</span>
              ),
            )}
          </p>
        ) : null}
      </div>
      <ErrorMessage>{apply.error?.message}</ErrorMessage>
    </div>
  );
}
