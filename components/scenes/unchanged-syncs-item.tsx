"use client";

import { format } from "date-fns";
import { ChevronRightIcon } from "lucide-react";
import { useId, useState } from "react";
import { useHydrated } from "@/components/format/use-hydrated";
import { cn } from "@/lib/utils";
import { unchangedGroupTitle, type UnchangedSyncsGroup } from "./collapse-unchanged-syncs";
import { TimelineEntryItem } from "./timeline-entry-item";

/** A day in the viewer's zone once hydrated; the UTC day before (same width, no shift). */
function Day({ value }: { value: Date }) {
  const hydrated = useHydrated();
  return (
    <time dateTime={value.toISOString()} className="tabular-nums">
      {hydrated ? format(value, "yyyy-MM-dd") : value.toISOString().slice(0, 10)}
    </time>
  );
}

/**
 * Consecutive unchanged syncs as one timeline entry: "Unchanged in 48 incremental syncs,
 * 2026-10-01 … 2026-11-27". The button shows and hides them (aria-expanded), so the group is
 * reachable and operable from the keyboard like any other control.
 */
export function UnchangedSyncsItem({ group }: { group: UnchangedSyncsGroup }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0" data-colour="grey" data-kind="unchanged">
      <span
        aria-hidden="true"
        className="mt-1.5 size-3 shrink-0 rounded-full bg-event-grey ring-4 ring-background"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <h3 className="text-sm font-semibold">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
            className="inline-flex items-center gap-1 rounded-sm text-left outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <ChevronRightIcon
              aria-hidden="true"
              className={cn("size-4 transition-transform", open && "rotate-90")}
            />
            {unchangedGroupTitle(group)}
          </button>
        </h3>
        <p className="text-xs text-muted-foreground">
          <Day value={group.oldest} /> … <Day value={group.newest} />
        </p>
        <ol
          id={listId}
          hidden={!open}
          aria-label={`${unchangedGroupTitle(group)}, newest first`}
          className="mt-3"
        >
          {open
            ? group.entries.map((entry) => <TimelineEntryItem key={entry.key} entry={entry} />)
            : null}
        </ol>
      </div>
    </li>
  );
}
