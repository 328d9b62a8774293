import {
  AnalysisField,
  AnalyzerName,
  ChangeType,
  EntityType,
  PlanStatus,
  ProposalStatus,
  SyncStatus,
  SyncType,
} from "./vocabulary";

/**
 * What people read for the design's vocabulary: one name per value, written once. Sync
 * types are named as the design's History tab names them.
 */
export const syncTypeLabel: Record<SyncType, string> = {
  full: "Full Sync",
  incremental: "Incremental Sync",
  specific: "Scene Sync",
};

/** A History entry's title: a full sync's row stands for every scene (the design's label). */
export const historyEntryTitle: Record<SyncType, string> = {
  ...syncTypeLabel,
  full: `${syncTypeLabel.full} (All Scenes)`,
};

export const syncStatusLabel: Record<SyncStatus, string> = {
  running: "Running",
  completed: "Completed",
  completed_with_errors: "Completed with errors",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
};

/** A link to a run, in words that match what the run is now: never "running" once it ended. */
export const runLinkText: Record<SyncStatus, string> = {
  running: "See the running sync",
  completed: "See the completed run",
  completed_with_errors: "See the run and its failures",
  failed: "See the failed run",
  cancelled: "See the cancelled run",
  interrupted: "See the interrupted run",
};

export const changeTypeLabel: Record<ChangeType, string> = {
  created: "Created",
  updated: "Updated",
  skipped: "Skipped",
  failed: "Failed",
};

export const entityTypeLabel: Record<EntityType, string> = {
  scene: "Scene",
  performer: "Performer",
  tag: "Tag",
  studio: "Studio",
};

export const planStatusLabel: Record<PlanStatus, string> = {
  draft: "Draft",
  running: "Running",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  interrupted: "Interrupted",
};

export const proposalStatusLabel: Record<ProposalStatus, string> = {
  pending: "Pending review",
  approved: "Approved",
  rejected: "Rejected",
  applied: "Applied",
  failed: "Failed",
};

export const analysisFieldLabel: Record<AnalysisField, string> = {
  performers: "Performers",
  studio: "Studio",
  tags: "Tags",
  date: "Date",
  title: "Title",
  details: "Details",
};

/** An analyzer as the Analyze dialog offers it: what it looks for. */
export const analyzerLabel: Record<AnalyzerName, string> = {
  performers: "Performers named in the path, title or details",
  studio: "Studio named in the path, title or details",
  tags: "Tags named in the path, title or details",
  date: "Date from the filename, when the scene has none",
  title: "Title from the filename, when the scene has none",
  details: "Details cleaned of HTML",
};

/**
 * The analysis forms' fields as their labels name them; bad input is reported under the same
 * names, so a message points at the field a person sees.
 */
export const createPlanFieldLabel = { name: "Plan name", analyzers: "Analyzers" } as const;
export const bulkReviewFieldLabel = {
  field: "Field",
  minConfidence: "Confidence at least",
} as const;

/** Choices for a filter, in the enum's order. */
const optionsOf = <T extends string>(values: readonly T[], label: Record<T, string>) =>
  values.map((value) => ({ value, label: label[value] }));

export const syncTypeOptions = optionsOf(SyncType.options, syncTypeLabel);
export const syncStatusOptions = optionsOf(SyncStatus.options, syncStatusLabel);
export const changeTypeOptions = optionsOf(ChangeType.options, changeTypeLabel);
export const entityTypeOptions = optionsOf(EntityType.options, entityTypeLabel);
export const proposalStatusOptions = optionsOf(ProposalStatus.options, proposalStatusLabel);
export const analysisFieldOptions = optionsOf(AnalysisField.options, analysisFieldLabel);
export const planStatusOptions = optionsOf(PlanStatus.options, planStatusLabel);
export const analyzerOptions = optionsOf(AnalyzerName.options, analyzerLabel);
