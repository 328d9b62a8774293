/** The scene page's tabs, in order; `?tab=` names one. Plain module: server and client read it. */
export const sceneTabs = ["details", "files", "history"] as const;
export type SceneTab = (typeof sceneTabs)[number];
