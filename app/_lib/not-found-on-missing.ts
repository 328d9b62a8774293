import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * Runs a page's main query; an unknown or malformed id becomes the 404 page instead of an
 * error page (a malformed id cannot name anything that exists).
 */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    if (
      error instanceof TRPCError &&
      (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")
    ) {
      notFound();
    }
    throw error;
  }
}
