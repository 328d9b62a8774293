import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { analysisRouter } from "./routers/analysis";
import { connectionRouter } from "./routers/connection";
import { historyRouter } from "./routers/history";
import { libraryRouter } from "./routers/library";
import { notificationsRouter } from "./routers/notifications";
import { restoreRouter } from "./routers/restore";
import { retentionRouter } from "./routers/retention";
import { scheduleRouter } from "./routers/schedule";
import { statsRouter } from "./routers/stats";
import { syncRouter } from "./routers/sync";
import { watchRouter } from "./routers/watch";
import { createTRPCRouter } from "./trpc";

/** One router per domain folder in server/, named after it. */
export const appRouter = createTRPCRouter({
  analysis: analysisRouter,
  connection: connectionRouter,
  history: historyRouter,
  library: libraryRouter,
  notifications: notificationsRouter,
  restore: restoreRouter,
  retention: retentionRouter,
  schedule: scheduleRouter,
  stats: statsRouter,
  sync: syncRouter,
  watch: watchRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
