import type {
  PageRequest,
  PageItem,
  PageRecord,
  Paged,
  StashPerformer,
  StashScene,
  StashStudio,
  StashTag,
} from "../../stash/types";
import { performerSpec, studioSpec, tagSpec, type RefType } from "../compare/ref-specs";
import { oneSecondBefore } from "../stash-timestamps";
import { prepareRefPage } from "../write/write-ref-page";
import { prepareScenePage } from "../write/write-scene-page";
import { pageThrough, type PagedResult } from "./page-through";
import { PageBudget, PageWindow } from "./page-window";

export type { PagedResult };
import type { RunContext } from "../run-context";

/**
 * One entity type's pages, read and written in order: what each sync type is made of.
 */

/** Pages are always ordered by id: stable while the library is edited during the run. */
function request(ctx: PagingContext, page: number, since: string | undefined): PageRequest {
  return {
    page,
    perPage: ctx.perPage,
    sort: "id",
    direction: "ASC",
    ...(since ? { updatedAfter: oneSecondBefore(since) } : {}),
  };
}

/** What asking for pages needs of a run: its client, page size and page concurrency. */
export type PagingContext = Pick<RunContext, "client" | "perPage" | "pageConcurrency">;

export const refTypes = ["performer", "tag", "studio"] as const satisfies readonly RefType[];

/** Each type's pages, asked for from the start of a run (see withFirstPages). */
export interface FirstPages {
  performer: PageWindow<PageItem<StashPerformer>>;
  tag: PageWindow<PageItem<StashTag>>;
  studio: PageWindow<PageItem<StashStudio>>;
  scene: PageWindow<PageRecord<StashScene>>;
}

type Since = Partial<Record<RefType | "scene", string>>;

/** Each type's number of records in Stash when a run began. */
export type TypeCounts = Partial<Record<RefType | "scene", number>>;

/**
 * A type's pages from Stash, `since` limiting them to what changed; `counts`, when known, says
 * how many records each type has (without `since`), so its pages can be asked before the first
 * answer.
 */
function pageWindows(
  ctx: PagingContext,
  budget: PageBudget,
  since: Since,
  counts: TypeCounts,
  order: PageOrder,
): FirstPages {
  const { client } = ctx;
  const window = <Item>(
    type: keyof TypeCounts,
    fetch: (page: number, signal: AbortSignal) => Promise<Paged<Item>>,
  ) => new PageWindow(fetch, budget, ctx.perPage, counts[type]);
  const open = {
    performer: () =>
      window("performer", (page, signal) =>
        client.findPerformers(request(ctx, page, since.performer), signal),
      ),
    tag: () =>
      window("tag", (page, signal) => client.findTags(request(ctx, page, since.tag), signal)),
    studio: () =>
      window("studio", (page, signal) =>
        client.findStudios(request(ctx, page, since.studio), signal),
      ),
    scene: () =>
      window("scene", (page, signal) =>
        client.findScenePage(request(ctx, page, since.scene), signal),
      ),
  };
  // Opened, so joining the budget, in the order the run writes them.
  return Object.fromEntries(
    typesInWriteOrder(order).map((type) => [type, open[type]()]),
  ) as unknown as FirstPages;
}

/** Which pages a run writes first: the performers, tags and studios, or the scenes. */
export type PageOrder = "refs first" | "scenes first";

/** The types a run pages through, in the order it writes them. */
export function typesInWriteOrder(order: PageOrder): (keyof FirstPages)[] {
  return order === "scenes first" ? ["scene", ...refTypes] : [...refTypes, "scene"];
}

/**
 * Runs `run` with every type's pages started: a slow Stash then answers them side by side
 * rather than one type after the other, asked in the order they are written, within the run's
 * page concurrency. `since` per type. However `run` ends, answers still on their way then ask
 * Stash for nothing more.
 */
export async function withFirstPages<T>(
  ctx: PagingContext,
  options: { since?: Since; counts?: TypeCounts; order?: PageOrder },
  run: (first: FirstPages) => Promise<T>,
): Promise<T> {
  const { since = {}, counts = {}, order = "refs first" } = options;
  // One budget for the run's windows, which join it in the order their pages are written.
  const budget = new PageBudget(ctx.pageConcurrency);
  const windows = pageWindows(ctx, budget, since, counts, order);
  for (const type of typesInWriteOrder(order)) windows[type].start();
  try {
    return await run(windows);
  } finally {
    budget.close();
  }
}

/** Windows for one type's pages alone, asked as they are taken. */
const ownPages = (ctx: PagingContext, since: Since) =>
  pageWindows(ctx, new PageBudget(ctx.pageConcurrency), since, {}, "refs first");

/** Syncs one type of performers, tags or studios; `since` limits it to what changed. */
export function syncRefType(
  ctx: RunContext,
  type: RefType,
  since?: string,
  first?: FirstPages,
): Promise<PagedResult> {
  const pages = first ?? ownPages(ctx, { [type]: since });
  switch (type) {
    case "performer":
      return pageThrough(ctx, "performers", pages.performer, (items) =>
        prepareRefPage(ctx, performerSpec, items),
      );
    case "tag":
      return pageThrough(ctx, "tags", pages.tag, (items) => prepareRefPage(ctx, tagSpec, items));
    case "studio":
      return pageThrough(ctx, "studios", pages.studio, (items) =>
        prepareRefPage(ctx, studioSpec, items),
      );
  }
}

export async function syncSceneType(
  ctx: RunContext,
  since?: string,
  first?: FirstPages,
): Promise<PagedResult> {
  const pages = first ?? ownPages(ctx, { scene: since });
  return pageThrough(ctx, "scenes", pages.scene, (items) => prepareScenePage(ctx, items));
}
