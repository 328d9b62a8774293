import { Badge } from "@/components/ui/badge";
import type { ChangeView } from "@/server/analysis/review-schema";
import { proposalStatusLabel } from "@/server/domain/labels";

const variant = {
  pending: "outline",
  approved: "blue",
  rejected: "grey",
  applied: "green",
  failed: "red",
} as const;

export function ChangeStatusBadge({ status }: { status: ChangeView["status"] }) {
  return <Badge variant={variant[status]}>{proposalStatusLabel[status]}</Badge>;
}
