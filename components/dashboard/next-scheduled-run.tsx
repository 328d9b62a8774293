import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { intervalLabel } from "@/components/settings/interval-label";
import type { ScheduleView } from "@/server/schedule/schedule-schema";

/** The dashboard's line about the schedule: when the next incremental sync runs, or that it is off. */
export function NextScheduledRun({ schedule }: { schedule: ScheduleView }) {
  return (
    <p className="text-sm text-muted-foreground" data-testid="next-scheduled-run">
      {schedule.nextRunAt && schedule.intervalMinutes ? (
        <>
          Next scheduled sync: <LocalTime value={schedule.nextRunAt} relative /> (
          {intervalLabel(schedule.intervalMinutes).toLowerCase()}).
        </>
      ) : (
        <>
          Scheduled syncs are off.{" "}
          <Link href="/settings" className="underline underline-offset-2">
            Set a schedule
          </Link>
        </>
      )}
    </p>
  );
}
