/**
 * The app's log lines. Kept tiny on purpose: one place that could redact or reformat output.
 * Never pass secrets (API key, access token) into a message.
 */
function line(level: string, message: string) {
  return `${new Date().toISOString()} ${level} stash-sync: ${message}`;
}

export const logger = {
  info: (message: string) => console.log(line("INFO", message)),
  warn: (message: string) => console.warn(line("WARN", message)),
  error: (message: string) => console.error(line("ERROR", message)),
};
