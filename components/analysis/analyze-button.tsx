"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogTrigger } from "@/components/ui/dialog";
import type { PlanScope } from "@/server/analysis/plan-schema";
import { AnalyzeDialogContent } from "./analyze-dialog-content";

/** "Analyze": asks for the plan's name and analyzers, runs it over these scenes, opens its page. */
export function AnalyzeButton({
  scope,
  name,
  label = "Analyze",
  variant = "outline",
  disabled = false,
}: {
  scope: PlanScope;
  /** The plan's name, until the person names it otherwise. */
  name: string;
  label?: string;
  variant?: "outline" | "default";
  /** E.g. when the scope holds no scene. */
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant={variant} disabled={disabled}>
          {label}
        </Button>
      </DialogTrigger>
      {open ? <AnalyzeDialogContent scope={scope} name={name} title={label} /> : null}
    </Dialog>
  );
}
