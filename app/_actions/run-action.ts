import "server-only";
import { headers } from "next/headers";
import { ZodError, z } from "zod";
import { assertAccess } from "@/server/auth/assert-access";
import type { AppErrorCode } from "@/server/errors";
import { errorText, isAppError } from "@/server/errors";
import { logger } from "@/server/logger";

/** What a server action answers: its value, or an error a person can read and act on. */
export type ActionResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: {
        code: AppErrorCode | "INTERNAL";
        message: string;
        /** E.g. the running job's id for SYNC_ALREADY_RUNNING. Never secrets. */
        details: Record<string, unknown>;
        /** Bad input, by field. */
        fields: Record<string, string[]> | null;
      };
    };

/**
 * Runs an action's domain call and maps its failure the way the tRPC formatter does: domain
 * errors keep their code and message, bad input names its fields, anything else is logged
 * and answered without internals. Access is checked here, for every action: Next routes an
 * action by its id, so the proxy's check of the page it was posted to is not enough.
 */
export async function runAction<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    assertAccess(await headers());
    return { ok: true, value: await work() };
  } catch (error) {
    if (isAppError(error)) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details, fields: null },
      };
    }
    if (error instanceof ZodError) {
      const flat = z.flattenError(error);
      const problems = [...flat.formErrors, ...Object.values(flat.fieldErrors).flat()];
      return {
        ok: false,
        error: {
          code: "BAD_INPUT",
          message: problems.join("; ") || "The input is not valid.",
          details: {},
          fields: flat.fieldErrors as Record<string, string[]>,
        },
      };
    }
    logger.error(`Action failed: ${errorText(error)}`);
    return {
      ok: false,
      error: {
        code: "INTERNAL",
        message: "Something went wrong on the server. Its log has the details; try again.",
        details: {},
        fields: null,
      },
    };
  }
}
