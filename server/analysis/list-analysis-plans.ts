import { z } from "zod";
import { db } from "../db/client";
import { measureDatabaseClock } from "../db/database-clock";
import { PlanStatus } from "../domain/vocabulary";
import { PlanView } from "./plan-schema";
import { toPlanView } from "./plan-view";

export const ListPlansInput = z.object({
  status: PlanStatus.optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type ListPlansInput = z.input<typeof ListPlansInput>;

export const PlansPage = z.object({
  plans: z.array(PlanView),
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
});
export type PlansPage = z.infer<typeof PlansPage>;

/** The Plans page: newest first, with each plan's status and progress. */
export async function listAnalysisPlans(input: ListPlansInput = {}): Promise<PlansPage> {
  const query = ListPlansInput.parse(input);
  const where = query.status ? { status: query.status } : {};
  const [total, rows] = await Promise.all([
    db().analysisPlan.count({ where }),
    db().analysisPlan.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    }),
    // The database's clock judges whether an apply's claim is live (applyClaimLive).
    measureDatabaseClock(db()),
  ]);
  return {
    plans: rows.map(toPlanView),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
