import { compile } from "html-to-text";

/** Tags or entities: text without either is left exactly as it is. */
const MARKUP = /<\/?[a-z!][^>]*>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]+);/i;

/** Where the first piece of markup is, for evidence; null when the text has none. */
export function findMarkup(text: string): { start: number; end: number } | null {
  const match = MARKUP.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/**
 * Text with its HTML turned into plain text: paragraphs and line breaks become new lines,
 * entities become characters, links keep their words, images and scripts go. Text without
 * markup is returned unchanged.
 */
export function cleanHtml(text: string): string {
  if (!MARKUP.test(text)) return text;
  return toText(text).trim();
}

// Compiled once: compiling the options is most of the cost of a conversion.
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({
      selector,
      options: { uppercase: false },
    })),
    { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
  ],
});
