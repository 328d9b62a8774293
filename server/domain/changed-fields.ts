import { z } from "zod";

/**
 * What a sync changed on one entity, stored as JSON in sync_log.changed_fields and shown on
 * the History tab. Keys are our field names (title, date, rating100, urls, organized, studio,
 * performers, tags, files, removed_from_stash …).
 * - a scalar (or a single link such as the studio, by name) changed: { from, to };
 * - a list of links (performers, tags, files by path) changed: { added, removed }.
 * Links also carry their Stash ids in `ids`, in the same shape, so a restore can name them to
 * Stash after a rename; rows written before ids were recorded have none.
 * A created entity has no changed_fields (NULL): everything is new.
 */
const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ScalarChange = z.object({
  from: Scalar,
  to: Scalar,
  ids: z.object({ from: z.string().nullable(), to: z.string().nullable() }).optional(),
});
export const ListChange = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  ids: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }).optional(),
});
export const FieldChange = z.union([ScalarChange, ListChange]);
export const ChangedFields = z.record(z.string(), FieldChange);

export type ScalarChange = z.infer<typeof ScalarChange>;
export type ListChange = z.infer<typeof ListChange>;
export type FieldChange = z.infer<typeof FieldChange>;
export type ChangedFields = z.infer<typeof ChangedFields>;

export function isListChange(change: FieldChange): change is ListChange {
  return "added" in change;
}

/** Reads the stored JSON; a value this version cannot read is shown as no detail, not a crash. */
export function parseChangedFields(json: string | null): ChangedFields | null {
  if (!json) return null;
  try {
    const parsed = ChangedFields.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
