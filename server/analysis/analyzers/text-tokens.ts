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
  /**
   * The word follows a lower-case word of the same phrase (only spaces or a comma between):
   * a capital here is the writer's choice, not the one a title, a folder or a sentence's first
   * word gets anyway.
   */
  followsLowerCase: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const LOWER_CASE_LETTER = /\p{Ll}/u;
/** What may stand between two words of one phrase; anything else (". ", "/", " - ") ends it. */
const SAME_PHRASE = /^[\p{Zs}\t]*,?[\p{Zs}\t]*$/u;
/** Letters NFD leaves whole (no base letter plus mark), spelled as people type them in ASCII. */
const UNDECOMPOSED: Record<string, string> = {
  ø: "o",
  ł: "l",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ð: "d",
  þ: "th",
  ħ: "h",
  ı: "i",
  ŧ: "t",
};
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join("")}]`, "gu");

/**
 * Lower case without accents: NFD splits "ë" into "e" and a mark, which is dropped; letters it
 * cannot split ("ø", "ß") get their usual ASCII spelling, so "Søren" is also found as "Soren".
 */
export function foldWord(word: string): string {
  return word
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(UNDECOMPOSED_LETTER, (letter) => UNDECOMPOSED[letter] ?? letter);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The word before: where it ended, and whether it was written in lower case.
  let previousEnd = 0;
  let previousLower = false;
  for (const match of text.matchAll(WORD)) {
    // Most words of file names are plain ASCII: nothing to normalise or fold.
    const ascii = !NON_ASCII.test(match[0]);
    const cased = ascii ? match[0] : match[0].normalize("NFC");
    const written = cased.toLowerCase();
    const end = match.index + match[0].length;
    tokens.push({
      folded: ascii ? written : foldWord(cased),
      written,
      cased,
      start: match.index,
      end,
      followsLowerCase: previousLower && SAME_PHRASE.test(text.slice(previousEnd, match.index)),
    });
    previousEnd = end;
    previousLower = cased === written && LOWER_CASE_LETTER.test(cased);
  }
  return tokens;
}
