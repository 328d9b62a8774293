import { ExternalLinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/not-found-on-missing";
import { AnalyzeButton } from "@/components/analysis/analyze-button";
import { SceneProposals } from "@/components/analysis/scene-proposals";
import { ExternalLink } from "@/components/format/external-link";
import { SceneDetailsPanel } from "@/components/scenes/scene-details-panel";
import { SceneFilesPanel } from "@/components/scenes/scene-files-panel";
import { sceneTabs, type SceneTab } from "@/components/scenes/scene-tab-names";
import { SceneTabs } from "@/components/scenes/scene-tabs";
import { SyncSceneButton } from "@/components/scenes/sync-scene-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { webHref } from "@/lib/web-href";
import { getQueryClient, trpc } from "@/trpc/server";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function readScene(id: string) {
  return orNotFound(getQueryClient().fetchQuery(trpc.library.scene.queryOptions({ sceneId: id })));
}

function sceneTitle(scene: { id: string; title: string | null }) {
  return scene.title?.trim() || `Untitled scene ${scene.id}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const scene = await readScene((await params).id);
  return { title: sceneTitle(scene) };
}

export default async function ScenePage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const scene = await readScene(id);
  const proposals = await getQueryClient().fetchQuery(
    trpc.analysis.sceneProposals.queryOptions({ sceneId: scene.id }),
  );
  const initialTab: SceneTab = sceneTabs.find((t) => t === query.tab) ?? "details";

  return (
    <div className="flex flex-col gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/scenes" className="underline-offset-2 hover:underline">
          Scenes
        </Link>{" "}
        / <span aria-current="page">{scene.id}</span>
      </nav>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-2">
          <h1 className="text-2xl font-semibold break-words">{sceneTitle(scene)}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            {scene.studio ? <span>{scene.studio.name}</span> : null}
            {scene.date ? <span>· {scene.date}</span> : null}
            {scene.organized ? <Badge variant="green">Organized</Badge> : null}
            {scene.removedAt ? <Badge variant="red">No longer in Stash</Badge> : null}
          </div>
        </div>
        <div className="flex flex-col items-start gap-2 sm:items-end">
          <div className="flex flex-wrap gap-2">
            {webHref(scene.stashSceneUrl) ? (
              <Button variant="outline" asChild>
                <ExternalLink url={scene.stashSceneUrl!}>
                  Open in Stash <ExternalLinkIcon aria-hidden="true" />
                </ExternalLink>
              </Button>
            ) : null}
          </div>
          <SyncSceneButton sceneId={scene.id} />
          <AnalyzeButton
            scope={{ kind: "scene", sceneId: scene.id }}
            name={`Scene: ${sceneTitle(scene)}`.slice(0, 200)}
            label="Analyze this scene"
          />
        </div>
      </header>
      <SceneProposals changes={proposals} />
      <SceneTabs
        sceneId={scene.id}
        initialTab={initialTab}
        details={<SceneDetailsPanel scene={scene} />}
        files={<SceneFilesPanel files={scene.files} />}
      />
    </div>
  );
}
