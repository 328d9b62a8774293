import { z } from "zod";
import { readSceneRestores } from "../../restore/read-scene-restores";
import { restoreSceneEntry } from "../../restore/restore-scene-entry";
import {
  RestoreInput,
  RestoreResult,
  SceneRestoresInput,
  SceneRestoreView,
} from "../../restore/restore-schema";
import {
  readStashWriteAccess,
  saveStashWriteAccess,
  StashWriteAccess,
  StashWriteAccessInput,
} from "../../restore/stash-write-access";
import { createTRPCRouter, protectedProcedure } from "../trpc";

/** Writing a scene's earlier values back to Stash, and the switch that allows it. */
export const restoreRouter = createTRPCRouter({
  /**
   * Writes a History entry's old values back to Stash, then a specific sync records it.
   * Errors: 400 bad input, 401, 403 WRITES_DISABLED, 404 unknown scene or entry, 409
   * RESTORE_CONFLICT (details.conflicts) or SYNC_ALREADY_RUNNING (a sync, a plan's apply or
   * another restore holds the lock), 502/503 when Stash fails.
   */
  restoreEntry: protectedProcedure
    .input(RestoreInput)
    .output(RestoreResult)
    .mutation(({ input, ctx }) =>
      restoreSceneEntry(input, { credential: ctx.credential, door: "trpc" }),
    ),

  /** A scene's restores, each with the History entry that recorded it (the History tab). */
  sceneRestores: protectedProcedure
    .input(SceneRestoresInput)
    .output(z.array(SceneRestoreView))
    .query(({ input }) => readSceneRestores(input)),

  /** "Allow stash-sync to change Stash": whether it is on, and whether the environment decides. */
  writeAccess: protectedProcedure
    .input(z.void())
    .output(StashWriteAccess)
    .query(() => readStashWriteAccess()),

  saveWriteAccess: protectedProcedure
    .input(StashWriteAccessInput)
    .output(StashWriteAccess)
    .mutation(({ input }) => saveStashWriteAccess(input)),
});
