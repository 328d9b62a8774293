"use client";

import { useRouter } from "next/navigation";
import { createAndRunPlanAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import type { PlanScope } from "@/server/analysis/plan-schema";
import { AnalyzerName } from "@/server/domain/vocabulary";

/** "Analyze": runs a plan with every analyzer over these scenes, then opens its page. */
export function AnalyzeButton({
  scope,
  name,
  label = "Analyze",
  variant = "outline",
}: {
  scope: PlanScope;
  name: string;
  label?: string;
  variant?: "outline" | "default";
}) {
  const router = useRouter();
  const analyze = useActionMutation(createAndRunPlanAction, {
    onSuccess: (plan) => router.push(`/plans/${plan.id}`),
  });
  return (
    <div className="flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        disabled={analyze.isPending}
        onClick={() => analyze.mutate({ name, analyzers: [...AnalyzerName.options], scope })}
      >
        {analyze.isPending ? "Starting analysis…" : label}
      </Button>
      <ErrorMessage>{analyze.error?.message}</ErrorMessage>
    </div>
  );
}
