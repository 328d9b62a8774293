import { bulkWriter } from "../db/bulk-writer";
import { databaseNow } from "../db/database-clock";
import { sql, toStatement } from "../db/sql-dialect";
import { syncLockBeat } from "./sync-lock";

/**
 * A run's progress, kept in memory and written to its sync_history row at most once a second
 * (and on every phase change), so other processes and pages can read it. The heartbeat that
 * goes with it tells a later process whether the run is still alive.
 *
 * It is written through the bulk writer. On SQLite it queues between page writes: a second
 * connection writing while a page commits would wait for SQLite's write lock, and a
 * synchronous driver waits on the main thread, stalling the fetching and parsing of the next
 * page. On PostgreSQL it goes on a connection of its own: an index build at the end of a
 * first sync of a million scenes outlasts the lock's stale time, and another host must not
 * take a live run's lock meanwhile.
 */
export class ProgressTracker {
  phase = "starting";
  done = 0;
  total = 0;
  private lastWrite = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly runId: number,
    private readonly jobId: string,
  ) {}

  start(intervalMs = 1000) {
    // The timer keeps the heartbeat beating even while one slow page is being fetched.
    this.timer = setInterval(() => void this.flush().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a write in flight, which must not land after the run's end. */
  async stop() {
    clearInterval(this.timer);
    await this.writing.catch(() => {});
  }

  setPhase(phase: string, total: number) {
    this.phase = phase;
    this.total = total;
    this.done = 0;
    void this.flush().catch(() => {});
  }

  advance(by: number) {
    this.done += by;
    if (Date.now() - this.lastWrite >= 1000) void this.flush().catch(() => {});
  }

  flush(): Promise<void> {
    this.lastWrite = Date.now();
    const now = databaseNow();
    this.writing = bulkWriter().writePromptly([
      toStatement(sql`UPDATE "sync_history" SET "phase" = ${this.phase},
        "progress_done" = ${this.done}, "progress_total" = ${this.total}, "heartbeat_at" = ${now}
        WHERE "id" = ${this.runId}`),
      syncLockBeat(this.jobId, now),
    ]);
    return this.writing;
  }
}
