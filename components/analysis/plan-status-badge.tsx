import { Badge } from "@/components/ui/badge";
import { planStatusLabel } from "@/server/domain/labels";
import type { PlanStatus } from "@/server/domain/vocabulary";

const variant = {
  draft: "outline",
  running: "blue",
  completed: "green",
  failed: "red",
  cancelled: "grey",
  interrupted: "red",
} as const satisfies Record<PlanStatus, string>;

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <Badge variant={variant[status]}>{planStatusLabel[status]}</Badge>;
}
