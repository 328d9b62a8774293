import type { SyncStatus } from "@/server/domain/vocabulary";

/**
 * Charts take their colours from the app's CSS variables (globals.css), so they follow the
 * light and dark themes like everything else: the timeline's colours mean the same here.
 */
export const statusColour: Record<SyncStatus, string> = {
  completed: "var(--event-green)",
  completed_with_errors: "var(--event-blue)",
  failed: "var(--event-red)",
  cancelled: "var(--event-grey)",
  interrupted: "var(--event-purple)",
  running: "var(--muted-foreground)",
};

export const chartAxis = {
  stroke: "var(--muted-foreground)",
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  tickLine: false,
} as const;

export const chartGrid = { stroke: "var(--border)", strokeDasharray: "3 3" } as const;

export const chartTooltip = {
  contentStyle: {
    background: "var(--card)",
    border: "1px solid var(--border)",
    borderRadius: "var(--radius)",
    color: "var(--card-foreground)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--card-foreground)" },
  cursor: { fill: "var(--accent)", opacity: 0.5 },
} as const;
