"use client";

import { useId, useState } from "react";
import { savePageConcurrencyAction } from "@/app/_actions/page-concurrency";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-message";
import { NativeSelect } from "@/components/ui/native-select";

const choices = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** How many page requests a sync keeps in flight at once (1 for a Stash that struggles). */
export function PageConcurrencyForm({ initial }: { initial: number }) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const save = useActionMutation(savePageConcurrencyAction);
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ pageConcurrency: value });
      }}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium">
            Page requests in flight
          </label>
          <NativeSelect
            id={id}
            value={String(value)}
            onChange={(e) => setValue(Number(e.target.value))}
            aria-describedby={`${id}-note`}
          >
            {choices.map((n) => (
              <option key={n} value={n}>
                {n === 3 ? `${n} (default)` : n === 1 ? `${n} (one at a time)` : n}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save page requests"}
        </Button>
      </div>
      <p id={`${id}-note`} className="text-sm text-muted-foreground" aria-live="polite">
        {save.isSuccess ? `Saved: ${save.data} at a time, from the next sync on. ` : ""}
        Pages are still written one at a time, in order.
      </p>
      <ErrorMessage>{save.isError && `Not saved: ${save.error.message}`}</ErrorMessage>
    </form>
  );
}
