import type { SceneFile } from "../../generated/prisma/client";
import type { StashVideoFile } from "../stash/types";

/** A scene_file row as Prisma reads it, or as a raw query reads it (size a number). */
export type StoredFileRow = Omit<SceneFile, "size" | "sceneId"> & { size: bigint | number };

/** A stored scene_file row in the shape Stash sends files, for comparison and display. */
export function storedSceneFile(file: StoredFileRow): StashVideoFile {
  return {
    id: file.id,
    path: file.path,
    basename: file.basename,
    // Sizes stay far below 2^53 bytes.
    size: Number(file.size),
    duration: file.duration,
    width: file.width,
    height: file.height,
    videoCodec: file.videoCodec,
    audioCodec: file.audioCodec,
    frameRate: file.frameRate,
    bitRate: file.bitRate,
    fingerprints: JSON.parse(file.fingerprints) as StashVideoFile["fingerprints"],
  };
}
