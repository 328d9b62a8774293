import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../server/api/root";

export interface StashSyncClientOptions {
  /** Where stash-sync runs, e.g. "http://localhost:3000" (the API is under /api/trpc). */
  url: string | URL;
  /** STASH_SYNC_TOKEN of that server; leave out when the server runs without one. */
  token?: string;
  /** Another fetch (a proxy agent, tests); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/**
 * A typed client for stash-sync's tRPC API: every procedure, input and output as the server
 * declares them, dates as Date (the same superjson transformer as the server).
 *
 *   const api = createStashSyncClient({ url: "http://localhost:3000", token });
 *   const { jobId } = await api.sync.start.mutate({ type: "incremental" });
 */
export function createStashSyncClient(options: StashSyncClientOptions) {
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: new URL("/api/trpc", options.url).toString(),
        transformer: superjson,
        headers,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}

export type StashSyncClient = ReturnType<typeof createStashSyncClient>;
