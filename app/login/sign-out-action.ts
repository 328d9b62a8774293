"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LOGIN_PATH } from "@/server/auth/public-paths";
import { SESSION_COOKIE_NAME } from "@/server/auth/session-cookie";

/**
 * Forgets this browser's session. Sessions are not stored server-side: to end every session
 * at once (a lost laptop), change STASH_SYNC_TOKEN.
 */
export async function signOutAction(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE_NAME);
  redirect(LOGIN_PATH);
}
