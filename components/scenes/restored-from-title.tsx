import type { SceneRestoreView } from "@/server/restore/restore-schema";

/** The id of a History entry's element, so a restore can link to the entry it undid. */
export const historyEntryAnchor = (logId: number) => `history-entry-${logId}`;

/** "Restored title, tags from job 1a2b3c4d", the job linking to the entry it undid. */
export function RestoredFromTitle({ restore }: { restore: SceneRestoreView }) {
  return (
    <>
      Restored {restore.fields.join(", ")} from{" "}
      <a
        href={`#${historyEntryAnchor(restore.restoredLogId)}`}
        className="underline underline-offset-2"
        title={`The entry of job ${restore.restoredJobId} that this restore undid`}
      >
        job {restore.restoredJobId.slice(0, 8)}
      </a>
    </>
  );
}
