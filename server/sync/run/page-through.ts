import type { StashPage } from "../../stash/types";
import type { EntityOutcome } from "../write/record-outcomes";
import { throwIfCancelled, type RunContext } from "./run-context";

export interface PagedResult {
  /** Ids Stash returned (valid or not). */
  seen: Set<string>;
  /** Stash's count moved while paging: something was added or removed mid-run. */
  countChanged: boolean;
}

/**
 * Reads pages 1, 2, … until Stash has no more. Three things overlap: Stash prepares the next
 * page, this thread receives and parses the current one, and the bulk writer's thread writes
 * the previous one. At most one page is being written at a time, in order, so counts and
 * "seen" stay exact. Cancellation is honoured between pages; every page begun is finished.
 */
export async function pageThrough<T>(
  ctx: RunContext,
  phase: string,
  fetchPage: (page: number) => Promise<StashPage<T>>,
  writePage: (items: StashPage<T>["items"]) => Promise<EntityOutcome[]>,
): Promise<PagedResult> {
  const seen = new Set<string>();
  let firstCount: number | null = null;
  let countChanged = false;
  let page = 1;
  let pending = fetchPage(page);
  // Every fetch is awaited below, but maybe after an early exit (cancel, a failed write): a
  // handler now keeps its failure from being reported as unhandled meanwhile.
  pending.catch(() => {});
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      throwIfCancelled(ctx.signal);
      const current = await pending;
      if (firstCount === null) {
        firstCount = current.count;
        ctx.progress.setPhase(phase, current.count);
      } else if (current.count !== firstCount) {
        countChanged = true;
      }
      const more = current.items.length > 0 && page * ctx.perPage < current.count;
      if (more) {
        pending = fetchPage(++page);
        pending.catch(() => {});
      }
      for (const item of current.items) if (item.id) seen.add(item.id);
      await writing;
      if (current.items.length > 0) {
        writing = writePage(current.items);
        writing.catch(() => {});
      }
      if (!more) break;
    }
    await writing;
  } finally {
    // Never leave a page half-recorded in the counters when the loop ends early.
    await writing.catch(() => {});
  }
  return { seen, countChanged };
}
