import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { AppError } from "../errors";
import { appVersion } from "../version";
import { migrationTarget } from "./database-file";
import { providerOf, type DatabaseProvider } from "./provider";
import { providerDir, schemaFor } from "./provider-schemas";
import { externalTables, missingRawSqlObjects } from "./raw-sql-objects";
import { openPostgresqlRowReader, openSqliteRowReader, type RowReader } from "./row-reader";
import { noFilters, openSchemaEngine } from "./schema-engine";
import { dialectOf } from "./sql-dialect";

/**
 * Migrations live in Prisma's own layout, one folder per provider: prisma/migrations/ for
 * SQLite, prisma/postgresql/migrations/ for PostgreSQL, each <timestamp>_<name>/migration.sql.
 * They are applied by Prisma's schema engine (wasm), so `prisma migrate deploy` accepts the
 * same folders and the same databases.
 */
// Run from the project root, like every entry point (see database-file.ts).
const projectRoot = process.cwd();
const lockfileName = "migration_lock.toml";

export function migrationsDir(provider: DatabaseProvider): string {
  return path.join(providerDir(provider), "migrations");
}

/** The migrations folder for the engine; `upTo` stops after that migration (tests of upgrades). */
function readMigrationsList(provider: DatabaseProvider, upTo?: string) {
  const dir = migrationsDir(provider);
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
        .filter((name) => upTo === undefined || name <= upTo)
    : [];
  const lockPath = path.join(dir, lockfileName);
  return {
    baseDir: dir,
    lockfile: {
      path: lockfileName,
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: {
          tag: "ok" as const,
          value: readFileSync(path.join(dir, name, "migration.sql"), "utf8"),
        },
      },
    })),
  };
}

/**
 * Applies every pending migration to the database — a SQLite file path or a PostgreSQL URL —
 * (or those up to and including `upTo`, to test an upgrade from an older schema); returns the
 * names applied.
 */
export async function applyMigrations(
  target: string,
  options: { upTo?: string } = {},
): Promise<string[]> {
  const provider = providerOf(target);
  await assertNoUnknownMigrations(target);
  if (provider === "sqlite") mkdirSync(path.dirname(target), { recursive: true });
  const opened = await openSchemaEngine(target, schemaFor(provider));
  try {
    return await applyWith(opened.engine, provider, options.upTo);
  } finally {
    await opened.close();
  }
}

/**
 * Refuses a database that a newer build migrated: this build would misread tables it does not
 * know, and a downgrade cannot be undone by the schema engine. Reads only, so it changes nothing.
 * `target` is a SQLite file path or a PostgreSQL URL, as for applyMigrations.
 */
export async function assertNoUnknownMigrations(target: string): Promise<void> {
  const unknown = await unknownAppliedMigrations(target);
  if (unknown.length === 0) return;
  throw new AppError(
    "CONFIG_INVALID",
    `The database ${migrationTarget(target).name} was upgraded by a newer stash-sync: it has migrations this version (${appVersion}) does not know (${unknown.join(", ")}). ` +
      "Start the newer version again; this version left the database unchanged.",
    { unknownMigrations: unknown },
  );
}

/** Migrations the database records as applied that this build's migrations folder lacks. */
export async function unknownAppliedMigrations(target: string): Promise<string[]> {
  const known = new Set(knownMigrations(providerOf(target)));
  return (await appliedMigrations(target)).filter((name) => !known.has(name)).sort();
}

/** This build's migrations that the database has not applied yet (all of them when it has none). */
export async function pendingMigrations(target: string): Promise<string[]> {
  const applied = new Set(await appliedMigrations(target));
  return knownMigrations(providerOf(target)).filter((name) => !applied.has(name));
}

function knownMigrations(provider: DatabaseProvider): string[] {
  return readMigrationsList(provider).migrationDirectories.map((dir) => dir.path);
}

/** The migrations the database records as applied; none for a database not made yet. */
async function appliedMigrations(target: string): Promise<string[]> {
  const provider = providerOf(target);
  if (provider === "sqlite" && !existsSync(target)) return [];
  const reader: RowReader =
    provider === "sqlite" ? openSqliteRowReader(target) : openPostgresqlRowReader(target);
  try {
    const hasTable = await reader.all(dialectOf(provider).tableExists("_prisma_migrations"));
    if (hasTable.length === 0) return [];
    return await reader.column<string>({
      sql: `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      params: [],
    });
  } finally {
    reader.close();
  }
}

async function applyWith(
  engine: SchemaEngine,
  provider: DatabaseProvider,
  upTo?: string,
): Promise<string[]> {
  const out = await engine.applyMigrations({
    migrationsList: readMigrationsList(provider, upTo),
    filters: noFilters,
  });
  return out.appliedMigrationNames;
}

/**
 * A scratch database for a drift check: SQLite makes its own; PostgreSQL needs the URL of an
 * empty database on a server (scripts/db-throwaway-postgres.ts starts one).
 */
export type Scratch = { provider: "sqlite" } | { provider: "postgresql"; url: string };

/**
 * Compares what the migrations build with what the provider's schema describes, on a scratch
 * database (Prisma's shadow-database route sends multi-statement SQL the adapters refuse).
 * Returns the SQL that would bring the migrations up to the schema: empty when they agree.
 */
export async function pendingSchemaChanges(
  scratch: Scratch = { provider: "sqlite" },
): Promise<string> {
  const scratchDir =
    scratch.provider === "sqlite" ? mkdtempSync(path.join(os.tmpdir(), "stash-sync-drift-")) : "";
  const target = scratch.provider === "sqlite" ? path.join(scratchDir, "scratch.db") : scratch.url;
  try {
    const schema = schemaFor(scratch.provider);
    // One engine for both steps: a second connection to the same file would find it locked.
    const opened = await openSchemaEngine(target, schema);
    let prismaChanges: string;
    try {
      await applyWith(opened.engine, scratch.provider);
      const result = await opened.engine.diff({
        from: { tag: "schemaDatasource", files: [schema], configDir: projectRoot },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: true,
        filters: { ...noFilters, externalTables: externalTables(scratch.provider) },
      });
      prismaChanges = result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
    } finally {
      await opened.close();
    }
    const missing = await missingRawSqlObjects(scratch.provider, target);
    return [prismaChanges, ...missing].filter(Boolean).join("\n");
  } finally {
    if (scratchDir) rmSync(scratchDir, { recursive: true, force: true });
  }
}

/** The folder name of a migration made at `now`: the same for both providers. */
export function migrationFolderName(name: string, now: Date): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "migration";
  return `${stamp}_${slug}`;
}

/** Writes the provider's next migration folder from the schema changes; null when there are none. */
export async function createMigration(
  name: string,
  now = new Date(),
  scratch: Scratch = { provider: "sqlite" },
): Promise<string | null> {
  const sql = await pendingSchemaChanges(scratch);
  if (!sql) return null;
  const root = migrationsDir(scratch.provider);
  const dir = path.join(root, migrationFolderName(name, now));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  const lockPath = path.join(root, lockfileName);
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${scratch.provider}"\n`,
    );
  }
  return dir;
}
