import type pg from "pg";

export const rawTypes: pg.CustomTypesConfig;
export function openRawPool(url: string, max: number): pg.Pool;
