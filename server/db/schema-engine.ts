import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type * as EngineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { providerOf } from "./provider";
import type { SchemaFile } from "./provider-schemas";

/**
 * Prisma's schema engine, as WebAssembly. The native engine that `prisma migrate` downloads
 * cannot be fetched on offline machines; the wasm build is the same engine and records
 * migrations in the same `_prisma_migrations` table, so the stock CLI accepts our databases.
 *
 * The package's entry imports a `.wasm` file, which Node 20 refuses, so the glue module and
 * the wasm bytes are wired together here by hand.
 */
type Glue = typeof EngineGlue & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let glue: Promise<Glue> | undefined;

function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const mod = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Glue;
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
      "./schema_engine_bg.js": mod as unknown as WebAssembly.ModuleImports,
    });
    mod.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return mod;
  })();
  return glue;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections: an open one keeps the file locked. */
  close(): Promise<void>;
}

/**
 * Opens the engine on one database: a SQLite file path or a PostgreSQL URL. The caller must
 * `close()` it.
 */
export async function openSchemaEngine(
  target: string,
  schema: SchemaFile,
): Promise<OpenSchemaEngine> {
  const { SchemaEngine } = await loadGlue();
  const factory: SqlMigrationAwareDriverAdapterFactory =
    providerOf(target) === "postgresql"
      ? new PrismaPg({ connectionString: target, Client: CatalogReadingClient })
      : new PrismaBetterSqlite3({ url: target });
  const connections: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      if (factory.provider === "postgres") sendScriptsWhole(connection);
      connections.push(connection);
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  // The engine logs through this callback; its messages are for Prisma's own debugging.
  const log = () => {};
  const engine = await SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    log,
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(connections.map((c) => c.dispose()));
    },
  };
}

/**
 * @prisma/adapter-pg cuts a migration at every `;`, in comments and function bodies too;
 * PostgreSQL's simple query protocol takes the script whole, as `prisma migrate deploy` sends it.
 */
function sendScriptsWhole(connection: SqlDriverAdapter) {
  // PrismaPgAdapter's own accessor, not part of the adapter interface.
  const client = (connection as unknown as { underlyingDriver(): pg.Pool }).underlyingDriver();
  connection.executeScript = async (script) => {
    await client.query(script);
  };
}

/**
 * The engine reads PostgreSQL's catalogs, whose flag columns have the one-byte type "char"
 * (OID 18) that @prisma/adapter-pg does not map; pg already reads its values as text, so they
 * are reported as text (OID 25).
 */
type Fields = { fields?: { dataTypeID: number }[] } | undefined;

function asText(result: Fields): Fields {
  for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  return result;
}

class CatalogReadingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      // pg's pool passes a callback; the adapter's own calls await a promise.
      const last = args.at(-1);
      if (typeof last === "function")
        args[args.length - 1] = (error: unknown, result: Fields) => last(error, asText(result));
      const out = query(...args);
      return out instanceof Promise ? out.then(asText) : out;
    }) as pg.Client["query"];
  }
}

export const noFilters = { externalTables: [], externalEnums: [] };
