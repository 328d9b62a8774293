/**
 * A library synced from the simulator, the app's HTTP surface, and writes to Stash allowed: what
 * every restore test starts from. Call at the top of a test file.
 */
import { afterAll, beforeAll } from "vitest";
import type { SceneEdit, StashSimOptions } from "../../../stash-sim";
import { createStashSyncClient, type StashSyncClient } from "../../../client";
import { db } from "../../../server/db/client";
import { saveStashWriteAccess } from "../../../server/restore/stash-write-access";
import { saveStashConnection } from "../../../server/settings/stash-connection";
import { startAppServer, type AppServer } from "../../api/helpers/start-app-server";
import { withStashSim } from "../../helpers/stash-sim";
import { logRows, syncNow } from "../../helpers/sync-run";

export function withRestoreFixture(
  options: StashSimOptions & { allowWrites?: boolean; token?: string } = {},
) {
  const { allowWrites = true, token, ...simOptions } = options;
  const sim = withStashSim({ scenes: 30, seed: 11, ...simOptions });
  let app: AppServer | undefined;
  let api: StashSyncClient | undefined;

  beforeAll(async () => {
    await saveStashConnection({ url: sim.url });
    if (allowWrites) await saveStashWriteAccess({ allowed: true });
    await syncNow(sim, { type: "full" });
    app = await startAppServer();
    api = createStashSyncClient({ url: app.url, token });
  });
  afterAll(() => app?.close());

  return {
    sim,
    get app() {
      if (!app) throw new Error("The app starts in beforeAll");
      return app;
    },
    get api() {
      if (!api) throw new Error("The app starts in beforeAll");
      return api;
    },
    /** Edits a scene in Stash and syncs it: the History entry of that change (its log id). */
    async editInStash(sceneId: number, edit: SceneEdit): Promise<number> {
      sim.updateScene(sceneId, edit);
      const { jobId } = await syncNow(sim, { type: "specific", sceneIds: [String(sceneId)] });
      const row = (await logRows(jobId)).find((r) => r.entityId === String(sceneId));
      if (row?.changeType !== "updated") throw new Error(`scene ${sceneId} was not updated`);
      return row.id;
    },
    /** Whether Stash was sent a write (a GraphQL mutation) since the simulator started. */
    stashWasWritten: () =>
      sim.requests().some((r) => typeof r.query === "string" && /^\s*mutation\b/.test(r.query)),
    /** The History row a restore's sync wrote. */
    logRow: (id: number) => db().syncLog.findUniqueOrThrow({ where: { id } }),
  };
}
