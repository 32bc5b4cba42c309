/**
 * Ordering of names in generated files (reports, runbooks, the architecture document).
 *
 * Code-unit order, as `Array.prototype.sort` uses by default: it needs no locale data, so the same
 * input sorts the same on every machine (`localeCompare` follows the host's ICU data and locale,
 * and its first call loads that data, several milliseconds of every synth).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
