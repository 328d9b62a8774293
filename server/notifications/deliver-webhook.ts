import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "../logger";
import type { WebhookDelivery, WebhookEvent } from "./notification-schema";
import { saveWebhookDelivery } from "./webhook-settings";
import { postWebhook } from "./webhook-transport";

export interface WebhookRetryPolicy {
  /** Waits before the 2nd, 3rd, … attempt: three tries in all by default. */
  backoffMs: number[];
  timeoutMs: number;
}

export const defaultRetryPolicy: WebhookRetryPolicy = {
  backoffMs: [1_000, 4_000],
  timeoutMs: 10_000,
};

/**
 * POSTs the event as JSON; a 5xx, 429 or no answer is retried after the next backoff, any
 * other answer is final (a 4xx will not change by asking again), and so is an address that is
 * not allowed (checked again at each delivery: DNS answers change). The outcome is stored for
 * Settings. Log lines never include the URL: webhook URLs often carry their token in the path.
 */
export async function deliverWebhook(
  url: string,
  event: WebhookEvent,
  policy: WebhookRetryPolicy = defaultRetryPolicy,
): Promise<WebhookDelivery> {
  const attemptsAllowed = policy.backoffMs.length + 1;
  let last: { status: number | null; error: string | null; final: boolean } = {
    status: null,
    error: null,
    final: false,
  };
  let attempts = 0;
  for (let i = 0; i < attemptsAllowed; i++) {
    if (i > 0) await sleep(policy.backoffMs[i - 1] ?? 0);
    attempts++;
    last = await postOnce(url, event, policy.timeoutMs);
    if (last.status !== null && last.status < 300) break;
    const retryable =
      !last.final && (last.status === null || last.status >= 500 || last.status === 429);
    logger.warn(
      `Webhook delivery of ${event.event} (job ${event.run.jobId}) failed on attempt ${attempts} of ${attemptsAllowed}: ${last.error}`,
    );
    if (!retryable) break;
  }
  const ok = last.status !== null && last.status < 300;
  const delivery: WebhookDelivery = {
    at: new Date(),
    ok,
    status: last.status,
    attempts,
    error: ok ? null : last.error,
  };
  await saveWebhookDelivery(delivery);
  return delivery;
}

async function postOnce(url: string, event: WebhookEvent, timeoutMs: number) {
  const result = await postWebhook(url, JSON.stringify(event), timeoutMs);
  if (result.status !== null) {
    return {
      status: result.status,
      error: result.status < 300 ? null : `the receiver answered HTTP ${result.status}`,
      final: false,
    };
  }
  // Kinds of failure only: fetch's messages can repeat the URL, which may hold a token.
  const error = {
    timeout: "no answer in time",
    unreachable: "the receiver could not be reached",
    forbidden: `its address is not allowed: ${result.reason}`,
  }[result.failure];
  return { status: null, error, final: result.failure === "forbidden" };
}
