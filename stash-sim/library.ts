/**
 * The simulator's Stash library: four tables with Stash's query semantics and the writes a test
 * or the demo makes, each bumping updated_at from the simulator's clock as Stash does.
 */
import { type SimClock } from "./clock";
import { EntityTable, type EntityKind } from "./entity-table";
import {
  defaultCounts,
  GROUP_COUNT,
  generatePerformer,
  generateSceneRow,
  generateStudio,
  generateTag,
  materializeScene,
  type GeneratedCounts,
  type SceneCorruption,
  type SceneEdit,
  type SceneReferences,
  type SceneRow,
} from "./generate-library";
import { plantFacts, withPlantedName, type PlantedFacts } from "./planted-facts";
import type { WirePerformer, WireScene, WireStudio, WireTag } from "./wire-types";

export type PerformerEdit = Partial<Omit<WirePerformer, "id" | "created_at" | "updated_at">>;
export type TagEdit = Partial<Omit<WireTag, "id" | "created_at" | "updated_at">>;
export type StudioEdit = Partial<
  Omit<WireStudio, "id" | "created_at" | "updated_at" | "parent_studio"> & {
    parent_id: string | null;
  }
>;

const SCENE_SORTS = [
  "bitrate",
  "created_at",
  "code",
  "date",
  "production_date",
  "file_count",
  "filesize",
  "duration",
  "file_mod_time",
  "framerate",
  "group_scene_number",
  "id",
  "interactive",
  "interactive_speed",
  "last_o_at",
  "last_played_at",
  "movie_scene_number",
  "o_counter",
  "organized",
  "performer_count",
  "play_count",
  "play_duration",
  "resume_time",
  "path",
  "perceptual_similarity",
  "random",
  "rating",
  "resolution",
  "studio",
  "tag_count",
  "title",
  "updated_at",
  "performer_age",
] as const;
const PERFORMER_SORTS = [
  "birthdate",
  "career_length",
  "created_at",
  "galleries_count",
  "height",
  "id",
  "images_count",
  "last_o_at",
  "last_played_at",
  "measurements",
  "name",
  "o_counter",
  "penis_length",
  "play_count",
  "random",
  "rating",
  "scenes_count",
  "scenes_duration",
  "tag_count",
  "updated_at",
  "weight",
] as const;
const TAG_SORTS = [
  "created_at",
  "galleries_count",
  "id",
  "images_count",
  "name",
  "performers_count",
  "random",
  "scene_markers_count",
  "scenes_count",
  "updated_at",
] as const;
const STUDIO_SORTS = [
  "child_count",
  "created_at",
  "galleries_count",
  "id",
  "images_count",
  "name",
  "scenes_count",
  "random",
  "rating",
  "tag_count",
  "updated_at",
] as const;

function sceneSortValue(scene: WireScene, key: string): string | number | boolean | null {
  const file = scene.files[0];
  switch (key) {
    case "title":
      return scene.title ?? file?.basename ?? null;
    case "date":
      return scene.date;
    case "code":
      return scene.code;
    case "rating":
      return scene.rating100;
    case "o_counter":
      return scene.o_counter;
    case "organized":
      return scene.organized;
    case "path":
      return file?.path ?? null;
    case "filesize":
      return typeof file?.size === "number" ? file.size : null;
    case "duration":
      return file?.duration ?? null;
    case "bitrate":
      return file?.bit_rate ?? null;
    case "framerate":
      return file?.frame_rate ?? null;
    case "file_count":
      return scene.files.length;
    case "tag_count":
      return scene.tags.length;
    case "performer_count":
      return scene.performers.length;
    case "studio":
      return scene.studio?.name ?? null;
    default:
      // Allowed by Stash but not modelled here (play history, groups…): ordered by id.
      return null;
  }
}

function wireKind<W extends { id: string; name: string; created_at: string; updated_at: string }>(
  noun: string,
  sortKeys: readonly string[],
  flags: readonly string[],
): EntityKind<W, W> {
  return {
    noun,
    idOf: (row) => Number(row.id),
    createdAt: (row) => row.created_at,
    updatedAt: (row) => row.updated_at,
    sortKeys,
    // Stash sorts performers, tags and studios by name when no sort is given.
    defaultSort: "name",
    sortValue: (row, key) => {
      if (key === "name") return row.name;
      if (key === "rating") return (row as { rating100?: number | null }).rating100 ?? null;
      return null;
    },
    flag: (row, name) =>
      flags.includes(name) ? Boolean((row as Record<string, unknown>)[name]) : null,
    searchText: (row) => row.name,
    materialize: (row) => row,
  };
}

export interface SimLibraryOptions {
  seed: number;
  scenes: number;
  performers?: number;
  tags?: number;
  studios?: number;
  /** Scenes' paths name their performers, studio and date, which the scenes do not list. */
  plantFacts?: boolean;
}

export class SimLibrary {
  readonly scenes: EntityTable<SceneRow, WireScene>;
  readonly performers = new EntityTable<WirePerformer, WirePerformer>(
    wireKind("performer", PERFORMER_SORTS, ["favorite"]),
  );
  readonly tags = new EntityTable<WireTag, WireTag>(wireKind("tag", TAG_SORTS, ["favorite"]));
  readonly studios = new EntityTable<WireStudio, WireStudio>(
    wireKind("studio", STUDIO_SORTS, ["favorite"]),
  );
  /** How many of each the generator made: a scene's generated references point below these. */
  readonly counts: GeneratedCounts;
  private readonly seed: number;
  private readonly planted: boolean;
  private readonly refs: SceneReferences;

  constructor(
    options: SimLibraryOptions,
    private readonly clock: SimClock,
  ) {
    if (!Number.isInteger(options.scenes) || options.scenes < 0 || options.scenes > 1_000_000) {
      throw new Error("scenes must be an integer between 0 and 1,000,000");
    }
    this.seed = options.seed;
    const defaults = defaultCounts(options.scenes);
    this.counts = {
      scenes: options.scenes,
      performers: options.performers ?? defaults.performers,
      tags: options.tags ?? defaults.tags,
      studios: options.studios ?? defaults.studios,
    };
    const refs = (this.refs = {
      performer: (id: number) => this.performers.get(id),
      tag: (id: number) => this.tags.get(id),
      studio: (id: number) => this.studios.get(id),
    });
    const seed = this.seed;
    const counts = this.counts;
    const plant = options.plantFacts === true;
    this.planted = plant;
    this.scenes = new EntityTable<SceneRow, WireScene>({
      noun: "scene",
      idOf: (row) => row.id,
      createdAt: (row) => row.created_at,
      updatedAt: (row) => row.updated_at,
      sortKeys: SCENE_SORTS,
      defaultSort: null,
      sortValue: (row, key, materialize) => sceneSortValue(materialize(row), key),
      flag: (row, name, materialize) => (name === "organized" ? materialize(row).organized : null),
      searchText: (row, materialize) => {
        const scene = materialize(row);
        return `${scene.title ?? ""} ${scene.details ?? ""} ${scene.files[0]?.path ?? ""}`;
      },
      materialize: (row) =>
        materializeScene(
          seed,
          row,
          counts,
          refs,
          plant ? (scene) => plantFacts(seed, scene, counts.performers) : undefined,
        ),
    });
    const named = <T extends WirePerformer | WireStudio>(entity: T, id: number) =>
      plant ? withPlantedName(entity, id) : entity;
    for (let id = 1; id <= counts.studios; id++)
      this.studios.insert(named(generateStudio(seed, id, clock), id));
    // A few studios belong to a network, as in real libraries.
    for (let id = 3; id <= counts.studios; id += 3) {
      const studio = this.studios.get(id);
      if (studio) studio.parent_studio = this.studios.get(id - 2) ?? null;
    }
    for (let id = 1; id <= counts.performers; id++)
      this.performers.insert(named(generatePerformer(seed, id, clock), id));
    for (let id = 1; id <= counts.tags; id++) this.tags.insert(generateTag(seed, id, clock));
    for (let id = 1; id <= counts.scenes; id++)
      this.scenes.insert(generateSceneRow(seed, id, clock));
  }

  /**
   * What the generator planted in scene `id`'s path (a library made with plantFacts), as it
   * was generated: edits since do not change it. Null for a scene it did not make.
   */
  plantedFacts(id: number): PlantedFacts | null {
    const row = this.scenes.get(id);
    if (!this.planted || !row || id > this.counts.scenes) return null;
    let facts: PlantedFacts | null = null;
    materializeScene(
      this.seed,
      { ...row, edit: null, corruption: null },
      this.counts,
      this.refs,
      (scene) => {
        facts = plantFacts(this.seed, scene, this.counts.performers);
      },
    );
    return facts;
  }

  /** Grows with every change to any table. */
  changes(): number {
    return this.scenes.changes + this.performers.changes + this.tags.changes + this.studios.changes;
  }

  scene(id: number): WireScene | null {
    const row = this.scenes.get(id);
    return row ? this.scenes.kind.materialize(row) : null;
  }

  private sceneRow(id: number): SceneRow {
    const row = this.scenes.get(id);
    if (!row) throw new Error(`scene with id ${id} not found`);
    return row;
  }

  private checkSceneEdit(edit: SceneEdit): void {
    if (edit.studio_id != null && !this.studios.get(Number(edit.studio_id))) {
      throw new Error(`studio with id ${edit.studio_id} not found`);
    }
    for (const id of edit.performer_ids ?? []) {
      if (!this.performers.get(Number(id))) throw new Error(`performer with id ${id} not found`);
    }
    for (const id of edit.tag_ids ?? []) {
      if (!this.tags.get(Number(id))) throw new Error(`tag with id ${id} not found`);
    }
    for (const { group_id: id } of edit.groups ?? []) {
      const n = Number(id);
      if (!Number.isInteger(n) || n < 1 || n > GROUP_COUNT)
        throw new Error(`group with id ${id} not found`);
    }
  }

  /** Like sceneUpdate: the given fields change and updated_at becomes "now". */
  updateScene(id: number, edit: SceneEdit): WireScene {
    const row = this.sceneRow(id);
    this.checkSceneEdit(edit);
    row.edit = { ...row.edit, ...edit };
    row.updated_at = this.clock.stampForWrite();
    this.scenes.touch();
    return this.scenes.kind.materialize(row);
  }

  /** Like a scan finding a new file: a generated scene with the next id, plus the given fields. */
  addScene(edit: SceneEdit = {}): WireScene {
    this.checkSceneEdit(edit);
    const stamp = this.clock.stampForWrite();
    const row: SceneRow = {
      id: this.scenes.maxId() + 1,
      created_at: stamp,
      updated_at: stamp,
      edit: Object.keys(edit).length > 0 ? edit : null,
      corruption: null,
    };
    this.scenes.insert(row);
    return this.scenes.kind.materialize(row);
  }

  removeScene(id: number): void {
    if (!this.scenes.remove(id)) throw new Error(`scene with id ${id} not found`);
  }

  /**
   * Corrupts a stored scene (as a bad import or a hand-edited database would) or repairs it
   * with null. Such damage happens outside Stash, so updated_at stays unless `bump` is set.
   */
  corruptScene(id: number, corruption: SceneCorruption | null, bump = false): void {
    const row = this.sceneRow(id);
    row.corruption = corruption;
    if (bump) row.updated_at = this.clock.stampForWrite();
    this.scenes.touch();
  }

  updatePerformer(id: number, edit: PerformerEdit): WirePerformer {
    const performer = this.performers.get(id);
    if (!performer) throw new Error(`performer with id ${id} not found`);
    // In place: scenes hold references, so they show the new name without their own
    // updated_at changing, which is what Stash does.
    Object.assign(performer, edit, { updated_at: this.clock.stampForWrite() });
    this.performers.touch();
    this.scenes.touch();
    return performer;
  }

  addPerformer(edit: PerformerEdit & { name: string }): WirePerformer {
    const performer = {
      ...generatePerformer(this.seed, this.performers.maxId() + 1, this.clock),
      ...edit,
    };
    performer.created_at = performer.updated_at = this.clock.stampForWrite();
    this.performers.insert(performer);
    return performer;
  }

  removePerformer(id: number): void {
    if (!this.performers.remove(id)) throw new Error(`performer with id ${id} not found`);
    this.scenes.touch();
  }

  updateTag(id: number, edit: TagEdit): WireTag {
    const tag = this.tags.get(id);
    if (!tag) throw new Error(`tag with id ${id} not found`);
    Object.assign(tag, edit, { updated_at: this.clock.stampForWrite() });
    this.tags.touch();
    this.scenes.touch();
    return tag;
  }

  addTag(edit: TagEdit & { name: string }): WireTag {
    const tag = { ...generateTag(this.seed, this.tags.maxId() + 1, this.clock), ...edit };
    tag.created_at = tag.updated_at = this.clock.stampForWrite();
    this.tags.insert(tag);
    return tag;
  }

  removeTag(id: number): void {
    if (!this.tags.remove(id)) throw new Error(`tag with id ${id} not found`);
    this.scenes.touch();
  }

  updateStudio(id: number, edit: StudioEdit): WireStudio {
    const studio = this.studios.get(id);
    if (!studio) throw new Error(`studio with id ${id} not found`);
    const { parent_id, ...fields } = edit;
    Object.assign(studio, fields, { updated_at: this.clock.stampForWrite() });
    if (parent_id !== undefined)
      studio.parent_studio = parent_id === null ? null : this.studioOrThrow(parent_id);
    this.studios.touch();
    this.scenes.touch();
    return studio;
  }

  addStudio(edit: StudioEdit & { name: string }): WireStudio {
    const { parent_id, ...fields } = edit;
    const studio = {
      ...generateStudio(this.seed, this.studios.maxId() + 1, this.clock),
      ...fields,
    };
    studio.parent_studio = parent_id == null ? null : this.studioOrThrow(parent_id);
    studio.created_at = studio.updated_at = this.clock.stampForWrite();
    this.studios.insert(studio);
    return studio;
  }

  removeStudio(id: number): void {
    if (!this.studios.remove(id)) throw new Error(`studio with id ${id} not found`);
    this.scenes.touch();
    for (const child of this.studios.all())
      if (child.parent_studio?.id === String(id)) child.parent_studio = null;
  }

  private studioOrThrow(id: string): WireStudio {
    const studio = this.studios.get(Number(id));
    if (!studio) throw new Error(`studio with id ${id} not found`);
    return studio;
  }

  /** StatsResultType; the sums over every scene are computed only when asked for. */
  stats() {
    const scenes = this.scenes;
    const sumFiles = (pick: (size: number, duration: number) => number) => () => {
      let total = 0;
      for (const row of scenes.all()) {
        for (const file of scenes.kind.materialize(row).files) {
          total += pick(typeof file.size === "number" ? file.size : 0, file.duration);
        }
      }
      return total;
    };
    return {
      scene_count: scenes.size,
      scenes_size: sumFiles((size) => size),
      scenes_duration: sumFiles((_, duration) => duration),
      image_count: 0,
      images_size: 0,
      gallery_count: 0,
      performer_count: this.performers.size,
      studio_count: this.studios.size,
      group_count: 0,
      movie_count: 0,
      tag_count: this.tags.size,
      total_o_count: 0,
      total_play_duration: 0,
      total_play_count: 0,
      scenes_played: 0,
    };
  }
}
