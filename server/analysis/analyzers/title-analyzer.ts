import type { Proposal } from "./analyzer-types";
import { splitPath, type SceneUnderAnalysis } from "./scene-under-analysis";

/** Release noise in file names: resolutions, codecs and sources say nothing about the scene. */
const NOISE =
  /^(?:\d{3,4}p|[248]k|uhd|hd|sd|x26[45]|h\.?26[45]|hevc|avc|av1|xvid|divx|web(?:-?dl|rip)?|hdrip|bluray|mp4|mkv)$/i;
/** Dates and years: the date analyzer's business, not part of a title. */
const DATE =
  /(?<!\d)(?:(?:19|20)\d{2}[-._ ]\d{2}[-._ ]\d{2}|(?:19|20)\d{6})(?!\d)|[[(](?:19|20)\d{2}[\])]/g;
const TITLE_CONFIDENCE = 0.7;

/** A readable title made from a file name, or null when nothing but noise is left. */
export function titleFromFileName(stem: string): string | null {
  let text = stem.replace(DATE, " ");
  // Dots and underscores stand for spaces in release names; dashes only when nothing else does.
  text = text.replace(/[._]+/g, " ");
  if (!text.includes(" ")) text = text.replace(/-+/g, " ");
  text = text.replace(/[[(]\s*[\])]/g, " ");
  const words = text
    .split(/\s+/)
    .filter((word) => word !== "" && !NOISE.test(word.replace(/^[[(]|[\])]$/g, "")));
  const title = words
    .join(" ")
    .replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, "")
    .replace(/\s+-\s+-\s+/g, " - ");
  if (!/[\p{L}\p{N}]/u.test(title)) return null;
  // A name written all in lower case reads better with capitals; otherwise keep its casing.
  return title === title.toLowerCase()
    ? title.replace(
        /(^|\s)(\p{L})/gu,
        (_, space: string, letter: string) => space + letter.toUpperCase(),
      )
    : title;
}

/** A title from the primary file's name, for a scene without one. */
export function analyzeTitle(scene: SceneUnderAnalysis): Proposal[] {
  if (scene.facts.title?.trim() || !scene.facts.path) return [];
  const { stem } = splitPath(scene.facts.path);
  const title = titleFromFileName(stem);
  if (title === null) return [];
  return [
    {
      field: "title",
      action: "set",
      current: scene.facts.title,
      proposed: title,
      confidence: TITLE_CONFIDENCE,
      evidence: [{ source: "filename", text: stem, start: 0, end: stem.length }],
    },
  ];
}
