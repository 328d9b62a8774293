/**
 * The GraphQL documents stash-sync sends to Stash. Each selection is written once, as data, so
 * the same list produces the query text and the compatibility check (checkCompatibility asks
 * Stash's schema for exactly these fields).
 */
import type { EntityType } from "./types";

/** A field with its own selection of a nested type. */
interface Nested {
  name: string;
  type: string;
  fields: readonly Field[];
}

/**
 * A field Stash renamed or replaced: the current one is read wherever the server has it, the
 * older ones only on releases that lack it (see StashDialect).
 */
interface Choice {
  current: string | Nested;
  fallback: readonly (string | Nested)[];
}

type Field = string | Nested | Choice;

interface Selection {
  type: string;
  fields: readonly Field[];
}

/**
 * Which of the renamed fields this server lacks, as "Type.field" of the current name; the
 * empty dialect is the current release's.
 */
export interface StashDialect {
  readonly legacy: ReadonlySet<string>;
}

export const currentDialect: StashDialect = { legacy: new Set() };

const ref = (name: string, type: string): Nested => ({ name, type, fields: ["id", "name"] });

const videoFile: Selection = {
  type: "VideoFile",
  fields: [
    "id",
    "path",
    "basename",
    "size",
    "duration",
    "width",
    "height",
    "video_codec",
    "audio_codec",
    "frame_rate",
    "bit_rate",
    { name: "fingerprints", type: "Fingerprint", fields: ["type", "value"] },
  ],
};

export const selections: Record<EntityType, Selection> = {
  scene: {
    type: "Scene",
    fields: [
      "id",
      "title",
      "code",
      "details",
      "director",
      "urls",
      "date",
      "rating100",
      "organized",
      "o_counter",
      "created_at",
      "updated_at",
      ref("studio", "Studio"),
      ref("performers", "Performer"),
      ref("tags", "Tag"),
      // Groups replaced movies in v0.27.
      {
        current: {
          name: "groups",
          type: "SceneGroup",
          fields: [ref("group", "Group"), "scene_index"],
        },
        fallback: [
          { name: "movies", type: "SceneMovie", fields: [ref("movie", "Movie"), "scene_index"] },
        ],
      },
      { name: "files", ...videoFile },
    ],
  },
  performer: {
    type: "Performer",
    fields: [
      "id",
      "name",
      "disambiguation",
      "alias_list",
      // A list since v0.27; before, one url plus the twitter and instagram handles.
      { current: "urls", fallback: ["url", "twitter", "instagram"] },
      "gender",
      "favorite",
      "created_at",
      "updated_at",
    ],
  },
  tag: {
    type: "Tag",
    fields: ["id", "name", "aliases", "description", "created_at", "updated_at"],
  },
  studio: {
    type: "Studio",
    fields: [
      "id",
      "name",
      "aliases",
      // A list since v0.30.
      { current: "urls", fallback: ["url"] },
      { name: "parent_studio", type: "Studio", fields: ["id"] },
      "created_at",
      "updated_at",
    ],
  },
};

const isChoice = (f: Field): f is Choice => typeof f === "object" && "current" in f;
const fieldName = (f: string | Nested) => (typeof f === "string" ? f : f.name);

/** The fields a selection reads on a server of this dialect, renamed fields resolved. */
function resolved(type: string, fields: readonly Field[], dialect: StashDialect) {
  return fields.flatMap((f) =>
    isChoice(f)
      ? dialect.legacy.has(`${type}.${fieldName(f.current)}`)
        ? f.fallback
        : [f.current]
      : [f],
  );
}

function selectionSet(type: string, fields: readonly Field[], dialect: StashDialect): string {
  const parts = resolved(type, fields, dialect).map((f) =>
    typeof f === "string" ? f : `${f.name} ${selectionSet(f.type, f.fields, dialect)}`,
  );
  return `{ ${parts.join(" ")} }`;
}

/**
 * The first two fields of a type's records, in the order a GraphQL answer lists them (the
 * query's). scan-record-page.ts tells the records of a page from the objects nested in them
 * by how they begin, so no nested selection may begin with the same two (tests check).
 */
export function recordOpening(type: EntityType): [string, string] {
  const [first, second] = resolved(selections[type].type, selections[type].fields, currentDialect);
  return [fieldName(first!), fieldName(second!)];
}

/** The first two fields of every object selected inside a type's records, in every dialect. */
export function nestedOpenings(type: EntityType): string[][] {
  const out: string[][] = [];
  const walk = (fields: readonly Field[]) => {
    for (const f of fields.flatMap((g) => (isChoice(g) ? [g.current, ...g.fallback] : [g]))) {
      if (typeof f === "string") continue;
      out.push(f.fields.slice(0, 2).map((g) => (isChoice(g) ? "?" : fieldName(g))));
      walk(f.fields);
    }
  };
  walk(selections[type].fields);
  return out;
}

/** Stash's names for each entity: query, filter argument, list field. */
export const stashNames = {
  scene: {
    query: "findScenes",
    filterArg: "scene_filter",
    filterType: "SceneFilterType",
    list: "scenes",
  },
  performer: {
    query: "findPerformers",
    filterArg: "performer_filter",
    filterType: "PerformerFilterType",
    list: "performers",
  },
  tag: { query: "findTags", filterArg: "tag_filter", filterType: "TagFilterType", list: "tags" },
  studio: {
    query: "findStudios",
    filterArg: "studio_filter",
    filterType: "StudioFilterType",
    list: "studios",
  },
} as const satisfies Record<EntityType, unknown>;

const capitalized = (type: EntityType) => type[0]!.toUpperCase() + type.slice(1);

/** A page of one entity type; `ids` is sent only when the request names ids. */
export function findPageQuery(type: EntityType, withIds: boolean, dialect: StashDialect): string {
  const n = stashNames[type];
  const idsParam = withIds ? ", $ids: [ID!]" : "";
  const idsArg = withIds ? ", ids: $ids" : "";
  const { type: typeName, fields } = selections[type];
  return (
    `query StashSyncFind${capitalized(type)}Page($filter: FindFilterType, $entityFilter: ${n.filterType}${idsParam}) ` +
    `{ page: ${n.query}(filter: $filter, ${n.filterArg}: $entityFilter${idsArg}) ` +
    `{ count ${n.list} ${selectionSet(typeName, fields, dialect)} } }`
  );
}

/**
 * The newest updated_at and the count of each type, each under its type's name. The filter is written into
 * the document rather than sent as variables: it never changes, and the variables of this
 * client's requests then only ever carry a timestamp when one is a "changed since" value.
 */
export function latestUpdatedAtsQuery(types: readonly EntityType[]): string {
  const fields = types
    .map((type) => {
      const n = stashNames[type];
      return (
        `${type}: ${n.query}(filter: { page: 1, per_page: 1, sort: "updated_at", direction: DESC }) ` +
        `{ count ${n.list} { id updated_at } }`
      );
    })
    .join(" ");
  return `query StashSyncLatestUpdates { ${fields} }`;
}

/**
 * How many records of each type changed after a value Stash returned: counts only (one
 * request, no records in the answer), each under its type's name.
 */
export function changedSinceCountsQuery(types: readonly EntityType[]): string {
  const params = types.map((type) => `$${type}: ${stashNames[type].filterType}`).join(", ");
  const fields = types
    .map((type) => {
      const n = stashNames[type];
      return `${type}: ${n.query}(filter: { page: 1, per_page: 1 }, ${n.filterArg}: $${type}) { count }`;
    })
    .join(" ");
  return `query StashSyncChangedSince(${params}) { ${fields} }`;
}

export function findSceneQuery(dialect: StashDialect): string {
  const { type, fields } = selections.scene;
  return `query StashSyncFindScene($id: ID!) { scene: findScene(id: $id) ${selectionSet(type, fields, dialect)} }`;
}

export const versionQuery = "query StashSyncVersion { version { version hash } }";

export const statsQuery =
  "query StashSyncStats { stats { scene_count performer_count tag_count studio_count } }";

/** Each renamed field: its type, current name, and the older fields it stands for. */
export function renamedFields(): { type: string; current: string; fallback: string[] }[] {
  const out: { type: string; current: string; fallback: string[] }[] = [];
  const walk = (type: string, fields: readonly Field[]) => {
    for (const f of fields) {
      if (isChoice(f)) {
        out.push({ type, current: fieldName(f.current), fallback: f.fallback.map(fieldName) });
        for (const g of [f.current, ...f.fallback])
          if (typeof g !== "string") walk(g.type, g.fields);
      } else if (typeof f !== "string") walk(f.type, f.fields);
    }
  };
  for (const s of Object.values(selections)) walk(s.type, s.fields);
  return out;
}

/**
 * Every type and field the queries above read on a server of this dialect, plus the query
 * fields and arguments they call: what a Stash must have for stash-sync to work.
 */
export function requiredSchema(dialect: StashDialect): {
  types: Map<string, Set<string>>;
  queryArgs: Map<string, Set<string>>;
} {
  const types = new Map<string, Set<string>>();
  const add = (type: string, fields: readonly Field[]) => {
    const set = types.get(type) ?? new Set<string>();
    types.set(type, set);
    for (const f of resolved(type, fields, dialect)) {
      if (typeof f === "string") set.add(f);
      else {
        set.add(f.name);
        add(f.type, f.fields);
      }
    }
  };
  for (const s of Object.values(selections)) add(s.type, s.fields);
  add("Version", ["version", "hash"]);
  add("StatsResultType", ["scene_count", "performer_count", "tag_count", "studio_count"]);
  const queryArgs = new Map<string, Set<string>>([
    ["findScene", new Set(["id"])],
    ["version", new Set()],
    ["stats", new Set()],
  ]);
  for (const n of Object.values(stashNames))
    queryArgs.set(n.query, new Set(["filter", n.filterArg]));
  queryArgs.get("findScenes")?.add("ids");
  for (const n of Object.values(stashNames)) add(n.filterType, ["updated_at"]);
  return { types, queryArgs };
}

/** Every type any dialect reads, for the schema check to ask about. */
export function typesRead(): string[] {
  const all = new Set<string>();
  const legacyEverywhere: StashDialect = {
    legacy: new Set(renamedFields().map((r) => `${r.type}.${r.current}`)),
  };
  for (const dialect of [currentDialect, legacyEverywhere])
    for (const type of requiredSchema(dialect).types.keys()) all.add(type);
  return [...all];
}
