import { KafkaStandardsErrorCode } from "./error-codes";

export { ERROR_CODES, type KafkaStandardsErrorCode } from "./error-codes";

/** What a caller supplied and what the library expected, for one invalid prop. */
export interface KafkaStandardsErrorDetails {
  /** Stable code, e.g. `KSE-MSK-001`. */
  readonly code: KafkaStandardsErrorCode;
  /** Dotted path of the prop that is wrong, e.g. `brokerNodes` or `scram.users[0]`. */
  readonly prop: string;
  /** The value received (rendered with JSON.stringify when not a string). */
  readonly value: unknown;
  /** What the library accepts. */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix: string;
  /** The construct path where the problem was found, when known. */
  readonly path?: string;
}

/** Marks, inside JSON, a value JSON cannot hold (NaN, ±Infinity, undefined …), to be written as itself. */
const RAW = "\u0000raw:";

/**
 * Renders a received value for a message, faithfully: strings quoted, NaN and ±Infinity as themselves
 * (JSON would write `null`), functions, symbols and regular expressions by their source, objects and
 * arrays as JSON with the same care inside, and objects JSON cannot hold (cycles, constructs) by type.
 */
export function renderValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === undefined) return "undefined";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return `function ${value.name || "(anonymous)"}`;
  if (value instanceof RegExp) return String(value);
  try {
    const text = JSON.stringify(value, (key, v: unknown) => {
      if ((typeof v === "number" && !Number.isFinite(v)) || typeof v === "bigint") return `${RAW}${v}`;
      if (v === undefined && key !== "") return `${RAW}undefined`;
      if (typeof v === "function") return `${RAW}function ${v.name || "(anonymous)"}`;
      if (v instanceof RegExp) return `${RAW}${String(v)}`;
      return v;
    });
    if (text === undefined) return String(value);
    return text.replace(/"\\u0000raw:((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => JSON.parse(`"${inner}"`));
  } catch {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name ? `<${name}>` : String(value);
  }
}

/**
 * The one error type the library throws for invalid input.
 *
 * The message names the code, the prop, the value received, what is allowed and how to fix it,
 * so a failed `cdktf synth` tells the user everything needed without reading the source.
 */
export class KafkaStandardsError extends Error {
  /** Stable code, e.g. `KSE-MSK-001`. */
  public readonly code: KafkaStandardsErrorCode;
  /** The prop that is wrong. */
  public readonly prop: string;
  /** The value received. */
  public readonly value: unknown;
  /** What is allowed. */
  public readonly allowed: string;
  /** How to fix it. */
  public readonly fix: string;

  constructor(details: KafkaStandardsErrorDetails) {
    const where = details.path ? ` at ${details.path}` : "";
    super(
      `[${details.code}] Invalid ${details.prop}${where}: got ${renderValue(details.value)}. ` +
        `Allowed: ${details.allowed}. Fix: ${details.fix}`,
    );
    this.name = "KafkaStandardsError";
    this.code = details.code;
    this.prop = details.prop;
    this.value = details.value;
    this.allowed = details.allowed;
    this.fix = details.fix;
  }
}

/** Throws a {@link KafkaStandardsError}; the shorthand the validators use. */
export function failWith(
  code: KafkaStandardsErrorCode,
  prop: string,
  value: unknown,
  allowed: string,
  fix: string,
  path?: string,
): never {
  throw new KafkaStandardsError({ code, prop, value, allowed, fix, path });
}
