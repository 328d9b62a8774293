import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { healthRouter } from "./routers/health";
import { historyRouter } from "./routers/history";
import { libraryRouter } from "./routers/library";
import { maintenanceRouter } from "./routers/maintenance";
import { notificationsRouter } from "./routers/notifications";
import { restoreRouter } from "./routers/restore";
import { scenesRouter } from "./routers/scenes";
import { statsRouter } from "./routers/stats";
import { syncsRouter } from "./routers/syncs";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  history: historyRouter,
  library: libraryRouter,
  maintenance: maintenanceRouter,
  notifications: notificationsRouter,
  restore: restoreRouter,
  scenes: scenesRouter,
  stats: statsRouter,
  syncs: syncsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
