import type {
  EntityRef,
  Proposal,
  SceneFacts,
} from "../../server/analysis/analyzers/analyzer-types";
import { AnalysisLibrary, type LibraryNames } from "../../server/analysis/analyzers/library-names";
import { SceneUnderAnalysis } from "../../server/analysis/analyzers/scene-under-analysis";

/** A library for analyzer tests: entities given as names, or with aliases and parents. */
export function library(names: {
  performers?: (string | { name: string; aliases?: string[] })[];
  tags?: (string | { name: string; aliases?: string[] })[];
  studios?: (string | { name: string; aliases?: string[]; parent?: string })[];
}): AnalysisLibrary {
  let id = 0;
  const entity = (e: string | { name: string; aliases?: string[] }) => {
    const named = typeof e === "string" ? { name: e } : e;
    return { id: `${++id}`, name: named.name, aliases: named.aliases ?? [] };
  };
  const studios = (names.studios ?? []).map((s) => ({
    ...entity(s),
    parent: typeof s === "string" ? undefined : s.parent,
  }));
  const built: LibraryNames = {
    performers: (names.performers ?? []).map(entity),
    tags: (names.tags ?? []).map(entity),
    studios: studios.map(({ parent, ...s }) => ({
      ...s,
      parentId: parent ? (studios.find((p) => p.name === parent)?.id ?? null) : null,
    })),
  };
  return new AnalysisLibrary(built);
}

/** A scene of `lib` with the given facts; everything else empty. */
export function scene(lib: AnalysisLibrary, facts: Partial<SceneFacts>): SceneUnderAnalysis {
  return new SceneUnderAnalysis(
    {
      id: "1",
      title: null,
      details: null,
      date: null,
      studioId: null,
      performerIds: [],
      tagIds: [],
      path: null,
      ...facts,
    },
    lib,
  );
}

/** The entities proposals name, with their confidence: [name, confidence] in proposal order. */
export function namesProposed(proposals: readonly Proposal[]): [string, number][] {
  return proposals.map((p) => [(p.proposed as EntityRef).name, p.confidence]);
}
