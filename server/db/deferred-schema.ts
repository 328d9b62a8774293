import { bulkWriter, inTwoLanes } from "./bulk-writer";
import { dialect, insertRows, quote, sql, toStatement, type Statement } from "./sql-dialect";

/**
 * Bulk loading without secondary indexes and keys, as database restore tools do.
 * Filling an empty library is dominated by indexes that take rows in random order (a scene's
 * tags land all over scene_tag(tag_id)): each page's commit rewrites most of such an index, so
 * the cost grows with the library. Building an index once at the end is one sort. PostgreSQL
 * also checks each foreign key per row, where adding it back checks every row in one join, and
 * probes each primary key's B-tree per row, where building it sorts once.
 *
 * Definitions are saved in the setting table in the transaction that drops them, so a process
 * killed in between leaves what is needed to rebuild them: the next sync and the next server
 * start (before its migrations, which may change them) call restoreDeferredSchema. Reads stay
 * correct meanwhile, only slower; the bulk load itself writes only rows whose keys it made.
 */
const settingKey = "deferred_indexes";

interface Deferred {
  name: string;
  /** CREATE INDEX, CREATE UNIQUE INDEX of a primary key, or ALTER TABLE … ADD of a foreign key. */
  definition: string;
  /** A key's table; an index has none (and a list saved before keys were deferred). */
  table?: string;
  /** Set on a primary key; a key without it is a foreign key. */
  primary?: true;
}

const isForeignKey = (object: Deferred) => object.table !== undefined && !object.primary;

/** Drops the tables' secondary indexes until restoreDeferredSchema. Returns their names. */
export async function deferSecondaryIndexes(tables: string[]): Promise<string[]> {
  return defer(await indexesOf(tables));
}

/** Drops the tables' foreign keys (where the database can) until restoreDeferredSchema. */
export async function deferForeignKeys(tables: string[]): Promise<string[]> {
  return defer(await foreignKeysOf(tables));
}

/**
 * Both of the above in one transaction, as a first sync's bulk load wants them, but for the
 * indexes named in `keep`, with the tables' primary keys where the database can drop them (and
 * so the foreign keys that refer to them); of the tables in `keysOnly`, only the foreign keys.
 * Until restorePrimaryKeys, a load must write no key twice: nothing would stop it.
 */
export async function deferForBulkLoad(
  tables: string[],
  keep: string[] = [],
  keysOnly: string[] = [],
): Promise<string[]> {
  const indexes = (await indexesOf(tables)).filter((index) => !keep.includes(index.name));
  return defer([
    ...indexes,
    ...(await primaryKeysOf(tables)),
    ...(await foreignKeysOf([...tables, ...keysOnly])),
  ]);
}

const indexesOf = async (tables: string[]): Promise<Deferred[]> =>
  (await bulkWriter().query<Deferred>(dialect.secondaryIndexes(tables))).map(
    ({ name, definition }) => ({ name, definition }),
  );

const foreignKeysOf = (tables: string[]) =>
  bulkWriter().query<Required<Omit<Deferred, "primary">>>(dialect.foreignKeys(tables));

const primaryKeysOf = async (tables: string[]): Promise<Deferred[]> =>
  (await bulkWriter().query<Required<Omit<Deferred, "primary">>>(dialect.primaryKeys(tables))).map(
    (key) => ({ ...key, primary: true }),
  );

async function defer(objects: Deferred[]): Promise<string[]> {
  if (objects.length === 0) return [];
  const saved = [...(await savedDefinitions()), ...objects];
  // Foreign keys first: a primary key cannot go while a key refers to it.
  const dropOrder = [...objects.filter(isForeignKey), ...objects.filter((o) => !isForeignKey(o))];
  await bulkWriter().write([
    ...saveDefinitions(saved),
    ...dropOrder.map((object) => ({ sql: drop(object), params: [] })),
  ]);
  return objects.map((object) => object.name);
}

/**
 * Rebuilds every deferred index and key (idempotent); returns the names rebuilt. One per
 * transaction (a foreign key two: added unchecked, then checked), the saved list shortened
 * after each: on SQLite the run's heartbeat, queued on the same writer, gets through between
 * them (PostgreSQL's has a connection of its own, as one build there can outlast the lock's
 * stale time). Where the writer has a second connection (PostgreSQL), two rebuild at a time:
 * most builds use one core, and a first sync waits for all of them.
 */
export function restoreDeferredSchema(): Promise<string[]> {
  return restore(() => true);
}

/**
 * Rebuilds the deferred primary keys alone, as a bulk load must before it writes a key it
 * may have written already (ON CONFLICT needs them); returns their names.
 */
export function restorePrimaryKeys(): Promise<string[]> {
  return restore((object) => object.primary === true);
}

async function restore(chosen: (object: Deferred) => boolean): Promise<string[]> {
  const writer = bulkWriter();
  // A database before its first migration has nothing deferred (and no setting table).
  const [settingTable] = await writer.query(dialect.tableExists("setting"));
  if (!settingTable) return [];
  const saved = await savedDefinitions();
  const queue = saved.filter(chosen);
  if (queue.length === 0) return [];
  const names = queue.map((object) => object.name);
  const remaining = new Set(saved);
  // The saved list without what is built. Both lanes write it: each write keeps every object
  // not yet built, so whichever commits last loses none; the last write below makes it exact.
  const listWithout = (built?: Deferred): Statement[] => {
    const rest = [...remaining].filter((object) => object !== built);
    return rest.length > 0
      ? saveDefinitions(rest)
      : [toStatement(sql`DELETE FROM "setting" WHERE "key" = ${settingKey}`)];
  };
  // Indexes (primary keys' too) first, on both connections; then the primary keys made of
  // theirs, with no build left to wait for (each locks its table); then the foreign keys, which
  // need the keys they refer to and would wait for any build on their tables.
  const built = (object: Deferred) => void remaining.delete(object);
  const builds = queue.filter((object) => !isForeignKey(object));
  const primaryKeys = builds.filter((object) => object.primary);
  const restored = inTwoLanes(writer, builds, (object, write) =>
    object.primary
      ? write(primaryKeyBuild(object).index)
      : write([...rebuild(object), ...listWithout(object)]).then(() => built(object)),
  )
    .then(async () => {
      for (const key of primaryKeys) {
        await writer.write([...primaryKeyBuild(key).attach, ...listWithout(key)]);
        built(key);
      }
    })
    .then(() =>
      inTwoLanes(writer, apartByTable(queue.filter(isForeignKey)), async (object, write) => {
        await write(addUnchecked(object));
        await write([check(object), ...listWithout(object)]);
        built(object);
      }),
    );
  const failure = await restored.then(
    () => null,
    (error: unknown) => ({ error }),
  );
  // A lane's own error says more than this write's, which fails too if the connection died.
  await writer.write(listWithout()).catch((error: unknown) => {
    throw failure ? failure.error : error;
  });
  if (failure) throw failure.error;
  return names;
}

/**
 * Foreign keys in an order that puts two of one table as far apart as it can (each of a table's
 * keys in turn): the two lanes' checks of one table would wait for each other.
 */
function apartByTable(keys: Deferred[]): Deferred[] {
  const turns = new Map<string | undefined, number>();
  const turnOf = new Map(
    keys.map((key) => {
      const turn = turns.get(key.table) ?? 0;
      turns.set(key.table, turn + 1);
      return [key, turn];
    }),
  );
  return [...keys].sort((a, b) => turnOf.get(a)! - turnOf.get(b)!);
}

/** The statements that build a deferred index again, harmless if it exists. */
const rebuild = (object: Deferred): Statement[] =>
  dialect.indexBuild(ifNotExists(object.definition));

const primaryKeyBuild = (key: Deferred) => dialect.primaryKeyBuild({ ...key, table: key.table! });

/**
 * A deferred foreign key added back unchecked (PostgreSQL's NOT VALID): a moment's lock. It has
 * no ADD CONSTRAINT IF NOT EXISTS, so the key is dropped first, in the same transaction.
 */
const addUnchecked = (object: Deferred): Statement[] => [
  { sql: drop(object), params: [] },
  { sql: `${object.definition.replace(/\s+NOT VALID$/i, "")} NOT VALID`, params: [] },
];

/**
 * The key's check of every row, in a transaction of its own: VALIDATE CONSTRAINT blocks no
 * writes to either table, where ADD CONSTRAINT blocked them for the whole check (the run's
 * heartbeat updates sync_history, which sync_log's key refers to).
 */
const check = (object: Deferred): Statement => ({
  sql: `ALTER TABLE ${quote(object.table!)} VALIDATE CONSTRAINT ${quote(object.name)}`,
  params: [],
});

/** The statement that drops a deferred object, harmless if it is gone. */
const drop = (object: Deferred) =>
  object.table === undefined
    ? `DROP INDEX IF EXISTS ${quote(object.name)}`
    : `ALTER TABLE ${quote(object.table)} DROP CONSTRAINT IF EXISTS ${quote(object.name)}`;

async function savedDefinitions(): Promise<Deferred[]> {
  const [row] = await bulkWriter().query<{ value: string }>(
    toStatement(sql`SELECT "value" FROM "setting" WHERE "key" = ${settingKey}`),
  );
  return row ? (JSON.parse(row.value) as Deferred[]) : [];
}

function saveDefinitions(objects: Deferred[]): Statement[] {
  return insertRows(
    "setting",
    ["key", "value", "updated_at"],
    [[settingKey, JSON.stringify(objects), new Date()]],
    { key: ["key"], update: ["value", "updated_at"] },
  );
}

/** The saved CREATE INDEX as CREATE INDEX IF NOT EXISTS, so a repeated restore is harmless. */
function ifNotExists(definition: string): string {
  return definition.replace(/^CREATE INDEX (?!IF NOT EXISTS)/i, "CREATE INDEX IF NOT EXISTS ");
}
