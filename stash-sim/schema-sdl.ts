/**
 * The subset of Stash's GraphQL schema the simulator serves (graphql/schema/schema.graphql and
 * types/*.graphql in stashapp/stash): same type, field, argument and enum names, same
 * nullability. Fields stash-sync never asks for are left out; asking for one is a 422, as a
 * field missing from an older Stash would be.
 */
export const stashSchemaSdl = /* GraphQL */ `
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
    favorite: Boolean
    created_at: TimestampCriterionInput
    updated_at: TimestampCriterionInput
  }

  input StudioFilterType {
    favorite: Boolean
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
    parent_folder_id: ID!
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
    favorite: Boolean!
    created_at: Time!
    updated_at: Time!
  }

  type Studio {
    id: ID!
    name: String!
    url: String
    parent_studio: Studio
    aliases: [String!]!
    ignore_auto_tag: Boolean!
    rating100: Int
    favorite: Boolean!
    details: String
    created_at: Time!
    updated_at: Time!
  }

  type Performer {
    id: ID!
    name: String!
    disambiguation: String
    urls: [String!]
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
  }

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
    group_count: Int!
    movie_count: Int!
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
