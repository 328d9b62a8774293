import { db } from "../db/client";

/** A saved setting: its text and when it was last written. */
export interface StoredSetting {
  value: string;
  updatedAt: Date;
}

/** Saved settings by key; keys never saved are absent. */
export async function readSettings(keys: readonly string[]): Promise<Map<string, StoredSetting>> {
  const rows = await db().setting.findMany({ where: { key: { in: [...keys] } } });
  return new Map(rows.map((row) => [row.key, { value: row.value, updatedAt: row.updatedAt }]));
}

export async function writeSetting(key: string, value: string): Promise<void> {
  await db().setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function deleteSetting(key: string): Promise<void> {
  await db().setting.deleteMany({ where: { key } });
}
