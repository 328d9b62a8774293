import { AppError } from "../errors";

export const unauthorizedError = () =>
  new AppError("UNAUTHORIZED", "Sign in or send the access token.");

/** A client that guessed the token wrong too often, told how long to wait. */
export const rateLimitedError = (retryAfterSeconds: number) =>
  new AppError(
    "RATE_LIMITED",
    `Too many wrong access tokens from this address. Try again in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );

/** The refusal for a request the access check turned down, limited or not. */
export function refusedAccessError(decision: { retryAfterSeconds?: number }): AppError {
  return decision.retryAfterSeconds
    ? rateLimitedError(decision.retryAfterSeconds)
    : unauthorizedError();
}
