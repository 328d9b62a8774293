/**
 * A library with known answers, for measuring the analysis plans: each scene's file path names
 * its performers (as written, run together, lower-cased without accents, or by an alias), its
 * studio (the folder) and its date (the filename), while the scene itself lists none of them.
 * What was planted is kept per scene, so a plan's proposals can be scored against it.
 * Names come from syllables, so no name is another's alias or a word inside a longer name; but
 * every 40th performer (while they last) has a one-word name that is also an English word
 * ("Summer"), and some titles start with such a word where that performer is not planted, as in
 * real libraries, where the word in "Summer Vacation" is not a performer.
 */
import { mixSeed, Random } from "./random";
import type { WirePerformer, WireScene, WireStudio } from "./wire-types";

/** What a scene's path says, and the scene does not. */
export interface PlantedFacts {
  performerIds: string[];
  studioId: string | null;
  /** YYYY-MM-DD, or null when none was planted. */
  date: string | null;
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "ne",
  "to",
  "su",
  "vi",
  "da",
  "re",
  "po",
  "zé",
  "li",
  "an",
  "or",
  "el",
  "ia",
  "mo",
  "ta",
  "sé",
];
const STUDIO_SUFFIXES = ["Films", "Pictures", "Media", "Studios"];
/** One-word performer names that are also words, each used once: performers 40, 80, 120… */
export const COMMON_WORD_NAMES = [
  "Summer",
  "Angel",
  "Jade",
  "Rain",
  "Dawn",
  "Star",
  "Honey",
  "Autumn",
  "Amber",
  "Crystal",
  "Ruby",
  "Destiny",
  "Faith",
  "Hope",
  "Joy",
  "Cherry",
  "Holly",
  "Ivy",
  "Lily",
  "Daisy",
  "Violet",
  "Storm",
  "Raven",
  "Harmony",
  "Melody",
  "Brandy",
  "Ginger",
  "Willow",
  "Poppy",
  "Pearl",
  "Blossom",
  "Breeze",
  "Heather",
  "Iris",
  "Rose",
  "Sage",
  "Jasmine",
  "Diamond",
  "Misty",
  "Sunny",
];
const COMMON_WORD_EVERY = 40;
/** The share of scenes whose title starts with such a word, its performer not planted. */
const COMMON_WORD_TITLES = 0.05;
const PLANT_STREAM = 6;

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}+/gu, "");

/** The k-th word of `parts` syllables (k below 20^parts): distinct k, distinct words. */
function word(k: number, parts: number): string {
  let out = "";
  for (let i = 0; i < parts; i++) {
    out += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  }
  return capital(out);
}

/** The performer's one-word name that is also a word, or null for most performers. */
function commonWordName(id: number): string | null {
  if (id % COMMON_WORD_EVERY !== 0) return null;
  return COMMON_WORD_NAMES[id / COMMON_WORD_EVERY - 1] ?? null;
}

/**
 * A two-syllable first name and a three-syllable last name, unique per id below 3.2 million;
 * or, for every 40th while they last, a one-word name that is also a word.
 */
export function plantedPerformerName(id: number): string {
  const common = commonWordName(id);
  if (common !== null) return common;
  const i = id - 1;
  return `${word(i % 400, 2)} ${word((Math.floor(i / 400) * 37 + 11) % 8000, 3)}`;
}

/**
 * A third of the performers with two-word names have an alias: a three-syllable first name, so
 * never a name.
 */
export function plantedPerformerAliases(id: number): string[] {
  if (id % 3 !== 0 || commonWordName(id) !== null) return [];
  const last = plantedPerformerName(id).split(" ")[1]!;
  return [`${word((id * 53) % 8000, 3)} ${last}`];
}

export function plantedStudioName(id: number): string {
  return `${word((id * 53 + 7) % 8000, 3)} ${STUDIO_SUFFIXES[id % STUDIO_SUFFIXES.length]}`;
}

/** Renames a generated performer or studio to its planted name. */
export function withPlantedName<T extends WirePerformer | WireStudio>(entity: T, id: number): T {
  if ("alias_list" in entity) {
    return { ...entity, name: plantedPerformerName(id), alias_list: plantedPerformerAliases(id) };
  }
  return { ...entity, name: plantedStudioName(id) };
}

function spelled(performer: WirePerformer, random: Random): string {
  const roll = random.next();
  if (roll < 0.1 && performer.alias_list.length > 0) return performer.alias_list[0]!;
  if (roll < 0.2) return performer.name.replace(" ", "");
  if (roll < 0.3) return fold(performer.name).toLowerCase().replace(" ", ".");
  return performer.name;
}

/**
 * Moves a generated scene's performers, studio and full date into its primary file's path and
 * takes them off the scene; returns what was planted. Draws from its own stream, so the rest
 * of the scene is as the seed makes it.
 */
export function plantFacts(seed: number, scene: WireScene, performerCount: number): PlantedFacts {
  const random = new Random(mixSeed(seed, PLANT_STREAM, Number(scene.id)));
  const file = scene.files[0];
  if (!file) return { performerIds: [], studioId: null, date: null };
  const date = scene.date && /^\d{4}-\d{2}-\d{2}$/.test(scene.date) && random.chance(0.7);
  const planted: PlantedFacts = {
    performerIds: scene.performers.map((p) => p.id),
    studioId: scene.studio?.id ?? null,
    date: date ? scene.date : null,
  };
  const performers = scene.performers.map((p) => spelled(p, random));
  const decoy = commonWordTitle(random, performerCount, planted.performerIds);
  if (decoy !== null && scene.title !== null) scene.title = scene.title.replace(/^\S+/, decoy);
  const stem = [
    planted.date?.replace(/-/g, "."),
    ...performers,
    "-",
    scene.title ?? `scene ${scene.id}`,
  ]
    .filter(Boolean)
    .join(" ");
  const basename = `${stem}.${file.format}`;
  const folder = `/data/library/${scene.studio?.name ?? "unsorted"}/${1 + (Number(scene.id) % 50)}`;
  scene.files[0] = { ...file, basename, path: `${folder}/${basename}` };
  scene.performers = [];
  scene.studio = null;
  if (planted.date) scene.date = null;
  return planted;
}

/** For a few scenes, a performer's one-word name to start the title with, that performer not planted. */
function commonWordTitle(
  random: Random,
  performerCount: number,
  plantedIds: readonly string[],
): string | null {
  const names = Math.min(COMMON_WORD_NAMES.length, Math.floor(performerCount / COMMON_WORD_EVERY));
  if (names === 0 || !random.chance(COMMON_WORD_TITLES)) return null;
  const id = COMMON_WORD_EVERY * random.int(1, names);
  return plantedIds.includes(String(id)) ? null : commonWordName(id);
}
