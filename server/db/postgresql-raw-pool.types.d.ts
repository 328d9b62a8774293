// The types of postgresql-raw-pool.mjs, plain JavaScript that the PostgreSQL writer's thread
// loads as is. Declared by pattern, not as a sibling .d.mts: Turbopack resolves the .mjs
// import to such a file and fails to parse it as the module.
declare module "*/postgresql-raw-pool.mjs" {
  import type pg from "pg";

  export const rawTypes: pg.CustomTypesConfig;
  export function openRawPool(url: string, max: number): pg.Pool;
}
