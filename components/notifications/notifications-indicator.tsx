"use client";

import { useQuery } from "@tanstack/react-query";
import { BellIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { isPublicPath } from "@/server/auth/public-paths";
import { useTRPC } from "@/trpc/react";

/** A new failure shows up within this long without a reload; cheap (one indexed count). */
const POLL_MS = 30_000;

/** The header's bell: links to the notifications, with the unread count when there is one. */
export function NotificationsIndicator() {
  const trpc = useTRPC();
  // The sign-in page is the one page a signed-out person sees: nothing to count there.
  const signInPage = isPublicPath(usePathname());
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    refetchInterval: POLL_MS,
    // Signed out (the sign-in page) the count is refused: show the plain bell, no retries.
    retry: false,
    enabled: !signInPage,
  });
  const count = unread.data?.unread ?? 0;
  if (signInPage) return null;
  const label = count > 0 ? `Notifications, ${count} unread` : "Notifications";
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex size-9 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      <BellIcon aria-hidden="true" className="size-4" />
      {count > 0 ? (
        <span
          data-testid="unread-count"
          className={cn(
            "absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-event-red px-1 text-center text-[10px] leading-4 font-semibold text-background tabular-nums",
          )}
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
