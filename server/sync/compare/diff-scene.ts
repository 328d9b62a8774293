import type { ChangedFields, FieldChange } from "../../domain/changed-fields";
import type { StashRef, StashVideoFile } from "../../stash/types";
import type { SceneRecord } from "./scene-record";

type Scalar = string | number | boolean | null;

function listChange(before: string[], after: string[]): FieldChange | null {
  const a = new Set(before);
  const b = new Set(after);
  const added = after.filter((x) => !a.has(x));
  const removed = before.filter((x) => !b.has(x));
  return added.length || removed.length ? { added, removed } : null;
}

function refListChange(before: StashRef[], after: StashRef[]): FieldChange | null {
  // Compared by id (a rename is not a relink); shown by name, kept by id too.
  const afterIds = new Set(after.map((r) => r.id));
  const beforeIds = new Set(before.map((r) => r.id));
  const added = after.filter((r) => !beforeIds.has(r.id));
  const removed = before.filter((r) => !afterIds.has(r.id));
  if (!added.length && !removed.length) return null;
  const names = (refs: StashRef[]) => refs.map((r) => r.name);
  const ids = (refs: StashRef[]) => refs.map((r) => r.id);
  return {
    added: names(added),
    removed: names(removed),
    ids: { added: ids(added), removed: ids(removed) },
  };
}

const fileFacts: (keyof StashVideoFile)[] = [
  "size",
  "duration",
  "width",
  "height",
  "videoCodec",
  "audioCodec",
  "frameRate",
  "bitRate",
];

const fingerprintText = (f: StashVideoFile) =>
  f.fingerprints.map((fp) => `${fp.type}:${fp.value}`).join(" ");

/** What differs between the stored scene and Stash's, in the documented changed_fields shape. */
export function diffScene(before: SceneRecord, after: SceneRecord): ChangedFields {
  const changes: ChangedFields = {};
  const scalar = (key: string, from: Scalar, to: Scalar) => {
    if (from !== to) changes[key] = { from, to };
  };
  scalar("title", before.title, after.title);
  scalar("code", before.code, after.code);
  scalar("details", before.details, after.details);
  scalar("director", before.director, after.director);
  scalar("date", before.date, after.date);
  scalar("rating100", before.rating100, after.rating100);
  scalar("organized", before.organized, after.organized);
  scalar("o_counter", before.oCounter, after.oCounter);
  if (before.studio?.id !== after.studio?.id) {
    changes.studio = {
      from: before.studio?.name ?? null,
      to: after.studio?.name ?? null,
      ids: { from: before.studio?.id ?? null, to: after.studio?.id ?? null },
    };
  }
  const urls = listChange(before.urls, after.urls);
  if (urls) changes.urls = urls;
  const performers = refListChange(before.performers, after.performers);
  if (performers) changes.performers = performers;
  const tags = refListChange(before.tags, after.tags);
  if (tags) changes.tags = tags;
  const groups = refListChange(before.groups, after.groups);
  if (groups) changes.groups = groups;
  const files = listChange(
    before.files.map((f) => f.path),
    after.files.map((f) => f.path),
  );
  if (files) changes.files = files;
  // Facts of a file that stayed (same path): re-encoded, re-hashed …
  const beforeByPath = new Map(before.files.map((f) => [f.path, f]));
  for (const file of after.files) {
    const old = beforeByPath.get(file.path);
    if (!old) continue;
    for (const fact of fileFacts) {
      const from = old[fact] as Scalar;
      const to = file[fact] as Scalar;
      if (from !== to) changes[`${file.basename}: ${fact}`] = { from, to };
    }
    if (fingerprintText(old) !== fingerprintText(file)) {
      changes[`${file.basename}: fingerprints`] = {
        from: fingerprintText(old),
        to: fingerprintText(file),
      };
    }
  }
  return changes;
}
