import { redactSecrets } from "./auth/redact-secrets";
import { env, type Env } from "./env";

const levels = { debug: 0, info: 1, warn: 2, error: 3 } as const;
type Level = keyof typeof levels;

/**
 * The app's log lines, all through here so every line is redacted in one place: a secret that
 * slips into an error message (a URL with a key, a header dump) never reaches the log.
 */
function write(level: Level, message: string, print: (line: string) => void) {
  const { LOG_LEVEL, LOG_FORMAT } = settings();
  if (levels[level] < levels[LOG_LEVEL]) return;
  print(formatLine(new Date(), level, redactSecrets(message), LOG_FORMAT));
}

/** One log line: text for a terminal, or one JSON object for a log collector. */
export function formatLine(
  time: Date,
  level: Level,
  message: string,
  format: Env["LOG_FORMAT"],
): string {
  if (format === "json") {
    return JSON.stringify({ time: time.toISOString(), level, name: "stash-sync", msg: message });
  }
  return `${time.toISOString()} ${level.toUpperCase()} stash-sync: ${message}`;
}

// Logging may report a configuration error itself: it must not throw on one.
function settings(): Pick<Env, "LOG_LEVEL" | "LOG_FORMAT"> {
  try {
    return env();
  } catch {
    return { LOG_LEVEL: "info", LOG_FORMAT: process.env.LOG_FORMAT === "json" ? "json" : "text" };
  }
}

export const logger = {
  debug: (message: string) => write("debug", message, console.log),
  info: (message: string) => write("info", message, console.log),
  warn: (message: string) => write("warn", message, console.warn),
  error: (message: string) => write("error", message, console.error),
};
