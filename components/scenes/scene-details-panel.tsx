import Link from "next/link";
import { ExternalLink } from "@/components/format/external-link";
import { LocalTime } from "@/components/format/local-time";
import { Badge } from "@/components/ui/badge";
import type { SceneDetails } from "@/server/library/scene-details-schema";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[10rem_1fr]">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-muted-foreground">—</span>;

/** A scene's metadata as mirrored from Stash. */
export function SceneDetailsPanel({ scene }: { scene: SceneDetails }) {
  return (
    <dl className="flex flex-col gap-3 text-sm">
      <Row label="Studio">
        {scene.studio ? (
          <Link href={`/scenes?studio=${scene.studio.id}`} className="underline underline-offset-2">
            {scene.studio.name}
          </Link>
        ) : (
          none
        )}
      </Row>
      <Row label="Date">{scene.date ?? none}</Row>
      <Row label="Rating">{scene.rating100 === null ? none : `${scene.rating100} / 100`}</Row>
      <Row label="Organized">{scene.organized ? "Yes" : "No"}</Row>
      <Row label="Performers">
        {scene.performers.length === 0 ? (
          none
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {scene.performers.map((p) => (
              <li key={p.id}>
                <Badge variant="secondary" asChild>
                  <Link href={`/scenes?performer=${p.id}`}>{p.name}</Link>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row label="Tags">
        {scene.tags.length === 0 ? (
          none
        ) : (
          <ul className="flex flex-wrap gap-1.5">
            {scene.tags.map((t) => (
              <li key={t.id}>
                <Badge variant="outline" asChild>
                  <Link href={`/scenes?tag=${t.id}`}>{t.name}</Link>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </Row>
      {scene.groups.length > 0 ? (
        <Row label="Groups">
          <ul className="flex flex-wrap gap-1.5">
            {scene.groups.map((g) => (
              <li key={g.id}>
                <Badge variant="outline">
                  {g.sceneIndex === null ? g.name : `${g.name} #${g.sceneIndex}`}
                </Badge>
              </li>
            ))}
          </ul>
        </Row>
      ) : null}
      {scene.code ? <Row label="Code">{scene.code}</Row> : null}
      {scene.director ? <Row label="Director">{scene.director}</Row> : null}
      {scene.details ? (
        <Row label="Details">
          <p className="whitespace-pre-line">{scene.details}</p>
        </Row>
      ) : null}
      {scene.urls.length > 0 ? (
        <Row label="URLs">
          <ul className="flex flex-col gap-0.5">
            {scene.urls.map((url) => (
              <li key={url} className="break-all">
                <ExternalLink url={url} className="underline" />
              </li>
            ))}
          </ul>
        </Row>
      ) : null}
      <Row label="Created in Stash">
        <LocalTime value={scene.stashCreatedAt} />
      </Row>
      <Row label="Updated in Stash">
        <LocalTime value={scene.stashUpdatedAt} />
      </Row>
      <Row label="Last synced">
        <LocalTime value={scene.lastSyncedAt} relative />
      </Row>
    </dl>
  );
}
