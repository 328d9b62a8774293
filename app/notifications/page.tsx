import type { Metadata } from "next";
import { connection } from "next/server";
import {
  NOTIFICATION_LIST_LIMIT,
  NotificationList,
} from "@/components/notifications/notification-list";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await connection();
  // Awaited, not streamed: the list is small, and a page of notifications arrives complete.
  await getQueryClient().prefetchQuery(
    trpc.notifications.list.queryOptions({ limit: NOTIFICATION_LIST_LIMIT }),
  );
  return (
    <HydrateClient>
      <div className="flex max-w-3xl flex-col gap-6">
        <h1 className="text-2xl font-semibold">Notifications</h1>
        <NotificationList />
      </div>
    </HydrateClient>
  );
}
