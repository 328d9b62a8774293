"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const links = [
  { href: "/", label: "Dashboard" },
  { href: "/scenes", label: "Scenes" },
  { href: "/syncs", label: "Sync runs" },
  { href: "/plans", label: "Plans" },
  { href: "/stats", label: "Statistics" },
  { href: "/settings", label: "Settings" },
] as const;

function isCurrent(pathname: string, href: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The main sections; the current one is marked for screen readers too (aria-current). */
export function MainNav() {
  const pathname = usePathname();
  return (
    <ul className="flex min-w-0 flex-wrap items-center gap-1">
      {links.map((link) => {
        const current = isCurrent(pathname, link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm text-muted-foreground outline-none hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50",
                current && "bg-accent font-medium text-accent-foreground",
              )}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
