import proxyAddr from "proxy-addr";
import { z } from "zod";
import { providerOf } from "./db/provider";

/**
 * The one place configuration is read. Every variable is validated here; a wrong value stops
 * the process with a message naming the variable, instead of failing later somewhere deep.
 * Settings saved in the UI (server/settings/) apply only where no variable is set.
 */
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const intInRange = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** "true"/"false" (also 1/0, yes/no, on/off); empty or unset is undefined: Settings decide. */
const optionalSwitch = optionalText.pipe(
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], {
      error: 'must be "true" or "false"',
    })
    .transform((v) => ["true", "1", "yes", "on"].includes(v))
    .optional(),
);

/** Each variable on its own; envSchema adds the rules between them. */
const envFields = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default("file:./data/stash-sync.db")
    .refine((v) => v.startsWith("file:") || providerOf(v) === "postgresql", {
      message:
        'must be a SQLite URL such as "file:./data/stash-sync.db" or a PostgreSQL URL such as "postgresql://user:password@host:5432/stash_sync"',
    }),
  /** Stash's GraphQL endpoint, e.g. http://localhost:9999/graphql. */
  STASH_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Stash → Settings → Security → API Key. Empty means "Stash has no authentication". */
  STASH_API_KEY: optionalText,
  /** Scenes per GraphQL page: bounded so one page never holds the whole library. */
  STASH_PAGE_SIZE: intInRange(100, 1000, 500),
  STASH_TIMEOUT_MS: intInRange(1000, 600_000, 30_000),
  /** When set, every API call, route and action needs this token (a bearer or the session). */
  STASH_SYNC_TOKEN: optionalText.pipe(z.string().min(12).optional()),
  /**
   * A second token that opens only POST /api/stash-hook: the one for the Stash plugin's
   * settings, which Stash shows to its users. Needs STASH_SYNC_TOKEN, and must differ from it.
   */
  STASH_SYNC_HOOK_TOKEN: optionalText.pipe(z.string().min(12).optional()),
  /**
   * Reverse proxies whose X-Forwarded-For names the client (addresses, CIDR ranges or
   * `loopback`, `uniquelocal`, `linklocal`); empty: the connecting address is the client.
   */
  STASH_SYNC_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .refine(compilesAsProxyList, {
      message: 'must be addresses or CIDR ranges separated by commas, e.g. "127.0.0.1,10.0.0.0/8"',
    }),
  /** The least severe log lines written: debug, info, warn or error. */
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** `text` for people, `json` (one object a line) for log collectors. */
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  /**
   * This process's name in the sync lock and its messages ("running on …"); default the host
   * name. Processes sharing one database from different machines must have different names.
   */
  STASH_SYNC_INSTANCE_NAME: optionalText,
  /**
   * Seconds without a heartbeat (written every second) after which another machine's sync is
   * taken for dead and its lock taken over; on the holder's own machine its exit counts at once.
   */
  STASH_SYNC_LOCK_STALE_SECONDS: intInRange(3, 3600, 30),
  /** Whether stash-sync may change scenes in Stash (restores); wins over the Settings switch. */
  STASH_SYNC_ALLOW_WRITES: optionalSwitch,
});

export const envSchema = envFields.superRefine((config, context) => {
  const hook = config.STASH_SYNC_HOOK_TOKEN;
  if (hook === undefined) return;
  if (config.STASH_SYNC_TOKEN === undefined || hook === config.STASH_SYNC_TOKEN) {
    context.addIssue({
      code: "custom",
      path: ["STASH_SYNC_HOOK_TOKEN"],
      message:
        config.STASH_SYNC_TOKEN === undefined
          ? "needs STASH_SYNC_TOKEN: without it every route is open, the hook's too"
          : "must differ from STASH_SYNC_TOKEN, or it would open everything",
    });
  }
});

function compilesAsProxyList(list: string[]): boolean {
  try {
    proxyAddr.compile(list);
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`,
  );
  throw new ConfigError(`Invalid configuration in environment variables:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The validated environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
