/**
 * CPU time of processes and threads, for the bench's account of where a sync's time goes:
 * on a machine with few cores, the sync, its writer's thread and the simulator share them,
 * and their CPU seconds bound how fast any pipeline could be. Read from Linux's /proc; null
 * elsewhere (the figures are then left out, not guessed).
 */
import { readdirSync, readFileSync } from "node:fs";

// /proc counts in clock ticks: USER_HZ, 100 on every Linux architecture Node runs on.
const ticksPerSecond = 100;

/** The fields of a /proc stat file after the command name (in parentheses, maybe with spaces). */
function statFields(file: string): string[] | null {
  try {
    const text = readFileSync(file, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime (the 14th and 15th fields), and with `children` cutime + cstime too. */
function cpuSecondsOf(fields: string[] | null, children = false): number | null {
  if (!fields) return null;
  const ticks = [11, 12, ...(children ? [13, 14] : [])].map((i) => Number(fields[i]));
  const seconds = ticks.reduce((a, b) => a + b, 0) / ticksPerSecond;
  return Number.isFinite(seconds) ? seconds : null;
}

const statCpuSeconds = (file: string) => cpuSecondsOf(statFields(file));

/** A process's parent: a PostgreSQL backend's is its server's postmaster. */
export function parentPid(pid: number): number | null {
  const parent = Number(statFields(`/proc/${pid}/stat`)?.[1]);
  return Number.isInteger(parent) && parent > 0 ? parent : null;
}

/**
 * A PostgreSQL server's CPU: its postmaster's, with the ended children it reaped, and every
 * child's running now.
 */
export function postgresServerCpuSeconds(postmaster: number): number | null {
  let total = cpuSecondsOf(statFields(`/proc/${postmaster}/stat`), true);
  if (total === null) return null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // Each file read once: its parent and its CPU are fields of the same line.
    const fields = statFields(`/proc/${entry}/stat`);
    if (Number(fields?.[1]) === postmaster) total += cpuSecondsOf(fields) ?? 0;
  }
  return total;
}

/** All threads of another process (user + system). */
export const processCpuSeconds = (pid: number) => statCpuSeconds(`/proc/${pid}/stat`);

/** This process's main thread alone: JavaScript, its garbage collection's own share, I/O. */
export const mainThreadCpuSeconds = () =>
  statCpuSeconds(`/proc/${process.pid}/task/${process.pid}/stat`);

/** All threads of this process: the main one, workers, V8's helper threads, libuv's pool. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
