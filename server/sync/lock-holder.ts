/**
 * Who holds the sync lock, and whether that process still lives. A pid means something only
 * on its own machine and only for the process that had it: a zombie (killed, not yet reaped,
 * as under a PID 1 that never reaps) or a later process given the same pid is not the holder.
 * A machine is known by its instance name (STASH_SYNC_INSTANCE_NAME, default the host name).
 */
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { env } from "../env";

export interface LockHolder {
  host: string;
  pid: number;
  processStart: string | null;
  heartbeatAt: Date;
}

interface ProcessState {
  /** R, S, D, Z (zombie), X (dead) … as the kernel reports it. */
  state: string;
  start: string;
}

/** Linux's view of a process (/proc/<pid>/stat); null when it does not exist or is not Linux. */
function readProcess(pid: number | "self"): ProcessState | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name may hold spaces and parentheses: fields are counted after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Field 3 is the state and field 22 the start time; the slice begins at field 3.
  return { state: fields[0] ?? "", start: fields[19] ?? "" };
}

const hasProc = readProcess("self") !== null;

/** The name this process's machine goes by in the lock. */
export function instanceName(): string {
  return env().STASH_SYNC_INSTANCE_NAME ?? hostname();
}

/** This process as a lock holder. */
export function thisProcess(): { host: string; pid: number; processStart: string | null } {
  return {
    host: instanceName(),
    pid: process.pid,
    processStart: readProcess("self")?.start ?? null,
  };
}

/**
 * Alive while its heartbeat is fresh (as of `now`, the database's clock: machines' clocks
 * differ) and, on this machine, while its very process runs (a killed holder is recognised at
 * once, not when its heartbeat goes stale).
 */
export function holderAlive(holder: LockHolder, staleAfterMs: number, now = Date.now()): boolean {
  if (now - holder.heartbeatAt.getTime() >= staleAfterMs) return false;
  if (holder.host !== instanceName()) return true;
  if (hasProc) {
    const found = readProcess(holder.pid);
    if (!found || found.state === "Z" || found.state === "X") return false;
    return holder.processStart === null || found.start === holder.processStart;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
