/**
 * Starts the simulator: an HTTP server with Stash's /graphql endpoint, Stash's ApiKey rules,
 * switchable faults and a control endpoint. Returns a handle with the same operations as
 * methods, for tests in the same process.
 */
import { createHash } from "node:crypto";
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { SimClock } from "./clock";
import { controlRequest, type ControlRequest } from "./control-protocol";
import { noFaults, type FaultState } from "./faults";
import {
  PageReadAhead,
  requestedPage,
  type CachedAnswer,
  type GraphQLParams,
} from "./page-read-ahead";
import { type SceneCorruption, type SceneEdit } from "./generate-library";
import { createStashGraphQL, type RequestRecord, type StashVersionInfo } from "./graphql-api";
import { defaultStashRelease, type StashRelease } from "./releases";
import { SimLibrary, type PerformerEdit, type StudioEdit, type TagEdit } from "./library";
import type { WirePerformer, WireScene, WireStudio, WireTag } from "./wire-types";

export interface StashSimOptions {
  /** Generated scenes, 0 to 1,000,000. Default 100. */
  scenes?: number;
  /** Same seed, same library. Default 1. */
  seed?: number;
  performers?: number;
  tags?: number;
  studios?: number;
  /** When set, every request needs `ApiKey: <key>`; when not, any non-empty ApiKey is refused. */
  apiKey?: string | null;
  /** The Stash server's local offset for created_at/updated_at, e.g. "+02:00". Default "Z". */
  tz?: string;
  /** The simulated clock's start. Default 2026-03-01T12:00:00Z, so data does not depend on today. */
  now?: Date;
  /** Each write moves the clock on by this much (ms). Default 1000: distinct seconds per edit. */
  autoTickMs?: number;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The Stash release to play: its schema and version. Default v0.30.1. */
  stashVersion?: StashRelease;
  /** Overrides the version the release reports (a build without a tag, a future release). */
  version?: Partial<StashVersionInfo>;
  /** Prepare the next page of a paged query in the background (default true; never while
   * answering with latency). */
  readAhead?: boolean;
  /** Serve an older schema without these, e.g. ["Scene.urls", "Query.findScenes.ids"]. */
  removeFields?: readonly string[];
  /**
   * Scenes' file paths name their performers, studio and date, which the scenes do not list
   * (stash-sim/planted-facts.ts): a library with known answers for the analysis plans.
   */
  plantFacts?: boolean;
}

export interface StashSimStatus {
  url: string;
  up: boolean;
  scenes: number;
  performers: number;
  tags: number;
  studios: number;
  now: string;
  apiKeyRequired: boolean;
  faults: FaultState;
  /** Requests to /graphql being answered now, and the most at once since the log was cleared. */
  inFlight: number;
  peakInFlight: number;
}

const REQUEST_LOG_LIMIT = 2000;

/** A stand-in for the release's commit hash: fixed per release, so tests can expect it. */
const releaseHash = (release: StashRelease) =>
  createHash("sha1").update(release).digest("hex").slice(0, 8);

const asksPluginSettings = (params: GraphQLParams) =>
  typeof params.query === "string" && /\bconfiguration\s*\{\s*plugins\b/.test(params.query);

const isMutation = (params: GraphQLParams) =>
  typeof params.query === "string" && /^\s*mutation\b/.test(params.query);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface StashSim {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:43121/graphql: what STASH_URL points at. */
  readonly url: string;
  readonly port: number;
  /** POST JSON here to drive the simulator from another process. */
  readonly controlUrl: string;
  readonly library: SimLibrary;
  readonly clock: SimClock;
  /** Requests to /graphql, oldest first (the last 2000). */
  requests(): readonly RequestRecord[];
  clearRequests(): void;
  status(): StashSimStatus;

  scene(id: number): WireScene | null;
  updateScene(id: number, edit: SceneEdit): WireScene;
  addScene(edit?: SceneEdit): WireScene;
  removeScene(id: number): void;
  corruptScene(id: number, corruption: SceneCorruption | null, bump?: boolean): void;
  updatePerformer(id: number, edit: PerformerEdit): WirePerformer;
  addPerformer(edit: PerformerEdit & { name: string }): WirePerformer;
  removePerformer(id: number): void;
  updateTag(id: number, edit: TagEdit): WireTag;
  addTag(edit: TagEdit & { name: string }): WireTag;
  removeTag(id: number): void;
  updateStudio(id: number, edit: StudioEdit): WireStudio;
  addStudio(edit: StudioEdit & { name: string }): WireStudio;
  removeStudio(id: number): void;
  advanceClock(ms: number): void;
  setTimezone(tz: string): void;

  setLatency(ms: number): void;
  failNext(count: number, status?: number): void;
  dropNext(count: number): void;
  /** The next `count` mutations fail as Stash fails one (e.g. its database is locked). */
  rejectNextWrites(count: number, message?: string): void;
  /** Leaves requests for page `page` of any list and later ones unanswered (see FaultState). */
  holdPagesFrom(page: number): void;
  /** Leaves requests of this operation (by operationName) unanswered the same way. */
  holdOperation(operationName: string): void;
  setApiKey(apiKey: string | null): void;
  /** A plugin's settings, as Stash → Settings → Plugins saves them (configuration.plugins). */
  setPluginSettings(pluginId: string, settings: Record<string, unknown>): void;
  resetFaults(): void;
  /** Stops listening and cuts every open connection, like Stash being stopped mid-run. */
  goAway(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

export async function startStashSim(options: StashSimOptions = {}): Promise<StashSim> {
  const host = options.host ?? "127.0.0.1";
  const clock = new SimClock(
    (options.now ?? new Date("2026-03-01T12:00:00Z")).getTime(),
    options.tz ?? "Z",
    options.autoTickMs ?? 1000,
  );
  const library = new SimLibrary(
    {
      seed: options.seed ?? 1,
      scenes: options.scenes ?? 100,
      performers: options.performers,
      tags: options.tags,
      studios: options.studios,
      plantFacts: options.plantFacts,
    },
    clock,
  );
  const release = options.stashVersion ?? defaultStashRelease;
  const yoga = createStashGraphQL({
    library,
    release,
    version: {
      version: release,
      hash: releaseHash(release),
      build_time: "2025-11-20 10:00:00",
      ...options.version,
    },
    removeFields: options.removeFields ?? [],
  });

  let apiKey = options.apiKey ? options.apiKey : null;
  let faults = noFaults();
  /** Requests held by faults.holdPagesFrom, each answered (or dropped, if cut) on release. */
  const held = new Set<() => void>();
  const releaseHeld = () => {
    for (const release of held) release();
    held.clear();
  };
  let log: RequestRecord[] = [];
  let seq = 0;
  const pluginSettings = new Map<string, Record<string, unknown>>();
  let inFlight = 0;
  let peakInFlight = 0;
  let answered = 0;
  let up = false;
  let closed = false;
  let comeBackTimer: NodeJS.Timeout | undefined;
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  server.keepAliveTimeout = 5000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if ((req.url ?? "").startsWith("/__control")) return handleControl(req, res);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      await answerGraphQL(req, res);
    } finally {
      inFlight--;
      answered++;
    }
  }

  async function answerGraphQL(req: IncomingMessage, res: ServerResponse) {
    const header = req.headers.apikey;
    const sentKey = (Array.isArray(header) ? header[0] : header) ?? "";
    const record: RequestRecord = {
      seq: ++seq,
      at: clock.now(),
      answeredBefore: answered,
      apiKeySent: sentKey !== "",
      outcome: "served",
    };
    log.push(record);
    if (log.length > REQUEST_LOG_LIMIT) log = log.slice(-REQUEST_LOG_LIMIT / 2);

    if (faults.dropNext > 0) {
      faults.dropNext--;
      record.outcome = "dropped";
      req.socket.destroy();
      return;
    }
    // A timer per request, started on arrival: concurrent requests wait side by side, as a busy
    // Stash's do, and a request's own work is part of its latency, as it is in Stash's.
    const answerAt = performance.now() + faults.latencyMs;
    const latency = async () => {
      const left = answerAt - performance.now();
      if (left > 0) await new Promise((r) => setTimeout(r, left));
    };
    if (faults.failNext.count > 0) {
      await latency();
      faults.failNext.count--;
      const status = faults.failNext.status;
      record.outcome = "http-error";
      record.status = status;
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
      res.end(STATUS_CODES[status] ?? "Error");
      return;
    }
    // Stash: with a key configured, only that key passes; without one, any non-empty key is
    // refused. Either way the answer is a bare 401.
    const allowed = apiKey === null ? sentKey === "" : sentKey === apiKey;
    if (!allowed) {
      await latency();
      record.outcome = "unauthorized";
      record.status = 401;
      res.writeHead(401);
      res.end();
      return;
    }
    if (req.method !== "POST" || (req.url ?? "").split("?")[0] !== "/graphql") {
      // GET queries, other paths and anything unusual: yoga as it is.
      res.on("finish", () => {
        record.status = res.statusCode;
      });
      await latency();
      await yoga.handle(req, res, { record });
      return;
    }
    const body = await readBody(req);
    let params: GraphQLParams = {};
    try {
      params = JSON.parse(body) as GraphQLParams;
    } catch {
      // Not JSON: yoga answers that below, as Stash would refuse it.
    }
    record.operationName = typeof params.operationName === "string" ? params.operationName : null;
    record.query = typeof params.query === "string" ? params.query : undefined;
    record.variables = (params.variables as Record<string, unknown> | undefined) ?? null;

    const page = requestedPage(params);
    const heldPage = faults.holdPagesFrom !== null && page !== null && page >= faults.holdPagesFrom;
    if (heldPage || faults.holdOperations.includes(record.operationName ?? "")) {
      record.outcome = "held";
      // A client that gives up on the answer closes its connection meanwhile, which ends the
      // wait (goAway's cut does too, with the server down).
      let abandon = () => {};
      await new Promise<void>((release) => {
        held.add(release);
        abandon = () => {
          if (up) record.outcome = "abandoned";
          held.delete(release);
          release();
        };
        req.socket.once("close", abandon);
        if (req.socket.destroyed) abandon();
      });
      req.socket.off("close", abandon);
      // Cut by goAway: the socket is destroyed at once, the response only when it closes.
      if (req.socket.destroyed) return;
      record.outcome = "served";
    }
    if (asksPluginSettings(params)) {
      await latency();
      record.status = 200;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(pluginSettingsAnswer(params)));
      return;
    }
    if (faults.rejectNextWrites.count > 0 && isMutation(params)) {
      faults.rejectNextWrites.count--;
      const answer = { errors: [{ message: faults.rejectNextWrites.message }], data: null };
      await latency();
      record.status = 200;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
      return;
    }
    const answer = await readAhead.answering(
      params,
      async () =>
        (await readAhead.take(params)) ?? (await execute(body, req.headers["content-type"])),
    );
    await latency();
    record.status = answer.status;
    res.writeHead(answer.status, { "content-type": answer.contentType });
    res.end(answer.body);
    if (answer.status === 200) readAhead.prepareAfter(params);
  }

  /**
   * Stash's `configuration { plugins(include:) }`, which plugins read their settings with (a
   * map of plugin id to its settings). Answered here, outside the schema the simulator checks
   * against real Stash's, since stash-sync itself never asks for it: its Stash plugin does.
   */
  function pluginSettingsAnswer(params: GraphQLParams) {
    const variables = (params.variables ?? {}) as { include?: unknown };
    const include = Array.isArray(variables.include) ? variables.include.map(String) : null;
    const plugins = Object.fromEntries(
      [...pluginSettings].filter(([id]) => include === null || include.includes(id)),
    );
    return { data: { configuration: { plugins } } };
  }

  async function execute(body: string, contentType: string | undefined): Promise<CachedAnswer> {
    const response = await yoga.fetch(
      "http://stash-sim/graphql",
      {
        method: "POST",
        headers: { "content-type": contentType ?? "application/json", accept: "application/json" },
        body,
      },
      {},
    );
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "application/json",
      body: await response.text(),
    };
  }

  const readAhead = new PageReadAhead(
    (params) => execute(JSON.stringify(params), "application/json"),
    () => library.changes(),
    // Only without latency: with it, a request's own work already fits in its wait, and work
    // done ahead would hold this one thread while the next request arrives, starting its timer
    // late (measured: 1,000-scene pages at 250 ms answered 271–281 ms after sending, 256–270
    // without), where a real Stash takes requests on many threads.
    () => options.readAhead !== false && faults.latencyMs === 0,
  );

  async function handleControl(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST") return reply(405, { ok: false, error: "POST a JSON body" });
    let parsed: ControlRequest;
    try {
      const result = controlRequest.safeParse(JSON.parse(await readBody(req)));
      if (!result.success) return reply(400, { ok: false, error: result.error.message });
      parsed = result.data;
    } catch {
      return reply(400, { ok: false, error: "The body is not JSON" });
    }
    try {
      if (parsed.action === "goAway") {
        reply(200, { ok: true, result: null });
        res.on("finish", () => {
          void sim.goAway().then(() => {
            comeBackTimer = setTimeout(() => void sim.comeBack(), parsed.forMs);
          });
        });
        return;
      }
      reply(200, { ok: true, result: runControl(parsed) ?? null });
    } catch (error) {
      reply(400, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  function runControl(request: Exclude<ControlRequest, { action: "goAway" }>): unknown {
    switch (request.action) {
      case "status":
        return sim.status();
      case "plantedFacts": {
        const facts = [];
        for (let id = request.from; id <= request.to; id++) facts.push(library.plantedFacts(id));
        return facts;
      }
      case "requests":
        return sim.requests();
      case "clearRequests":
        return sim.clearRequests();
      case "updateScene":
        return sim.updateScene(request.id, request.edit);
      case "addScene":
        return sim.addScene(request.edit);
      case "removeScene":
        return sim.removeScene(request.id);
      case "corruptScene":
        return sim.corruptScene(request.id, request.corruption, request.bump);
      case "updatePerformer":
        return sim.updatePerformer(request.id, request.edit);
      case "addPerformer":
        return sim.addPerformer(request.edit);
      case "removePerformer":
        return sim.removePerformer(request.id);
      case "updateTag":
        return sim.updateTag(request.id, request.edit);
      case "addTag":
        return sim.addTag(request.edit);
      case "removeTag":
        return sim.removeTag(request.id);
      case "updateStudio":
        return sim.updateStudio(request.id, request.edit);
      case "addStudio":
        return sim.addStudio(request.edit);
      case "removeStudio":
        return sim.removeStudio(request.id);
      case "advanceClock":
        return sim.advanceClock(request.ms);
      case "setTimezone":
        return sim.setTimezone(request.tz);
      case "setLatency":
        return sim.setLatency(request.ms);
      case "failNext":
        return sim.failNext(request.count, request.status);
      case "dropNext":
        return sim.dropNext(request.count);
      case "holdPagesFrom":
        return sim.holdPagesFrom(request.page);
      case "holdOperation":
        return sim.holdOperation(request.operationName);
      case "rejectNextWrites":
        return sim.rejectNextWrites(request.count, request.message);
      case "setApiKey":
        return sim.setApiKey(request.apiKey);
      case "setPluginSettings":
        return sim.setPluginSettings(request.pluginId, request.settings);
      case "resetFaults":
        return sim.resetFaults();
    }
  }

  function listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        up = true;
        const address = server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  }

  const port = await listen(options.port ?? 0);
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const sim: StashSim = {
    url: `${base}/graphql`,
    port,
    controlUrl: `${base}/__control`,
    library,
    clock,
    requests: () => log,
    clearRequests: () => {
      log = [];
      peakInFlight = inFlight;
    },
    status: () => ({
      url: sim.url,
      up,
      scenes: library.scenes.size,
      performers: library.performers.size,
      tags: library.tags.size,
      studios: library.studios.size,
      now: clock.format(clock.now()),
      apiKeyRequired: apiKey !== null,
      faults: structuredClone(faults),
      inFlight,
      peakInFlight,
    }),
    scene: (id) => library.scene(id),
    updateScene: (id, edit) => library.updateScene(id, edit),
    addScene: (edit) => library.addScene(edit),
    removeScene: (id) => library.removeScene(id),
    corruptScene: (id, corruption, bump) => library.corruptScene(id, corruption, bump),
    updatePerformer: (id, edit) => library.updatePerformer(id, edit),
    addPerformer: (edit) => library.addPerformer(edit),
    removePerformer: (id) => library.removePerformer(id),
    updateTag: (id, edit) => library.updateTag(id, edit),
    addTag: (edit) => library.addTag(edit),
    removeTag: (id) => library.removeTag(id),
    updateStudio: (id, edit) => library.updateStudio(id, edit),
    addStudio: (edit) => library.addStudio(edit),
    removeStudio: (id) => library.removeStudio(id),
    advanceClock: (ms) => clock.advance(ms),
    setTimezone: (tz) => clock.setTimezone(tz),
    setLatency: (ms) => {
      faults.latencyMs = ms;
    },
    failNext: (count, status = 500) => {
      faults.failNext = { count, status };
    },
    dropNext: (count) => {
      faults.dropNext = count;
    },
    rejectNextWrites: (count, message = "database is locked") => {
      faults.rejectNextWrites = { count, message };
    },
    setApiKey: (key) => {
      apiKey = key ? key : null;
    },
    setPluginSettings: (pluginId, settings) => {
      pluginSettings.set(pluginId, settings);
    },
    holdPagesFrom: (page) => {
      faults.holdPagesFrom = page;
    },
    holdOperation: (operationName) => {
      faults.holdOperations.push(operationName);
    },
    resetFaults: () => {
      faults = noFaults();
      releaseHeld();
    },
    goAway: async () => {
      if (!up) return;
      up = false;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      releaseHeld();
      await stopped;
    },
    comeBack: async () => {
      if (up || closed) return;
      await listen(port);
    },
    close: async () => {
      closed = true;
      clearTimeout(comeBackTimer);
      await sim.goAway();
    },
  };
  return sim;
}
