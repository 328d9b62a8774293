"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { LocalTime } from "@/components/format/local-time";
import { invalidateRunQueries } from "@/components/syncs/invalidate-sync-queries";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { RetentionReport, RetentionView } from "@/server/retention/retention-schema";
import { useTRPC } from "@/trpc/react";
import { runRetentionAction, saveRetentionAction } from "@/app/_actions/retention";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { ErrorMessage } from "@/components/ui/error-message";

function ReportText({ report }: { report: RetentionReport }) {
  const total = Object.values(report.removed).reduce((a, b) => a + b, 0);
  return (
    <p className="text-sm" data-testid="retention-report">
      Last cleanup <LocalTime value={report.finishedAt} relative />: removed{" "}
      {total.toLocaleString()} history rows ({report.removed.skipped.toLocaleString()} unchanged,{" "}
      {report.removed.created.toLocaleString()} created, {report.removed.updated.toLocaleString()}{" "}
      updated, {report.removed.failed.toLocaleString()} failed) and{" "}
      {report.removedRuns.toLocaleString()} empty runs.
    </p>
  );
}

const fields = [
  { key: "skippedDays", label: "Keep unchanged entries (days)" },
  { key: "changedDays", label: "Keep created, updated and failed entries (days)" },
  { key: "keepLastPerEntity", label: "Always keep the newest entries of each entity" },
] as const;

/** Retention windows, and "Run cleanup now" with what it removed. */
export function RetentionSettingsForm({ initial }: { initial: RetentionView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial.settings);
  const [report, setReport] = useState(initial.lastReport);
  const save = useActionMutation(saveRetentionAction);
  const run = useActionMutation(runRetentionAction, {
    onSuccess: (r) => {
      setReport(r);
      // Removed history rows and empty runs must not linger in cached Histories and run lists.
      void invalidateRunQueries(queryClient, trpc, "library");
    },
  });
  return (
    <div className="flex flex-col gap-4">
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(values);
        }}
      >
        {fields.map((field) => (
          <div key={field.key} className="flex flex-col gap-1">
            <label htmlFor={`retention-${field.key}`} className="text-sm font-medium">
              {field.label}
            </label>
            <Input
              id={`retention-${field.key}`}
              type="number"
              min={1}
              max={field.key === "keepLastPerEntity" ? 1000 : 3650}
              required
              className="w-32"
              value={values[field.key]}
              onChange={(e) => setValues({ ...values, [field.key]: Number(e.target.value) })}
            />
          </div>
        ))}
        <p className="text-xs text-muted-foreground">
          Each entity&apos;s first “created” entry is always kept. Runs are removed only once none
          of their entries are left and they are older than the longest window.
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Apply retention"}
          </Button>
          <Button
            type="button"
            variant="outline"
            disabled={run.isPending}
            onClick={() => run.mutate(undefined)}
          >
            {run.isPending ? "Cleaning up…" : "Run cleanup now"}
          </Button>
        </div>
        <div aria-live="polite">
          {save.isSuccess ? <p className="text-sm">Retention applied.</p> : null}
          {report ? <ReportText report={report} /> : null}
        </div>
        <ErrorMessage>{save.error?.message ?? run.error?.message}</ErrorMessage>
      </form>
    </div>
  );
}
