/**
 * A whole number written the plain way, in decimal digits (a leading minus allowed), or
 * undefined. Number() would also read `0x10`, `1e2`, ` 50` and `5.0`: a query parameter that
 * looks like none of the numbers a person writes is not one.
 */
export function parseDecimalInteger(text: string | null | undefined): number | undefined {
  return text && /^-?\d{1,15}$/.test(text) ? Number(text) : undefined;
}
