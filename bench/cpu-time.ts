/**
 * CPU time of processes and threads, for the bench's account of where a sync's time goes:
 * on a machine with few cores, the sync, its writer's thread and the simulator share them,
 * and their CPU seconds bound how fast any pipeline could be. Read from Linux's /proc; null
 * elsewhere (the figures are then left out, not guessed).
 */
import { readFileSync } from "node:fs";

// /proc counts in clock ticks: USER_HZ, 100 on every Linux architecture Node runs on.
const ticksPerSecond = 100;

function statCpuSeconds(file: string): number | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return null;
  }
  // Fields after the command name, which is in parentheses and may itself hold spaces:
  // utime and stime are the 14th and 15th fields of the line.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  return Number.isFinite(seconds) ? seconds : null;
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
