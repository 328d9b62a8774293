/** The Stash simulator's public surface, for tests, scripts and the demo (never the app). */
export {
  startStashSim,
  type StashSim,
  type StashSimOptions,
  type StashSimStatus,
} from "./start-stash-sim";
export type { RequestRecord } from "./graphql-api";
export type { SceneEdit, SceneCorruption } from "./generate-library";
export { sceneCorruptions } from "./generate-library";
export type { PerformerEdit, StudioEdit, TagEdit } from "./library";
export type { ControlRequest } from "./control-protocol";
export type * from "./wire-types";
