import { expect, type APIRequestContext } from "@playwright/test";
import superjson from "superjson";

/** Calls the app's tRPC API over HTTP, as another program would (superjson on the wire). */
async function call(request: APIRequestContext, path: string, input: unknown, mutation: boolean) {
  const body = superjson.serialize(input);
  const response = mutation
    ? await request.post(`/api/trpc/${path}`, { data: body })
    : await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(body))}`);
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  const json = (await response.json()) as {
    result: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  return superjson.deserialize(json.result.data);
}

/** A sync through the API (as another program would), waited for until it ends. */
export async function syncThroughApi(
  request: APIRequestContext,
  sync: { type: "full" | "incremental" } | { type: "specific"; sceneIds: string[] },
) {
  const { jobId } = (await call(request, "sync.start", sync, true)) as { jobId: string };
  await expect
    .poll(
      async () =>
        ((await call(request, "sync.status", { jobId }, false)) as { status: string }).status,
      { timeout: 30_000, intervals: [50, 100, 200] },
    )
    .not.toBe("running");
}

/** A specific sync of one scene through the API, waited for. */
export async function syncSceneThroughApi(request: APIRequestContext, sceneId: string) {
  await syncThroughApi(request, { type: "specific", sceneIds: [sceneId] });
}

/** Marks every notification read, so a test can count the ones its own runs add. */
export async function markAllNotificationsRead(request: APIRequestContext) {
  await call(request, "notifications.markRead", {}, true);
}
