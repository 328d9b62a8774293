import { logger } from "./logger";

const INSTALLED = Symbol.for("stash-sync.quiet-client-hangups");

/**
 * A client that hangs up while sending its request is no server fault, but Next prints the
 * socket's `Error: aborted` (ECONNRESET) through console.error. This routes exactly that error
 * to the debug level and leaves every other console.error line as it was.
 */
export function quietClientHangups(): void {
  const holder = globalThis as { [INSTALLED]?: boolean };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  const printError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && isClientHangup(args[0])) {
      logger.debug("A client hung up before its request was read (ECONNRESET).");
      return;
    }
    printError(...args);
  };
}

/** Node's error for a request whose connection closed before its body arrived. */
export function isClientHangup(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.message === "aborted" &&
    (error as NodeJS.ErrnoException).code === "ECONNRESET"
  );
}
