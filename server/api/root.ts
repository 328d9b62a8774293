import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { healthRouter } from "./routers/health";
import { historyRouter } from "./routers/history";
import { libraryRouter } from "./routers/library";
import { scenesRouter } from "./routers/scenes";
import { syncsRouter } from "./routers/syncs";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  history: historyRouter,
  library: libraryRouter,
  scenes: scenesRouter,
  syncs: syncsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
