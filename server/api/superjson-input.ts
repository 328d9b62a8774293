import { TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";

const Envelope = z.object(
  { json: z.unknown(), meta: z.record(z.string(), z.unknown()).optional() },
  { error: 'must be superjson: {"json": <the input>}' },
);

/**
 * superjson on the wire, with a readable refusal for a body that is not superjson at all
 * (`null`, a bare array): superjson itself fails there with a TypeError about its internals.
 */
export const superjsonTransformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (payload: unknown) => {
      const parsed = Envelope.safeParse(payload);
      if (!parsed.success) {
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: `The input ${parsed.error.issues[0]?.message ?? "is not superjson"}.`,
          cause: parsed.error,
        });
      }
      return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
    },
  },
  output: superjson,
};
