"use server";

import {
  saveStashWriteAccess,
  StashWriteAccessInput,
  type StashWriteAccess,
} from "@/server/restore/stash-write-access";
import { runAction, type ActionResult } from "./run-action";

/** Settings' "Allow stash-sync to change Stash" switch. */
export async function saveStashWriteAccessAction(
  input: StashWriteAccessInput,
): Promise<ActionResult<StashWriteAccess>> {
  return runAction(() => saveStashWriteAccess(StashWriteAccessInput.parse(input)));
}
