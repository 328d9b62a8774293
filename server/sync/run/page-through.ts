import { setImmediate as nextTurn } from "node:timers/promises";
import type { PreparedPage } from "../write/prepare-page";
import { throwIfCancelled, unlessCancelled, type RunContext } from "../run-context";
import type { PageWindow } from "./page-window";

export interface PagedResult {
  /** Ids Stash returned, whether or not their records were valid (those with a readable id). */
  seen: Set<string>;
  /** Stash's count moved while paging: something was added or removed mid-run. */
  countChanged: boolean;
}

/**
 * Reads pages 1, 2, … until Stash has no more. Four things overlap: Stash prepares the next
 * pages (up to ctx.pageConcurrency requests in flight, page-window.ts), this thread receives
 * the current one (parsing only what it must) and plans its writes, and the bulk writer's thread commits the previous one. Plans are made from committed
 * rows, so a page sharing an entity with the page still being committed (the library changed
 * mid-run and offsets shifted) waits for that commit first. Pages commit one at a time, in
 * order, so counts and "seen" stay exact. Cancellation is honoured between pages and while a
 * page is awaited from Stash; every page begun is finished.
 */
export async function pageThrough<Item extends { id: string | null }>(
  ctx: RunContext,
  phase: string,
  pages: PageWindow<Item>,
  preparePage: (items: Item[]) => Promise<PreparedPage>,
): Promise<PagedResult> {
  const seen = new Set<string>();
  let firstCount: number | null = null;
  let countChanged = false;
  let writing: Promise<unknown> = Promise.resolve();
  let committing = new Set<string>();
  try {
    for (let page = 1; ; page++) {
      throwIfCancelled(ctx.signal);
      const current = await unlessCancelled(ctx.signal, pages.take(page));
      // Taking this page asked for another, which fetch() writes only once the event loop
      // turns: planning first held each request back ~17 ms (docs/decisions.md).
      await nextTurn();
      if (firstCount === null) {
        firstCount = current.count;
        ctx.progress.setPhase(phase, current.count);
      } else if (current.count !== firstCount) {
        countChanged = true;
      }
      const more = current.items.length > 0 && page * ctx.perPage < current.count;
      const ids = new Set<string>();
      for (const item of current.items) if (item.id) ids.add(item.id);
      if ([...ids].some((id) => committing.has(id))) await writing;
      for (const id of ids) seen.add(id);
      const prepared = current.items.length > 0 ? await preparePage(current.items) : null;
      await writing;
      if (prepared) {
        writing = prepared.commit();
        writing.catch(() => {});
        committing = ids;
      }
      if (!more) break;
    }
    await writing;
  } finally {
    pages.close();
    // Never leave a page half-recorded in the counters when the loop ends early.
    await writing.catch(() => {});
  }
  return { seen, countChanged };
}
