"use server";

import { savePageConcurrency } from "@/server/sync/page-concurrency";
import { runAction, type ActionResult } from "./run-action";

/** Settings' "Page requests in flight" (1–8), used from the next sync on. */
export async function savePageConcurrencyAction(input: {
  pageConcurrency: number;
}): Promise<ActionResult<number>> {
  return runAction(() => savePageConcurrency(input.pageConcurrency));
}
