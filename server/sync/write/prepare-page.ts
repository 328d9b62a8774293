import type { Statement } from "../../db/sql-dialect";
import { errorText } from "../../errors";
import { logger } from "../../logger";
import type { RunContext } from "../run-context";
import type { EntityOutcome } from "./entity-outcomes";
import { commitOutcomes } from "./record-outcomes";

/** What one page (or one entity) will write, and its outcomes. */
export interface PagePlan {
  statements: Statement[];
  outcomes: EntityOutcome[];
  /** Runs once the transaction has committed (e.g. remember refs now stored). */
  afterCommit?: () => void;
}

const nothing: PagePlan = { statements: [], outcomes: [] };

async function commitPlan(ctx: RunContext, plan: PagePlan, extra: EntityOutcome[]) {
  const outcomes = await commitOutcomes(ctx, plan.statements, [...extra, ...plan.outcomes]);
  plan.afterCommit?.();
  return outcomes;
}

/** A page whose plan is made, ready to be written. */
export interface PreparedPage {
  /** Writes it (see preparePage); resolves with every entity's outcome, never rejects on a bad entity. */
  commit(): Promise<EntityOutcome[]>;
}

/**
 * Plans a page from what is committed now; its commit writes the page in one transaction, with
 * the log rows of its invalid records. Planning and committing are apart so a run can plan
 * one page on this thread while the writer's thread commits the previous one.
 *
 * If the page cannot be planned or its transaction fails, it is written again entity by
 * entity, each planned anew and in its own transaction, so one bad entity fails alone
 * (logged with the reason) and the rest are kept.
 */
export async function preparePage<T>(
  ctx: RunContext,
  page: {
    label: string;
    invalid: EntityOutcome[];
    items: T[];
    plan: (items: T[]) => Promise<PagePlan>;
    failed: (item: T, error: string) => EntityOutcome;
  },
): Promise<PreparedPage> {
  const oneByOne = async (pageError: unknown) => {
    logger.warn(
      `A page of ${page.items.length} ${page.label} failed to write (${errorText(pageError)}); retrying one by one.`,
    );
    const outcomes = await commitPlan(ctx, nothing, page.invalid);
    for (const item of page.items) {
      try {
        outcomes.push(...(await commitPlan(ctx, await page.plan([item]), [])));
      } catch (error) {
        outcomes.push(...(await commitPlan(ctx, nothing, [page.failed(item, errorText(error))])));
      }
    }
    return outcomes;
  };
  let plan: PagePlan;
  try {
    plan = await page.plan(page.items);
  } catch (planError) {
    return { commit: () => oneByOne(planError) };
  }
  return {
    commit: () => commitPlan(ctx, plan, page.invalid).catch(oneByOne),
  };
}
