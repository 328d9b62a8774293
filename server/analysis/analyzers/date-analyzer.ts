import type { Evidence, Proposal } from "./analyzer-types";
import { splitPath, type SceneUnderAnalysis } from "./scene-under-analysis";

interface DatePattern {
  pattern: RegExp;
  confidence: number;
  /** The date Stash stores (YYYY-MM-DD or YYYY), or null when the digits are no real date. */
  read: (match: RegExpExecArray) => string | null;
}

const YEAR = "(19\\d{2}|20\\d{2})";
const MONTH = "(0[1-9]|1[0-2])";
const DAY = "(0[1-9]|[12]\\d|3[01])";

// Digits on either side mean a longer number (a resolution, a bitrate, an id), not a date.
const patterns: DatePattern[] = [
  {
    pattern: new RegExp(`(?<!\\d)${YEAR}([-._ ])${MONTH}\\2${DAY}(?!\\d)`, "g"),
    confidence: 0.9,
    read: (m) => calendarDate(m[1]!, m[3]!, m[4]!),
  },
  {
    pattern: new RegExp(`(?<!\\d)${YEAR}${MONTH}${DAY}(?!\\d)`, "g"),
    confidence: 0.8,
    read: (m) => calendarDate(m[1]!, m[2]!, m[3]!),
  },
  {
    pattern: new RegExp(`[[(]${YEAR}[\\])]`, "g"),
    confidence: 0.7,
    read: (m) => m[1]!,
  },
];

/** YYYY-MM-DD when the day exists in that month (no 2023-02-29), else null. */
function calendarDate(year: string, month: string, day: string): string | null {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCDate() === Number(day) ? `${year}-${month}-${day}` : null;
}

/**
 * A date read from the file name (2024-01-31, 2024.01.31, 20240131, or a year in brackets),
 * for a scene without one. The most precise pattern that matches wins; two different dates of
 * that precision are ambiguous and propose nothing.
 */
export function analyzeDate(scene: SceneUnderAnalysis): Proposal[] {
  if (scene.facts.date || !scene.facts.path) return [];
  const { stem } = splitPath(scene.facts.path);
  const found: { value: string; confidence: number; evidence: Evidence }[] = [];
  for (const { pattern, confidence, read } of patterns) {
    for (const match of stem.matchAll(pattern)) {
      const value = read(match as RegExpExecArray);
      if (value === null) continue;
      const evidence = {
        source: "filename" as const,
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
      };
      found.push({ value, confidence, evidence });
    }
  }
  if (found.length === 0) return [];
  const precise = found.filter((f) => f.value.length === 10);
  const candidates = precise.length > 0 ? precise : found;
  if (new Set(candidates.map((c) => c.value)).size !== 1) return [];
  return [
    {
      field: "date",
      action: "set",
      current: null,
      proposed: candidates[0]!.value,
      confidence: Math.max(...candidates.map((c) => c.confidence)),
      evidence: candidates.map((c) => c.evidence),
    },
  ];
}
