/**
 * Stash's GraphQL endpoint over the simulated library, served by graphql-yoga. Answers as
 * gqlgen (Stash's server library) does: HTTP 422 for a query that does not parse or validate,
 * HTTP 200 with `errors` for a failing resolver, error messages unmasked.
 */
import { useGraphQlJit as graphQlJitPlugin } from "@envelop/graphql-jit";
import { GraphQLScalarType } from "graphql";
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import type {
  EntityFilter,
  EntityTable,
  FindFilter,
  IntCriterion,
  TimestampCriterion,
} from "./entity-table";
import type { SimLibrary } from "./library";
import type { StashRelease } from "./releases";
import { sceneEditOf, sceneIdOf, type SceneUpdateInput } from "./scene-update-input";
import { sdlWithout, stashSchemaSdl } from "./schema-sdl";
import type { WirePerformer, WireScene, WireStudio } from "./wire-types";

export interface StashVersionInfo {
  version: string | null;
  hash: string;
  build_time: string;
}

export interface RequestRecord {
  seq: number;
  /** The simulated clock's time (it moves with the library's edits, not by itself). */
  at: number;
  /** Requests answered before this one arrived: which requests a client sent side by side. */
  answeredBefore: number;
  /** True when the request carried an ApiKey header (its value is never recorded). */
  apiKeySent: boolean;
  /** "abandoned": held (holdPagesFrom, holdOperations) until the client closed the connection. */
  outcome: "served" | "unauthorized" | "http-error" | "dropped" | "held" | "abandoned" | "control";
  status?: number;
  operationName?: string | null;
  query?: string;
  variables?: Record<string, unknown> | null;
}

export interface GraphQLContext {
  record?: RequestRecord;
}

/** Time and Int64 pass values through: fast, and a corrupt row reaches the client as stored. */
const passThrough = (name: string) =>
  new GraphQLScalarType({
    name,
    serialize: (v) => v,
    parseValue: (v) => v,
    parseLiteral: () => null,
  });

interface RawFilter {
  created_at?: TimestampCriterion | null;
  updated_at?: TimestampCriterion | null;
  id?: IntCriterion | null;
  organized?: boolean | null;
  filter_favorites?: boolean | null;
  favorite?: boolean | null;
}

function toEntityFilter(raw: RawFilter | null | undefined): EntityFilter {
  if (!raw) return {};
  const flags: Record<string, boolean> = {};
  if (raw.organized != null) flags.organized = raw.organized;
  if (raw.favorite != null) flags.favorite = raw.favorite;
  if (raw.filter_favorites != null) flags.favorite = raw.filter_favorites;
  return { created_at: raw.created_at, updated_at: raw.updated_at, id: raw.id, flags };
}

interface FindArgs {
  filter?: FindFilter | null;
  ids?: string[] | null;
}

function find<Row, Wire>(
  table: EntityTable<Row, Wire>,
  rawFilter: RawFilter | null | undefined,
  args: FindArgs,
  legacyIds?: number[] | null,
) {
  const ids = args.ids?.length ? args.ids : legacyIds?.length ? legacyIds.map(String) : null;
  return ids ? table.findByIds(ids) : table.query(toEntityFilter(rawFilter), args.filter);
}

/**
 * gqlgen answers a query that does not parse or validate, or whose variables do not fit their
 * types, with HTTP 422. Yoga answers 200 or 400 and its own plugins insist on that, so the
 * failed requests are remembered and their responses re-issued with 422.
 */
function invalidQueryIs422(): Plugin {
  const invalid = new WeakSet<Request>();
  const remember = (context: unknown) => {
    const request = (context as { request?: Request }).request;
    if (request) invalid.add(request);
  };
  return {
    onParse() {
      return ({ result, context }) => {
        if (result instanceof Error) remember(context);
      };
    },
    onValidate() {
      return ({ valid, context }) => {
        if (!valid) remember(context);
      };
    },
    onExecute() {
      return {
        onExecuteDone: ({ args, result }) => {
          // Variables that do not coerce end execution before it starts: errors, no data.
          if ("errors" in result && result.errors?.length && !("data" in result))
            remember(args.contextValue);
        },
      };
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (!invalid.has(request)) return;
      setResponse(new fetchAPI.Response(response.body, { status: 422, headers: response.headers }));
    },
  };
}

/** The first of a performer's URLs on this site, as the pre-v0.27 field held it. */
const urlOn = (urls: string[], site: RegExp) => urls.find((u) => site.test(u)) ?? null;
const twitter = /^https?:\/\/(www\.)?(twitter|x)\.com\//i;
const instagram = /^https?:\/\/(www\.)?instagram\.com\//i;

export function createStashGraphQL(options: {
  library: SimLibrary;
  release: StashRelease;
  version: StashVersionInfo;
  removeFields: readonly string[];
}) {
  const { library } = options;
  const schema = createSchema<GraphQLContext>({
    typeDefs: sdlWithout(stashSchemaSdl(options.release), options.removeFields),
    resolvers: {
      Time: passThrough("Time"),
      Int64: passThrough("Int64"),
      VideoFile: {
        fingerprint: (
          file: { fingerprints: { type: string; value: string }[] },
          args: { type: string },
        ) => file.fingerprints.find((f) => f.type === args.type)?.value ?? null,
      },
      // Stash answers the single-URL fields from the list: the first URL.
      Studio: { url: (studio: WireStudio) => studio.urls[0] ?? null },
      Performer: {
        url: (p: WirePerformer) =>
          p.urls.find((u) => !twitter.test(u) && !instagram.test(u)) ?? null,
        twitter: (p: WirePerformer) => urlOn(p.urls, twitter),
        instagram: (p: WirePerformer) => urlOn(p.urls, instagram),
      },
      Scene: {
        movies: (scene: WireScene) =>
          scene.groups.map((g) => ({ movie: g.group, scene_index: g.scene_index })),
      },
      Mutation: {
        // Unknown scene, performer, tag, studio or group ids fail the whole update, as in Stash.
        sceneUpdate: (_: unknown, args: { input: SceneUpdateInput }) =>
          library.updateScene(sceneIdOf(args.input.id), sceneEditOf(args.input)),
      },
      Query: {
        version: () => options.version,
        stats: () => library.stats(),
        findScene: (_: unknown, args: { id?: string | null; checksum?: string | null }) => {
          // Unknown id: null, not an error.
          return args.id != null ? library.scene(sceneIdOf(args.id)) : null;
        },
        findScenes: (
          _: unknown,
          args: FindArgs & { scene_filter?: RawFilter; scene_ids?: number[] },
        ) => {
          const result = find(library.scenes, args.scene_filter, args, args.scene_ids);
          const sum = (pick: (f: { size: unknown; duration: number }) => number) => () => {
            let total = 0;
            for (const row of result.matching()) {
              for (const f of library.scenes.kind.materialize(row).files) total += pick(f);
            }
            return total;
          };
          return {
            count: result.count,
            scenes: result.items,
            duration: sum((f) => f.duration),
            filesize: sum((f) => (typeof f.size === "number" ? f.size : 0)),
          };
        },
        findPerformers: (
          _: unknown,
          args: FindArgs & { performer_filter?: RawFilter; performer_ids?: number[] },
        ) => {
          const result = find(library.performers, args.performer_filter, args, args.performer_ids);
          return { count: result.count, performers: result.items };
        },
        findTags: (_: unknown, args: FindArgs & { tag_filter?: RawFilter }) => {
          const result = find(library.tags, args.tag_filter, args);
          return { count: result.count, tags: result.items };
        },
        findStudios: (_: unknown, args: FindArgs & { studio_filter?: RawFilter }) => {
          const result = find(library.studios, args.studio_filter, args);
          return { count: result.count, studios: result.items };
        },
      },
    },
  });

  return createYoga<GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: false,
    landingPage: false,
    logging: false,
    // gqlgen sends resolver errors to the client as they are.
    maskedErrors: false,
    plugins: [
      // Compiled queries: a page of 1,000 scenes costs a few milliseconds instead of tens, so
      // the simulator is never what limits a sync benchmark.
      graphQlJitPlugin(),
      invalidQueryIs422(),
    ],
  });
}
