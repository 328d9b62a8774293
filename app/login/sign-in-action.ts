"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { accessControlEnabled, tokenMatches } from "@/server/auth/access-token";
import { safeReturnPath } from "@/server/auth/public-paths";
import { isHttpsRequest } from "@/server/auth/request-site";
import {
  issueSessionValue,
  SESSION_COOKIE_NAME,
  sessionCookieAttributes,
} from "@/server/auth/session-cookie";
import type { SignInState } from "./sign-in-state";

/**
 * Exchanges the access token for the session cookie, once per browser. The token itself is
 * never stored in the browser. Next compares this action's Origin with Host before running it,
 * so another site cannot sign a browser in (or out) behind a person's back.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const next = safeReturnPath(stringField(form, "next"));
  if (!accessControlEnabled()) redirect(next);
  if (!tokenMatches(stringField(form, "token"))) {
    return { error: "That is not the access token. Check STASH_SYNC_TOKEN and try again." };
  }
  const secure = isHttpsRequest(await headers());
  (await cookies()).set(SESSION_COOKIE_NAME, issueSessionValue(), sessionCookieAttributes(secure));
  redirect(next);
}

function stringField(form: FormData, name: string): string | null {
  const value = form.get(name);
  // Bounded: a token is short, and nobody needs a megabyte compared or echoed.
  return typeof value === "string" && value.length <= 1000 ? value : null;
}
