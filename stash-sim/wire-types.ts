/**
 * Records as the simulator serves them: Stash's GraphQL field names, plain objects, so the
 * default GraphQL resolvers read them without per-field code.
 */

export type Gender =
  "MALE" | "FEMALE" | "TRANSGENDER_MALE" | "TRANSGENDER_FEMALE" | "INTERSEX" | "NON_BINARY";

export interface WireFingerprint {
  type: string;
  value: string;
}

export interface WireVideoFile {
  id: string;
  path: string;
  basename: string;
  parent_folder_id: string;
  mod_time: string;
  /** Int64 is a custom scalar in Stash; `unknown` lets a fault serve a corrupt value. */
  size: unknown;
  format: string;
  width: number;
  height: number;
  duration: number;
  video_codec: string;
  audio_codec: string;
  frame_rate: number;
  bit_rate: number;
  fingerprints: WireFingerprint[];
  created_at: string;
  updated_at: string;
}

export interface WireTag {
  id: string;
  name: string;
  description: string | null;
  aliases: string[];
  favorite: boolean;
  ignore_auto_tag: boolean;
  created_at: string;
  updated_at: string;
}

export interface WireStudio {
  id: string;
  name: string;
  /** Served as `urls`, and as `url` (the first) by every release. */
  urls: string[];
  parent_studio: WireStudio | null;
  aliases: string[];
  favorite: boolean;
  rating100: number | null;
  details: string | null;
  ignore_auto_tag: boolean;
  created_at: string;
  updated_at: string;
}

export interface WirePerformer {
  id: string;
  name: string;
  disambiguation: string | null;
  urls: string[];
  gender: Gender | null;
  birthdate: string | null;
  country: string | null;
  alias_list: string[];
  favorite: boolean;
  rating100: number | null;
  details: string | null;
  ignore_auto_tag: boolean;
  created_at: string;
  updated_at: string;
}

/** A scene's place in a group, served as `movies` (`movie`) before v0.27. */
export interface WireSceneGroup {
  group: { id: string; name: string };
  scene_index: number | null;
}

export interface WireScene {
  id: string;
  title: string | null;
  code: string | null;
  details: string | null;
  director: string | null;
  urls: string[];
  date: string | null;
  rating100: number | null;
  organized: boolean;
  o_counter: number | null;
  interactive: boolean;
  created_at: string;
  updated_at: string;
  files: WireVideoFile[];
  studio: WireStudio | null;
  performers: WirePerformer[];
  tags: WireTag[];
  groups: WireSceneGroup[];
}
