import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { createApiContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { createQueryClient } from "./query-client";

/** One query client per server request, shared by every prefetch in that render. */
export const getQueryClient = cache(createQueryClient);

export const trpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: async () => createApiContext(await headers()),
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Starts a query on the server so the client island hydrates with its data. */
export function prefetch<T extends ReturnType<TRPCQueryOptions<never>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions as never);
}
