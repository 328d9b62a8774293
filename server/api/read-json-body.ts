import { AppError } from "../errors";

/** A POST route's JSON body; a body that is not a JSON object is bad input (400), not a 500. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("BAD_INPUT", "The request body must be a JSON object.", { field: "body" });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("BAD_INPUT", "The request body must be a JSON object.", { field: "body" });
  }
  return body as Record<string, unknown>;
}
