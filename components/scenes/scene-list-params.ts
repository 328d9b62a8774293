import { SceneListAfter } from "@/server/library/scene-list-cursor";
import { SceneSort, type ListScenesInput } from "@/server/library/scene-list-schema";
import { parseDecimalInteger } from "@/lib/decimal-integer";

type SearchParams = Record<string, string | string[] | undefined>;

const sorts = SceneSort.options;

export const sortLabels: Record<SceneSort, string> = {
  title_asc: "Title A→Z",
  title_desc: "Title Z→A",
  date_desc: "Date, newest first",
  date_asc: "Date, oldest first",
  updated_desc: "Updated in Stash, newest first",
  synced_desc: "Last synced, newest first",
};

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() ? v.trim() : undefined;
}

// A search the list would refuse (a NUL character) is ignored, like any other bad value.
const searchText = (value: string | undefined) =>
  value && !value.includes("\0") ? value.slice(0, 200) : undefined;

const cursorText = (value: string | undefined) =>
  value && SceneListAfter.safeParse(value).success ? value : undefined;

const id = (value: string | undefined) => (value && /^\d{1,19}$/.test(value) ? value : undefined);

/**
 * The scene list's state lives in the address (?q=…&tag=…&sort=…&page=…), so a view can be
 * bookmarked and shared. "Next" adds where the page ended (&after=…), so the next page is read
 * from there; a page number alone still works. A value that does not parse is ignored rather than an error page.
 */
export function parseSceneListParams(params: SearchParams) {
  const organized = first(params.organized);
  const sort = first(params.sort);
  const page = parseDecimalInteger(first(params.page)) ?? 1;
  return {
    search: searchText(first(params.q)),
    performerId: id(first(params.performer)),
    tagId: id(first(params.tag)),
    studioId: id(first(params.studio)),
    organized: organized === "yes" ? true : organized === "no" ? false : undefined,
    failing: first(params.failing) === "1" ? true : undefined,
    sort: sorts.find((s) => s === sort) ?? "title_asc",
    page: page >= 1 && page <= 100_000 ? page : 1,
    // Where the previous page ended; a value that is not a cursor is ignored.
    after: cursorText(first(params.after)),
  } satisfies ListScenesInput;
}

export type SceneListParams = ReturnType<typeof parseSceneListParams>;

/** The address of the list with these parameters (defaults left out). */
export function sceneListHref(params: SceneListParams, changes: Partial<SceneListParams> = {}) {
  const p = { ...params, ...changes };
  const query = new URLSearchParams();
  if (p.search) query.set("q", p.search);
  if (p.performerId) query.set("performer", p.performerId);
  if (p.tagId) query.set("tag", p.tagId);
  if (p.studioId) query.set("studio", p.studioId);
  if (p.organized !== undefined) query.set("organized", p.organized ? "yes" : "no");
  if (p.failing) query.set("failing", "1");
  if (p.sort !== "title_asc") query.set("sort", p.sort);
  if (p.page > 1) query.set("page", String(p.page));
  if (p.after && p.page > 1) query.set("after", p.after);
  const text = query.toString();
  return text ? `/scenes?${text}` : "/scenes";
}
