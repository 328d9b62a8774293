/**
 * The typed Stash client the sync engine uses. Pages are always explicit (sort, direction,
 * bounded per_page, 1-based page); every answer is validated at this boundary and mapped to
 * server/stash/types.ts, so nothing past here sees Stash's wire format.
 */
import { AppError } from "../errors";
import { logger } from "../logger";
import {
  compatibilityQuery,
  incompatibleError,
  readSchemaFindings,
  type SchemaFindings,
} from "./check-compatibility";
import {
  fetchGraphQL,
  postGraphQL,
  readGraphQLData,
  type GraphQLRequest,
  type TransportOptions,
} from "./graphql-transport";
import { scanRecordPage } from "./scan-record-page";
import { sceneUpdateEnvelope, sceneUpdateRequest, type SceneWrite } from "./scene-update";
import { sceneRecordOfText, sceneRecordOfValue } from "./scene-records";
import {
  changedSinceCountsQuery,
  findPageQuery,
  findSceneQuery,
  latestUpdatedAtsQuery,
  recordOpening,
  stashNames,
  statsQuery,
  versionQuery,
  type StashDialect,
} from "./stash-queries";
import type {
  EntityType,
  PageItem,
  PageRecord,
  PageRequest,
  StashEntityByType,
  StashPage,
  StashPerformer,
  StashRecordPage,
  StashScene,
  StashStats,
  StashStudio,
  StashTag,
  StashVersion,
} from "./types";
import {
  describeIssues,
  findSceneEnvelope,
  pageEnvelope,
  parseRecord,
  statsEnvelope,
  versionEnvelope,
} from "./wire-schemas";
import pLimit, { type LimitFunction } from "p-limit";
import { z } from "zod";

export interface StashClientOptions {
  /** Stash's GraphQL endpoint, e.g. http://localhost:9999/graphql. */
  url: string;
  /** Empty or missing: no ApiKey header at all. */
  apiKey?: string;
  /** Per attempt. Default 30 s. */
  timeoutMs?: number;
  /** Further attempts after a network failure or a 5xx. Default 3. */
  retries?: number;
  /** First backoff; each retry waits twice as long as the one before. Default 250 ms. */
  retryBaseDelayMs?: number;
  /** Records per request where the client chooses (findScenesByIds batches): 100–1000, default 500. */
  perPage?: number;
  /** Requests this client keeps in flight at most (1–8; a sync's page concurrency). Default: no limit. */
  maxInFlight?: number;
}

/** Older Stash releases silently cut pages at 1000, newer ones not at all: never ask for more. */
const MAX_PER_PAGE = 1000;

function checkOptions(options: StashClientOptions): Required<Omit<StashClientOptions, "apiKey">> {
  const problems: string[] = [];
  try {
    const u = new URL(options.url);
    if (u.protocol !== "http:" && u.protocol !== "https:")
      problems.push("url must be http or https");
    // fetch() refuses such URLs, and Stash authenticates with the API key, not user info.
    if (u.username || u.password) problems.push("url must not contain a user name or password");
  } catch {
    problems.push("url is not a valid URL");
  }
  const int = (
    name: string,
    value: number | undefined,
    fallback: number,
    min: number,
    max: number,
  ) => {
    const v = value ?? fallback;
    if (!Number.isInteger(v) || v < min || v > max)
      problems.push(`${name} must be an integer from ${min} to ${max}`);
    return v;
  };
  const checked = {
    url: options.url,
    timeoutMs: int("timeoutMs", options.timeoutMs, 30_000, 1, 600_000),
    retries: int("retries", options.retries, 3, 0, 10),
    retryBaseDelayMs: int("retryBaseDelayMs", options.retryBaseDelayMs, 250, 0, 60_000),
    perPage: int("perPage", options.perPage, 500, 100, MAX_PER_PAGE),
    maxInFlight:
      options.maxInFlight === undefined
        ? Number.POSITIVE_INFINITY
        : int("maxInFlight", options.maxInFlight, 1, 1, 8),
  };
  if (problems.length > 0) {
    throw new AppError("CONFIG_INVALID", `Invalid Stash client settings: ${problems.join("; ")}`);
  }
  return checked;
}

function checkPageRequest(req: PageRequest): void {
  if (!Number.isInteger(req.page) || req.page < 1) {
    throw new AppError(
      "BAD_INPUT",
      `page must be an integer ≥ 1 (Stash counts pages from 1), got ${req.page}`,
    );
  }
  // Never 0, -1 (everything) or Stash's silent default of 25: always a bounded, explicit page.
  if (!Number.isInteger(req.perPage) || req.perPage < 1 || req.perPage > MAX_PER_PAGE) {
    throw new AppError(
      "BAD_INPUT",
      `perPage must be an integer from 1 to ${MAX_PER_PAGE}, got ${req.perPage}`,
    );
  }
  if (req.ids && req.ids.length > MAX_PER_PAGE) {
    throw new AppError(
      "BAD_INPUT",
      `at most ${MAX_PER_PAGE} ids per request, got ${req.ids.length}`,
    );
  }
}

/** The request for one page of a type, checked (the bench's download-only pass sends it too). */
export function pageRequest(
  type: EntityType,
  req: PageRequest,
  dialect: StashDialect,
): GraphQLRequest {
  checkPageRequest(req);
  const withIds = req.ids !== undefined;
  const variables: Record<string, unknown> = {
    filter: {
      page: req.page,
      per_page: req.perPage,
      // Without a sort Stash adds no ORDER BY and pages may overlap or skip records.
      sort: req.sort ?? "id",
      direction: req.direction ?? "ASC",
    },
    // Stash compares this as text with its own local-time strings: it must be a value Stash
    // returned, never one computed here.
    entityFilter:
      req.updatedAfter === undefined
        ? null
        : { updated_at: { value: req.updatedAfter, modifier: "GREATER_THAN" } },
  };
  if (withIds) variables.ids = req.ids;
  return {
    operationName: `StashSyncFind${type[0]!.toUpperCase()}${type.slice(1)}Page`,
    query: findPageQuery(type, withIds, dialect),
    variables,
  };
}

const recordList = z.array(z.unknown());

const sceneOpening = recordOpening("scene");

/** Stash answered, refusing the request (e.g. an unknown id), rather than failing to answer. */
const refusedByStash = (error: unknown) =>
  error instanceof AppError && error.code === "STASH_BAD_RESPONSE";

/** How many records a page holds when Stash has `count` in all. */
const recordsOnPage = (req: PageRequest, count: number) =>
  Math.max(0, Math.min(req.perPage, count - (req.page - 1) * req.perPage));

/** A type's newest updated_at in Stash and its number of records, asked together. */
export interface LatestUpdate {
  latest: string | null;
  count: number;
}

const latestUpdateShape = z.object({
  count: z.number().int().nonnegative(),
  newest: z.array(z.object({ updated_at: z.string().min(1) })),
});

export class StashClient {
  private readonly transport: TransportOptions;
  private readonly perPage: number;
  /** Every request of this client waits here for a slot: a fragile Stash never sees more. */
  private readonly slot: LimitFunction;
  /** The server's field names, read from its schema once per client (see dialect()). */
  private schemaFindings: Promise<SchemaFindings> | null = null;

  constructor(options: StashClientOptions) {
    const checked = checkOptions(options);
    this.perPage = checked.perPage;
    this.slot = pLimit(checked.maxInFlight);
    this.transport = { ...checked, apiKey: options.apiKey?.trim() || undefined };
  }

  private async request<T>(
    operationName: string,
    query: string,
    variables: Record<string, unknown> | undefined,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    const data = await this.post({ operationName, query, variables }, signal);
    return this.checked(operationName, data, schema);
  }

  private post(request: GraphQLRequest, signal?: AbortSignal): Promise<unknown> {
    return this.slot(() => postGraphQL(this.transport, request, signal));
  }

  private checked<T>(operationName: string, data: unknown, schema: z.ZodType<T>): T {
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new AppError(
        "STASH_BAD_RESPONSE",
        `Stash answered ${operationName} in an unexpected shape: ${describeIssues(parsed.error)}`,
      );
    }
    return parsed.data;
  }

  async version(): Promise<StashVersion> {
    const data = await this.request("StashSyncVersion", versionQuery, undefined, versionEnvelope);
    return { version: data.version.version, hash: data.version.hash };
  }

  async stats(): Promise<StashStats> {
    const { stats } = await this.request("StashSyncStats", statsQuery, undefined, statsEnvelope);
    return {
      sceneCount: stats.scene_count,
      performerCount: stats.performer_count,
      tagCount: stats.tag_count,
      studioCount: stats.studio_count,
    };
  }

  /** A page answer's count and its records, unvalidated; the envelope must be right. */
  private pageList(type: EntityType, request: GraphQLRequest, data: unknown) {
    const envelope = this.checked(request.operationName, data, pageEnvelope);
    const list = recordList.safeParse(envelope.page[stashNames[type].list]);
    if (!list.success) {
      throw new AppError(
        "STASH_BAD_RESPONSE",
        `Stash answered ${request.operationName} without a ${stashNames[type].list} list`,
      );
    }
    return { count: envelope.page.count, list: list.data };
  }

  private async findPage<K extends EntityType>(
    type: K,
    req: PageRequest,
    signal?: AbortSignal,
  ): Promise<StashPage<StashEntityByType[K]>> {
    const request = pageRequest(type, req, await this.dialect());
    const { count, list } = this.pageList(type, request, await this.post(request, signal));
    return { count, items: list.map((raw) => parseRecord(type, raw)) };
  }

  /**
   * A page of scenes as the sync reads it: records with digests, validated when read, so the
   * records it already has byte for byte are never parsed. findScenes parses every record.
   */
  async findScenePage(
    req: PageRequest,
    signal?: AbortSignal,
  ): Promise<StashRecordPage<StashScene>> {
    const request = pageRequest("scene", req, await this.dialect());
    const answer = await this.slot(() => fetchGraphQL(this.transport, request, signal));
    const scanned =
      answer.status === 200
        ? scanRecordPage(answer.body, stashNames.scene.list, sceneOpening)
        : null;
    if (scanned && scanned.spans.length / 2 === recordsOnPage(req, scanned.count)) {
      const { count, spans } = scanned;
      const records: PageRecord<StashScene>[] = [];
      for (let i = 0; i < spans.length; i += 2) {
        records.push(sceneRecordOfText(answer.body, spans[i]!, spans[i + 1]!));
      }
      return { count, items: records };
    }
    // Not the compact shape the scan knows: parse it whole, which reports what is wrong.
    const data = readGraphQLData(this.transport, request, answer);
    const { count, list } = this.pageList("scene", request, data);
    return { count, items: list.map(sceneRecordOfValue) };
  }

  findScenes(req: PageRequest): Promise<StashPage<StashScene>> {
    return this.findPage("scene", req);
  }

  findPerformers(req: PageRequest, signal?: AbortSignal): Promise<StashPage<StashPerformer>> {
    return this.findPage("performer", req, signal);
  }

  findTags(req: PageRequest, signal?: AbortSignal): Promise<StashPage<StashTag>> {
    return this.findPage("tag", req, signal);
  }

  findStudios(req: PageRequest, signal?: AbortSignal): Promise<StashPage<StashStudio>> {
    return this.findPage("studio", req, signal);
  }

  /** null when Stash does not know the id. */
  async findScene(id: string): Promise<PageItem<StashScene> | null> {
    return (await this.findSceneRecord(id))?.read() ?? null;
  }

  private async findSceneRecord(
    id: string,
    signal?: AbortSignal,
  ): Promise<PageRecord<StashScene> | null> {
    const { scene } = await this.request(
      "StashSyncFindScene",
      findSceneQuery(await this.dialect()),
      { id },
      findSceneEnvelope,
      signal,
    );
    return scene === null || scene === undefined ? null : sceneRecordOfValue(scene);
  }

  /**
   * Stash's findScenes(ids:) fails the whole call when one id is unknown ("scene with id 7 not
   * found"). Ids go in batches; a batch Stash refuses is asked again one id at a time, which
   * tells found from missing.
   */
  async findScenesByIds(
    ids: string[],
    signal?: AbortSignal,
  ): Promise<{ found: PageRecord<StashScene>[]; missing: string[] }> {
    const unique = [...new Set(ids)];
    const found: PageRecord<StashScene>[] = [];
    const missing: string[] = [];
    for (let start = 0; start < unique.length; start += this.perPage) {
      const batch = unique.slice(start, start + this.perPage);
      let page: StashRecordPage<StashScene> | null = null;
      try {
        page = await this.findScenePage({ page: 1, perPage: batch.length, ids: batch }, signal);
      } catch (error) {
        // Only Stash's refusal of the batch is answered one by one; unreachable or unauthorized
        // would fail each single request too.
        if (!refusedByStash(error)) throw error;
      }
      if (page) {
        const seen = new Set(page.items.map((record) => record.id));
        found.push(...page.items);
        missing.push(...batch.filter((id) => !seen.has(id)));
        continue;
      }
      for (const id of batch) {
        const record = await this.findSceneRecord(id, signal);
        if (record === null) missing.push(id);
        else found.push(record);
      }
    }
    return { found, missing };
  }

  /**
   * Writes the given fields of one scene (sceneUpdate); Stash leaves the others as they are.
   * Stash refusing the write (an unknown id, a locked database) is STASH_BAD_RESPONSE with its
   * own message.
   */
  async updateScene(id: string, write: SceneWrite): Promise<{ id: string; updatedAt: string }> {
    const request = sceneUpdateRequest(id, write);
    const data = await this.post(request);
    const { sceneUpdate } = this.checked(request.operationName, data, sceneUpdateEnvelope);
    return { id: sceneUpdate.id, updatedAt: sceneUpdate.updated_at };
  }

  /**
   * Which of these performer, tag or studio ids Stash has now. Stash fails a whole find with
   * ids when one is unknown, so a refused batch is asked again one id at a time.
   */
  async existingIds(type: Exclude<EntityType, "scene">, ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    const ask = async (batch: string[]) =>
      (await this.findPage(type, { page: 1, perPage: batch.length, ids: batch })).items.map(
        (item) => item.id,
      );
    const found = new Set<string>();
    if (unique.length === 0) return found;
    try {
      for (const id of await ask(unique)) if (id !== null) found.add(id);
      return found;
    } catch (error) {
      if (!refusedByStash(error)) throw error;
    }
    for (const id of unique) {
      const one = await ask([id]).catch((error: unknown) => {
        if (refusedByStash(error)) return [] as (string | null)[];
        throw error;
      });
      if (one.includes(id)) found.add(id);
    }
    return found;
  }

  /** The largest updated_at Stash has for this type right now, verbatim; null when there is none. */
  async latestUpdatedAt(type: EntityType): Promise<string | null> {
    return (await this.latestUpdates([type]))[type]?.latest ?? null;
  }

  /**
   * Per type, the largest updated_at (verbatim; null when there is none) and how many records
   * there are, in one request: one round trip to a slow Stash.
   */
  async latestUpdates(
    types: readonly EntityType[],
    signal?: AbortSignal,
  ): Promise<Partial<Record<EntityType, LatestUpdate>>> {
    const operation = "StashSyncLatestUpdates";
    const data = await this.request(
      operation,
      latestUpdatedAtsQuery(types),
      undefined,
      z.record(z.string(), z.record(z.string(), z.unknown())),
      signal,
    );
    const marks: Partial<Record<EntityType, LatestUpdate>> = {};
    for (const type of types) {
      const answer = latestUpdateShape.safeParse({
        count: data[type]?.count,
        newest: data[type]?.[stashNames[type].list],
      });
      if (!answer.success) {
        throw new AppError(
          "STASH_BAD_RESPONSE",
          `Stash answered ${operation} in an unexpected shape: ${describeIssues(answer.error)}`,
        );
      }
      marks[type] = { latest: answer.data.newest[0]?.updated_at ?? null, count: answer.data.count };
    }
    return marks;
  }

  /**
   * How many records of each type Stash has with an updated_at after the given value (a value
   * Stash returned; compared as Stash compares it). Counts only: no record is sent.
   */
  async countChangedSince(
    since: Partial<Record<EntityType, string>>,
  ): Promise<Partial<Record<EntityType, number>>> {
    const types = (Object.keys(since) as EntityType[]).filter((type) => since[type]);
    if (types.length === 0) return {};
    const variables = Object.fromEntries(
      types.map((type) => [type, { updated_at: { value: since[type], modifier: "GREATER_THAN" } }]),
    );
    const data = await this.request(
      "StashSyncChangedSince",
      changedSinceCountsQuery(types),
      variables,
      z.record(z.string(), z.object({ count: z.number().int().nonnegative() })),
    );
    const counts: Partial<Record<EntityType, number>> = {};
    for (const type of types) {
      const answer = data[type];
      if (!answer) {
        throw new AppError(
          "STASH_BAD_RESPONSE",
          `Stash answered StashSyncChangedSince without ${type}`,
        );
      }
      counts[type] = answer.count;
    }
    return counts;
  }

  /**
   * Which of the renamed fields this server has, so every query reads the current field where
   * there is one; asked of the server's schema once per client.
   */
  async dialect(): Promise<StashDialect> {
    return (await this.findings()).dialect;
  }

  private findings(): Promise<SchemaFindings> {
    this.schemaFindings ??= this.readSchema().catch((error: unknown) => {
      this.schemaFindings = null;
      throw error;
    });
    return this.schemaFindings;
  }

  private async readSchema(): Promise<SchemaFindings> {
    const { query, aliases } = compatibilityQuery();
    const data = await this.request(
      "StashSyncCompatibility",
      query,
      undefined,
      z.record(z.string(), z.unknown()),
    );
    try {
      return readSchemaFindings(data, aliases);
    } catch (error) {
      throw new AppError(
        "STASH_BAD_RESPONSE",
        "Stash answered the schema check in an unexpected shape",
        {},
        { cause: error },
      );
    }
  }

  /**
   * Stash's version, once it is known to have every field we read; else STASH_INCOMPATIBLE.
   * Deprecated fields we still read are logged, not refused: they work until Stash drops them.
   */
  async checkCompatibility(): Promise<StashVersion> {
    this.schemaFindings = null;
    // Asked side by side: against a slow Stash each is a round trip before the first page.
    const [version, { missing, deprecated }] = await Promise.all([this.version(), this.findings()]);
    if (missing.length > 0) throw incompatibleError(missing, version);
    if (deprecated.length > 0) {
      logger.warn(
        `Stash ${version.version ?? version.hash ?? ""} deprecates fields stash-sync still reads: ${deprecated.join(", ")}`,
      );
    }
    return version;
  }
}
