import type { Db } from "../db/client";
import type { Proposal } from "./analyzers/analyzer-types";

export interface SceneProposals {
  sceneId: string;
  proposals: Proposal[];
}

/**
 * Records one batch of scenes' proposals in one transaction: a result per scene (its timeline
 * entry) and a pending change per proposal. Two statements per batch, whatever its size.
 */
export async function writePlanResults(
  db: Db,
  planId: number,
  scenes: readonly SceneProposals[],
): Promise<void> {
  if (scenes.length === 0) return;
  const createdAt = new Date();
  await db.$transaction(async (tx) => {
    const results = await tx.analysisResult.createManyAndReturn({
      data: scenes.map((scene) => ({ planId, sceneId: scene.sceneId, createdAt })),
      select: { id: true, sceneId: true },
    });
    const resultOf = new Map(results.map((result) => [result.sceneId, result.id]));
    await tx.analysisChange.createMany({
      data: scenes.flatMap((scene) =>
        scene.proposals.map((proposal) => ({
          resultId: resultOf.get(scene.sceneId)!,
          planId,
          field: proposal.field,
          action: proposal.action,
          current: proposal.current === null ? null : JSON.stringify(proposal.current),
          proposed: JSON.stringify(proposal.proposed),
          confidence: proposal.confidence,
          evidence: JSON.stringify(proposal.evidence),
        })),
      ),
    });
  });
}
