import { z } from "zod";
import { appErrorCodes } from "../errors";

/** Whether stash-sync can talk to Stash, in words a person can act on. */
export const StashConnectionStatus = z.discriminatedUnion("state", [
  z.object({ state: z.literal("unconfigured") }),
  z.object({
    state: z.literal("reachable"),
    url: z.string(),
    version: z.string().nullable(),
    sceneCount: z.number().int(),
  }),
  z.object({
    state: z.literal("error"),
    url: z.string(),
    /** NOT_STASH: any failure at an address other than the saved one, whatever it was. */
    code: z.enum([...appErrorCodes, "INTERNAL", "NOT_STASH"]),
    message: z.string(),
  }),
]);
export type StashConnectionStatus = z.infer<typeof StashConnectionStatus>;

const Source = z.enum(["environment", "settings", "unset"]);

/** The saved connection as the Settings page may show it: never the API key itself. */
export const StashSettingsView = z.object({
  url: z.string().nullable(),
  urlSource: Source,
  hasApiKey: z.boolean(),
  apiKeySource: Source,
});
export type StashSettingsView = z.infer<typeof StashSettingsView>;

export const StashSettingsInput = z.object({
  url: z.url({ protocol: /^https?$/, error: "must be an http or https address" }).max(2000),
  /** Undefined keeps the saved key; "" removes it. */
  apiKey: z.string().trim().max(2000).optional(),
});
export type StashSettingsInput = z.input<typeof StashSettingsInput>;
