/**
 * Words of a text as the analyzers compare them. A word is a run of letters and digits (with
 * their combining accents, as macOS writes file names), so every separator of a file name —
 * space, dot, dash, underscore, bracket — is a word boundary, and a name can only match whole
 * words: "Ann" never matches inside "Annabelle".
 */
export interface Token {
  /** Lower case, accents removed: the key names are looked up by ("zoe" for "Zoë"). */
  folded: string;
  /** Lower case with accents as written, to tell an exact match from an accent-folded one. */
  written: string;
  /** As written (NFC), for names short enough that only their exact case is trusted. */
  cased: string;
  /** Offsets in the original text, so evidence can be highlighted. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Lower case without accents: NFD splits "ë" into "e" and a mark, which is dropped. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(MARKS, "").toLowerCase();
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    // Most words of file names are plain ASCII: nothing to normalise or fold.
    const ascii = !NON_ASCII.test(match[0]);
    const cased = ascii ? match[0] : match[0].normalize("NFC");
    const written = cased.toLowerCase();
    tokens.push({
      folded: ascii ? written : foldWord(cased),
      written,
      cased,
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return tokens;
}
