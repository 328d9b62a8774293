import "server-only";
import { headers } from "next/headers";
import { assertAccess } from "@/server/auth/assert-access";
import { publicError, type PublicError, type PublicErrorOptions } from "@/server/api/public-error";

/** What a server action answers: its value, or an error a person can read and act on. */
export type ActionResult<T> =
  { ok: true; value: T } | { ok: false; error: Omit<PublicError, "status"> };

/**
 * Runs an action's domain call and answers a failure through the mapping tRPC and the HTTP
 * routes use (public-error.ts), secrets removed. Access is checked here, for every action: Next
 * routes an action by its id, so the proxy's check of the page it was posted to is not enough.
 * `fieldNames` gives bad input the labels of the form's fields.
 */
export async function runAction<T>(
  work: () => Promise<T>,
  options: Pick<PublicErrorOptions, "fieldNames"> = {},
): Promise<ActionResult<T>> {
  try {
    assertAccess(await headers());
    return { ok: true, value: await work() };
  } catch (error) {
    const { status: _status, ...answer } = publicError(error, { ...options, where: "Action" });
    return { ok: false, error: answer };
  }
}
