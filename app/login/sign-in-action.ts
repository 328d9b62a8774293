"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { rateLimitedError } from "@/server/auth/access-refusal";
import { accessControlEnabled } from "@/server/auth/access-token";
import { safeReturnPath } from "@/server/auth/public-paths";
import { isHttpsRequest } from "@/server/auth/request-site";
import {
  issueSessionValue,
  SESSION_COOKIE_NAME,
  sessionCookieAttributes,
} from "@/server/auth/session-cookie";
import { judgeTokenGuess } from "@/server/auth/token-guesses";
import type { SignInState } from "./sign-in-state";

/**
 * Exchanges the access token for the session cookie, once per browser. The token itself is
 * never stored in the browser. Wrong tokens count towards the client's guessing limit (the
 * proxy answers 429 while it must wait). Next compares this action's Origin with Host, and the
 * proxy refuses another site's post, so no site can sign a browser in (or out) behind its back.
 */
export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const next = safeReturnPath(stringField(form, "next"));
  if (!accessControlEnabled()) redirect(next);
  const requestHeaders = await headers();
  const guess = judgeTokenGuess(stringField(form, "token") ?? "", requestHeaders, "sign-in");
  if (guess.outcome === "limited")
    return { error: rateLimitedError(guess.retryAfterSeconds).message };
  if (guess.outcome === "wrong") {
    return { error: "That is not the access token. Check STASH_SYNC_TOKEN and try again." };
  }
  if (guess.token === "hook") {
    return {
      error:
        "That is the hook token (STASH_SYNC_HOOK_TOKEN), which opens only the route Stash's plugin posts to. Sign in with STASH_SYNC_TOKEN.",
    };
  }
  const secure = isHttpsRequest(requestHeaders);
  (await cookies()).set(SESSION_COOKIE_NAME, issueSessionValue(), sessionCookieAttributes(secure));
  redirect(next);
}

function stringField(form: FormData, name: string): string | null {
  const value = form.get(name);
  // Bounded: a token is short, and nobody needs a megabyte compared or echoed.
  return typeof value === "string" && value.length <= 1000 ? value : null;
}
