/**
 * Next calls register() once when the server starts, before it serves a request: the moment
 * to stamp requests with their client's address before Next handles them, to log clients that
 * hang up as debug lines, to say in the log that the app is open to anyone (the dashboard says
 * it too), to have notifications hear of runs that end (syncs do not know notifications), and
 * to start the server's own background jobs (scheduled incremental sync, daily retention),
 * which must run in the server process, not in a request; and to end running syncs as
 * cancelled when the process is told to stop (SIGTERM from `docker stop`).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { quietClientHangups } = await import("./server/quiet-client-hangups");
  quietClientHangups();
  const { stampClientAddresses } = await import("./server/auth/stamp-client-address");
  stampClientAddresses();
  const { warnIfAccessIsOpen } = await import("./server/auth/warn-when-open");
  warnIfAccessIsOpen();
  const { notifyWhenRunsEnd } = await import("./server/notifications/notify-when-runs-end");
  notifyWhenRunsEnd();
  const { startBackgroundJobs } = await import("./server/schedule/start-background-jobs");
  startBackgroundJobs();
  const { stopOnSignals } = await import("./server/shutdown/stop-on-signals");
  stopOnSignals();
}
