import { readHealth } from "@/server/health/read-health";

/**
 * GET /api/health, open without the token (server/auth/public-paths.ts) for container health
 * checks and uptime monitors: 200 while the database answers, 503 when it does not.
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await readHealth();
  return Response.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
