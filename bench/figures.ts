import { median, round, type PassFigures } from "./timing";

/**
 * One pass's figures as bench/results/latest.json records them: rates in scenes per second,
 * shares in percent of the reference measured just before, CPU in seconds. Null where a
 * figure cannot be measured here (the CPU figures outside Linux).
 */
export function passRecord(p: PassFigures) {
  const { sync, mainThread, simulator, databaseServer, cpuBoundRate } = p.firstCpu;
  return {
    fetchOnlyScenesPerSecond: p.fetchRate,
    firstFullSyncScenesPerSecond: p.firstRate,
    firstFullSyncPercentOfFetch: (p.firstRate / p.fetchRate) * 100,
    // What bounds the first sync here: its CPU, the simulator's and PostgreSQL's, spread over
    // every core.
    firstFullSyncCpuSeconds: sync,
    firstFullSyncMainThreadCpuSeconds: mainThread,
    simulatorCpuSecondsDuringFirstFullSync: simulator,
    databaseServerCpuSecondsDuringFirstFullSync: databaseServer ?? null,
    // The share of fetch the first sync could reach if that CPU were its only limit.
    firstFullSyncCpuBoundPercentOfFetch:
      cpuBoundRate === null ? null : (cpuBoundRate / p.fetchRate) * 100,
    // The first sync's own writes written again while fetching, nothing else: a bound on any
    // first full sync that writes these rows here (bench/writes-only-pass.ts).
    fetchOnlyBeforeWritesOnlyScenesPerSecond: p.writesOnly?.fetchRate ?? null,
    writesOnlyScenesPerSecond: p.writesOnly?.rate ?? null,
    writesOnlyPercentOfFetch: p.writesOnly
      ? (p.writesOnly.rate / p.writesOnly.fetchRate) * 100
      : null,
    fetchOnlyBeforeResyncScenesPerSecond: p.fetchRateBeforeResync,
    unchangedResyncScenesPerSecond: p.reRate,
    unchangedResyncPercentOfFetch: (p.reRate / p.fetchRateBeforeResync) * 100,
    downloadOnlyBeforeResyncScenesPerSecond: p.downloadRateBeforeResync,
    unchangedResyncPercentOfDownloadOnly: (p.reRate / p.downloadRateBeforeResync) * 100,
    peakRssMB: p.peakRssMB,
  };
}

export type PassRecord = ReturnType<typeof passRecord>;
type Figure = keyof PassRecord;

/**
 * The figures of several passes: each the median of the passes' (null unless every pass has
 * it), peak memory the largest.
 */
export function summarize(records: PassRecord[]): PassRecord {
  const out = {} as Record<Figure, number | null>;
  for (const key of Object.keys(records[0]!) as Figure[]) {
    const values = records.map((r) => r[key]);
    out[key] = values.some((v) => v === null)
      ? null
      : key === "peakRssMB"
        ? Math.max(...(values as number[]))
        : median(values as number[]);
  }
  return out as PassRecord;
}

/** Whole scenes per second and megabytes; everything else to one decimal. */
export function rounded<T extends Record<string, number | null>>(figures: T): T {
  const out: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(figures)) {
    const digits = key.endsWith("PerSecond") || key.endsWith("MB") ? 0 : 1;
    out[key] = value === null ? null : round(value, digits);
  }
  return out as T;
}
