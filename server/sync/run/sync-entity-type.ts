import type { PageRequest, StashPage } from "../../stash/types";
import {
  performerSpec,
  studioSpec,
  tagSpec,
  type RefSpec,
  type RefType,
} from "../compare/ref-specs";
import { oneSecondBefore } from "../stash-timestamps";
import { prepareRefPage } from "../write/write-ref-page";
import { prepareScenePage } from "../write/write-scene-page";
import { pageThrough, type PagedResult } from "./page-through";

export type { PagedResult };
import type { RunContext } from "../run-context";

/**
 * One entity type's pages, read and written in order: what each sync type is made of.
 */

/** Pages are always ordered by id: stable while the library is edited during the run. */
function request(ctx: RunContext, page: number, since: string | undefined): PageRequest {
  return {
    page,
    perPage: ctx.perPage,
    sort: "id",
    direction: "ASC",
    ...(since ? { updatedAfter: oneSecondBefore(since) } : {}),
  };
}

/** Syncs one type of performers, tags or studios; `since` limits it to what changed. */
export const refTypes = ["performer", "tag", "studio"] as const satisfies readonly RefType[];

export function syncRefType(ctx: RunContext, type: RefType, since?: string): Promise<PagedResult> {
  const { client } = ctx;
  switch (type) {
    case "performer":
      return syncRefs(ctx, "performers", performerSpec, (r) => client.findPerformers(r), since);
    case "tag":
      return syncRefs(ctx, "tags", tagSpec, (r) => client.findTags(r), since);
    case "studio":
      return syncRefs(ctx, "studios", studioSpec, (r) => client.findStudios(r), since);
  }
}

async function syncRefs<T extends { id: string; createdAt: string; updatedAt: string }>(
  ctx: RunContext,
  label: string,
  spec: RefSpec<T>,
  fetch: (request: PageRequest) => Promise<StashPage<T>>,
  since: string | undefined,
): Promise<PagedResult> {
  return pageThrough(
    ctx,
    label,
    (page) => fetch(request(ctx, page, since)),
    (items) => prepareRefPage(ctx, spec, items),
  );
}

export async function syncSceneType(ctx: RunContext, since?: string): Promise<PagedResult> {
  return pageThrough(
    ctx,
    "scenes",
    (page) => ctx.client.findScenePage(request(ctx, page, since)),
    (items) => prepareScenePage(ctx, items),
  );
}
