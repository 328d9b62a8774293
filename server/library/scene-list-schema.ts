import { z } from "zod";
import { StashId } from "../domain/vocabulary";
import { SceneListAfter } from "./scene-list-cursor";

export const SceneSort = z.enum([
  "title_asc",
  "title_desc",
  "date_desc",
  "date_asc",
  "updated_desc",
  "synced_desc",
]);
export type SceneSort = z.infer<typeof SceneSort>;

export const SCENE_LIST_PAGE_SIZE = 50;

export const ListScenesInput = z.object({
  /**
   * Part of the title, of a file path or of the studio's, a performer's or a tag's name,
   * matched literally (`%`, `_` and `"` are characters).
   */
  search: z
    .string()
    .trim()
    .max(200)
    // SQLite reads a pattern only up to a NUL: the rest of the search would be dropped.
    .refine((text) => !text.includes("\0"), "must not contain NUL characters")
    .optional(),
  performerId: StashId.optional(),
  tagId: StashId.optional(),
  studioId: StashId.optional(),
  organized: z.boolean().optional(),
  /** Only scenes whose latest sync failed. */
  failing: z.boolean().optional(),
  sort: SceneSort.default("title_asc"),
  page: z.number().int().min(1).max(100_000).default(1),
  /**
   * The previous page's `nextCursor`: this page is then read from where that one ended
   * instead of by counting `page - 1` pages (which stays the page number shown).
   */
  after: SceneListAfter.optional(),
  pageSize: z.number().int().min(1).max(200).default(SCENE_LIST_PAGE_SIZE),
});
export type ListScenesInput = z.input<typeof ListScenesInput>;

export const SceneListItem = z.object({
  id: z.string(),
  title: z.string().nullable(),
  studio: z.string().nullable(),
  date: z.string().nullable(),
  organized: z.boolean(),
  /** Primary file's facts; null when Stash lists no file. */
  path: z.string().nullable(),
  duration: z.number().nullable(),
  height: z.number().int().nullable(),
  lastSyncedAt: z.date(),
  failing: z.boolean(),
});
export type SceneListItem = z.infer<typeof SceneListItem>;

export const SceneListPage = z.object({
  items: z.array(SceneListItem),
  total: z.number().int(),
  /** `total` is estimated ("about 41,000"): a broad filter is not counted to its end. */
  totalIsEstimate: z.boolean(),
  page: z.number().int(),
  /** Where the next page starts (its `after`); null on the last page. */
  nextCursor: z.string().nullable(),
  pageCount: z.number().int(),
});
export type SceneListPage = z.infer<typeof SceneListPage>;

const Option = z.object({ id: z.string(), name: z.string() });

export const SceneFilterOptions = z.object({
  performers: z.array(Option),
  tags: z.array(Option),
  studios: z.array(Option),
});
export type SceneFilterOptions = z.infer<typeof SceneFilterOptions>;
