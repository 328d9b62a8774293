/**
 * The Stash library as the sync engine sees it: plain, validated values with our names. The
 * client (server/stash/client.ts) reads Stash's wire format, validates it with zod at the
 * boundary and maps it to these types; nothing past the client sees GraphQL shapes.
 */

export interface StashRef {
  id: string;
  name: string;
}

export interface StashFingerprint {
  type: string;
  value: string;
}

export interface StashVideoFile {
  id: string;
  path: string;
  basename: string;
  /** Bytes. Stash's Int64 arrives as a number; sizes stay below 2^53. */
  size: number;
  /** Seconds. */
  duration: number;
  width: number;
  height: number;
  videoCodec: string;
  audioCodec: string;
  frameRate: number;
  bitRate: number;
  fingerprints: StashFingerprint[];
}

/** A scene's place in a group (a "movie" before Stash v0.27). */
export interface StashSceneGroup {
  id: string;
  name: string;
  sceneIndex: number | null;
}

export interface StashScene {
  id: string;
  title: string | null;
  code: string | null;
  details: string | null;
  director: string | null;
  urls: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD, as Stash sends it. */
  date: string | null;
  rating100: number | null;
  organized: boolean;
  oCounter: number;
  /** Verbatim from Stash: RFC3339 in the Stash server's local time zone. Compare as Stash does. */
  createdAt: string;
  updatedAt: string;
  studio: StashRef | null;
  performers: StashRef[];
  tags: StashRef[];
  groups: StashSceneGroup[];
  files: StashVideoFile[];
}

export interface StashPerformer {
  id: string;
  name: string;
  disambiguation: string | null;
  /** Stash's alias_list: the other names the analysis plans recognise a performer by. */
  aliases: string[];
  urls: string[];
  gender: string | null;
  favorite: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StashTag {
  id: string;
  name: string;
  aliases: string[];
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StashStudio {
  id: string;
  name: string;
  aliases: string[];
  urls: string[];
  parentId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface StashEntityByType {
  scene: StashScene;
  performer: StashPerformer;
  tag: StashTag;
  studio: StashStudio;
}

export type EntityType = keyof StashEntityByType;

/**
 * One record of a page. A record that fails validation does not throw the page away: it
 * becomes `ok: false` with the reason, so the sync logs that one entity as failed.
 */
export type PageItem<T> =
  { ok: true; id: string; value: T } | { ok: false; id: string | null; error: string };

/**
 * A record of a page as the sync reads it, before validation: its id when it can be read
 * without parsing, exactly the text Stash sent, and the validation on demand. The sync stores
 * a digest of the text with the row; a record whose digest is stored needs no parsing.
 */
export interface PageRecord<T> {
  id: string | null;
  readonly text: string;
  /** Parses and validates the record (once; later calls answer the same item). */
  read(): PageItem<T>;
}

/** One page of an answer: its items and Stash's total. */
export interface Paged<Item> {
  /** Total matching records, from Stash's `count`. */
  count: number;
  items: Item[];
}

export type StashPage<T> = Paged<PageItem<T>>;
export type StashRecordPage<T> = Paged<PageRecord<T>>;

export interface PageRequest {
  /** 1-based, as Stash counts. */
  page: number;
  perPage: number;
  /** Only records whose updated_at is textually greater than this Stash-issued string. */
  updatedAfter?: string;
  /** Only these ids (scenes). */
  ids?: string[];
  /** Default `id` ascending: stable while the library is edited. */
  sort?: "id" | "updated_at";
  direction?: "ASC" | "DESC";
}

export interface StashVersion {
  version: string | null;
  hash: string | null;
}

export interface StashStats {
  sceneCount: number;
  performerCount: number;
  tagCount: number;
  studioCount: number;
}
