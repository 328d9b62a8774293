/**
 * A run that changed nothing: it finished without failures and created or updated nothing.
 * A schedule that finds nothing records one every tick, so the runs list hides these by
 * default; statistics still count them.
 */
export const unchangedRunWhere = {
  status: "completed",
  itemsCreated: 0,
  itemsUpdated: 0,
} as const;
