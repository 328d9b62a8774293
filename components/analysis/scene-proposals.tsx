import Link from "next/link";
import type { ChangeView } from "@/server/analysis/review-schema";
import { ChangeItem } from "./change-item";

/** A scene's pending proposals from every plan, each reviewable here. */
export function SceneProposals({ changes }: { changes: ChangeView[] }) {
  if (changes.length === 0) return null;
  const plans = [...new Set(changes.map((c) => c.planId))];
  return (
    <section aria-labelledby="scene-proposals" className="flex flex-col gap-2">
      <h2 id="scene-proposals" className="text-lg font-semibold">
        Pending proposals
      </h2>
      <p className="text-sm text-muted-foreground">
        From{" "}
        {plans.map((planId, i) => (
          <span key={planId}>
            {i > 0 ? ", " : ""}
            <Link href={`/plans/${planId}`} className="underline underline-offset-2">
              plan #{planId}
            </Link>
          </span>
        ))}
        . Approved changes are written to Stash with Apply on the plan&apos;s page.
      </p>
      <ul aria-label="Pending proposals" className="flex flex-col gap-2">
        {changes.map((change) => (
          <ChangeItem key={change.id} change={change} />
        ))}
      </ul>
    </section>
  );
}
