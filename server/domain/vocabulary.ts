import { z } from "zod";

/**
 * The design's vocabulary, stored as text in the database and validated here. Every transport
 * (tRPC, HTTP routes, actions, CLI) and every query uses these schemas.
 */
export const SyncType = z.enum(["full", "incremental", "specific"]);
export type SyncType = z.infer<typeof SyncType>;

/** watch: watch mode saw changes; stash_hook: Stash's plugin reported edits (server/hooks/). */
export const SyncTrigger = z.enum(["ui", "schedule", "cli", "api", "watch", "stash_hook"]);
export type SyncTrigger = z.infer<typeof SyncTrigger>;

export const SyncStatus = z.enum([
  "running",
  "completed",
  "completed_with_errors",
  "failed",
  "cancelled",
  "interrupted",
]);
export type SyncStatus = z.infer<typeof SyncStatus>;

export const ChangeType = z.enum(["created", "updated", "skipped", "failed"]);
export type ChangeType = z.infer<typeof ChangeType>;

export const EntityType = z.enum(["scene", "performer", "tag", "studio"]);
export type EntityType = z.infer<typeof EntityType>;

/** Stash ids are decimal integers sent as strings. */
export const StashId = z
  .string()
  .trim()
  .regex(/^\d{1,19}$/, "must be a Stash id (digits only)");

/** A run's job id as callers send it (a UUID today; any short text is looked up). */
export const JobId = z.string().trim().min(1).max(100);

export const JobIdInput = z.object({ jobId: JobId });
export type JobIdInput = z.infer<typeof JobIdInput>;

/** The analyzers a plan may run (server/analysis/analyzers/). */
export const AnalyzerName = z.enum(["performers", "studio", "tags", "date", "title", "details"]);
export type AnalyzerName = z.infer<typeof AnalyzerName>;

/** The scene fields an analysis may propose to change. */
export const AnalysisField = z.enum(["performers", "studio", "tags", "date", "title", "details"]);
export type AnalysisField = z.infer<typeof AnalysisField>;

/** set replaces a single value; add and remove change one member of a list. */
export const ChangeAction = z.enum(["set", "add", "remove"]);
export type ChangeAction = z.infer<typeof ChangeAction>;

export const ProposalStatus = z.enum(["pending", "approved", "rejected", "applied", "failed"]);
export type ProposalStatus = z.infer<typeof ProposalStatus>;

/** A plan is a draft until it runs once; then it ends like a sync run. */
export const PlanStatus = z.enum([
  "draft",
  "running",
  "completed",
  "failed",
  "cancelled",
  "interrupted",
]);
export type PlanStatus = z.infer<typeof PlanStatus>;
