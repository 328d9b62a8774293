/**
 * The control surface over HTTP: POST /__control with {"action": …, …arguments} as JSON, answered
 * {"ok": true, "result": …} or, with HTTP 400, {"ok": false, "error": "…"}. A separate process
 * (the CLI tests, the demo, browser tests) drives the simulator with it; in-process callers use
 * the same operations as methods of the StashSim handle.
 */
import { z } from "zod";
import { sceneCorruptions } from "./generate-library";

const id = z.coerce.number().int().positive();
const nullableText = z.string().nullable();
const ids = z.array(z.coerce.string());

const sceneEdit = z
  .object({
    title: nullableText,
    code: nullableText,
    details: nullableText,
    director: nullableText,
    urls: z.array(z.string()),
    date: nullableText,
    rating100: z.number().int().nullable(),
    organized: z.boolean(),
    o_counter: z.number().int().nullable(),
    studio_id: z.coerce.string().nullable(),
    performer_ids: ids,
    tag_ids: ids,
    file: z
      .object({
        path: z.string(),
        basename: z.string(),
        size: z.number(),
        duration: z.number(),
        width: z.number().int(),
        height: z.number().int(),
        video_codec: z.string(),
        audio_codec: z.string(),
        frame_rate: z.number(),
        bit_rate: z.number().int(),
        fingerprints: z.array(z.object({ type: z.string(), value: z.string() })),
      })
      .partial(),
  })
  .partial()
  .strict();

const gender = z.enum([
  "MALE",
  "FEMALE",
  "TRANSGENDER_MALE",
  "TRANSGENDER_FEMALE",
  "INTERSEX",
  "NON_BINARY",
]);
const performerEdit = z
  .object({
    name: z.string().min(1),
    disambiguation: nullableText,
    alias_list: z.array(z.string()),
    gender: gender.nullable(),
    favorite: z.boolean(),
    details: nullableText,
    rating100: z.number().int().nullable(),
  })
  .partial()
  .strict();
const tagEdit = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()),
    description: nullableText,
    favorite: z.boolean(),
  })
  .partial()
  .strict();
const studioEdit = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string()),
    urls: z.array(z.string()),
    parent_id: z.coerce.string().nullable(),
    favorite: z.boolean(),
    details: nullableText,
  })
  .partial()
  .strict();
const named = { name: z.string().min(1) };

export const controlRequest = z.discriminatedUnion("action", [
  z.object({ action: z.literal("status") }),
  z.object({ action: z.literal("requests") }),
  z.object({ action: z.literal("clearRequests") }),
  z.object({ action: z.literal("updateScene"), id, edit: sceneEdit }),
  z.object({ action: z.literal("addScene"), edit: sceneEdit.optional() }),
  z.object({ action: z.literal("removeScene"), id }),
  z.object({
    action: z.literal("corruptScene"),
    id,
    corruption: z.enum(sceneCorruptions).nullable(),
    bump: z.boolean().optional(),
  }),
  z.object({ action: z.literal("updatePerformer"), id, edit: performerEdit }),
  z.object({ action: z.literal("addPerformer"), edit: performerEdit.extend(named) }),
  z.object({ action: z.literal("removePerformer"), id }),
  z.object({ action: z.literal("updateTag"), id, edit: tagEdit }),
  z.object({ action: z.literal("addTag"), edit: tagEdit.extend(named) }),
  z.object({ action: z.literal("removeTag"), id }),
  z.object({ action: z.literal("updateStudio"), id, edit: studioEdit }),
  z.object({ action: z.literal("addStudio"), edit: studioEdit.extend(named) }),
  z.object({ action: z.literal("removeStudio"), id }),
  z.object({ action: z.literal("advanceClock"), ms: z.number().nonnegative() }),
  z.object({ action: z.literal("setTimezone"), tz: z.string() }),
  z.object({ action: z.literal("setLatency"), ms: z.number().int().nonnegative() }),
  z.object({
    action: z.literal("failNext"),
    count: z.number().int().nonnegative(),
    status: z.number().int().min(400).max(599).optional(),
  }),
  z.object({ action: z.literal("dropNext"), count: z.number().int().nonnegative() }),
  z.object({ action: z.literal("holdPagesFrom"), page: z.number().int().positive() }),
  z.object({ action: z.literal("holdOperation"), operationName: z.string().min(1) }),
  z.object({
    action: z.literal("rejectNextWrites"),
    count: z.number().int().nonnegative(),
    message: z.string().min(1).optional(),
  }),
  z.object({ action: z.literal("setApiKey"), apiKey: z.string().nullable() }),
  z.object({
    action: z.literal("setPluginSettings"),
    pluginId: z.string().min(1),
    settings: z.record(z.string(), z.unknown()),
  }),
  z.object({ action: z.literal("resetFaults") }),
  // What a library made with planted facts planted in scenes from..to (ids), in id order.
  z.object({
    action: z.literal("plantedFacts"),
    from: z.number().int().positive(),
    to: z.number().int().positive(),
  }),
  // Over HTTP the server cannot be told to come back once it is gone, so it comes back by itself.
  z.object({ action: z.literal("goAway"), forMs: z.number().int().positive().max(600_000) }),
]);

export type ControlRequest = z.infer<typeof controlRequest>;
