import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { MainNav } from "@/components/layout/main-nav";
import { NotificationsIndicator } from "@/components/notifications/notifications-indicator";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { accessControlEnabled } from "@/server/auth/access-token";
import { appVersion } from "@/server/version";
import { TRPCReactProvider } from "@/trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "stash-sync", template: "%s · stash-sync" },
  description: "Mirrors a Stash library and keeps the history of every sync.",
};

// Applies the saved or system theme before first paint, so the page never flashes.
const themeScript = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-dvh font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-background focus:p-2"
        >
          Skip to content
        </a>
        {/* The header reads tRPC too (the unread count), so the provider wraps it. */}
        <TRPCReactProvider>
          <header className="border-b">
            {/* On a phone the nav takes its own row under the name, so no link hides off-screen. */}
            <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2">
              <Link href="/" className="mr-auto shrink-0 font-semibold sm:mr-0">
                stash-sync
              </Link>
              <nav
                aria-label="Main"
                className="order-last w-full min-w-0 sm:order-none sm:w-auto sm:flex-1"
              >
                <MainNav />
              </nav>
              <NotificationsIndicator />
              <ThemeToggle />
              {accessControlEnabled() ? <SignOutButton /> : null}
            </div>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-6xl px-4 pb-6 text-xs text-muted-foreground">
            {`stash-sync ${appVersion}`}
          </footer>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
