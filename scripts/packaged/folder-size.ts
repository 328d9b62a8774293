import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** Bytes of every file under `dir` (symbolic links counted as themselves). */
export function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(dir, entry.name);
    return total + (entry.isDirectory() ? folderSize(full) : lstatSync(full).size);
  }, 0);
}
