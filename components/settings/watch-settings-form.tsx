"use client";

import { useId, useState } from "react";
import { saveWatchSettingsAction } from "@/app/_actions/watch-settings";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { watchIntervalBounds, type WatchView } from "@/server/watch/watch-schema";

/** Watch mode: off by default; every interval it asks Stash whether anything changed. */
export function WatchSettingsForm({ initial }: { initial: WatchView }) {
  const enabledId = useId();
  const intervalId = useId();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [interval, setInterval] = useState(String(initial.intervalSeconds));
  const save = useActionMutation(saveWatchSettingsAction);
  const intervalError = save.error?.failure.fields?.intervalSeconds?.[0];
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ enabled, intervalSeconds: Number(interval) });
      }}
    >
      <div className="flex items-center gap-2">
        <input
          id={enabledId}
          type="checkbox"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="size-4 accent-primary"
        />
        <Label htmlFor={enabledId}>Watch Stash for changes</Label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor={intervalId}>Check every (seconds)</Label>
          <Input
            id={intervalId}
            type="number"
            inputMode="numeric"
            min={watchIntervalBounds.min}
            max={watchIntervalBounds.max}
            step={1}
            value={interval}
            onChange={(e) => setInterval(e.target.value)}
            aria-invalid={intervalError ? true : undefined}
            aria-describedby={`${intervalId}-note`}
            className="w-32"
          />
        </div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save watch mode"}
        </Button>
      </div>
      <p id={`${intervalId}-note`} className="text-sm text-muted-foreground" aria-live="polite">
        {save.isSuccess ? (save.data.enabled ? "Saved: watching. " : "Saved: not watching. ") : ""}
        {watchIntervalBounds.min} s to 10 minutes, default {watchIntervalBounds.default} s. A check
        that finds nothing records no run.
      </p>
      <ErrorMessage>{save.isError && `Not saved: ${save.error.message}`}</ErrorMessage>
    </form>
  );
}
