"use server";

import type { MarkNotificationsReadInput } from "@/server/notifications/notification-schema";
import { markNotificationsRead } from "@/server/notifications/read-notifications";
import { runAction, type ActionResult } from "./run-action";

/** "Mark read" and "Mark all read" (no ids); answers the unread count left. */
export async function markNotificationsReadAction(
  input: MarkNotificationsReadInput,
): Promise<ActionResult<{ unread: number }>> {
  return runAction(() => markNotificationsRead(input));
}
