"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SyncStatus } from "@/server/domain/vocabulary";
import type { RunsPerDay, RunTrend } from "@/server/stats/stats-schema";
import { syncStatusLabel } from "@/server/domain/labels";
import { chartAxis, chartGrid, chartTooltip, statusColour } from "./chart-theme";

const HEIGHT = 240;

function ChartCard({
  title,
  description,
  children,
  empty,
}: {
  title: string;
  description: string;
  children: React.ReactElement;
  empty: boolean;
}) {
  return (
    <Card data-testid="stats-chart">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {empty ? (
          <p className="text-sm text-muted-foreground">No runs in this range.</p>
        ) : (
          // Recharts' accessibility layer lets a keyboard step through the points (tooltips);
          // the page also has the per-day figures as a table.
          <figure style={{ height: HEIGHT }} aria-label={title} className="m-0">
            <ResponsiveContainer width="100%" height="100%">
              {children}
            </ResponsiveContainer>
          </figure>
        )}
      </CardContent>
    </Card>
  );
}

const shortDay = (day: string) => day.slice(5);
const shortTime = (date: Date) => date.toISOString().slice(5, 16).replace("T", " ");

/** The Statistics page's four charts. */
export function StatsCharts({ perDay, trend }: { perDay: RunsPerDay; trend: RunTrend }) {
  const noRuns = perDay.days.every((d) => d.total === 0);
  const dayRows = perDay.days.map((d) => ({
    day: d.day,
    ...d.byStatus,
    successRate: d.successRate === null ? null : Math.round(d.successRate * 1000) / 10,
  }));
  const runRows = trend.runs.map((r) => ({
    when: shortTime(r.startedAt),
    jobId: r.jobId,
    changed: r.entitiesChanged,
    failed: r.itemsFailed,
    seconds: r.durationMs === null ? null : Math.round(r.durationMs / 100) / 10,
  }));
  const statuses = SyncStatus.options.filter((s) => perDay.days.some((d) => d.byStatus[s] > 0));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard
        title="Runs per day"
        description="Every sync run by the day it started (UTC), by how it ended."
        empty={noRuns}
      >
        <BarChart data={dayRows}>
          <CartesianGrid {...chartGrid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} {...chartAxis} />
          <YAxis allowDecimals={false} width={40} {...chartAxis} />
          <Tooltip {...chartTooltip} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {statuses.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={syncStatusLabel[status]}
              stackId="runs"
              fill={statusColour[status]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ChartCard>
      <ChartCard
        title="Success rate"
        description="Runs that completed without errors, of the runs that ended that day (%)."
        empty={noRuns}
      >
        <LineChart data={dayRows}>
          <CartesianGrid {...chartGrid} vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} {...chartAxis} />
          <YAxis domain={[0, 100]} unit="%" width={48} {...chartAxis} />
          <Tooltip {...chartTooltip} />
          <Line
            type="monotone"
            dataKey="successRate"
            name="Success rate (%)"
            stroke="var(--event-green)"
            strokeWidth={2}
            connectNulls
            // A range with one active day has one point and no line: the dot shows it.
            dot={{ r: 3, fill: "var(--event-green)" }}
            isAnimationActive={false}
          />
        </LineChart>
      </ChartCard>
      <ChartCard
        title="Entities changed per run"
        description="Created and updated entities in each run, and failed ones."
        empty={runRows.length === 0}
      >
        <BarChart data={runRows}>
          <CartesianGrid {...chartGrid} vertical={false} />
          <XAxis dataKey="when" {...chartAxis} minTickGap={24} />
          <YAxis allowDecimals={false} width={48} {...chartAxis} />
          <Tooltip {...chartTooltip} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="changed"
            name="Changed"
            fill="var(--event-blue)"
            isAnimationActive={false}
          />
          <Bar dataKey="failed" name="Failed" fill="var(--event-red)" isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard
        title="Run duration"
        description="How long each run took, in seconds."
        empty={runRows.length === 0}
      >
        <LineChart data={runRows}>
          <CartesianGrid {...chartGrid} vertical={false} />
          <XAxis dataKey="when" {...chartAxis} minTickGap={24} />
          <YAxis width={48} unit="s" {...chartAxis} />
          <Tooltip {...chartTooltip} />
          <Line
            type="monotone"
            dataKey="seconds"
            name="Duration (s)"
            stroke="var(--event-purple)"
            strokeWidth={2}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartCard>
    </div>
  );
}
