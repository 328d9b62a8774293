import { readSettings, writeSetting } from "../settings/setting-store";
import {
  WatchCheck,
  WatchSettingsInput,
  WatchView,
  watchIntervalBounds,
  type WatchCheck as Check,
} from "./watch-schema";

export const watchSettingKeys = {
  enabled: "watch.enabled",
  intervalSeconds: "watch.interval_seconds",
  /** JSON of the last check (WatchCheck): read by the dashboard, written by every tick. */
  lastCheck: "watch.last_check",
} as const;

/** Watch mode as saved, read from the database so every process sees the same. */
export async function readWatch(): Promise<WatchView> {
  const saved = await readSettings(Object.values(watchSettingKeys));
  const enabled = saved.get(watchSettingKeys.enabled)?.value === "true";
  const interval = Number(saved.get(watchSettingKeys.intervalSeconds)?.value);
  const intervalSeconds = WatchSettingsInput.shape.intervalSeconds.safeParse(interval).success
    ? interval
    : watchIntervalBounds.default;
  const lastCheck = parseCheck(saved.get(watchSettingKeys.lastCheck)?.value);
  return WatchView.parse({
    enabled,
    intervalSeconds,
    lastCheck,
    nextCheckAt: enabled ? nextCheckAfter(lastCheck?.at ?? null, intervalSeconds) : null,
  });
}

/** The first check comes as soon as watch mode is on; then one interval after the last. */
function nextCheckAfter(last: Date | null, intervalSeconds: number): Date {
  return last ? new Date(last.getTime() + intervalSeconds * 1000) : new Date(0);
}

export async function saveWatchSettings(input: WatchSettingsInput): Promise<WatchView> {
  const { enabled, intervalSeconds } = WatchSettingsInput.parse(input);
  await writeSetting(watchSettingKeys.intervalSeconds, String(intervalSeconds));
  await writeSetting(watchSettingKeys.enabled, String(enabled));
  return readWatch();
}

export async function recordWatchCheck(check: Check): Promise<void> {
  await writeSetting(watchSettingKeys.lastCheck, JSON.stringify(WatchCheck.parse(check)));
}

function parseCheck(text: string | undefined): Check | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const parsed = WatchCheck.safeParse({ ...raw, at: new Date(String(raw.at)) });
    return parsed.success ? parsed.data : null;
  } catch {
    // A hand-edited or truncated value: as if no check had run yet.
    return null;
  }
}
