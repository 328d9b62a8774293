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
 * Reads pages 1, 2, … until Stash has no more, writing each page while the next one is
 * already being fetched (network and database work overlap). Cancellation is honoured
 * between pages, so a cancelled run keeps every page it committed.
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
      // Surface its failure when it is awaited, not as an unhandled rejection meanwhile.
      pending.catch(() => {});
    }
    for (const item of current.items) if (item.id) seen.add(item.id);
    if (current.items.length > 0) await writePage(current.items);
    if (!more) break;
  }
  return { seen, countChanged };
}
