import type { SqlValue } from "../../db/sql-dialect";
import type { StashPerformer, StashStudio, StashTag } from "../../stash/types";
import { contentHash } from "./content-hash";

export type RefType = "performer" | "tag" | "studio";
type Scalar = string | number | boolean | null;

interface RefField<T> {
  /** The name shown in changed_fields. */
  key: string;
  column: string;
  read: (entity: T) => Scalar;
  boolean?: boolean;
}

/**
 * How a performer, tag or studio is stored and compared: one generic writer handles all
 * three from these descriptions.
 */
export interface RefSpec<T extends { id: string; createdAt: string; updatedAt: string }> {
  type: RefType;
  table: string;
  fields: RefField<T>[];
}

export const performerSpec: RefSpec<StashPerformer> = {
  type: "performer",
  table: "performer",
  fields: [
    { key: "name", column: "name", read: (p) => p.name },
    { key: "disambiguation", column: "disambiguation", read: (p) => p.disambiguation },
    { key: "aliases", column: "aliases", read: (p) => JSON.stringify(p.aliases) },
    { key: "urls", column: "urls", read: (p) => JSON.stringify(p.urls) },
    { key: "gender", column: "gender", read: (p) => p.gender },
    { key: "favorite", column: "favorite", read: (p) => p.favorite, boolean: true },
  ],
};

export const tagSpec: RefSpec<StashTag> = {
  type: "tag",
  table: "tag",
  fields: [
    { key: "name", column: "name", read: (t) => t.name },
    { key: "aliases", column: "aliases", read: (t) => JSON.stringify(t.aliases) },
    { key: "description", column: "description", read: (t) => t.description },
  ],
};

export const studioSpec: RefSpec<StashStudio> = {
  type: "studio",
  table: "studio",
  fields: [
    { key: "name", column: "name", read: (s) => s.name },
    { key: "aliases", column: "aliases", read: (s) => JSON.stringify(s.aliases) },
    { key: "urls", column: "urls", read: (s) => JSON.stringify(s.urls) },
    { key: "parent_studio", column: "parent_id", read: (s) => s.parentId },
  ],
};

export function refHash<T extends { id: string; createdAt: string; updatedAt: string }>(
  spec: RefSpec<T>,
  entity: T,
): string {
  return contentHash(spec.fields.map((f) => f.read(entity)));
}

export function refValues<T extends { id: string; createdAt: string; updatedAt: string }>(
  spec: RefSpec<T>,
  entity: T,
): SqlValue[] {
  return spec.fields.map((f) => f.read(entity));
}

/** SQLite hands booleans back as 0/1; compare them as booleans. */
export function storedScalar(field: { boolean?: boolean }, value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (field.boolean) return value === true || value === 1 || value === 1n || value === "1";
  if (typeof value === "bigint") return Number(value);
  return value as Scalar;
}
