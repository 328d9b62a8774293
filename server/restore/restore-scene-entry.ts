import { randomUUID } from "node:crypto";
import { AppError, isAppError } from "../errors";
import { logger } from "../logger";
import type { StashClient } from "../stash/client";
import type { SceneWrite } from "../stash/scene-update";
import type { StashScene } from "../stash/types";
import { withSyncLockHeld } from "../sync/hold-sync-lock";
import { createStashClient, runSync, type SyncOptions } from "../sync/sync-service";
import {
  expectedMatches,
  planFieldRestore,
  type FieldPlan,
  type LinkType,
} from "./plan-field-restore";
import { fillLegacyLinkIds } from "./fill-legacy-link-ids";
import { findRestoreLogId, recordRestore } from "./record-restore";
import { readRestorableEntry, type RestorableEntry } from "./read-restorable-entry";
import {
  RestoreField,
  RestoreInput,
  type RestoreConflict,
  type RestoredField,
  type RestoreRequest,
  type RestoreResult,
} from "./restore-schema";
import { requesterName, restoreSyncTrigger, type RestoreRequester } from "./restore-requester";
import { assertStashWritesAllowed } from "./stash-write-access";

export type RestoreOptions = Pick<SyncOptions, "stash" | "perPage">;
/** A restore's or an apply's options once it holds the sync lock its sync takes over. */
export type HeldOptions = RestoreOptions & Pick<SyncOptions, "heldLock">;

/**
 * Writes a History entry's old values back to Stash (all the fields it changed, or the ones
 * asked for), then runs a specific sync of the scene that logs the change with the restore as
 * its cause. Never blind: the scene is read from Stash first, and a field Stash no longer holds
 * at the value the entry changed it to is refused as RESTORE_CONFLICT unless the caller named
 * Stash's current value in `expected`. A performer, tag or studio Stash no longer has fails its
 * field alone; the other fields are restored.
 */
export async function restoreSceneEntry(
  input: RestoreInput,
  requester: RestoreRequester,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const request = RestoreInput.parse(input);
  await assertStashWritesAllowed();
  const entry = await readRestorableEntry(request.sceneId, request.logId, request.fields);
  // Held from the read of Stash to the end of the sync that records the restore, which would
  // otherwise lose its cause to a sync started in between (that sync would log the change).
  const jobId = `restore-${randomUUID()}`;
  const holder = {
    jobId,
    task: `a restore of scene ${request.sceneId} is being written to Stash`,
    advice: "Restore once it has finished, so that a sync can record the restore.",
  };
  return withSyncLockHeld(holder, () =>
    restoreHeld(request, entry, requester, { ...options, heldLock: jobId }),
  );
}

async function restoreHeld(
  request: RestoreRequest,
  entry: RestorableEntry,
  requester: RestoreRequester,
  options: HeldOptions,
): Promise<RestoreResult> {
  const client = await createStashClient(options);
  const scene = await readStashScene(client, request.sceneId);

  const failed: RestoredField[] = [];
  const plans: FieldPlan[] = [];
  for (const [field, change] of await fillLegacyLinkIds(entry.changes)) {
    const outcome = planFieldRestore(field, change, scene);
    if (outcome.ok) plans.push(outcome.plan);
    else failed.push(failedField(field, outcome.error));
  }
  const writable = await withoutMissingLinks(client, plans, failed);
  refuseConflicts(writable, request);
  if (writable.length === 0) return answer(request, null, [], failed, null);

  const write: SceneWrite = Object.assign({}, ...writable.map((plan) => plan.write));
  await client.updateScene(request.sceneId, write);
  const restoreId = await recordRestore({
    sceneId: request.sceneId,
    restoredLogId: entry.logId,
    restoredJobId: entry.jobId,
    fields: writable.map((plan) => plan.field),
    requestedBy: requesterName(requester),
    requestedAt: new Date(),
  });
  const sync = await syncRecordingRestore(request.sceneId, restoreId, requester, options);
  return answer(request, restoreId, writable, failed, sync);
}

async function readStashScene(client: StashClient, sceneId: string): Promise<StashScene> {
  const item = await client.findScene(sceneId);
  if (item === null) throw new AppError("NOT_FOUND", `Stash no longer has scene ${sceneId}.`);
  if (!item.ok) {
    throw new AppError(
      "STASH_BAD_RESPONSE",
      `Stash answered scene ${sceneId} in a shape stash-sync cannot read: ${item.error}`,
    );
  }
  return item.value;
}

const failedField = (field: RestoreField, error: string): RestoredField => ({
  field,
  status: "failed",
  restoredText: "",
  error,
});

/** Fields whose links Stash still has; the others fail with the links it lost. */
async function withoutMissingLinks(
  client: StashClient,
  plans: FieldPlan[],
  failed: RestoredField[],
): Promise<FieldPlan[]> {
  const byType = new Map<LinkType, string[]>();
  for (const link of plans.flatMap((plan) => plan.relinks)) {
    byType.set(link.type, [...(byType.get(link.type) ?? []), link.id]);
  }
  const present = new Map<LinkType, Set<string>>();
  for (const [type, ids] of byType) present.set(type, await client.existingIds(type, ids));
  return plans.filter((plan) => {
    const gone = plan.relinks.filter((link) => !present.get(link.type)?.has(link.id));
    if (gone.length === 0) return true;
    const named = gone.map((link) => `${link.type} “${link.name}” (id ${link.id})`).join(", ");
    failed.push(
      failedField(plan.field, `Stash no longer has ${named}: ${plan.field} was not restored.`),
    );
    return false;
  });
}

/** A field conflicts when Stash is not at the value the caller expects to replace. */
function refuseConflicts(plans: FieldPlan[], request: RestoreRequest): void {
  const conflicts: RestoreConflict[] = plans
    .filter((plan) => {
      const expected = request.expected?.[plan.field];
      return expected === undefined ? plan.conflict : !expectedMatches(plan, expected);
    })
    .map((plan) => ({
      field: plan.field,
      current: plan.current,
      currentText: plan.currentText,
      restoring: plan.target,
      restoringText: plan.targetText,
    }));
  if (conflicts.length === 0) return;
  const said = conflicts
    .map((c) => `${c.field}: Stash now has ${c.currentText}; restoring sets ${c.restoringText}`)
    .join(". ");
  throw new AppError(
    "RESTORE_CONFLICT",
    `Stash changed since this entry. ${said}. To restore anyway, send Stash's current values as \`expected\`.`,
    { conflicts },
  );
}

/**
 * The specific sync that logs the restore, taking the lock over from the restore (`heldLock`).
 * The write is already in Stash: had the lock been lost meanwhile (its heartbeat stalled and
 * another sync took it), that sync (or the next) records the change, without its cause.
 */
async function syncRecordingRestore(
  sceneId: string,
  restoreId: number,
  requester: RestoreRequester,
  options: HeldOptions,
): Promise<RestoreResult["sync"]> {
  try {
    const summary = await runSync(
      { type: "specific", sceneIds: [sceneId] },
      restoreSyncTrigger(requester),
      { ...options, restoreId },
    );
    return {
      jobId: summary.jobId,
      status: summary.status,
      logId: await findRestoreLogId(sceneId, restoreId),
    };
  } catch (error) {
    if (!isAppError(error) || error.code !== "SYNC_ALREADY_RUNNING") throw error;
    logger.warn(`Restore ${restoreId} of scene ${sceneId} is in Stash; ${error.message}`);
    return { jobId: null, status: "another_sync_running", logId: null };
  }
}

function answer(
  request: RestoreRequest,
  restoreId: number | null,
  written: FieldPlan[],
  failed: RestoredField[],
  sync: RestoreResult["sync"],
): RestoreResult {
  const restored: RestoredField[] = written.map((plan) => ({
    field: plan.field,
    status: "restored",
    restoredText: plan.targetText,
    error: null,
  }));
  const order = (f: RestoredField) => RestoreField.options.indexOf(f.field);
  return {
    restoreId,
    sceneId: request.sceneId,
    logId: request.logId,
    fields: [...restored, ...failed].sort((a, b) => order(a) - order(b)),
    sync,
  };
}
