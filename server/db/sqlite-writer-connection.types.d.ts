// The types of sqlite-writer-connection.mjs, plain JavaScript that the SQLite writer's thread
// loads as is; declared by pattern, as postgresql-raw-pool.types.d.ts says why.
declare module "*/sqlite-writer-connection.mjs" {
  import type Database from "better-sqlite3";

  export interface WriterConnection {
    sqlite: Database.Database;
    prepare(sql: string): Database.Statement;
    writeAll(statements: { sql: string; params: unknown[] }[]): void;
    checkpoint(): void;
    close(): Promise<void>;
  }

  export function openWriterConnection(
    file: string,
    pragmas: string[],
    options?: { warn?: (warning: string) => void; checkpointer?: URL },
  ): WriterConnection;
}
