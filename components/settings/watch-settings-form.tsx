"use client";

import { useActionState, useId } from "react";
import { saveWatchSettingsAction } from "@/app/_actions/watch-settings";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { watchIntervalBounds, type WatchView } from "@/server/watch/watch-schema";

/** Watch mode: off by default; every interval it asks Stash whether anything changed. */
export function WatchSettingsForm({ initial }: { initial: WatchView }) {
  const enabledId = useId();
  const intervalId = useId();
  const [saved, save, saving] = useActionState(saveWatchSettingsAction, null);
  const view = saved?.ok ? saved.value : initial;
  const intervalError = saved && !saved.ok ? saved.error.fields?.intervalSeconds?.[0] : undefined;
  return (
    <form
      action={save}
      className="flex flex-col gap-3"
      key={`${view.enabled}-${view.intervalSeconds}`}
    >
      <div className="flex items-center gap-2">
        <input
          id={enabledId}
          name="enabled"
          type="checkbox"
          defaultChecked={view.enabled}
          className="size-4 accent-primary"
        />
        <Label htmlFor={enabledId}>Watch Stash for changes</Label>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor={intervalId}>Check every (seconds)</Label>
          <Input
            id={intervalId}
            name="intervalSeconds"
            type="number"
            inputMode="numeric"
            min={watchIntervalBounds.min}
            max={watchIntervalBounds.max}
            step={1}
            defaultValue={view.intervalSeconds}
            aria-invalid={intervalError ? true : undefined}
            aria-describedby={`${intervalId}-note`}
            className="w-32"
          />
        </div>
        <Button type="submit" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
      <p id={`${intervalId}-note`} className="text-sm text-muted-foreground" aria-live="polite">
        {saved?.ok ? (view.enabled ? "Saved: watching. " : "Saved: not watching. ") : ""}
        {watchIntervalBounds.min} s to 10 minutes, default {watchIntervalBounds.default} s. A check
        that finds nothing records no run.
      </p>
      <ErrorMessage>{saved && !saved.ok && `Not saved: ${saved.error.message}`}</ErrorMessage>
    </form>
  );
}
