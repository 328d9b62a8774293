import { z } from "zod";
import { db } from "../db/client";
import { ProposalStatus } from "../domain/vocabulary";
import { PlanIdInput } from "./plan-schema";

export const PlanChangeCounts = z.record(ProposalStatus, z.number().int());
export type PlanChangeCounts = z.infer<typeof PlanChangeCounts>;

/** How many of a plan's changes are in each status: the plan page's summary and Apply's count. */
export async function readPlanChangeCounts(input: PlanIdInput): Promise<PlanChangeCounts> {
  const { planId } = PlanIdInput.parse(input);
  const groups = await db().analysisChange.groupBy({
    by: ["status"],
    where: { planId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(ProposalStatus.options.map((s) => [s, 0])) as PlanChangeCounts;
  for (const group of groups) {
    const status = ProposalStatus.safeParse(group.status).data;
    if (status) counts[status] = group._count._all;
  }
  return counts;
}
