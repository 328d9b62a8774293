import type { AnalysisField, ChangeAction } from "../../domain/vocabulary";

/** What the analyzers read of one scene: the mirror's values, nothing from Stash. */
export interface SceneFacts {
  id: string;
  title: string | null;
  details: string | null;
  date: string | null;
  studioId: string | null;
  performerIds: readonly string[];
  tagIds: readonly string[];
  /** The primary file's path; null when Stash lists no file. */
  path: string | null;
}

/**
 * Where in the scene a piece of evidence was found: `details` is the details as text, HTML
 * removed, where names are looked for; `rawDetails` is the details as stored, markup included,
 * where the details analyzer points at the markup it would remove.
 */
export const textSources = ["path", "filename", "title", "details", "rawDetails"] as const;
export type TextSource = (typeof textSources)[number];

/** The text that made a proposal, with its offsets in that source's text for highlighting. */
export interface Evidence {
  source: TextSource;
  text: string;
  start: number;
  end: number;
}

/** A library entity as a proposal names it. */
export interface EntityRef {
  id: string;
  name: string;
}

export type ProposedValue = string | EntityRef | null;

/** One change an analyzer proposes for one scene. */
export interface Proposal {
  field: AnalysisField;
  action: ChangeAction;
  current: ProposedValue;
  proposed: ProposedValue;
  /** 0–1; see docs/analysis.md for how each analyzer scores. */
  confidence: number;
  evidence: Evidence[];
}
