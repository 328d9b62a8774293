import { z } from "zod";
import { env } from "../env";
import { AppError } from "../errors";
import { readSettings, writeSetting } from "../settings/setting-store";

/**
 * "Allow stash-sync to change Stash": off unless a person turns it on in Settings or the
 * environment says so. STASH_SYNC_ALLOW_WRITES, when set, wins over the saved switch, as the
 * other variables win over their settings.
 */
export const writeAccessSettingKey = "stash.allow_writes";

export const StashWriteAccess = z.object({
  allowed: z.boolean(),
  source: z.enum(["environment", "settings", "default"]),
});
export type StashWriteAccess = z.infer<typeof StashWriteAccess>;

export const StashWriteAccessInput = z.object({ allowed: z.boolean() });
export type StashWriteAccessInput = z.infer<typeof StashWriteAccessInput>;

export async function readStashWriteAccess(): Promise<StashWriteAccess> {
  const fromEnv = env().STASH_SYNC_ALLOW_WRITES;
  if (fromEnv !== undefined) return { allowed: fromEnv, source: "environment" };
  const saved = (await readSettings([writeAccessSettingKey])).get(writeAccessSettingKey);
  if (saved === undefined) return { allowed: false, source: "default" };
  return { allowed: saved.value === "true", source: "settings" };
}

/** Saves the switch; with the variable set, the saved value waits until it is removed. */
export async function saveStashWriteAccess(
  input: StashWriteAccessInput,
): Promise<StashWriteAccess> {
  const { allowed } = StashWriteAccessInput.parse(input);
  await writeSetting(writeAccessSettingKey, String(allowed));
  return readStashWriteAccess();
}

/** Every path that writes to Stash asks this first; the refusal says how to turn writes on. */
export async function assertStashWritesAllowed(): Promise<void> {
  const access = await readStashWriteAccess();
  if (access.allowed) return;
  throw new AppError(
    "WRITES_DISABLED",
    access.source === "environment"
      ? "stash-sync may not change Stash: STASH_SYNC_ALLOW_WRITES is false on the server. Set it to true (or remove it and turn on “Allow stash-sync to change Stash” in Settings), then try again."
      : "stash-sync may not change Stash: turn on “Allow stash-sync to change Stash” in Settings (or set STASH_SYNC_ALLOW_WRITES=true on the server), then try again.",
    { setting: "Allow stash-sync to change Stash", variable: "STASH_SYNC_ALLOW_WRITES" },
  );
}
