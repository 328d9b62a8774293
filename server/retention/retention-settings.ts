import { readSettings, writeSetting } from "../settings/setting-store";
import {
  RetentionReport,
  RetentionSettings,
  type RetentionSettingsInput,
  type RetentionView,
} from "./retention-schema";

export const retentionSettingKeys = {
  settings: "retention.settings",
  /** JSON RetentionReport of the last cleanup (daily or on demand). */
  lastReport: "retention.last_report",
} as const;

export async function readRetentionSettings(): Promise<RetentionSettings> {
  return (await readRetentionView()).settings;
}

export async function readRetentionView(): Promise<RetentionView> {
  const saved = await readSettings(Object.values(retentionSettingKeys));
  return {
    settings: parseOr(saved.get(retentionSettingKeys.settings)?.value, RetentionSettings, {}),
    lastReport: parseReport(saved.get(retentionSettingKeys.lastReport)?.value),
  };
}

export async function saveRetentionSettings(input: RetentionSettingsInput): Promise<RetentionView> {
  const settings = RetentionSettings.parse(input);
  await writeSetting(retentionSettingKeys.settings, JSON.stringify(settings));
  return readRetentionView();
}

export async function saveRetentionReport(report: RetentionReport): Promise<void> {
  await writeSetting(retentionSettingKeys.lastReport, JSON.stringify(report));
}

function parseReport(text: string | undefined): RetentionReport | null {
  if (!text) return null;
  const raw = safeJson(text) as Record<string, unknown> | null;
  if (!raw) return null;
  const parsed = RetentionReport.safeParse({
    ...raw,
    startedAt: new Date(String(raw.startedAt)),
    finishedAt: new Date(String(raw.finishedAt)),
  });
  return parsed.success ? parsed.data : null;
}

function parseOr<T>(
  text: string | undefined,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  fallback: unknown,
): T {
  const parsed = schema.safeParse(text ? (safeJson(text) ?? fallback) : fallback);
  // A saved value that no longer validates falls back to the defaults, not to an error page.
  if (parsed.success) return parsed.data;
  const defaults = schema.safeParse(fallback);
  if (!defaults.success) throw new Error("retention defaults do not validate");
  return defaults.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
