"use client";

import { Button } from "@/components/ui/button";

/**
 * A page that failed to render. The message is the server's own (domain errors are written
 * for people; anything unexpected arrives as a generic message, never internals).
 */
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="flex max-w-2xl flex-col gap-3">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p>{error.message || "The server could not answer."}</p>
      <p className="text-sm text-muted-foreground">
        Try again in a moment. If it keeps failing, check that the stash-sync server is running and
        look at its log{error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
