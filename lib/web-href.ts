/**
 * The address to link to for a URL that came from Stash (or anyone but us), or null when it is
 * not a web page: only http and https become links. Parsed as a browser parses it, so spellings
 * like " JavaScript:" or "java\tscript:" are judged by the scheme the browser would see, and the
 * link carries the parsed form, the one that was judged.
 */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
