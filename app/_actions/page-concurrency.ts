"use server";

import { savePageConcurrency } from "@/server/sync/page-concurrency";
import { runAction, type ActionResult } from "./run-action";

/** Saves how many page requests a sync keeps in flight (1–8). */
export async function savePageConcurrencyAction(
  _previous: ActionResult<number> | null,
  form: FormData,
): Promise<ActionResult<number>> {
  return runAction(() => savePageConcurrency(Number(form.get("pageConcurrency"))));
}
