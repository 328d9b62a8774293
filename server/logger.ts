import { redactSecrets } from "./auth/redact-secrets";
import { env } from "./env";

const levels = { debug: 0, info: 1, warn: 2, error: 3 } as const;
type Level = keyof typeof levels;

/**
 * The app's log lines, all through here so every line is redacted in one place: a secret that
 * slips into an error message (a URL with a key, a header dump) never reaches the log.
 */
function write(level: Level, message: string, print: (line: string) => void) {
  if (levels[level] < levels[threshold()]) return;
  print(`${new Date().toISOString()} ${level.toUpperCase()} stash-sync: ${redactSecrets(message)}`);
}

// Logging may report a configuration error itself: it must not throw on one.
function threshold(): Level {
  try {
    return env().LOG_LEVEL;
  } catch {
    return "info";
  }
}

export const logger = {
  debug: (message: string) => write("debug", message, console.log),
  info: (message: string) => write("info", message, console.log),
  warn: (message: string) => write("warn", message, console.warn),
  error: (message: string) => write("error", message, console.error),
};
