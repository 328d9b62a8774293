import { tokenize, type Token } from "./text-tokens";

export type EntityKind = "performer" | "studio" | "tag";

/** A performer, studio or tag as the mirror names it. */
export interface NamedEntity {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** How a stretch of text can spell a name; each form has its own confidence. */
type NameForm = "words" | "joined" | "reversed";

interface IndexedName {
  kind: EntityKind;
  id: string;
  isAlias: boolean;
  form: NameForm;
  /** The name's words, lower case with accents as written, for the accent check. */
  written: string;
  /** As written, for short names, which match only in their own case. */
  cased: string;
  /** One word: may also be an ordinary word ("Angel", "Summer", "Outdoor"). */
  oneWord: boolean;
  /** One word starting with a capital, so written in lower case it is likelier the word. */
  properWord: boolean;
  /** Fewer letters than SHORT_NAME: trusted only in its own case. */
  short: boolean;
}

/** A name found in a text: which entity, how well, and where. */
export interface NameMatch {
  kind: EntityKind;
  id: string;
  confidence: number;
  start: number;
  end: number;
  /** Token positions [first, last) in the text, for resolving overlaps. */
  firstToken: number;
  lastToken: number;
}

/** Names of fewer letters than this match only when written in their own case ("VR", "Al"). */
const SHORT_NAME = 3;
const FORM_CONFIDENCE: Record<NameForm, number> = { words: 1, joined: 0.8, reversed: 0.7 };
const ALIAS_PENALTY = 0.05;
const ACCENT_CONFIDENCE = 0.9;
const COMMON_WORD_CONFIDENCE = 0.6;
/** A one-word name capitalised where any word would be: a title, a folder, a sentence's start. */
const CAPITALISED_WORD_CONFIDENCE = 0.85;
/** A one-word tag in details: prose uses a word for many reasons ("no outdoor scenes"). */
const PROSE_TAG_CONFIDENCE = 0.9;

/**
 * Every name and alias of the library, keyed by its folded words, built once per plan. A text
 * is then matched in one pass over its words, looking up each run of up to `maxWords` words in
 * the map: the cost grows with the text, not with the number of names.
 */
export class NameIndex {
  private readonly names = new Map<string, IndexedName[]>();
  private maxWords = 1;

  add(kind: EntityKind, entities: Iterable<NamedEntity>): this {
    for (const entity of entities) {
      const spellings = new Set([entity.name, ...entity.aliases]);
      for (const spelling of spellings)
        this.addName(kind, entity.id, spelling, spelling !== entity.name);
    }
    return this;
  }

  private addName(kind: EntityKind, id: string, name: string, isAlias: boolean) {
    const words = tokenize(name);
    if (words.length === 0) return;
    const folded = words.map((w) => w.folded);
    const written = words.map((w) => w.written);
    const cased = words.map((w) => w.cased).join(" ");
    const oneWord = words.length === 1;
    const properWord = oneWord && /^\p{Lu}/u.test(cased);
    const short = folded.join("").length < SHORT_NAME;
    const entry = {
      kind,
      id,
      isAlias,
      written: written.join(" "),
      cased,
      oneWord,
      properWord,
      short,
    };
    this.put(folded.join(" "), { ...entry, form: "words" });
    if (words.length > 1) {
      // "JaneDoe" in a file name; "Doe Jane" only for two-word names (family name first).
      this.put(folded.join(""), { ...entry, form: "joined", written: written.join("") });
      if (words.length === 2) {
        this.put(`${folded[1]} ${folded[0]}`, {
          ...entry,
          form: "reversed",
          written: `${written[1]} ${written[0]}`,
        });
      }
    }
    this.maxWords = Math.max(this.maxWords, words.length);
  }

  private put(key: string, entry: IndexedName) {
    const list = this.names.get(key);
    if (!list) this.names.set(key, [entry]);
    else if (!list.some((e) => e.kind === entry.kind && e.id === entry.id && e.form === entry.form))
      list.push(entry);
  }

  /**
   * The names in `tokens`. Where names overlap, the one over more words wins ("Anna Bell" over
   * "Anna"); on the same words, several kinds may match (a tag and a studio both named
   * "Outdoor"), but two entities of one kind at the same confidence cancel out as ambiguous.
   */
  find(tokens: readonly Token[], options: { prose: boolean }): NameMatch[] {
    const candidates: NameMatch[] = [];
    for (let first = 0; first < tokens.length; first++) {
      let key = "";
      for (let count = 1; count <= this.maxWords && first + count <= tokens.length; count++) {
        key = count === 1 ? tokens[first]!.folded : `${key} ${tokens[first + count - 1]!.folded}`;
        const entries = this.names.get(key);
        if (!entries) continue;
        const span = tokens.slice(first, first + count);
        for (const entry of entries) {
          const confidence = scoreMatch(entry, span, options.prose);
          if (confidence === null) continue;
          candidates.push({
            kind: entry.kind,
            id: entry.id,
            confidence,
            start: span[0]!.start,
            end: span[span.length - 1]!.end,
            firstToken: first,
            lastToken: first + count,
          });
        }
      }
    }
    return resolveOverlaps(candidates);
  }
}

/** How well `span` spells `entry`, or null when it does not count as that name at all. */
function scoreMatch(entry: IndexedName, span: readonly Token[], prose: boolean): number | null {
  const cased = span.map((t) => t.cased).join(entry.form === "joined" ? "" : " ");
  if (entry.short && cased !== entry.cased) return null;
  const written = span.map((t) => t.written).join(" ");
  let confidence = FORM_CONFIDENCE[entry.form];
  if (entry.form === "words" && written !== entry.written) confidence = ACCENT_CONFIDENCE;
  if (entry.oneWord && entry.kind === "tag") {
    // Tags are words by nature, in any case; but a title or a path names what the scene is,
    // while a description may mention a word it is not.
    if (prose) confidence = Math.min(confidence, PROSE_TAG_CONFIDENCE);
  } else if (entry.properWord && !/\p{Lu}/u.test(cased)) {
    // "angel" in lower case is likelier the word than the performer Angel: weak in a path,
    // and no match at all in a description, which is written in sentences.
    if (prose) return null;
    confidence = Math.min(confidence, COMMON_WORD_CONFIDENCE);
  } else if (entry.oneWord && !span[0]!.followsLowerCase) {
    // Only a capital among lower-case words tells the name Summer from the word in "Summer
    // Vacation", a folder "Summer/" or "Summer came.": elsewhere either may be meant.
    confidence = Math.min(confidence, CAPITALISED_WORD_CONFIDENCE);
  }
  if (entry.isAlias) confidence -= ALIAS_PENALTY;
  return Math.max(COMMON_WORD_CONFIDENCE, Math.round(confidence * 100) / 100);
}

function resolveOverlaps(candidates: NameMatch[]): NameMatch[] {
  candidates.sort(
    (a, b) =>
      b.lastToken - b.firstToken - (a.lastToken - a.firstToken) ||
      a.firstToken - b.firstToken ||
      b.confidence - a.confidence,
  );
  const coveredBy: (NameMatch | undefined)[] = [];
  const kept: NameMatch[] = [];
  for (const candidate of candidates) {
    let free = true;
    for (let t = candidate.firstToken; t < candidate.lastToken; t++) {
      const owner = coveredBy[t];
      if (
        owner &&
        (owner.firstToken !== candidate.firstToken || owner.lastToken !== candidate.lastToken)
      )
        free = false;
    }
    if (!free) continue;
    kept.push(candidate);
    for (let t = candidate.firstToken; t < candidate.lastToken; t++) coveredBy[t] ??= candidate;
  }
  return dropAmbiguous(kept);
}

/** On one span, per kind: the best entity if it is alone at its confidence, else none. */
function dropAmbiguous(matches: NameMatch[]): NameMatch[] {
  const bySpanAndKind = new Map<string, NameMatch[]>();
  for (const match of matches) {
    const key = `${match.firstToken}:${match.lastToken}:${match.kind}`;
    const group = bySpanAndKind.get(key);
    if (group) group.push(match);
    else bySpanAndKind.set(key, [match]);
  }
  const result: NameMatch[] = [];
  for (const group of bySpanAndKind.values()) {
    const best = Math.max(...group.map((m) => m.confidence));
    const top = group.filter((m) => m.confidence === best);
    const ids = new Set(top.map((m) => m.id));
    if (ids.size === 1) result.push(top[0]!);
  }
  return result.sort((a, b) => a.firstToken - b.firstToken);
}
