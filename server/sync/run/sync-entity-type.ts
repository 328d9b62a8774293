import type {
  PageRequest,
  StashPage,
  StashPerformer,
  StashRecordPage,
  StashScene,
  StashStudio,
  StashTag,
} from "../../stash/types";
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

export const refTypes = ["performer", "tag", "studio"] as const satisfies readonly RefType[];

/** Each type's page 1, asked for before any type is written. */
export interface FirstPages {
  performer: Promise<StashPage<StashPerformer>>;
  tag: Promise<StashPage<StashTag>>;
  studio: Promise<StashPage<StashStudio>>;
  scene: Promise<StashRecordPage<StashScene>>;
}

/**
 * Asks for page 1 of every type at once: a slow Stash then answers them side by side rather
 * than one type after the other. They are written in the usual order; `since` per type.
 */
export function askFirstPages(
  ctx: RunContext,
  since: Partial<Record<RefType | "scene", string>> = {},
): FirstPages {
  const { client } = ctx;
  const first: FirstPages = {
    performer: client.findPerformers(request(ctx, 1, since.performer)),
    tag: client.findTags(request(ctx, 1, since.tag)),
    studio: client.findStudios(request(ctx, 1, since.studio)),
    scene: client.findScenePage(request(ctx, 1, since.scene)),
  };
  // Awaited when their type's turn comes, or never if the run stops first.
  for (const page of Object.values(first) as Promise<unknown>[]) page.catch(() => {});
  return first;
}

/** Syncs one type of performers, tags or studios; `since` limits it to what changed. */
export function syncRefType(
  ctx: RunContext,
  type: RefType,
  since?: string,
  first?: FirstPages,
): Promise<PagedResult> {
  const { client } = ctx;
  switch (type) {
    case "performer":
      return syncRefs(
        ctx,
        "performers",
        performerSpec,
        (r) => client.findPerformers(r),
        since,
        first?.performer,
      );
    case "tag":
      return syncRefs(ctx, "tags", tagSpec, (r) => client.findTags(r), since, first?.tag);
    case "studio":
      return syncRefs(
        ctx,
        "studios",
        studioSpec,
        (r) => client.findStudios(r),
        since,
        first?.studio,
      );
  }
}

async function syncRefs<T extends { id: string; createdAt: string; updatedAt: string }>(
  ctx: RunContext,
  label: string,
  spec: RefSpec<T>,
  fetch: (request: PageRequest) => Promise<StashPage<T>>,
  since: string | undefined,
  first: Promise<StashPage<T>> | undefined,
): Promise<PagedResult> {
  return pageThrough(
    ctx,
    label,
    (page) => fetch(request(ctx, page, since)),
    (items) => prepareRefPage(ctx, spec, items),
    first,
  );
}

export async function syncSceneType(
  ctx: RunContext,
  since?: string,
  first?: FirstPages,
): Promise<PagedResult> {
  return pageThrough(
    ctx,
    "scenes",
    (page) => ctx.client.findScenePage(request(ctx, page, since)),
    (items) => prepareScenePage(ctx, items),
    first?.scene,
  );
}
