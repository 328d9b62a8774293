import { Badge } from "@/components/ui/badge";
import type { ChangeView } from "@/server/analysis/review-schema";
import { changeStatusLabel } from "./change-text";

const variant = {
  pending: "outline",
  approved: "blue",
  rejected: "grey",
  applied: "green",
  failed: "red",
} as const;

export function ChangeStatusBadge({ status }: { status: ChangeView["status"] }) {
  return <Badge variant={variant[status]}>{changeStatusLabel[status]}</Badge>;
}
