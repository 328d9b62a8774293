/**
 * Stash's answers as zod schemas, and their mapping to our types. Everything from Stash passes
 * through here: a page's envelope must be right or the page fails; each record is checked on
 * its own, so one malformed scene becomes one failed item and the rest of the page survives.
 */
import { z } from "zod";
import type {
  EntityType,
  PageItem,
  StashEntityByType,
  StashPerformer,
  StashScene,
  StashStudio,
  StashTag,
} from "./types";

/** RFC3339 as Stash writes it: local time with an offset or Z, optional fractions. */
const stashTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    "not an RFC3339 timestamp",
  );

/** Stash dates may be partial: YYYY, YYYY-MM or YYYY-MM-DD. */
const stashDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    "not a YYYY, YYYY-MM or YYYY-MM-DD date",
  );

const id = z.string().min(1);
const ref = z.object({ id, name: z.string() });

/**
 * A scene's performers or tags, each once: Stash keeps them as sets, and the writer inserts
 * links without looking for ones already there. Links were always stored once each, so the
 * scene digest's version stays.
 */
const refSet = z.array(ref).transform((refs) => {
  if (refs.length < 2) return refs;
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(r.id) && seen.add(r.id));
});
const urlList = z.array(z.string());

/** A scene's place in a group; `movie` on releases before v0.27 (see stash-queries.ts). */
const sceneGroup = z
  .union([
    z.object({ group: ref, scene_index: z.number().int().nullable() }),
    z.object({ movie: ref, scene_index: z.number().int().nullable() }),
  ])
  .transform((g) => ({
    id: "group" in g ? g.group.id : g.movie.id,
    name: "group" in g ? g.group.name : g.movie.name,
    sceneIndex: g.scene_index,
  }));

/** Releases before v0.27 kept handles, not URLs, in twitter and instagram. */
const asUrl = (value: string | null | undefined, site: string) =>
  !value ? [] : /^https?:\/\//i.test(value) ? [value] : [`${site}${value.replace(/^@/, "")}`];
const nonNegativeInt = z.number().int().nonnegative();

const wireVideoFile = z.object({
  id,
  path: z.string(),
  basename: z.string(),
  size: nonNegativeInt,
  duration: z.number().nonnegative(),
  width: nonNegativeInt,
  height: nonNegativeInt,
  video_codec: z.string(),
  audio_codec: z.string(),
  frame_rate: z.number().nonnegative(),
  bit_rate: nonNegativeInt,
  fingerprints: z.array(z.object({ type: z.string(), value: z.string() })),
});

// A change to what this schema accepts or how it maps a scene must bump digestVersion in
// server/sync/compare/scene-digest.ts: rows stored from unchanged text are otherwise never read again.
const wireScene = z
  .object({
    id,
    title: z.string().nullable(),
    code: z.string().nullable(),
    details: z.string().nullable(),
    director: z.string().nullable(),
    urls: z.array(z.string()),
    date: stashDate.nullable(),
    rating100: z.number().int().min(0).max(100).nullable(),
    organized: z.boolean(),
    o_counter: nonNegativeInt.nullable(),
    created_at: stashTime,
    updated_at: stashTime,
    studio: ref.nullable(),
    performers: refSet,
    tags: refSet,
    files: z.array(wireVideoFile),
    groups: z.array(sceneGroup).optional(),
    movies: z.array(sceneGroup).optional(),
  })
  .transform((s): StashScene => ({
    id: s.id,
    title: s.title,
    code: s.code,
    details: s.details,
    director: s.director,
    urls: s.urls,
    date: s.date,
    rating100: s.rating100,
    organized: s.organized,
    oCounter: s.o_counter ?? 0,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    studio: s.studio,
    performers: s.performers,
    tags: s.tags,
    groups: s.groups ?? s.movies ?? [],
    files: s.files.map((f) => ({
      id: f.id,
      path: f.path,
      basename: f.basename,
      size: f.size,
      duration: f.duration,
      width: f.width,
      height: f.height,
      videoCodec: f.video_codec,
      audioCodec: f.audio_codec,
      frameRate: f.frame_rate,
      bitRate: f.bit_rate,
      fingerprints: f.fingerprints,
    })),
  }));

const wirePerformer = z
  .object({
    id,
    name: z.string(),
    disambiguation: z.string().nullable(),
    alias_list: z.array(z.string()),
    urls: urlList.nullable().optional(),
    url: z.string().nullable().optional(),
    twitter: z.string().nullable().optional(),
    instagram: z.string().nullable().optional(),
    gender: z
      .enum(["MALE", "FEMALE", "TRANSGENDER_MALE", "TRANSGENDER_FEMALE", "INTERSEX", "NON_BINARY"])
      .nullable(),
    favorite: z.boolean(),
    created_at: stashTime,
    updated_at: stashTime,
  })
  .transform((p): StashPerformer => ({
    id: p.id,
    name: p.name,
    disambiguation: p.disambiguation,
    aliases: p.alias_list,
    urls:
      p.urls !== undefined
        ? (p.urls ?? [])
        : [
            ...asUrl(p.url, ""),
            ...asUrl(p.twitter, "https://twitter.com/"),
            ...asUrl(p.instagram, "https://www.instagram.com/"),
          ],
    gender: p.gender,
    favorite: p.favorite,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  }));

const wireTag = z
  .object({
    id,
    name: z.string(),
    aliases: z.array(z.string()),
    description: z.string().nullable(),
    created_at: stashTime,
    updated_at: stashTime,
  })
  .transform((t): StashTag => ({
    id: t.id,
    name: t.name,
    aliases: t.aliases,
    description: t.description,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  }));

const wireStudio = z
  .object({
    id,
    name: z.string(),
    aliases: z.array(z.string()),
    urls: urlList.optional(),
    url: z.string().nullable().optional(),
    parent_studio: z.object({ id }).nullable(),
    created_at: stashTime,
    updated_at: stashTime,
  })
  .transform((s): StashStudio => ({
    id: s.id,
    name: s.name,
    aliases: s.aliases,
    urls: s.urls ?? (s.url ? [s.url] : []),
    parentId: s.parent_studio?.id ?? null,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  }));

/**
 * Compiled ahead of time (zod's own compiler), because parsing was most of the client's CPU
 * per page (docs/decisions.md); a record the fast path rejects is parsed again by the runtime
 * parser, so error messages are zod's, unchanged.
 */
// strict: a schema the compiler cannot handle fails at startup instead of silently losing the
// fast path.
const compiled = <T extends z.ZodType>(schema: T) => z.compile(schema, { strict: true });

const recordSchemas: { [K in EntityType]: z.ZodType<StashEntityByType[K]> } = {
  scene: compiled(wireScene),
  performer: compiled(wirePerformer),
  tag: compiled(wireTag),
  studio: compiled(wireStudio),
};

/** `files[0].size: expected number, received string; date: not a … date` */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join("");
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/** Validates one record; a failure keeps the id when it can be read. */
export function parseRecord<K extends EntityType>(
  type: K,
  raw: unknown,
): PageItem<StashEntityByType[K]> {
  const result = recordSchemas[type].safeParse(raw);
  if (result.success) return { ok: true, id: result.data.id, value: result.data };
  const rawId = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const readableId = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : null;
  return {
    ok: false,
    id: readableId,
    error: `Stash sent a malformed ${type}: ${describeIssues(result.error)}`,
  };
}

/** The page envelope: `count` and the list must be there; records are checked one by one. */
export const pageEnvelope = z.object({
  page: z.object({ count: nonNegativeInt }).catchall(z.unknown()),
});

export const versionEnvelope = z.object({
  version: z.object({ version: z.string().nullable(), hash: z.string().nullable() }),
});

export const statsEnvelope = z.object({
  stats: z.object({
    scene_count: nonNegativeInt,
    performer_count: nonNegativeInt,
    tag_count: nonNegativeInt,
    studio_count: nonNegativeInt,
  }),
});

export const findSceneEnvelope = z.object({ scene: z.unknown() });
