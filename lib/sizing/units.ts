/**
 * Units of the sizing model and the parsers for human-written quantities (`1KiB`, `3d`, `1M`).
 * Pure functions: no cdktf import.
 */

/** 10^6 bytes: MB as EC2, MSK and Confluent state throughput limits. */
export const MB = 1e6;
/** 2^20 bytes. */
export const MiB = 1024 * 1024;
/** 2^30 bytes: the "GB" AWS and Confluent bill storage and transfer in. */
export const GiB = 1024 * 1024 * 1024;
/** Seconds per hour. */
export const HOUR_S = 3600;

const BYTE_UNITS: Readonly<Record<string, number>> = Object.freeze({
  b: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  gb: 1e9,
  gib: 1024 ** 3,
});

const HOUR_UNITS: Readonly<Record<string, number>> = Object.freeze({
  m: 1 / 60,
  min: 1 / 60,
  h: 1,
  d: 24,
  w: 168,
});

const COUNT_UNITS: Readonly<Record<string, number>> = Object.freeze({ "": 1, k: 1e3, m: 1e6 });

function split(text: string): { value: number; unit: string } | undefined {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  return Number.isFinite(value) ? { value, unit: m[2].toLowerCase() } : undefined;
}

/** Bytes in `1024`, `1KiB`, `1KB`, `1.5MiB`; undefined when not a size. */
export function parseByteSize(text: string): number | undefined {
  const s = split(text);
  if (!s) return undefined;
  const factor = BYTE_UNITS[s.unit === "" ? "b" : s.unit];
  return factor === undefined ? undefined : s.value * factor;
}

/** Hours in `72h`, `3d`, `1w`, `30m`, or a bare number of hours; undefined when not a duration. */
export function parseDurationHours(text: string): number | undefined {
  const s = split(text);
  if (!s) return undefined;
  const factor = HOUR_UNITS[s.unit === "" ? "h" : s.unit];
  return factor === undefined ? undefined : s.value * factor;
}

/** A count in `1000000`, `1e6`, `10K`, `1M`; undefined when not a count. */
export function parseCount(text: string): number | undefined {
  const s = split(text);
  if (!s) return undefined;
  const factor = COUNT_UNITS[s.unit];
  return factor === undefined ? undefined : s.value * factor;
}

/** `1000000` → `1M`, `30000` → `30K`, `2500` → `2.5K`: short labels for rates. */
export function shortCount(n: number): string {
  const fmt = (v: number, suffix: string): string => `${Number(v.toFixed(v < 10 ? 2 : 1))}${suffix}`;
  if (n >= 1e6) return fmt(n / 1e6, "M");
  if (n >= 1e3) return fmt(n / 1e3, "K");
  return String(Number(n.toFixed(2)));
}

/** Hours as `7d`, `36h`, `90m`. */
export function formatHours(hours: number): string {
  if (hours >= 24 && Number.isInteger(hours / 24)) return `${hours / 24}d`;
  if (hours >= 1) return `${Number(hours.toFixed(2))}h`;
  return `${Number((hours * 60).toFixed(1))}m`;
}

/** 1234.5 → "1,235"; 12.345 → "12.3"; 0.4 → "0.4". */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return Number(n.toFixed(digits)).toLocaleString("en-US", { maximumFractionDigits: digits });
}
