"use client";

import { useId, useState } from "react";
import { LocalTime } from "@/components/format/local-time";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { ScheduleView } from "@/server/schedule/schedule-schema";
import { scheduleIntervalChoices } from "@/server/schedule/schedule-schema";
import { saveScheduleAction } from "@/app/_actions/schedule-settings";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { intervalLabel } from "./interval-label";
import { ErrorMessage } from "@/components/ui/error-message";
import { syncTypeLabel } from "@/server/domain/labels";

/** The scheduled incremental sync: how often, and when it runs next. */
export function ScheduleSettingsForm({ initial }: { initial: ScheduleView }) {
  const id = useId();
  const [schedule, setSchedule] = useState(initial);
  const [interval, setInterval] = useState(initial.intervalMinutes ?? 0);
  const save = useActionMutation(saveScheduleAction, { onSuccess: (view) => setSchedule(view) });
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ intervalMinutes: interval });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">
            {syncTypeLabel.incremental}
          </label>
          <NativeSelect
            id={id}
            value={String(interval)}
            onChange={(e) => setInterval(Number(e.target.value))}
          >
            {scheduleIntervalChoices.map((m) => (
              <option key={m} value={m}>
                {intervalLabel(m)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Apply schedule"}
        </Button>
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {schedule.nextRunAt ? (
          <>
            Next scheduled sync: <LocalTime value={schedule.nextRunAt} relative />
          </>
        ) : (
          "Scheduled syncs are off."
        )}
        {schedule.lastAttempt?.outcome === "skipped_running"
          ? " The last slot was skipped because a sync was already running."
          : ""}
      </p>
      <ErrorMessage>{save.isError && save.error.message}</ErrorMessage>
    </form>
  );
}
