"use client";

import Link from "next/link";
import { useState } from "react";
import { formatClockDuration } from "@/components/format/format-duration";
import { LocalTime } from "@/components/format/local-time";
import { AnalyzeButton } from "@/components/analysis/analyze-button";
import { StartSyncButton } from "@/components/syncs/start-sync-button";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { SceneListFilter } from "@/server/analysis/plan-schema";
import type { SceneListItem } from "@/server/library/scene-list-schema";

/**
 * One page of scenes, with a selection that "Sync selected" syncs as one specific run; Analyze
 * runs a plan over the selection, or over every scene the list's filters match.
 */
export function ScenesTable({
  scenes,
  filter,
  total,
}: {
  scenes: SceneListItem[];
  filter: SceneListFilter;
  total: number;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const allSelected = scenes.length > 0 && scenes.every((s) => selected.has(s.id));
  const someSelected = !allSelected && scenes.some((s) => selected.has(s.id));
  const selectedIds = scenes.filter((s) => selected.has(s.id)).map((s) => s.id);

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <StartSyncButton
          request={selectedIds.length ? { type: "specific", sceneIds: selectedIds } : null}
          label={selectedIds.length ? `Sync selected (${selectedIds.length})` : "Sync selected"}
          variant="outline"
        />
        {selectedIds.length ? (
          <AnalyzeButton
            scope={{ kind: "selection", sceneIds: selectedIds }}
            name={`${selectedIds.length} selected ${selectedIds.length === 1 ? "scene" : "scenes"}`}
            label={`Analyze selected (${selectedIds.length})`}
          />
        ) : (
          <AnalyzeButton
            scope={{ kind: "filter", filter }}
            name={`${total.toLocaleString()} ${total === 1 ? "scene" : "scenes"} of the list`}
            label={`Analyze ${total.toLocaleString()} ${total === 1 ? "scene" : "scenes"}`}
            disabled={total === 0}
          />
        )}
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-8">
              <Checkbox
                aria-label="Select every scene on this page"
                checked={allSelected ? true : someSelected ? "indeterminate" : false}
                onCheckedChange={(on) => {
                  for (const s of scenes) toggle(s.id, on === true);
                }}
              />
            </TableHead>
            <TableHead>Title</TableHead>
            <TableHead className="hidden md:table-cell">Studio</TableHead>
            <TableHead className="hidden sm:table-cell">Date</TableHead>
            <TableHead className="hidden lg:table-cell">Duration</TableHead>
            <TableHead className="hidden lg:table-cell">Last synced</TableHead>
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scenes.map((scene) => {
            const title = scene.title?.trim() || `Untitled scene ${scene.id}`;
            return (
              <TableRow key={scene.id} data-state={selected.has(scene.id) ? "selected" : undefined}>
                <TableCell>
                  <Checkbox
                    aria-label={`Select ${title}`}
                    checked={selected.has(scene.id)}
                    onCheckedChange={(on) => toggle(scene.id, on === true)}
                  />
                </TableCell>
                <TableCell className="max-w-[16rem] sm:max-w-md">
                  <Link
                    href={`/scenes/${scene.id}`}
                    className="font-medium underline-offset-2 hover:underline"
                  >
                    {title}
                  </Link>
                  {scene.path ? (
                    <p className="truncate font-mono text-xs text-muted-foreground">{scene.path}</p>
                  ) : null}
                </TableCell>
                <TableCell className="hidden md:table-cell">{scene.studio ?? "—"}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">
                  {scene.date ?? "—"}
                </TableCell>
                <TableCell className="hidden tabular-nums lg:table-cell">
                  {scene.duration === null ? "—" : formatClockDuration(scene.duration)}
                </TableCell>
                <TableCell className="hidden whitespace-nowrap lg:table-cell">
                  <LocalTime value={scene.lastSyncedAt} />
                </TableCell>
                <TableCell>
                  <div className="flex flex-wrap gap-1">
                    {scene.failing ? <Badge variant="red">Last sync failed</Badge> : null}
                    {scene.organized ? <Badge variant="green">Organized</Badge> : null}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
