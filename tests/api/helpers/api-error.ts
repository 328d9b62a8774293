import { expect } from "vitest";
import { isStashSyncError } from "../../../client";

export interface ExpectedApiError {
  /** tRPC's code, e.g. "BAD_REQUEST". */
  code: string;
  httpStatus: number;
  /** The input field a 400 must name. */
  field?: string;
  appCode?: string;
}

/** Awaits a call that must fail, and checks the typed error a client program sees. */
export async function expectApiError(call: Promise<unknown>, expected: ExpectedApiError) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isStashSyncError(error)) throw new Error(`expected an API error, got ${String(error)}`);
  expect(error.data?.code).toBe(expected.code);
  expect(error.data?.httpStatus).toBe(expected.httpStatus);
  // The status on the wire, not only in the body (curl and proxies see this one).
  expect((error.meta?.response as Response | undefined)?.status).toBe(expected.httpStatus);
  if (expected.appCode) expect(error.data?.appCode).toBe(expected.appCode);
  if (expected.field) {
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {})).toContain(expected.field);
  }
  expect(JSON.stringify(error.shape)).not.toMatch(/stack|\bat \S+ \(/);
  return error;
}
