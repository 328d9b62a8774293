import { db } from "../db/client";
import {
  ListNotificationsInput,
  MarkNotificationsReadInput,
  NotificationView,
  type NotificationsPage,
} from "./notification-schema";

/** Newest first, with the unread count the header shows. */
export async function listNotifications(
  input: ListNotificationsInput = {},
): Promise<NotificationsPage> {
  const { limit, onlyUnread } = ListNotificationsInput.parse(input);
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where: onlyUnread ? { readAt: null } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    }),
    countUnreadNotifications(),
  ]);
  return { items: rows.map((row) => NotificationView.parse(row)), unread };
}

export function countUnreadNotifications(): Promise<number> {
  return db().notification.count({ where: { readAt: null } });
}

/** Marks the given (or all) unread notifications read; answers the unread count left. */
export async function markNotificationsRead(
  input: MarkNotificationsReadInput,
  now: Date = new Date(),
): Promise<{ unread: number }> {
  const { ids } = MarkNotificationsReadInput.parse(input);
  await db().notification.updateMany({
    where: { readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return { unread: await countUnreadNotifications() };
}
