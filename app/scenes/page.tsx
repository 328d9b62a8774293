import type { Metadata } from "next";
import Link from "next/link";
import { SceneListFilters } from "@/components/scenes/scene-list-filters";
import {
  parseSceneListParams,
  sceneListHref,
  type SceneListParams,
} from "@/components/scenes/scene-list-params";
import { ScenesTable } from "@/components/scenes/scenes-table";
import { Button } from "@/components/ui/button";
import { getQueryClient, trpc } from "@/trpc/server";
import { type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Scenes" };

type Props = { searchParams: SearchParams };

function Pagination({
  params,
  page,
  pageCount,
  estimated,
  nextCursor,
}: {
  params: SceneListParams;
  page: number;
  pageCount: number;
  estimated: boolean;
  nextCursor: string | null;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={sceneListHref(params, { page: page - 1, after: undefined })} rel="prev">
            Previous
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <span className="text-muted-foreground" aria-current="page">
        Page {page.toLocaleString()} of {estimated ? "about " : ""}
        {pageCount.toLocaleString()}
      </span>
      {nextCursor ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={sceneListHref(params, { page: page + 1, after: nextCursor })} rel="next">
            Next
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The list's filters without its order and page: the scenes "Analyze" reads. */
function listFilter({ sort: _sort, page: _page, ...filter }: SceneListParams) {
  return filter;
}

export default async function ScenesPage({ searchParams }: Props) {
  const params = parseSceneListParams(await searchParams);
  const queryClient = getQueryClient();
  const [list, options] = await Promise.all([
    queryClient.fetchQuery(trpc.library.scenes.queryOptions(params)),
    queryClient.fetchQuery(trpc.library.filterOptions.queryOptions()),
  ]);
  const filtered =
    params.search ||
    params.performerId ||
    params.tagId ||
    params.studioId ||
    params.organized !== undefined ||
    params.failing;

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Scenes</h1>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {list.totalIsEstimate ? "about " : ""}
          {list.total.toLocaleString()} {list.total === 1 ? "scene" : "scenes"}
          {filtered ? " match" : ""}
        </p>
      </div>
      <SceneListFilters params={params} options={options} />
      {list.items.length === 0 ? (
        <p className="rounded-lg border border-dashed p-6 text-sm text-muted-foreground">
          {filtered
            ? "No scene matches this search. Change the filters or clear them."
            : list.page > 1
              ? "This page is past the end of the list."
              : "No scenes yet. Start a full sync from the dashboard to mirror your Stash library."}
        </p>
      ) : (
        <ScenesTable scenes={list.items} filter={listFilter(params)} total={list.total} />
      )}
      <Pagination
        params={params}
        page={list.page}
        pageCount={list.pageCount}
        estimated={list.totalIsEstimate}
        nextCursor={list.nextCursor}
      />
    </div>
  );
}
