import type { ApiContext } from "./trpc";

/** The request's context. Access control (issue: API tokens) fills in `authorized`. */
export function createApiContext(_headers: Headers): ApiContext {
  return { authorized: true };
}
