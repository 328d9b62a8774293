"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { cancelPlanAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { RUNNING_POLL_MS } from "@/components/syncs/sync-run-query";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Progress } from "@/components/ui/progress";
import type { PlanView } from "@/server/analysis/plan-schema";
import { useTRPC } from "@/trpc/react";
import { PlanStatusBadge } from "./plan-status-badge";

/** A plan's status and live progress with Cancel; the page re-renders once it ends. */
export function PlanProgress({ initial }: { initial: PlanView }) {
  const trpc = useTRPC();
  const router = useRouter();
  const plan = useQuery(
    trpc.analysis.get.queryOptions(
      { planId: initial.id },
      {
        initialData: initial,
        staleTime: 0,
        refetchInterval: (query) =>
          query.state.data?.status === "running" ? RUNNING_POLL_MS : false,
      },
    ),
  );
  const data = plan.data;
  const cancel = useActionMutation(cancelPlanAction);
  const ended = useRef(initial.status !== "running");
  useEffect(() => {
    if (data.status !== "running" && !ended.current) {
      ended.current = true;
      router.refresh();
    }
  }, [data.status, router]);

  const { done, total } = data.progress;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <PlanStatusBadge status={data.status} />
        <span className="tabular-nums text-muted-foreground" aria-live="polite">
          {done.toLocaleString()} / {total.toLocaleString()} scenes analysed ·{" "}
          {data.changesProposed.toLocaleString()} changes proposed for{" "}
          {data.scenesWithChanges.toLocaleString()} scenes
        </span>
      </div>
      {data.status === "running" ? (
        <>
          <Progress
            value={total > 0 ? done : null}
            max={total > 0 ? total : 100}
            aria-label="Analysis progress"
          />
          <Button
            type="button"
            variant="outline"
            size="sm"
            className="self-start"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(data.id)}
          >
            {cancel.isPending ? "Cancelling…" : "Cancel"}
          </Button>
        </>
      ) : null}
      {data.errorMessage ? (
        <p className="text-sm text-muted-foreground">{data.errorMessage}</p>
      ) : null}
      <ErrorMessage>{cancel.error?.message}</ErrorMessage>
    </div>
  );
}
