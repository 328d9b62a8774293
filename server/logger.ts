import { redactSecrets } from "./auth/redact-secrets";

/**
 * The app's log lines, all through here so every line is redacted in one place: a secret that
 * slips into an error message (a URL with a key, a header dump) never reaches the log.
 */
function line(level: string, message: string) {
  return `${new Date().toISOString()} ${level} stash-sync: ${redactSecrets(message)}`;
}

export const logger = {
  info: (message: string) => console.log(line("INFO", message)),
  warn: (message: string) => console.warn(line("WARN", message)),
  error: (message: string) => console.error(line("ERROR", message)),
};
