import { z } from "zod";
import { SyncStatus, SyncType } from "../domain/vocabulary";

export const NotificationKind = z.enum(["run_failed", "run_with_failures"]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationView = z.object({
  id: z.number().int(),
  kind: NotificationKind,
  title: z.string(),
  body: z.string(),
  jobId: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const ListNotificationsInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  onlyUnread: z.boolean().default(false),
});
export type ListNotificationsInput = z.input<typeof ListNotificationsInput>;

export const NotificationsPage = z.object({
  items: z.array(NotificationView),
  unread: z.number().int(),
});
export type NotificationsPage = z.infer<typeof NotificationsPage>;

/** Mark these notifications read, or all of them when `ids` is absent. */
export const MarkNotificationsReadInput = z.object({
  ids: z.array(z.number().int().positive()).max(500).optional(),
});
export type MarkNotificationsReadInput = z.input<typeof MarkNotificationsReadInput>;

/** The JSON body a webhook receives: the same event as the in-app notification. */
export const WebhookEvent = z.object({
  event: NotificationKind,
  title: z.string(),
  body: z.string(),
  run: z.object({
    jobId: z.string(),
    syncType: SyncType,
    status: SyncStatus,
    itemsSynced: z.number().int(),
    itemsFailed: z.number().int(),
    errorMessage: z.string().nullable(),
  }),
  createdAt: z.string(),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookDelivery = z.object({
  at: z.date(),
  ok: z.boolean(),
  /** The last attempt's HTTP status; null when no answer came (refused, timed out). */
  status: z.number().int().nullable(),
  attempts: z.number().int(),
  /** Why it failed, without the URL (it may hold a token). */
  error: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookSettingsInput = z.object({
  /** Empty clears the webhook. */
  url: z.union([z.literal(""), z.url({ protocol: /^https?$/ }).max(2000)]),
});
export type WebhookSettingsInput = z.infer<typeof WebhookSettingsInput>;

/** The webhook as Settings shows it: never the URL itself (it may carry a token). */
export const WebhookView = z.object({
  configured: z.boolean(),
  /** Only the host (never credentials), so a person recognises which webhook is set. */
  host: z.string().nullable(),
  /** The addresses the host resolved to when the webhook was saved. */
  address: z.string().nullable(),
  lastDelivery: WebhookDelivery.nullable(),
});
export type WebhookView = z.infer<typeof WebhookView>;
