"use client";

import { useState } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SceneHistoryTimeline } from "./scene-history-timeline";
import { sceneTabs, type SceneTab } from "./scene-tab-names";

/**
 * Details, Files and History. The open tab is kept in the address (?tab=history) so a link or
 * a reload opens the same tab; History fetches only once its tab is open.
 */
export function SceneTabs({
  sceneId,
  initialTab,
  details,
  files,
}: {
  sceneId: string;
  initialTab: SceneTab;
  details: React.ReactNode;
  files: React.ReactNode;
}) {
  const [tab, setTab] = useState<SceneTab>(initialTab);

  function select(value: string) {
    const next = sceneTabs.find((t) => t === value) ?? "details";
    setTab(next);
    const url = new URL(window.location.href);
    if (next === "details") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(null, "", url);
  }

  return (
    <Tabs value={tab} onValueChange={select}>
      <TabsList aria-label="Scene sections">
        <TabsTrigger value="details">Details</TabsTrigger>
        <TabsTrigger value="files">Files</TabsTrigger>
        <TabsTrigger value="history">History</TabsTrigger>
      </TabsList>
      <TabsContent value="details">{details}</TabsContent>
      <TabsContent value="files">{files}</TabsContent>
      {/* Kept mounted once opened: filters and loaded pages survive switching tabs. */}
      <TabsContent value="history" forceMount>
        <SceneHistoryTimeline sceneId={sceneId} active={tab === "history"} />
      </TabsContent>
    </Tabs>
  );
}
