import { errorText, isAppError } from "../errors";
import { logger } from "../logger";
import { startSync } from "../sync/sync-service";
import { HookBatch } from "./hook-batch";
import { StashHookInput, type StashHookAnswer } from "./stash-hook-schema";

/** How long hooks must stop before their sync starts, and the longest a batch waits. */
const QUIET_MS = 2_000;
const MAX_WAIT_MS = 30_000;

type HookEvent = StashHookInput;

const globalForHooks = globalThis as unknown as { stashSyncHookBatch?: HookBatch<HookEvent> };

/** The server process's one batch (the globalThis guard survives dev-mode reloads). */
function batch(): HookBatch<HookEvent> {
  globalForHooks.stashSyncHookBatch ??= new HookBatch(
    (events) => void syncBatch(events),
    QUIET_MS,
    MAX_WAIT_MS,
  );
  return globalForHooks.stashSyncHookBatch;
}

/**
 * Notes one hook from Stash's plugin and answers at once: the sync comes after a short quiet
 * period, so a burst (a bulk edit fires one hook per scene) becomes one run.
 */
export function receiveStashHook(input: unknown): StashHookAnswer {
  const hook = StashHookInput.parse(input);
  batch().add(hook);
  const { scenes, others } = split(batch().pending);
  return { accepted: true, pendingScenes: scenes.length, pendingOthers: others };
}

function split(events: readonly HookEvent[]) {
  const scenes = [...new Set(events.filter((e) => e.type.startsWith("Scene.")).map((e) => e.id))];
  return { scenes, others: events.filter((e) => !e.type.startsWith("Scene.")).length };
}

/**
 * One batch's syncs: a specific sync of its scenes (a destroyed one is marked removed), then,
 * when performers, tags or studios changed, an incremental sync for those. While another sync
 * runs, the batch waits for another quiet period and tries again.
 */
async function syncBatch(events: HookEvent[]): Promise<void> {
  const { scenes, others } = split(events);
  const otherEvents = events.filter((e) => !e.type.startsWith("Scene."));
  if (scenes.length > 0) {
    const ok = await runOrRequeue(
      () =>
        startSync({ type: "specific", sceneIds: scenes }, "stash_hook", {
          missingScenesRemoved: true,
        }),
      events,
    );
    if (!ok) return;
  }
  if (others > 0) {
    await runOrRequeue(() => startSync({ type: "incremental" }, "stash_hook"), otherEvents);
  }
}

/** Runs one sync to its end; while another sync runs, `requeue` waits for the next batch. */
async function runOrRequeue(
  start: () => ReturnType<typeof startSync>,
  requeue: HookEvent[],
): Promise<boolean> {
  try {
    const started = await start();
    logger.info(`Stash hooks: sync ${started.jobId} started.`);
    await started.done;
    return true;
  } catch (error) {
    if (isAppError(error) && error.code === "SYNC_ALREADY_RUNNING") {
      for (const event of requeue) batch().add(event);
      return false;
    }
    // Stash unreachable and the like: the run is recorded as failed, with a notification.
    logger.warn(`Stash hooks: could not sync: ${errorText(error)}`);
    return true;
  }
}
