import { db } from "../db/client";
import { errorText } from "../errors";
import { syncTypeLabel } from "../domain/labels";
import { logger } from "../logger";
import type { SyncRunSummary } from "../sync/sync-run-view";
import { defaultRetryPolicy, deliverWebhook, type WebhookRetryPolicy } from "./deliver-webhook";
import type { NotificationKind, WebhookEvent } from "./notification-schema";
import { readWebhookUrl } from "./webhook-settings";

// Deliveries in flight, so tests (and a graceful shutdown) can wait for them.
const inFlight = new Set<Promise<unknown>>();
let retryPolicy: WebhookRetryPolicy = defaultRetryPolicy;

/** Shorter backoffs for tests; the server keeps the defaults. */
export function setWebhookRetryPolicy(policy: WebhookRetryPolicy): void {
  retryPolicy = policy;
}

export async function webhookDeliveriesSettled(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

/**
 * Called once when a run ends. A failed run, or one with failed entities, becomes an in-app
 * notification and, when a webhook is set, a JSON POST sent in the background (its retries
 * must not hold up the run's end). Never throws: a notification problem must not turn a
 * finished sync into a failed one.
 */
export async function notifyRunEnded(run: SyncRunSummary): Promise<void> {
  try {
    const kind: NotificationKind | null =
      // A run whose process died is as much a failure to hear about as one that failed.
      run.status === "failed" || run.status === "interrupted"
        ? "run_failed"
        : run.status === "completed_with_errors" || run.itemsFailed > 0
          ? "run_with_failures"
          : null;
    if (!kind) return;
    const { title, body } = describe(kind, run);
    const created = await db().notification.create({
      data: { kind, title, body, jobId: run.jobId, createdAt: new Date() },
    });
    const url = await readWebhookUrl();
    if (!url) return;
    const event: WebhookEvent = {
      event: kind,
      title,
      body,
      run: {
        jobId: run.jobId,
        syncType: run.syncType,
        status: run.status,
        itemsSynced: run.itemsSynced,
        itemsFailed: run.itemsFailed,
        errorMessage: run.errorMessage,
      },
      createdAt: created.createdAt.toISOString(),
    };
    const delivery = deliverWebhook(url, event, retryPolicy).catch((error: unknown) =>
      logger.error(`Webhook delivery crashed: ${errorText(error)}`),
    );
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  } catch (error) {
    logger.error(`Could not record the notification for job ${run.jobId}: ${errorText(error)}`);
  }
}

function describe(kind: NotificationKind, run: SyncRunSummary) {
  const label = syncTypeLabel[run.syncType];
  if (kind === "run_failed") {
    return {
      title: run.status === "interrupted" ? `${label} was interrupted` : `${label} failed`,
      body: run.errorMessage ?? "The sync stopped before it finished.",
    };
  }
  const entities = run.itemsFailed === 1 ? "entity" : "entities";
  return {
    title: `${label} finished with ${run.itemsFailed} failed ${entities}`,
    body: `${run.itemsSynced} synced, ${run.itemsFailed} failed. The run's page lists the failures.`,
  };
}
