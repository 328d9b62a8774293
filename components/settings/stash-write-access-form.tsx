"use client";

import { useId, useState } from "react";
import { saveStashWriteAccessAction } from "@/app/_actions/stash-write-access";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Checkbox } from "@/components/ui/checkbox";
import { ErrorMessage } from "@/components/ui/error-message";
import { Label } from "@/components/ui/label";
import type { StashWriteAccess } from "@/server/restore/stash-write-access";

/** "Allow stash-sync to change Stash": off by default; the environment variable wins. */
export function StashWriteAccessForm({ initial }: { initial: StashWriteAccess }) {
  const id = useId();
  const [access, setAccess] = useState(initial);
  const save = useActionMutation(saveStashWriteAccessAction, {
    onSuccess: (view) => setAccess(view),
  });
  const fromEnvironment = access.source === "environment";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <Checkbox
          id={id}
          checked={access.allowed}
          disabled={fromEnvironment || save.isPending}
          onCheckedChange={(checked) => save.mutate({ allowed: checked === true })}
          aria-describedby={`${id}-note`}
        />
        <Label htmlFor={id}>Allow stash-sync to change Stash</Label>
      </div>
      <p id={`${id}-note`} className="text-xs text-muted-foreground" aria-live="polite">
        {fromEnvironment
          ? `Set by STASH_SYNC_ALLOW_WRITES=${String(access.allowed)} on the server, which takes precedence over this switch.`
          : access.allowed
            ? "On: Restore on a scene's History writes its earlier values to Stash."
            : "Off: stash-sync only reads Stash, and Restore is refused."}
      </p>
      <ErrorMessage>{save.isError && `Not saved: ${save.error.message}`}</ErrorMessage>
    </div>
  );
}
