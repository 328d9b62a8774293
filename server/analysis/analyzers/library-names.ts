import type { EntityRef } from "./analyzer-types";
import { NameIndex, type EntityKind, type NamedEntity } from "./name-index";

/** The mirror's performers, studios and tags as one plan reads them, once. */
export interface LibraryNames {
  performers: readonly NamedEntity[];
  tags: readonly NamedEntity[];
  studios: readonly (NamedEntity & { parentId: string | null })[];
}

/** The library prepared for analysis: the name index and the look-ups the analyzers need. */
export class AnalysisLibrary {
  readonly index = new NameIndex();
  private readonly names: Record<EntityKind, Map<string, string>> = {
    performer: new Map(),
    studio: new Map(),
    tag: new Map(),
  };
  private readonly parents = new Map<string, string | null>();

  constructor(library: LibraryNames) {
    this.index.add("performer", library.performers).add("tag", library.tags);
    this.index.add("studio", library.studios);
    for (const p of library.performers) this.names.performer.set(p.id, p.name);
    for (const t of library.tags) this.names.tag.set(t.id, t.name);
    for (const s of library.studios) {
      this.names.studio.set(s.id, s.name);
      this.parents.set(s.id, s.parentId);
    }
  }

  ref(kind: EntityKind, id: string): EntityRef {
    return { id, name: this.names[kind].get(id) ?? id };
  }

  /** The studio's parent, grandparent…; a loop in Stash's data ends the walk. */
  ancestorsOf(studioId: string): Set<string> {
    const seen = new Set<string>();
    let parent = this.parents.get(studioId) ?? null;
    while (parent !== null && !seen.has(parent) && parent !== studioId) {
      seen.add(parent);
      parent = this.parents.get(parent) ?? null;
    }
    return seen;
  }
}
