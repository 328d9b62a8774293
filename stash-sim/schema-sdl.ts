import { minorOf, type StashRelease } from "./releases";

/**
 * The subset of Stash's GraphQL schema the simulator serves, as each release has it (graphql/schema/schema.graphql and
 * types/*.graphql in stashapp/stash): same type, field, argument and enum names, same
 * nullability. Fields stash-sync never asks for are left out; asking for one is a 422, as a
 * field missing from an older Stash would be.
 */
export function stashSchemaSdl(release: StashRelease): string {
  const minor = minorOf(release);
  /** The line when the release has it (from `since` on), else nothing. */
  const since = (first: number, line: string) => (minor >= first ? line : "");
  /** `@deprecated` from the release that deprecated the field on. */
  const deprecatedSince = (first: number, reason: string) =>
    minor >= first ? ` @deprecated(reason: ${JSON.stringify(reason)})` : "";
  return /* GraphQL */ `
  "RFC3339 text in the Stash server's local time zone."
  scalar Time
  "A 64-bit integer, sent as a JSON number."
  scalar Int64

  enum SortDirectionEnum {
    ASC
    DESC
  }

  enum CriterionModifier {
    EQUALS
    NOT_EQUALS
    GREATER_THAN
    LESS_THAN
    IS_NULL
    NOT_NULL
    INCLUDES_ALL
    INCLUDES
    EXCLUDES
    MATCHES_REGEX
    NOT_MATCHES_REGEX
    BETWEEN
    NOT_BETWEEN
  }

  enum GenderEnum {
    MALE
    FEMALE
    TRANSGENDER_MALE
    TRANSGENDER_FEMALE
    INTERSEX
    NON_BINARY
  }

  input FindFilterType {
    q: String
    page: Int
    "use per_page = -1 to indicate all results. Defaults to 25."
    per_page: Int
    sort: String
    direction: SortDirectionEnum
  }

  input IntCriterionInput {
    value: Int!
    value2: Int
    modifier: CriterionModifier!
  }

  input TimestampCriterionInput {
    value: String!
    value2: String
    modifier: CriterionModifier!
  }

  input SceneFilterType {
    id: IntCriterionInput
    organized: Boolean
    created_at: TimestampCriterionInput
    updated_at: TimestampCriterionInput
  }

  input PerformerFilterType {
    filter_favorites: Boolean
    created_at: TimestampCriterionInput
    updated_at: TimestampCriterionInput
  }

  input TagFilterType {
    ${since(26, "favorite: Boolean")}
    created_at: TimestampCriterionInput
    updated_at: TimestampCriterionInput
  }

  input StudioFilterType {
    ${since(26, "favorite: Boolean")}
    created_at: TimestampCriterionInput
    updated_at: TimestampCriterionInput
  }

  type Fingerprint {
    type: String!
    value: String!
  }

  type VideoFile {
    id: ID!
    path: String!
    basename: String!
    parent_folder_id: ID!${deprecatedSince(29, "Use parent_folder instead")}
    mod_time: Time!
    size: Int64!
    fingerprint(type: String!): String
    fingerprints: [Fingerprint!]!
    format: String!
    width: Int!
    height: Int!
    duration: Float!
    video_codec: String!
    audio_codec: String!
    frame_rate: Float!
    bit_rate: Int!
    created_at: Time!
    updated_at: Time!
  }

  type Tag {
    id: ID!
    name: String!
    description: String
    aliases: [String!]!
    ignore_auto_tag: Boolean!
    ${since(26, "favorite: Boolean!")}
    created_at: Time!
    updated_at: Time!
  }

  type Studio {
    id: ID!
    name: String!
    url: String${deprecatedSince(30, "Use urls")}
    ${since(30, "urls: [String!]!")}
    parent_studio: Studio
    aliases: [String!]!
    ignore_auto_tag: Boolean!
    rating100: Int
    ${since(26, "favorite: Boolean!")}
    details: String
    created_at: Time!
    updated_at: Time!
  }

  type Performer {
    id: ID!
    name: String!
    disambiguation: String
    url: String${deprecatedSince(27, "Use urls")}
    ${since(27, "urls: [String!]")}
    twitter: String${deprecatedSince(27, "Use urls")}
    instagram: String${deprecatedSince(27, "Use urls")}
    gender: GenderEnum
    birthdate: String
    country: String
    alias_list: [String!]!
    favorite: Boolean!
    ignore_auto_tag: Boolean!
    rating100: Int
    details: String
    created_at: Time!
    updated_at: Time!
  }

  type Scene {
    id: ID!
    title: String
    code: String
    details: String
    director: String
    urls: [String!]!
    date: String
    rating100: Int
    organized: Boolean!
    o_counter: Int
    interactive: Boolean!
    created_at: Time!
    updated_at: Time!
    files: [VideoFile!]!
    studio: Studio
    tags: [Tag!]!
    performers: [Performer!]!
    ${since(27, "groups: [SceneGroup!]!")}
    movies: [SceneMovie!]!${deprecatedSince(27, "Use groups")}
  }

  "Groups replaced movies in v0.27; the simulator serves their id and name only."
  type Movie {
    id: ID!
    name: String!
  }

  type SceneMovie {
    movie: Movie!
    scene_index: Int
  }
  ${since(
    27,
    `type Group {
    id: ID!
    name: String!
  }

  type SceneGroup {
    group: Group!
    scene_index: Int
  }`,
  )}

  type FindScenesResultType {
    count: Int!
    "Total duration in seconds"
    duration: Float!
    "Total file size in bytes"
    filesize: Float!
    scenes: [Scene!]!
  }

  type FindPerformersResultType {
    count: Int!
    performers: [Performer!]!
  }

  type FindTagsResultType {
    count: Int!
    tags: [Tag!]!
  }

  type FindStudiosResultType {
    count: Int!
    studios: [Studio!]!
  }

  type StatsResultType {
    scene_count: Int!
    scenes_size: Float!
    scenes_duration: Float!
    image_count: Int!
    images_size: Float!
    gallery_count: Int!
    performer_count: Int!
    studio_count: Int!
    ${since(27, "group_count: Int!")}
    movie_count: Int!${deprecatedSince(27, "use group_count instead")}
    tag_count: Int!
    total_o_count: Int!
    total_play_duration: Float!
    total_play_count: Int!
    scenes_played: Int!
  }

  type Version {
    version: String
    hash: String!
    build_time: String!
  }

  "The fields of a scene stash-sync may write; the rest of real Stash's input is left out."
  input SceneUpdateInput {
    clientMutationId: String
    id: ID!
    title: String
    code: String
    details: String
    director: String
    url: String @deprecated(reason: "Use urls")
    urls: [String!]
    date: String
    rating100: Int
    organized: Boolean
    studio_id: ID
    performer_ids: [ID!]
    ${since(27, "groups: [SceneGroupInput!]")}
    movies: [SceneMovieInput!]${deprecatedSince(27, "Use groups")}
    tag_ids: [ID!]
  }

  input SceneMovieInput {
    movie_id: ID!
    scene_index: Int
  }
  ${since(
    27,
    `input SceneGroupInput {
    group_id: ID!
    scene_index: Int
  }`,
  )}

  type Mutation {
    sceneUpdate(input: SceneUpdateInput!): Scene
  }

  type Query {
    "Find a scene by ID or Checksum"
    findScene(id: ID, checksum: String): Scene
    "A function which queries Scene objects"
    findScenes(
      scene_filter: SceneFilterType
      scene_ids: [Int!] @deprecated(reason: "use ids")
      ids: [ID!]
      filter: FindFilterType
    ): FindScenesResultType!
    findPerformers(
      performer_filter: PerformerFilterType
      filter: FindFilterType
      performer_ids: [Int!] @deprecated(reason: "use ids")
      ids: [ID!]
    ): FindPerformersResultType!
    findTags(tag_filter: TagFilterType, filter: FindFilterType, ids: [ID!]): FindTagsResultType!
    findStudios(
      studio_filter: StudioFilterType
      filter: FindFilterType
      ids: [ID!]
    ): FindStudiosResultType!
    stats: StatsResultType!
    version: Version!
  }
`;
}

/**
 * The SDL without some fields ("Scene.urls", "Query.findScenes.ids" for an argument), to
 * play an older Stash. Works on this file's layout: one field or argument per line.
 */
export function sdlWithout(sdl: string, removed: readonly string[]): string {
  let out = sdl;
  for (const path of removed) {
    const [typeName, fieldName, argName] = path.split(".");
    if (!typeName || !fieldName) throw new Error(`Cannot remove "${path}": use Type.field`);
    const block = new RegExp(`((?:type|input) ${typeName} \\{)([\\s\\S]*?)\\n  \\}`);
    const match = block.exec(out);
    if (!match || match[2] === undefined) throw new Error(`Type ${typeName} is not in the schema`);
    let body = match[2];
    if (argName) {
      const before = body;
      body = body.replace(new RegExp(`\\n\\s*${argName}: [^\\n]*`), "");
      body = body.replace(new RegExp(`([(,]\\s*)${argName}: [^,)]*,?\\s*`), "$1");
      if (body === before) throw new Error(`Argument ${path} is not in the schema`);
    } else {
      const field = new RegExp(
        `\\n\\s*(?:"[^"\\n]*"\\n\\s*)?${fieldName}(?:\\([\\s\\S]*?\\))?: [^\\n]*`,
      );
      if (!field.test(body)) throw new Error(`Field ${path} is not in the schema`);
      body = body.replace(field, "");
    }
    out = out.replace(match[0], `${match[1]}${body}\n  }`);
  }
  return out;
}
