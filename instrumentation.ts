/**
 * Next calls register() once when the server starts: the one moment to say, in the log, that
 * the app is open to anyone (the dashboard says it too).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warnIfAccessIsOpen } = await import("./server/auth/warn-when-open");
  warnIfAccessIsOpen();
}
