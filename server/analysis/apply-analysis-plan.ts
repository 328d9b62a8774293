import { redactSecrets } from "../auth/redact-secrets";
import { db } from "../db/client";
import { errorText, isAppError } from "../errors";
import { logger } from "../logger";
import { restoreSyncTrigger, type RestoreRequester } from "../restore/restore-requester";
import type { HeldOptions, RestoreOptions } from "../restore/restore-scene-entry";
import { assertStashWritesAllowed } from "../restore/stash-write-access";
import type { StashClient } from "../stash/client";
import { createStashClient, runSync } from "../sync/sync-service";
import { withApplyGuard } from "./apply-guard";
import { ApplyPlanInput, type AppliedChange, type ApplyPlanResult } from "./apply-schema";
import { toChangeView } from "./change-view";
import { planSceneApply, type ApprovedChange } from "./plan-scene-apply";
import type { ChangeView } from "./review-schema";

/** A specific sync takes at most this many scenes (server/sync/sync-request.ts). */
const SCENES_PER_SYNC = 10_000;
/** Ids asked of Stash per existence check: its pages are never asked for more. */
const IDS_PER_CHECK = 1000;

/**
 * Writes a plan's approved changes to Stash: exactly one sceneUpdate per scene carrying all of
 * its approved changes, each conflict-checked against the scene Stash has now, then one specific
 * sync of the written scenes that records them. Every approved change ends applied (with the
 * sync that recorded it) or failed with its reason. Refuses the whole apply while writes to
 * Stash are off (WRITES_DISABLED), while this plan is being applied already (PLAN_APPLYING) or
 * while a sync runs (SYNC_ALREADY_RUNNING); see apply-guard.ts.
 */
export async function applyAnalysisPlan(
  input: ApplyPlanInput,
  requester: RestoreRequester,
  options: RestoreOptions = {},
): Promise<ApplyPlanResult> {
  const { planId } = ApplyPlanInput.parse(input);
  await assertStashWritesAllowed();
  return withApplyGuard(planId, (lockJobId) =>
    applyApproved(planId, requester, { ...options, heldLock: lockJobId }),
  );
}

async function applyApproved(
  planId: number,
  requester: RestoreRequester,
  options: HeldOptions,
): Promise<ApplyPlanResult> {
  const approved = (
    await db().analysisChange.findMany({
      where: { planId, status: "approved" },
      orderBy: { id: "asc" },
      include: { result: { select: { sceneId: true } } },
    })
  ).map(toChangeView);
  const result: ApplyPlanResult = {
    planId,
    applied: 0,
    failed: 0,
    scenesWritten: 0,
    changes: [],
    syncs: [],
  };
  if (approved.length === 0) return result;

  const client = await createStashClient(options);
  const gone = await linksStashLost(client, approved);
  const written = new Map<string, number[]>();
  for (const [sceneId, changes] of groupByScene(approved)) {
    const outcome = await applyToScene(client, sceneId, changes, gone);
    for (const change of outcome) result.changes.push(change);
    const ids = outcome.filter((c) => c.status === "applied").map((c) => c.changeId);
    if (ids.length > 0) written.set(sceneId, ids);
  }
  result.scenesWritten = written.size;
  result.syncs = await syncRecordingApply(written, requester, options);
  result.applied = result.changes.filter((c) => c.status === "applied").length;
  result.failed = result.changes.length - result.applied;
  return result;
}

function groupByScene(changes: ChangeView[]): Map<string, ChangeView[]> {
  const scenes = new Map<string, ChangeView[]>();
  for (const change of changes) {
    scenes.set(change.sceneId, [...(scenes.get(change.sceneId) ?? []), change]);
  }
  return scenes;
}

const linkType = { performers: "performer", tags: "tag", studio: "studio" } as const;

/** The performers, tags and studios the changes link that Stash no longer has, as "type:id". */
async function linksStashLost(client: StashClient, changes: ChangeView[]): Promise<Set<string>> {
  const wanted = new Map<"performer" | "tag" | "studio", Set<string>>();
  for (const change of changes) {
    if (change.field !== "performers" && change.field !== "tags" && change.field !== "studio")
      continue;
    if (change.action === "remove" || change.proposed === null) continue;
    if (typeof change.proposed === "string") continue;
    const type = linkType[change.field];
    wanted.set(type, (wanted.get(type) ?? new Set()).add(change.proposed.id));
  }
  const gone = new Set<string>();
  for (const [type, ids] of wanted) {
    const all = [...ids];
    for (let first = 0; first < all.length; first += IDS_PER_CHECK) {
      const batch = all.slice(first, first + IDS_PER_CHECK);
      const present = await client.existingIds(type, batch);
      for (const id of batch) if (!present.has(id)) gone.add(`${type}:${id}`);
    }
  }
  return gone;
}

/** One scene: read from Stash, planned, written once; its changes' outcomes recorded. */
async function applyToScene(
  client: StashClient,
  sceneId: string,
  changes: ChangeView[],
  gone: Set<string>,
): Promise<AppliedChange[]> {
  const failures = new Map<number, string>();
  const failAll = (reason: string) => changes.forEach((c) => failures.set(c.id, reason));
  const writable: ApprovedChange[] = [];
  for (const change of changes) {
    const ref = typeof change.proposed === "object" ? change.proposed : null;
    if (change.field !== "title" && change.field !== "date" && change.field !== "details") {
      const type = linkType[change.field];
      if (ref && change.action !== "remove" && gone.has(`${type}:${ref.id}`)) {
        failures.set(change.id, `Stash no longer has ${type} “${ref.name}” (id ${ref.id}).`);
        continue;
      }
    }
    writable.push(change);
  }
  let written: number[] = [];
  try {
    const item = await client.findScene(sceneId);
    if (item === null) failAll(`Stash no longer has scene ${sceneId}.`);
    else if (!item.ok)
      failAll(`Stash answered scene ${sceneId} in a shape stash-sync cannot read.`);
    else {
      const plan = planSceneApply(item.value, writable);
      for (const { id, reason } of plan.failed) failures.set(id, reason);
      if (plan.written.length > 0) await client.updateScene(sceneId, plan.write);
      written = plan.written;
    }
  } catch (error) {
    // Stored and shown on the plan page: whatever was thrown may carry a key or a header.
    const reason = redactSecrets(
      `Stash did not take the write: ${isAppError(error) ? error.message : errorText(error)}`,
    );
    logger.warn(`Applying analysis changes to scene ${sceneId}: ${reason}`);
    for (const change of writable) if (!failures.has(change.id)) failures.set(change.id, reason);
    written = [];
  }
  await settleChanges(written, failures);
  return changes.map((change) => ({
    changeId: change.id,
    sceneId,
    field: change.field,
    status: failures.has(change.id) ? "failed" : "applied",
    reason: failures.get(change.id) ?? null,
  }));
}

async function settleChanges(applied: number[], failures: Map<number, string>): Promise<void> {
  const now = new Date();
  if (applied.length > 0) {
    await db().analysisChange.updateMany({
      where: { id: { in: applied }, status: "approved" },
      data: { status: "applied", appliedAt: now, failureReason: null },
    });
  }
  for (const [id, reason] of failures) {
    await db().analysisChange.updateMany({
      where: { id, status: "approved" },
      data: { status: "failed", failureReason: reason },
    });
  }
}

/**
 * The specific sync (one per 10,000 scenes) that records the writes, and the History entry it
 * logged for each scene, kept on the changes it carried. Each takes over the apply's sync lock.
 * The writes are in Stash already: should the apply have lost the lock (its process stalled past
 * the lock's stale time), the sync that took it (or the next) records them, without the link.
 */
async function syncRecordingApply(
  written: Map<string, number[]>,
  requester: RestoreRequester,
  options: HeldOptions,
): Promise<ApplyPlanResult["syncs"]> {
  const sceneIds = [...written.keys()];
  const syncs: ApplyPlanResult["syncs"] = [];
  for (let first = 0; first < sceneIds.length; first += SCENES_PER_SYNC) {
    const batch = sceneIds.slice(first, first + SCENES_PER_SYNC);
    try {
      const summary = await runSync(
        { type: "specific", sceneIds: batch },
        restoreSyncTrigger(requester),
        options,
      );
      syncs.push({ jobId: summary.jobId, status: summary.status });
      await linkRecordingSync(summary.jobId, batch, written);
    } catch (error) {
      if (!isAppError(error) || error.code !== "SYNC_ALREADY_RUNNING") throw error;
      logger.warn(`Analysis changes of ${batch.length} scenes are in Stash; ${error.message}`);
      syncs.push({ jobId: null, status: "another_sync_running" });
    }
  }
  return syncs;
}

async function linkRecordingSync(
  jobId: string,
  sceneIds: string[],
  written: Map<string, number[]>,
): Promise<void> {
  const run = await db().syncHistory.findUnique({ where: { jobId }, select: { id: true } });
  if (!run) return;
  const logs = await db().syncLog.findMany({
    where: { syncHistoryId: run.id, entityType: "scene", entityId: { in: sceneIds } },
    select: { id: true, entityId: true },
  });
  const logOf = new Map(logs.map((log) => [log.entityId, log.id]));
  for (const sceneId of sceneIds) {
    await db().analysisChange.updateMany({
      where: { id: { in: written.get(sceneId) ?? [] } },
      data: { appliedJobId: jobId, appliedLogId: logOf.get(sceneId) ?? null },
    });
  }
}
