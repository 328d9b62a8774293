/**
 * One GraphQL request to Stash over Node's fetch: a timeout per attempt, retries with
 * exponential backoff on network failures and 5xx, and every failure turned into an AppError a
 * person can act on. Messages never contain the API key.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { AppError, errorText } from "../errors";

export interface TransportOptions {
  url: string;
  apiKey?: string;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
}

export interface GraphQLRequest {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
}

interface GraphQLErrorEntry {
  message?: unknown;
}

/** The URL as shown to people: no user info, no query string (either may hold a secret). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}

/** Strips the API key, and the raw URL (which may carry a key in its query), from a message. */
function redact(text: string, options: TransportOptions): string {
  let out = text.split(options.url).join(displayUrl(options.url));
  if (options.apiKey) out = out.split(options.apiKey).join("[redacted]");
  return out;
}

const networkCodes: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "the connection was closed",
  UND_ERR_SOCKET: "the connection was closed before Stash answered",
  UND_ERR_CLOSED: "the connection was closed before Stash answered",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its TLS certificate comes from a CA this server does not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "its TLS certificate comes from a CA this server does not trust",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate comes from a CA this server does not trust",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for another host name",
};

/** Certificate problems: trying again cannot help, trusting the CA can. */
const untrustedCertificate = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

/** fetch() rejects with TypeError("fetch failed") and the real reason's code in `cause`. */
function networkCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** A failure worth another attempt, and the error to throw if none is left. */
class Retryable extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

/** Stash's answer as text, once it passed the HTTP checks; readGraphQLData makes sense of it. */
export interface GraphQLAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** One GraphQL request: its data, or an AppError that says what went wrong. */
export async function postGraphQL(
  options: TransportOptions,
  request: GraphQLRequest,
  signal?: AbortSignal,
): Promise<unknown> {
  return readGraphQLData(options, request, await fetchGraphQL(options, request, signal));
}

/**
 * Sends the request (with the retries) and answers the body as text, for callers that read
 * some answers without parsing them whole (see scan-record-page.ts). Failures at the HTTP
 * level (unreachable, timeout, key refused, 5xx) are thrown here already.
 */
export async function fetchGraphQL(
  options: TransportOptions,
  request: GraphQLRequest,
  signal?: AbortSignal,
): Promise<GraphQLAnswer> {
  const maxAttempts = options.retries + 1;
  let last: AppError | undefined;
  let attempts = 0;
  let timeouts = 0;
  while (attempts < maxAttempts) {
    attempts++;
    try {
      return await attemptOnce(options, request, signal);
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      last = error.appError;
      // A timed-out attempt has already waited the whole timeout: try once more, not `retries`
      // more, so a Stash that hangs fails the run in two timeouts (a minute by default)
      // instead of keeping a person waiting for two minutes and more.
      if (last.details.timedOut === true && ++timeouts >= 2) break;
      // Aborted while waiting to retry: the caller's reason, as an aborted attempt throws.
      if (attempts < maxAttempts)
        await sleep(options.retryBaseDelayMs * 2 ** (attempts - 1), undefined, { signal }).catch(
          () => signal?.throwIfAborted(),
        );
    }
  }
  const final =
    last ?? new AppError("STASH_UNREACHABLE", `Cannot reach Stash at ${displayUrl(options.url)}`);
  throw new AppError(
    final.code,
    attempts > 1 ? `${final.message} (gave up after ${attempts} attempts)` : final.message,
    { ...final.details, attempts },
    { cause: final },
  );
}

/**
 * `signal`: the caller no longer wants the answer (a sync cancelled or over). The request is
 * then abandoned at once, its connection closed, and the signal's reason thrown: no retry.
 */
async function attemptOnce(
  options: TransportOptions,
  request: GraphQLRequest,
  signal: AbortSignal | undefined,
): Promise<GraphQLAnswer> {
  const where = displayUrl(options.url);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: "application/json",
  };
  // Stash refuses any non-empty key when it has no authentication set up: no key, no header.
  if (options.apiKey) headers.ApiKey = options.apiKey;

  let response: Response;
  let body: string;
  try {
    response = await fetch(options.url, {
      method: "POST",
      headers,
      body: JSON.stringify(request),
      signal: signal
        ? AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)])
        : AbortSignal.timeout(options.timeoutMs),
      // A redirect would carry the ApiKey header to wherever it points: never follow one.
      redirect: "manual",
    });
    body = await response.text();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    const timedOut =
      error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const code = networkCode(error);
    const reason = code ? (networkCodes[code] ?? code) : errorText(error);
    if (code && untrustedCertificate.has(code)) {
      throw new AppError(
        "STASH_UNREACHABLE",
        `Cannot reach Stash at ${where}: ${reason}. To trust a private CA or a self-signed certificate, start stash-sync with NODE_EXTRA_CA_CERTS set to its PEM file.`,
        { url: where, timedOut: false },
      );
    }
    const message = timedOut
      ? `Stash at ${where} did not answer within ${Math.round(options.timeoutMs / 100) / 10} s`
      : `Cannot reach Stash at ${where}: ${redact(reason, options)}`;
    throw new Retryable(new AppError("STASH_UNREACHABLE", message, { url: where, timedOut }));
  }

  const status = response.status;
  if (status >= 300 && status < 400) {
    throw new AppError(
      "STASH_BAD_RESPONSE",
      `Stash at ${where} answered with a redirect (HTTP ${status}), which stash-sync does not follow: set Stash's address to the one it redirects to.`,
      { url: where, status },
    );
  }
  if (status === 401 || status === 403) {
    throw new AppError(
      "STASH_UNAUTHORIZED",
      options.apiKey
        ? `Stash rejected the API key (HTTP ${status}) at ${where}. Copy the key from Stash → Settings → Security, or leave it empty if Stash has no login.`
        : `Stash requires an API key (HTTP ${status}) at ${where}. Set STASH_API_KEY to the key from Stash → Settings → Security.`,
      { url: where, status },
    );
  }
  if (status >= 500) {
    // 502–504 come from a proxy that cannot reach Stash; other 5xx from Stash itself.
    const gateway = status >= 502 && status <= 504;
    throw new Retryable(
      new AppError(
        gateway ? "STASH_UNREACHABLE" : "STASH_BAD_RESPONSE",
        gateway
          ? `Cannot reach Stash at ${where}: HTTP ${status} from the server in front of it`
          : `Stash at ${where} failed with HTTP ${status}`,
        { url: where, status },
      ),
    );
  }

  return { status, contentType: response.headers.get("content-type"), body };
}

/** The data of an answer that passed the HTTP checks; a clear AppError for anything else. */
export function readGraphQLData(
  options: TransportOptions,
  request: GraphQLRequest,
  { status, contentType, body }: GraphQLAnswer,
): unknown {
  const where = displayUrl(options.url);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const type = contentType ?? "no content type";
    throw new AppError(
      "STASH_BAD_RESPONSE",
      `Stash at ${where} answered HTTP ${status} with ${type}, not GraphQL JSON. Is the URL Stash's GraphQL endpoint (…/graphql)?`,
      { url: where, status },
    );
  }

  const envelope = (typeof json === "object" && json !== null ? json : {}) as {
    data?: unknown;
    errors?: GraphQLErrorEntry[];
  };
  const errors = Array.isArray(envelope.errors) ? envelope.errors : [];
  if (errors.length > 0 || status !== 200) {
    const messages = errors.map((e) =>
      typeof e.message === "string" ? e.message : "unknown error",
    );
    const said = messages.length > 0 ? messages.join("; ") : `HTTP ${status}`;
    throw new AppError(
      "STASH_BAD_RESPONSE",
      redact(
        status === 422
          ? `Stash at ${where} refused the query ${request.operationName} (HTTP 422): ${said}`
          : `Stash at ${where} failed to answer ${request.operationName}: ${said}`,
        options,
      ),
      { url: where, status, stashErrors: messages.map((m) => redact(m, options)) },
    );
  }
  if (typeof envelope.data !== "object" || envelope.data === null) {
    throw new AppError(
      "STASH_BAD_RESPONSE",
      `Stash at ${where} answered ${request.operationName} without data`,
      { url: where, status },
    );
  }
  return envelope.data;
}
