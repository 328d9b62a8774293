import { refusedAccessError } from "./access-refusal";
import { authorizeRequest } from "./authorize-request";

/**
 * For server actions and anything else that runs outside the proxy's reach: Next forwards an
 * action by id, not by path, so an action must check access itself rather than trust that the
 * proxy saw the page it was posted to. Usage in an action: `assertAccess(await headers())`.
 */
export function assertAccess(headers: Headers): void {
  const access = authorizeRequest(headers);
  if (!access.authorized) throw refusedAccessError(access);
}
