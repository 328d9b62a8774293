import type { Metadata } from "next";
import Link from "next/link";
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
        <header className="border-b">
          <nav aria-label="Main" className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3">
            <Link href="/" className="font-semibold">
              stash-sync
            </Link>
          </nav>
        </header>
        <TRPCReactProvider>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
