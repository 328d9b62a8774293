import type { StashClient } from "../server/stash/client";
import { round, timed } from "./timing";

/** The bench's order of pages: Stash's scenes by id, as the sync reads them. */
export const scenePage = (page: number, perPage: number) =>
  ({ page, perPage, sort: "id", direction: "ASC" }) as const;

/** Reads every page of `sceneCount` scenes with `readPage`, prints the rate and returns it. */
export async function pagesPass(
  label: string,
  pages: { sceneCount: number; perPage: number },
  readPage: (page: number) => Promise<unknown>,
): Promise<number> {
  const count = Math.ceil(pages.sceneCount / pages.perPage);
  const { seconds } = await timed(async () => {
    for (let page = 1; page <= count; page++) await readPage(page);
  });
  const rate = pages.sceneCount / seconds;
  console.log(`  ${label.padEnd(21)}${round(rate)} scenes/s (${seconds.toFixed(2)} s)`);
  return rate;
}

/**
 * Fetch only: what the simulator can serve through the client, every scene parsed and
 * validated (`findScenes`). Each ratio is taken against one measured right before it: this
 * machine's speed drifts by tens of percent over a minute.
 */
export const fetchOnlyPass = (
  label: string,
  client: StashClient,
  pages: { sceneCount: number; perPage: number },
) => pagesPass(label, pages, (page) => client.findScenes(scenePage(page, pages.perPage)));
