/**
 * Import first in a test file that runs the app with access control on. The environment is
 * read once per process (server/env.ts), and each test file runs in its own process.
 */
export const TEST_ACCESS_TOKEN = "test-token-0123456789abcdef";
process.env.STASH_SYNC_TOKEN = TEST_ACCESS_TOKEN;
