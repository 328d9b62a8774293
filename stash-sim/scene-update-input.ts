/**
 * Stash's SceneUpdateInput read as real Stash reads it (internal/api/resolver_mutation_scene.go
 * and its changeset translator): a field the input leaves out stays as it is, a field sent as
 * null is cleared, lists replace the scene's list, and `groups` wins over the deprecated
 * `movies`, as `urls` wins over the deprecated `url`.
 */
import type { SceneEdit } from "./generate-library";

interface SceneLinkInput {
  group_id?: string;
  movie_id?: string;
  scene_index?: number | null;
}

export interface SceneUpdateInput {
  id: string;
  title?: string | null;
  code?: string | null;
  details?: string | null;
  director?: string | null;
  url?: string | null;
  urls?: string[] | null;
  date?: string | null;
  rating100?: number | null;
  organized?: boolean | null;
  studio_id?: string | null;
  performer_ids?: string[] | null;
  tag_ids?: string[] | null;
  groups?: SceneLinkInput[] | null;
  movies?: SceneLinkInput[] | null;
}

/** Stash parses ids with strconv.Atoi and says so when it cannot. */
export function sceneIdOf(raw: string): number {
  if (!/^[+-]?\d+$/.test(raw)) throw new Error(`strconv.Atoi: parsing "${raw}": invalid syntax`);
  return Number(raw);
}

const partialDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export function sceneEditOf(input: SceneUpdateInput): SceneEdit {
  const edit: SceneEdit = {};
  const has = (field: keyof SceneUpdateInput) => Object.hasOwn(input, field);
  if (has("title")) edit.title = input.title ?? null;
  if (has("code")) edit.code = input.code ?? null;
  if (has("details")) edit.details = input.details ?? null;
  if (has("director")) edit.director = input.director ?? null;
  if (has("date")) {
    const date = input.date ?? null;
    if (date !== null && date !== "" && !partialDate.test(date))
      throw new Error(`converting date: invalid date "${date}"`);
    edit.date = date === "" ? null : date;
  }
  if (has("rating100")) edit.rating100 = input.rating100 ?? null;
  // organized is a non-null column: null leaves it as it is.
  if (input.organized != null) edit.organized = input.organized;
  if (has("urls")) edit.urls = input.urls ?? [];
  else if (has("url")) edit.urls = input.url ? [input.url] : [];
  if (has("studio_id")) edit.studio_id = input.studio_id ?? null;
  if (has("performer_ids")) edit.performer_ids = input.performer_ids ?? [];
  if (has("tag_ids")) edit.tag_ids = input.tag_ids ?? [];
  const links = has("groups") ? input.groups : has("movies") ? input.movies : undefined;
  if (links !== undefined) {
    edit.groups = (links ?? []).map((link) => ({
      group_id: String(link.group_id ?? link.movie_id),
      scene_index: link.scene_index ?? null,
    }));
  }
  return edit;
}
