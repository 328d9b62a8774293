/**
 * A seeded, realistic-looking Stash library. Performers, tags and studios are few enough to
 * build up front; scenes are kept as small rows (id and timestamps) and rebuilt on demand from
 * (seed, id), so 500,000 scenes start in about a second and fit in a few tens of megabytes.
 */
import { type SimClock } from "./clock";
import { Random, mixSeed } from "./random";
import type {
  Gender,
  WirePerformer,
  WireScene,
  WireStudio,
  WireTag,
  WireVideoFile,
} from "./wire-types";

const FIRST = [
  "Alex",
  "Bea",
  "Carmen",
  "Dana",
  "Eli",
  "Fay",
  "Gio",
  "Hana",
  "Ivo",
  "Jade",
  "Kai",
  "Lena",
  "Milo",
  "Nina",
  "Omar",
  "Pia",
  "Quinn",
  "Rosa",
  "Sami",
  "Tess",
  "Uma",
  "Vito",
  "Wren",
  "Xena",
  "Yara",
  "Zeno",
  "Ada",
  "Bruno",
  "Cleo",
  "Dario",
  "Edda",
  "Finn",
  "Greta",
  "Hugo",
  "Iris",
  "Jonas",
  "Kira",
  "Luca",
  "Maya",
  "Noah",
  "Olga",
  "Paul",
  "Rita",
  "Sven",
  "Tara",
  "Ugo",
  "Vera",
  "Willa",
];
const LAST = [
  "Abbott",
  "Berg",
  "Costa",
  "Duval",
  "Ekberg",
  "Ferro",
  "Gallo",
  "Holm",
  "Ibsen",
  "Jansen",
  "Keller",
  "Lind",
  "Moreau",
  "Novak",
  "Ortiz",
  "Petit",
  "Quist",
  "Rossi",
  "Sato",
  "Tanaka",
  "Ulrich",
  "Vidal",
  "Weber",
  "Young",
  "Zeller",
  "Andersen",
  "Blanc",
  "Conti",
  "Dahl",
  "Engel",
  "Fischer",
  "Garnier",
  "Hart",
  "Iversen",
  "Jovanovic",
  "Kovacs",
  "Lambert",
  "Marin",
  "Nagel",
  "Olsen",
];
const ADJECTIVES = [
  "Amber",
  "Bright",
  "Calm",
  "Distant",
  "Electric",
  "Faded",
  "Golden",
  "Hidden",
  "Icy",
  "Jade",
  "Kind",
  "Lunar",
  "Midnight",
  "Neon",
  "Open",
  "Quiet",
  "Rapid",
  "Silver",
  "Tender",
  "Urban",
  "Velvet",
  "Wild",
  "Young",
  "Zesty",
  "Crimson",
  "Misty",
  "Sunny",
  "Stormy",
  "Gentle",
  "Bold",
];
const NOUNS = [
  "Harbor",
  "Meadow",
  "Studio",
  "Garden",
  "Canyon",
  "River",
  "Tower",
  "Island",
  "Forest",
  "Valley",
  "Window",
  "Station",
  "Bridge",
  "Lantern",
  "Mirror",
  "Orchard",
  "Desert",
  "Summit",
  "Avenue",
  "Lagoon",
  "Cabin",
  "Terrace",
  "Palace",
  "Market",
  "Harvest",
  "Voyage",
  "Echo",
  "Signal",
  "Horizon",
  "Shadow",
];
const STUDIO_SUFFIXES = [
  "Pictures",
  "Films",
  "Media",
  "Productions",
  "Works",
  "Collective",
  "Studios",
  "Labs",
];
const RESOLUTIONS: readonly [number, number][] = [
  [1920, 1080],
  [1280, 720],
  [3840, 2160],
  [854, 480],
  [2560, 1440],
  [1080, 1920],
];
const VIDEO_CODECS = ["h264", "h264", "hevc", "av1", "vp9"];
const AUDIO_CODECS = ["aac", "aac", "opus", "mp3"];
const FRAME_RATES = [23.976, 25, 29.97, 30, 59.94, 60];
const GENDERS: readonly (Gender | null)[] = [
  "FEMALE",
  "FEMALE",
  "FEMALE",
  "MALE",
  "MALE",
  "TRANSGENDER_FEMALE",
  "TRANSGENDER_MALE",
  "NON_BINARY",
  "INTERSEX",
  null,
];

/** Stream ids so that a scene's timestamps and its content come from independent sequences. */
const STREAM = { performer: 1, tag: 2, studio: 3, sceneTimes: 4, sceneContent: 5 } as const;

const DAY_MS = 86_400_000;
/** Generated records were created during the three years before the clock's start. */
const HISTORY_MS = 3 * 365 * DAY_MS;

/** Scene fields an edit may set, named as in Stash's SceneUpdateInput. */
export interface SceneEdit {
  title?: string | null;
  code?: string | null;
  details?: string | null;
  director?: string | null;
  urls?: string[];
  date?: string | null;
  rating100?: number | null;
  organized?: boolean;
  o_counter?: number | null;
  studio_id?: string | null;
  performer_ids?: string[];
  tag_ids?: string[];
  /** The scene's groups (movies before v0.27), replacing the generated ones. */
  groups?: { group_id: string; scene_index: number | null }[];
  /** Changes to the primary file (a move, a re-encode): merged into files[0]. */
  file?: Partial<Omit<WireVideoFile, "id" | "fingerprints">> & {
    fingerprints?: WireVideoFile["fingerprints"];
  };
}

/** Ways a stored row can be corrupt while the GraphQL transport stays valid. */
export const sceneCorruptions = [
  "bad-date",
  "negative-size",
  "size-as-text",
  "bad-rating",
  "bad-created-at",
  "repeated-tag",
] as const;
export type SceneCorruption = (typeof sceneCorruptions)[number];

export interface SceneRow {
  id: number;
  created_at: string;
  updated_at: string;
  edit: SceneEdit | null;
  corruption: SceneCorruption | null;
}

export interface GeneratedCounts {
  scenes: number;
  performers: number;
  tags: number;
  studios: number;
}

/** Thousands of performers and tags for a large library, a handful for a tiny one. */
export function defaultCounts(scenes: number): GeneratedCounts {
  return {
    scenes,
    performers: Math.max(8, Math.min(20_000, Math.round(scenes / 25))),
    tags: Math.max(12, Math.min(10_000, Math.round(scenes / 50))),
    studios: Math.max(3, Math.min(2_000, Math.round(scenes / 400))),
  };
}

function timestamps(random: Random, clock: SimClock): { created_at: string; updated_at: string } {
  const now = clock.now();
  const created = now - DAY_MS - random.next() * HISTORY_MS;
  const updated = created + random.next() * (now - created);
  return { created_at: clock.format(created), updated_at: clock.format(updated) };
}

/** i-th unique name from two word lists, with a numeric suffix once the combinations run out. */
function uniqueName(i: number, first: readonly string[], second: readonly string[]): string {
  const a = first[i % first.length] ?? "";
  const b = second[Math.floor(i / first.length) % second.length] ?? "";
  const cycle = Math.floor(i / (first.length * second.length));
  return cycle === 0 ? `${a} ${b}` : `${a} ${b} ${cycle + 1}`;
}

export function generatePerformer(seed: number, id: number, clock: SimClock): WirePerformer {
  const random = new Random(mixSeed(seed, STREAM.performer, id));
  const name = uniqueName(id - 1, FIRST, LAST);
  const year = random.int(1965, 2003);
  return {
    id: String(id),
    name,
    disambiguation: random.chance(0.05) ? `${random.pick(ADJECTIVES)} era` : null,
    urls: [
      ...(random.chance(0.5) ? [`https://performers.example/${id}`] : []),
      // Derived from the id, not drawn: extra draws would change every later value of a seed.
      ...(id % 3 === 0 ? [`https://twitter.com/${name.toLowerCase().replace(/\W+/g, "_")}`] : []),
    ],
    gender: random.pick(GENDERS),
    birthdate: random.chance(0.6)
      ? `${year}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`
      : null,
    country: random.chance(0.5)
      ? random.pick(["DE", "FR", "US", "JP", "BR", "CZ", "IT", "ES"])
      : null,
    alias_list: random.chance(0.2) ? [`${random.pick(FIRST)} ${random.pick(LAST)}`] : [],
    favorite: random.chance(0.1),
    rating100: random.chance(0.4) ? random.int(1, 100) : null,
    details: random.chance(0.3)
      ? `${name} appears in ${random.pick(NOUNS).toLowerCase()} scenes.`
      : null,
    ignore_auto_tag: false,
    ...timestamps(random, clock),
  };
}

export function generateTag(seed: number, id: number, clock: SimClock): WireTag {
  const random = new Random(mixSeed(seed, STREAM.tag, id));
  const name = uniqueName(id - 1, ADJECTIVES, NOUNS).toLowerCase();
  return {
    id: String(id),
    name,
    description: random.chance(0.3) ? `Scenes with a ${name} feel.` : null,
    aliases: [],
    favorite: random.chance(0.05),
    ignore_auto_tag: false,
    ...timestamps(random, clock),
  };
}

export function generateStudio(seed: number, id: number, clock: SimClock): WireStudio {
  const random = new Random(mixSeed(seed, STREAM.studio, id));
  const name = uniqueName(id - 1, NOUNS, STUDIO_SUFFIXES);
  return {
    id: String(id),
    name,
    urls: random.chance(0.7)
      ? [
          `https://${name.toLowerCase().replace(/\W+/g, "-")}.example`,
          ...(id % 4 === 0 ? [`https://shop.example/${id}`] : []),
        ]
      : [],
    parent_studio: null,
    aliases: [],
    ignore_auto_tag: false,
    rating100: random.chance(0.3) ? random.int(1, 100) : null,
    favorite: random.chance(0.1),
    details: null,
    ...timestamps(random, clock),
  };
}

export function generateSceneRow(seed: number, id: number, clock: SimClock): SceneRow {
  const random = new Random(mixSeed(seed, STREAM.sceneTimes, id));
  return { id, ...timestamps(random, clock), edit: null, corruption: null };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function sceneDate(random: Random): string | null {
  const roll = random.next();
  const year = random.int(2005, 2025);
  const month = pad2(random.int(1, 12));
  const day = pad2(random.int(1, 28));
  // Stash accepts partial dates: a year, or a year and month.
  if (roll < 0.08) return null;
  if (roll < 0.13) return String(year);
  if (roll < 0.18) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

function generateFile(
  random: Random,
  fileId: number,
  folder: string,
  slug: string,
  stamp: string,
): WireVideoFile {
  const [width, height] = random.pick(RESOLUTIONS);
  const duration = Math.round(random.int(60, 7200) * 100 + random.int(0, 99)) / 100;
  const bitRate = random.int(800, 25_000) * 1000;
  const size = Math.round((bitRate / 8) * duration);
  const format = random.chance(0.8) ? "mp4" : "mkv";
  const basename = `${slug}.${format}`;
  const fingerprints = [
    { type: "oshash", value: random.hex(16) },
    { type: "phash", value: random.hex(16) },
  ];
  if (random.chance(0.3)) fingerprints.push({ type: "md5", value: random.hex(32) });
  return {
    id: String(fileId),
    path: `${folder}/${basename}`,
    basename,
    parent_folder_id: String(1 + (fileId % 997)),
    mod_time: stamp,
    size,
    format,
    width,
    height,
    duration,
    video_codec: random.pick(VIDEO_CODECS),
    audio_codec: random.pick(AUDIO_CODECS),
    frame_rate: random.pick(FRAME_RATES),
    bit_rate: bitRate,
    fingerprints,
    created_at: stamp,
    updated_at: stamp,
  };
}

/** The simulator keeps no group table: a group is its id and a name made from it. */
/** Generated scenes belong to these groups; they are the library's only groups. */
export const GROUP_COUNT = 40;
const groupOf = (id: number) => ({ id: String(id), name: `Series ${id}` });

export interface SceneReferences {
  performer(id: number): WirePerformer | undefined;
  tag(id: number): WireTag | undefined;
  studio(id: number): WireStudio | undefined;
}

/**
 * Rebuilds a scene from (seed, id), then applies its edits and corruption. `plant`, in a
 * library with planted facts, moves the generated scene's facts into its path before edits.
 */
export function materializeScene(
  seed: number,
  row: SceneRow,
  counts: GeneratedCounts,
  refs: SceneReferences,
  plant?: (scene: WireScene) => void,
): WireScene {
  const random = new Random(mixSeed(seed, STREAM.sceneContent, row.id));
  const id = row.id;
  const title = random.chance(0.05)
    ? null
    : `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)} ${id}`;
  const slug = (title ?? `scene ${id}`).toLowerCase().replace(/\W+/g, "-");
  const studioId = random.chance(0.9) ? random.int(1, counts.studios) : null;
  const performerIds = random.chance(0.05)
    ? []
    : random.distinctInts(random.int(1, 4), counts.performers);
  const tagIds = random.distinctInts(random.int(2, 8), counts.tags);
  const folder = `/data/library/${studioId === null ? "unsorted" : `studio-${studioId}`}/${1 + (id % 50)}`;
  const files = [generateFile(random, id * 2 - 1, folder, slug, row.created_at)];
  if (random.chance(0.05))
    files.push(generateFile(random, id * 2, folder, `${slug}-alt`, row.created_at));
  const scene: WireScene = {
    id: String(id),
    title,
    code: random.chance(0.3)
      ? `${random.pick(["ABC", "XYZ", "QRS"])}-${random.int(100, 9999)}`
      : null,
    details: random.chance(0.5)
      ? `A ${random.pick(ADJECTIVES).toLowerCase()} scene near the ${random.pick(NOUNS).toLowerCase()}.`
      : null,
    director: random.chance(0.2) ? `${random.pick(FIRST)} ${random.pick(LAST)}` : null,
    urls: random.chance(0.6) ? [`https://scenes.example/${id}`] : [],
    date: sceneDate(random),
    rating100: random.chance(0.4) ? null : random.int(1, 100),
    organized: random.chance(0.3),
    o_counter: random.int(0, 5),
    interactive: false,
    created_at: row.created_at,
    updated_at: row.updated_at,
    files,
    studio: studioId === null ? null : (refs.studio(studioId) ?? null),
    performers: [],
    tags: [],
    // Derived from the id, not drawn, so the seed's other values stay as they were.
    groups:
      id % 7 === 0
        ? [{ group: groupOf(1 + (id % GROUP_COUNT)), scene_index: 1 + Math.floor(id / 280) }]
        : [],
  };
  let performers = performerIds;
  let tags = tagIds;
  if (plant) {
    scene.performers = resolved(performers, refs.performer);
    plant(scene);
    performers = scene.performers.map((p) => Number(p.id));
  }
  const edit = row.edit;
  if (edit) {
    if (edit.title !== undefined) scene.title = edit.title;
    if (edit.code !== undefined) scene.code = edit.code;
    if (edit.details !== undefined) scene.details = edit.details;
    if (edit.director !== undefined) scene.director = edit.director;
    if (edit.urls !== undefined) scene.urls = edit.urls;
    if (edit.date !== undefined) scene.date = edit.date;
    if (edit.rating100 !== undefined) scene.rating100 = edit.rating100;
    if (edit.organized !== undefined) scene.organized = edit.organized;
    if (edit.o_counter !== undefined) scene.o_counter = edit.o_counter;
    if (edit.studio_id !== undefined)
      scene.studio = edit.studio_id === null ? null : (refs.studio(Number(edit.studio_id)) ?? null);
    if (edit.performer_ids !== undefined) performers = edit.performer_ids.map(Number);
    if (edit.tag_ids !== undefined) tags = edit.tag_ids.map(Number);
    if (edit.groups !== undefined)
      scene.groups = edit.groups.map((g) => ({
        group: groupOf(Number(g.group_id)),
        scene_index: g.scene_index,
      }));
    if (edit.file !== undefined && files[0]) {
      const merged = { ...files[0], ...edit.file };
      if (edit.file.path !== undefined && edit.file.basename === undefined) {
        merged.basename = edit.file.path.slice(edit.file.path.lastIndexOf("/") + 1);
      }
      files[0] = merged;
    }
  }
  // A deleted performer or tag simply drops out of its scenes, as Stash's join rows cascade.
  scene.performers = resolved(performers, refs.performer);
  scene.tags = resolved(tags, refs.tag);
  if (row.corruption) corrupt(scene, row.corruption);
  return scene;
}

function resolved<T>(ids: number[], find: (id: number) => T | undefined): T[] {
  return ids.map(find).filter((found) => found !== undefined);
}

function corrupt(scene: WireScene, kind: SceneCorruption): void {
  const file = scene.files[0];
  switch (kind) {
    case "bad-date":
      scene.date = "2026-13-45";
      break;
    case "negative-size":
      if (file) scene.files[0] = { ...file, size: -1 };
      break;
    case "size-as-text":
      if (file) scene.files[0] = { ...file, size: "3.2 GB" };
      break;
    case "bad-rating":
      scene.rating100 = 250;
      break;
    case "bad-created-at":
      scene.created_at = "yesterday";
      break;
    case "repeated-tag":
      if (scene.tags[0]) scene.tags = [...scene.tags, scene.tags[0]];
      break;
  }
}
