import { Badge } from "@/components/ui/badge";
import type { SyncRunView } from "@/server/sync/sync-run-view";
import { syncStatusLabel } from "@/server/domain/labels";
import { statusVariant } from "./describe-sync-run";

export function SyncRunStatusBadge({ status }: { status: SyncRunView["status"] }) {
  return <Badge variant={statusVariant(status)}>{syncStatusLabel[status]}</Badge>;
}
