import { env } from "../env";

const REDACTED = "[redacted]";

/**
 * Removes secrets from text bound for a log line or a response: the configured access token and
 * Stash API key, and anything shaped like a credential (bearer tokens, ApiKey headers, JWTs —
 * Stash's API keys are JWTs, which also covers a key saved in Settings rather than the env).
 */
export function redactSecrets(text: string): string {
  let result = text;
  const { STASH_SYNC_TOKEN, STASH_API_KEY } = safeEnv();
  for (const secret of [STASH_SYNC_TOKEN, STASH_API_KEY]) {
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, REDACTED)
    .replace(/\b(Bearer\s+)\S+/gi, `$1${REDACTED}`)
    .replace(/\b(ApiKey["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`);
}

// Redaction runs while reporting errors, possibly a configuration error: it must not throw.
function safeEnv(): { STASH_SYNC_TOKEN?: string; STASH_API_KEY?: string } {
  try {
    return env();
  } catch {
    return {};
  }
}
