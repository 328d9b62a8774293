import type { Evidence, SceneFacts, TextSource } from "./analyzer-types";
import { cleanHtml } from "./clean-html";
import type { AnalysisLibrary } from "./library-names";
import type { EntityKind } from "./name-index";
import { tokenize } from "./text-tokens";

/** An entity found in a scene's texts: its best confidence and where it was seen. */
export interface FoundEntity {
  id: string;
  confidence: number;
  evidence: Evidence[];
}

/** Enough evidence to show why; a name repeated twenty times in details adds nothing. */
const MAX_EVIDENCE = 5;

/** The primary file's path split into folders and file name, the extension left out. */
export function splitPath(path: string): { folders: string; stem: string } {
  const cut = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const folders = path.slice(0, cut + 1);
  const basename = path.slice(cut + 1);
  const extension = /\.[\p{L}\p{N}]{1,5}$/u.exec(basename);
  return { folders, stem: extension ? basename.slice(0, extension.index) : basename };
}

/** A scene's texts as names are looked for in them: their evidence offsets point into these. */
export function sceneTexts(
  facts: Pick<SceneFacts, "path" | "title">,
  plainDetails: string | null,
): { source: TextSource; text: string }[] {
  const texts: { source: TextSource; text: string }[] = [];
  if (facts.path) {
    const { folders, stem } = splitPath(facts.path);
    texts.push({ source: "path", text: folders }, { source: "filename", text: stem });
  }
  if (facts.title) texts.push({ source: "title", text: facts.title });
  if (plainDetails) texts.push({ source: "details", text: plainDetails });
  return texts;
}

/** Every text any evidence points into: the texts names are looked for in, and the stored markup. */
export function evidenceTexts(
  facts: Pick<SceneFacts, "path" | "title" | "details">,
  plainDetails: string | null,
): { source: TextSource; text: string }[] {
  const texts = sceneTexts(facts, plainDetails);
  if (facts.details !== null && facts.details !== plainDetails) {
    texts.push({ source: "rawDetails", text: facts.details });
  }
  return texts;
}

/**
 * One scene being analysed: its texts and the names found in them are worked out once, on
 * first use, and shared by every analyzer of the plan.
 */
export class SceneUnderAnalysis {
  private found: Map<EntityKind, Map<string, FoundEntity>> | undefined;
  private details: { text: string | null } | undefined;

  constructor(
    readonly facts: SceneFacts,
    readonly library: AnalysisLibrary,
  ) {}

  /** The scene's details as text, HTML removed; null when it has none. */
  plainDetails(): string | null {
    this.details ??= { text: this.facts.details === null ? null : cleanHtml(this.facts.details) };
    return this.details.text;
  }

  /** The texts names are looked for in, each with its source. */
  texts(): { source: TextSource; text: string }[] {
    return sceneTexts(this.facts, this.plainDetails());
  }

  /** The entities of one kind named anywhere in the scene's texts. */
  entities(kind: EntityKind): Map<string, FoundEntity> {
    this.found ??= this.findAll();
    return this.found.get(kind) ?? new Map();
  }

  private findAll(): Map<EntityKind, Map<string, FoundEntity>> {
    const found = new Map<EntityKind, Map<string, FoundEntity>>();
    for (const { source, text } of this.texts()) {
      const matches = this.library.index.find(tokenize(text), { prose: source === "details" });
      for (const match of matches) {
        let ofKind = found.get(match.kind);
        if (!ofKind) found.set(match.kind, (ofKind = new Map()));
        const evidence = {
          source,
          text: text.slice(match.start, match.end),
          start: match.start,
          end: match.end,
        };
        const entity = ofKind.get(match.id);
        if (!entity) {
          ofKind.set(match.id, {
            id: match.id,
            confidence: match.confidence,
            evidence: [evidence],
          });
          continue;
        }
        entity.confidence = Math.max(entity.confidence, match.confidence);
        if (entity.evidence.length < MAX_EVIDENCE) entity.evidence.push(evidence);
      }
    }
    return found;
  }
}
