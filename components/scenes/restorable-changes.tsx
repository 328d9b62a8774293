"use client";

import { useState } from "react";
import { useRefreshAfterSync } from "@/components/syncs/use-refresh-after-sync";
import { Button } from "@/components/ui/button";
import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";
import type { RestoreField } from "@/server/restore/restore-schema";
import { ChangedFieldsList } from "./changed-fields-list";
import { RestoreEntryDialog } from "./restore-entry-dialog";

/** An entry's changes with "Restore" per field and for the whole entry. */
export function RestorableChanges({
  sceneId,
  log,
  fields,
}: {
  sceneId: string;
  log: SyncLogEntry;
  /** The entry's restorable fields (see restorableFields). */
  fields: RestoreField[];
}) {
  // A restore runs a specific sync: the scene's History, runs and failures refresh as after one.
  const refresh = useRefreshAfterSync({ sceneId });
  const [asked, setAsked] = useState<RestoreField[] | null>(null);
  const changes = log.changed_fields ?? {};
  const restorable = new Set<string>(fields);

  return (
    <>
      <ChangedFieldsList
        changes={changes}
        action={(field) =>
          restorable.has(field) ? (
            <Button
              variant="link"
              size="sm"
              className="ml-1 h-auto p-0 text-xs"
              aria-label={`Restore ${field}`}
              onClick={() => setAsked([field as RestoreField])}
            >
              Restore
            </Button>
          ) : null
        }
      />
      <Button variant="outline" size="sm" className="self-start" onClick={() => setAsked(fields)}>
        Restore entry
      </Button>
      <RestoreEntryDialog
        sceneId={sceneId}
        logId={log.id}
        changes={changes}
        fields={asked}
        onClose={() => setAsked(null)}
        onAnswered={refresh.afterAction}
      />
    </>
  );
}
