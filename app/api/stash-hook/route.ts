import { protectedRoute } from "@/server/api/protected-route";
import { STASH_HOOK_PATH, tokenScopeOf } from "@/server/auth/public-paths";
import { readJsonBody } from "@/server/api/read-json-body";
import { receiveStashHook } from "@/server/hooks/receive-stash-hook";

/**
 * POST /api/stash-hook with `{ "type": "Scene.Update.Post", "id": 45 }`, sent by stash-sync's
 * Stash plugin (stash-plugin/): answers 202 at once; the sync follows a short quiet period.
 * Needs the access token or the hook token, which opens nothing else; a type it does not act
 * on is a 400.
 */
export const POST = protectedRoute<Record<string, never>>(
  async (request) => {
    const answer = receiveStashHook(await readJsonBody(request));
    return Response.json(answer, { status: 202, headers: { "cache-control": "no-store" } });
  },
  { writes: true, scope: tokenScopeOf(STASH_HOOK_PATH) },
);
