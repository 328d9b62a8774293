/**
 * The one module another TypeScript program imports to drive stash-sync: the client factory,
 * its error type, and the router's types (`RouterInputs["sync"]["start"]`,
 * `RouterOutputs["history"]["sceneSyncLogs"]`). Types only come from the server: nothing of it is
 * bundled into the caller.
 */
export { createStashSyncClient } from "./create-stash-sync-client";
export type { StashSyncClient, StashSyncClientOptions } from "./create-stash-sync-client";
export { isStashSyncError } from "./stash-sync-error";
export type { StashSyncError } from "./stash-sync-error";
export type { AppRouter, RouterInputs, RouterOutputs } from "../server/api/root";
