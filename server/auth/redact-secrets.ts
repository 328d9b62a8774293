import { env } from "../env";

const REDACTED = "[redacted]";
const REMEMBERED = Symbol.for("stash-sync.remembered-secrets");

/**
 * Secrets found at run time rather than in the environment (a Stash API key saved in Settings,
 * a webhook URL's password), so redaction knows their values too; on globalThis because Next
 * bundles the proxy apart from routes and actions.
 */
function remembered(): Set<string> {
  const holder = globalThis as { [REMEMBERED]?: Set<string> };
  holder[REMEMBERED] ??= new Set();
  return holder[REMEMBERED];
}

export function rememberSecret(value: string | null | undefined): void {
  if (value && value.length >= 4) remembered().add(value);
}

/**
 * Removes secrets from text bound for a log line or a response: the values of the configured
 * access and hook tokens, the Stash API key and remembered secrets, and credentials in the shapes they
 * travel in (JWTs, which Stash's API keys are; an Authorization or ApiKey header or field).
 * Words are not secrets: "send it as a bearer header" stays as it is.
 */
export function redactSecrets(text: string): string {
  const { STASH_SYNC_TOKEN, STASH_SYNC_HOOK_TOKEN, STASH_API_KEY } = safeEnv();
  // Longest first, so a secret that contains another is removed whole.
  const secrets = [STASH_SYNC_TOKEN, STASH_SYNC_HOOK_TOKEN, STASH_API_KEY, ...remembered()]
    .filter((secret): secret is string => !!secret && secret.length >= 4)
    .sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of secrets) result = result.split(secret).join(REDACTED);
  return result
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, REDACTED)
    .replace(/\b(Authorization["']?\s*[:=]\s*["']?(?:[A-Za-z]+\s+)?)[^\s"',}]+/gi, `$1${REDACTED}`)
    .replace(/\b(ApiKey["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`);
}

// Redaction runs while reporting errors, possibly a configuration error: it must not throw.
function safeEnv(): {
  STASH_SYNC_TOKEN?: string;
  STASH_SYNC_HOOK_TOKEN?: string;
  STASH_API_KEY?: string;
} {
  try {
    return env();
  } catch {
    return {};
  }
}
