"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createAndRunPlanAction } from "@/app/_actions/analysis";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
} from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PlanScope } from "@/server/analysis/plan-schema";
import { analyzerOptions, createPlanFieldLabel } from "@/server/domain/labels";
import { AnalyzerName } from "@/server/domain/vocabulary";

/** The Analyze dialog's form: the plan's name and its analyzers (every one, until unticked). */
export function AnalyzeDialogContent({
  scope,
  name,
  title,
}: {
  scope: PlanScope;
  name: string;
  title: string;
}) {
  const id = useId();
  const router = useRouter();
  const [planName, setPlanName] = useState(name);
  const [chosen, setChosen] = useState<ReadonlySet<AnalyzerName>>(new Set(AnalyzerName.options));
  const analyze = useActionMutation(createAndRunPlanAction, {
    onSuccess: (plan) => router.push(`/plans/${plan.id}`),
  });

  function toggle(analyzer: AnalyzerName, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(analyzer);
      else next.delete(analyzer);
      return next;
    });
  }

  return (
    <DialogContent>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>
        The plan reads these scenes in stash-sync&apos;s copy of the library and proposes changes
        for you to review. Nothing changes in Stash until you apply them.
      </DialogDescription>
      <form
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          // In the order the analyzers are listed, whatever order they were ticked in.
          const analyzers = AnalyzerName.options.filter((a) => chosen.has(a));
          analyze.mutate({ name: planName, analyzers, scope });
        }}
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-name`}>{createPlanFieldLabel.name}</Label>
          <Input
            id={`${id}-name`}
            value={planName}
            maxLength={200}
            required
            onChange={(e) => setPlanName(e.target.value)}
          />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{createPlanFieldLabel.analyzers}</legend>
          {analyzerOptions.map((option) => (
            <div key={option.value} className="flex items-center gap-2">
              <Checkbox
                id={`${id}-${option.value}`}
                checked={chosen.has(option.value)}
                onCheckedChange={(on) => toggle(option.value, on === true)}
              />
              <Label htmlFor={`${id}-${option.value}`} className="font-normal">
                {option.label}
              </Label>
            </div>
          ))}
        </fieldset>
        {chosen.size === 0 ? (
          <p className="text-sm text-muted-foreground">Choose at least one analyzer.</p>
        ) : null}
        <ErrorMessage>{analyze.error?.message}</ErrorMessage>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="submit"
            disabled={analyze.isPending || chosen.size === 0 || planName.trim() === ""}
          >
            {analyze.isPending ? "Starting analysis…" : "Start analysis"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
