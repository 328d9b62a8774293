import { db } from "../db/client";
import { errorText, isAppError } from "../errors";
import { logger } from "../logger";
import { analyzeScene } from "./analyzers/analyzers";
import { AnalysisLibrary } from "./analyzers/library-names";
import { SceneUnderAnalysis } from "./analyzers/scene-under-analysis";
import {
  beatPlanRun,
  endPlanRun,
  openPlanRun,
  recoverInterruptedPlans,
  requestPlanCancel,
  type PlanProgress,
  type PlanRunEnd,
} from "./plan-run-record";
import { PlanIdInput, type PlanView } from "./plan-schema";
import { readAnalysisPlan } from "./read-analysis-plan";
import { readLibraryNames } from "./read-library-names";
import { readSceneFacts } from "./read-scene-facts";
import { readScopeSceneIds } from "./read-scope-scene-ids";
import { writePlanResults, type SceneProposals } from "./write-plan-results";

export interface PlanRunOptions {
  /** Scenes read, analysed and written together; progress and cancel requests between them. */
  batchSize?: number;
  /** Called after every batch is written (a CLI's progress bar, tests). */
  onProgress?: (progress: PlanProgress & { total: number }) => void | Promise<void>;
}

export interface StartedPlan {
  planId: number;
  /** Settles when the run ends; never rejects: a failure is in the plan's status. */
  done: Promise<PlanView>;
}

const DEFAULT_BATCH = 500;

interface AnalysedBatch {
  scenes: number;
  proposed: SceneProposals[];
}

// Plans this process runs, for cancellation. A plan reads the mirror and writes only its own
// rows, so it takes no sync lock: it may run while a sync writes.
const running = new Map<number, AbortController>();
const runningIds = () => new Set(running.keys());

/**
 * Starts a draft plan and returns once it is marked running, with a promise of its end.
 * Refuses an unknown plan (NOT_FOUND) or one that ran already (PLAN_ALREADY_RUN).
 */
export async function startAnalysisPlan(
  input: PlanIdInput,
  options: PlanRunOptions = {},
): Promise<StartedPlan> {
  const { planId } = PlanIdInput.parse(input);
  await recoverInterruptedPlans(db(), runningIds());
  const plan = await readAnalysisPlan({ planId });
  await openPlanRun(db(), planId, 0);
  const controller = new AbortController();
  running.set(planId, controller);
  const done = execute(plan, controller, options).finally(() => running.delete(planId));
  return { planId, done };
}

/** Runs a draft plan to its end (CLI, scripts, tests). */
export async function runAnalysisPlan(
  input: PlanIdInput,
  options: PlanRunOptions = {},
): Promise<PlanView> {
  return (await startAnalysisPlan(input, options)).done;
}

/**
 * Asks a running plan to stop after the batch it is on: at once when this process runs it,
 * else through its analysis_plan row. True when the request reached a running plan.
 */
export async function cancelAnalysisPlan(input: PlanIdInput): Promise<boolean> {
  const { planId } = PlanIdInput.parse(input);
  const controller = running.get(planId);
  if (!controller) return requestPlanCancel(db(), planId, runningIds());
  controller.abort();
  return true;
}

async function execute(
  plan: PlanView,
  controller: AbortController,
  options: PlanRunOptions,
): Promise<PlanView> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const progress: PlanProgress = { done: 0, scenesWithChanges: 0, changesProposed: 0 };
  let end: Pick<PlanRunEnd, "status" | "errorMessage">;
  try {
    const [names, ids] = await Promise.all([readLibraryNames(), readScopeSceneIds(plan.scope)]);
    const library = new AnalysisLibrary(names);
    await db().analysisPlan.update({ where: { id: plan.id }, data: { progressTotal: ids.length } });
    const analyse = async (batch: string[]): Promise<AnalysedBatch> => {
      const proposed: SceneProposals[] = [];
      for (const facts of await readSceneFacts(batch)) {
        const proposals = analyzeScene(new SceneUnderAnalysis(facts, library), plan.analyzers);
        if (proposals.length > 0) proposed.push({ sceneId: facts.id, proposals });
      }
      return { scenes: batch.length, proposed };
    };
    const store = async ({ scenes, proposed }: AnalysedBatch) => {
      await writePlanResults(plan.id, proposed);
      progress.done += scenes;
      progress.scenesWithChanges += proposed.length;
      progress.changesProposed += proposed.reduce((n, s) => n + s.proposals.length, 0);
      if (await beatPlanRun(db(), plan.id, progress)) controller.abort();
      await options.onProgress?.({ ...progress, total: ids.length });
    };
    // A batch is written while the next one is read and analysed: the writer is a thread of
    // its own (and a server process on PostgreSQL), so the two overlap. One write at a time;
    // a cancel stops before the batch analysed meanwhile is written.
    let analysed: AnalysedBatch | null = null;
    for (let first = 0; first < ids.length || analysed; first += batchSize) {
      const batch = ids.slice(first, first + batchSize);
      // Both settle before either's failure ends the plan: a write still in flight would
      // otherwise land after the plan was marked failed.
      const [next, stored]: [
        PromiseSettledResult<AnalysedBatch | null>,
        PromiseSettledResult<unknown>,
      ] = await Promise.allSettled([
        batch.length > 0 ? analyse(batch) : null,
        analysed && store(analysed),
      ]);
      if (stored.status === "rejected") throw stored.reason;
      if (next.status === "rejected") throw next.reason;
      if (controller.signal.aborted) break;
      analysed = next.value;
    }
    end = controller.signal.aborted
      ? {
          status: "cancelled",
          errorMessage: "Cancelled on request. Proposals recorded before that are kept.",
        }
      : { status: "completed", errorMessage: null };
  } catch (error) {
    end = { status: "failed", errorMessage: failureMessage(error) };
  }
  await endPlanRun(db(), plan.id, { ...end, progress });
  return readAnalysisPlan({ planId: plan.id });
}

/** What a person reads about a failed plan: our typed messages, or a generic one. */
function failureMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  logger.error(
    `Unexpected analysis error: ${error instanceof Error ? (error.stack ?? error.message) : errorText(error)}`,
  );
  return "The plan stopped on an unexpected error; the server log has the details.";
}
