import { z } from "zod";
import {
  ListNotificationsInput,
  MarkNotificationsReadInput,
  NotificationsPage,
  WebhookSettingsInput,
  WebhookView,
} from "../../notifications/notification-schema";
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
} from "../../notifications/read-notifications";
import { readWebhookView, saveWebhookSettings } from "../../notifications/webhook-settings";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const UnreadOutput = z.object({ unread: z.number().int() });

export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ListNotificationsInput)
    .output(NotificationsPage)
    .query(({ input }) => listNotifications(input)),

  unreadCount: protectedProcedure
    .input(z.void())
    .output(UnreadOutput)
    .query(async () => ({ unread: await countUnreadNotifications() })),

  markRead: protectedProcedure
    .input(MarkNotificationsReadInput)
    .output(UnreadOutput)
    .mutation(({ input }) => markNotificationsRead(input)),

  /** The webhook as Settings shows it: whether one is set, its host, the last delivery. */
  webhook: protectedProcedure
    .input(z.void())
    .output(WebhookView)
    .query(() => readWebhookView()),

  saveWebhook: protectedProcedure
    .input(WebhookSettingsInput)
    .output(WebhookView)
    .mutation(({ input }) => saveWebhookSettings(input)),
});
