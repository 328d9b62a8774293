/**
 * Import first in a test file that runs the app with both tokens: the access token, and the
 * hook token that opens only the Stash hook route. Like use-access-token, set before the
 * process reads its environment.
 */
import "./use-access-token";

export const TEST_HOOK_TOKEN = "test-hook-token-9876543210";
process.env.STASH_SYNC_HOOK_TOKEN = TEST_HOOK_TOKEN;
