"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { LocalTime } from "@/components/format/local-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useTRPC } from "@/trpc/react";
import { markNotificationsReadAction } from "@/app/_actions/mark-notifications-read";
import { useActionMutation } from "@/components/actions/use-action-mutation";
import { ErrorMessage } from "@/components/ui/error-message";

export const NOTIFICATION_LIST_LIMIT = 100;

/** The notifications, newest first; unread ones are marked and can be marked read. */
export function NotificationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: NOTIFICATION_LIST_LIMIT }));
  const markRead = useActionMutation(markNotificationsReadAction, {
    // Only the notification queries change (the list and the header's count).
    onSuccess: () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
  });
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {unread === 0 ? "All read." : `${unread} unread.`}
        </p>
        <Button
          variant="outline"
          size="sm"
          disabled={unread === 0 || markRead.isPending}
          onClick={() => markRead.mutate({})}
        >
          Mark all read
        </Button>
      </div>
      <ErrorMessage>{markRead.isError && markRead.error.message}</ErrorMessage>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No notifications. Failed runs and runs with failed entities appear here.
        </p>
      ) : (
        <ul
          aria-label="Notifications, newest first"
          className="flex flex-col divide-y rounded-lg border"
        >
          {items.map((n) => (
            <li
              key={n.id}
              className={cn(
                "flex flex-wrap items-start gap-3 p-4",
                n.readAt === null && "bg-accent/40",
              )}
            >
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {n.readAt === null ? <Badge variant="destructive">Unread</Badge> : null}
                  {n.title}
                </p>
                <p className="text-sm break-words text-muted-foreground">{n.body}</p>
                <p className="flex flex-wrap gap-3 text-xs text-muted-foreground">
                  <LocalTime value={n.createdAt} relative />
                  {n.jobId ? (
                    <Link href={`/syncs/${n.jobId}`} className="underline underline-offset-2">
                      Open the run
                    </Link>
                  ) : null}
                </p>
              </div>
              {n.readAt === null ? (
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                >
                  Mark read
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
