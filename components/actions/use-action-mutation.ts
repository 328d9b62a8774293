"use client";

import { useMutation } from "@tanstack/react-query";
import type { ActionResult } from "@/app/_actions/run-action";

type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>["error"];

/** A server action's refusal as a thrown error, so the mutation's error state carries it. */
export class ActionError extends Error {
  override name = "ActionError";
  constructor(readonly failure: ActionFailure) {
    super(failure.message);
  }
}

/**
 * A page's form or button calling a server action, with a mutation's pending and error states:
 * the action answers through the same error mapping as the API, and its refusal becomes the
 * mutation's error.
 */
export function useActionMutation<Input, Value>(
  action: (input: Input) => Promise<ActionResult<Value>>,
  options: { onSuccess?: (value: Value) => unknown } = {},
) {
  return useMutation<Value, ActionError, Input>({
    mutationFn: async (input) => {
      const result = await action(input);
      if (!result.ok) throw new ActionError(result.error);
      return result.value;
    },
    onSuccess: options.onSuccess,
  });
}
