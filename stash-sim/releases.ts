/**
 * The Stash releases the simulator plays: the last patch of each minor version stash-sync
 * supports. Each serves that release's schema (schema-sdl.ts) and reports its version.
 */
export const stashReleases = [
  "v0.25.1",
  "v0.26.2",
  "v0.27.2",
  "v0.28.1",
  "v0.29.3",
  "v0.30.1",
] as const;

export type StashRelease = (typeof stashReleases)[number];

export const defaultStashRelease: StashRelease = "v0.30.1";

export function isStashRelease(value: string): value is StashRelease {
  return (stashReleases as readonly string[]).includes(value);
}

/** 27 for v0.27.2: schema changes came with minor versions. */
export function minorOf(release: StashRelease): number {
  return Number(release.split(".")[1]);
}
