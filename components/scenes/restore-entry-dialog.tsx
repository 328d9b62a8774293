"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { z } from "zod";
import { restoreSceneEntryAction } from "@/app/_actions/restore-scene-entry";
import type { ActionResult } from "@/app/_actions/run-action";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
} from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/error-message";
import type { ChangedFields } from "@/server/domain/changed-fields";
import {
  RestoreConflict,
  type FieldValue,
  type RestoreField,
  type RestoreResult,
} from "@/server/restore/restore-schema";
import { describeRestore } from "./describe-restore";

type Step =
  | { kind: "confirm" }
  | { kind: "conflict"; conflicts: RestoreConflict[] }
  | { kind: "done"; result: RestoreResult }
  | { kind: "failed"; message: string; code: string };

const conflictList = z.array(RestoreConflict);

/**
 * Restore's confirmation: what will be written, then Stash's answer. Stash is read before it
 * is written, so a field changed there since the entry comes back as "Stash now has X;
 * restoring sets Y", and only "Restore anyway" (which names what it replaces) writes it.
 */
export function RestoreEntryDialog({
  sceneId,
  logId,
  changes,
  fields,
  onClose,
  onAnswered,
}: {
  sceneId: string;
  logId: number;
  changes: ChangedFields;
  /** The fields asked for; null when none is (the dialog is closed). */
  fields: RestoreField[] | null;
  onClose: () => void;
  /** Every answer, for the page to refresh what a restore (and its sync) changed. */
  onAnswered: (answer: ActionResult<unknown>) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: "confirm" });
  const [pending, startTransition] = useTransition();

  function restore(expected?: Partial<Record<RestoreField, FieldValue>>) {
    if (!fields) return;
    startTransition(async () => {
      const answer = await restoreSceneEntryAction({ sceneId, logId, fields, expected });
      onAnswered(answer);
      if (answer.ok) {
        setStep({ kind: "done", result: answer.value });
        return;
      }
      const conflicts = conflictList.safeParse(answer.error.details.conflicts);
      if (answer.error.code === "RESTORE_CONFLICT" && conflicts.success) {
        setStep({ kind: "conflict", conflicts: conflicts.data });
      } else {
        setStep({ kind: "failed", message: answer.error.message, code: answer.error.code });
      }
    });
  }

  function close(open: boolean) {
    if (open) return;
    setStep({ kind: "confirm" });
    onClose();
  }

  const what = fields?.length === 1 ? fields[0] : "this entry's fields";
  return (
    <Dialog open={fields !== null} onOpenChange={close}>
      <DialogContent>
        <DialogTitle>Restore {what} in Stash</DialogTitle>
        {step.kind === "confirm" ? (
          <>
            <DialogDescription>
              stash-sync writes these earlier values to the scene in Stash, then syncs the scene so
              its History records the restore.
            </DialogDescription>
            <ul className="flex flex-col gap-1 text-sm" aria-label="Values to restore">
              {fields?.map((field) => (
                <li key={field} className="break-words">
                  <span className="font-medium">{field}:</span>{" "}
                  {changes[field] ? describeRestore(changes[field]) : null}
                </li>
              ))}
            </ul>
          </>
        ) : step.kind === "conflict" ? (
          <>
            <DialogDescription>
              Stash changed since this entry. Restoring replaces what Stash has now:
            </DialogDescription>
            <ul className="flex flex-col gap-1 text-sm" aria-label="Conflicts">
              {step.conflicts.map((c) => (
                <li key={c.field} className="break-words">
                  <span className="font-medium">{c.field}:</span> Stash now has {c.currentText};
                  restoring sets {c.restoringText}
                </li>
              ))}
            </ul>
          </>
        ) : step.kind === "done" ? (
          <ul className="flex flex-col gap-1 text-sm" aria-label="Restore results" role="status">
            {step.result.fields.map((f) => (
              <li key={f.field} className="break-words">
                <span className="font-medium">{f.field}:</span>{" "}
                {f.status === "restored" ? (
                  <>restored to {f.restoredText}</>
                ) : (
                  <span className="text-destructive">{f.error}</span>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <ErrorMessage>
            {step.message}{" "}
            {step.code === "WRITES_DISABLED" ? (
              <Link href="/settings" className="underline underline-offset-2">
                Open Settings
              </Link>
            ) : null}
          </ErrorMessage>
        )}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{step.kind === "done" ? "Close" : "Cancel"}</Button>
          </DialogClose>
          {step.kind === "confirm" ? (
            <Button onClick={() => restore()} disabled={pending}>
              {pending ? "Restoring…" : "Restore"}
            </Button>
          ) : step.kind === "conflict" ? (
            <Button
              variant="destructive"
              disabled={pending}
              onClick={() =>
                restore(Object.fromEntries(step.conflicts.map((c) => [c.field, c.current])))
              }
            >
              {pending ? "Restoring…" : "Restore anyway"}
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
