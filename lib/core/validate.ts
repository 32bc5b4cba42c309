import { KafkaStandardsErrorCode, failWith } from "../errors";
import { isUnresolved } from "./resource-metadata";
import { nearest } from "./suggest";

/**
 * A small declarative validator for construct props and factory options.
 *
 * Each construct describes its props once, as a tree of rules: which keys exist, which are required,
 * the type and shape of each value, and the error code, allowed values and fix to report when a value
 * is wrong. Validation walks a value against the tree and throws the library's `KafkaStandardsError`
 * on the first problem, naming the full prop path (`storageAutoscaling.targetUtilizationPercent`,
 * `clientSubnetIds[1]`, `tags["Owner"]`) and the value received.
 *
 * What JavaScript callers can get wrong and TypeScript would have caught is checked here for every
 * prop: missing required props, `null`, wrong types (string for list, list for object), empty
 * strings, NaN, ±Infinity, fractions and out-of-range numbers, unknown enum strings (with "did you
 * mean" from the full set), unknown keys (mistyped prop names), duplicates in lists. Unresolved
 * cdktf tokens are accepted where a value may come from Terraform, and their content is not checked.
 *
 * Rules that depend on several props (broker counts per subnet, prod weakenings) stay in the
 * constructs' resolve functions, which run after this structural pass.
 */

/** Where a value sits. */
export interface At {
  /** Dotted prop path for the message, e.g. `logging.s3.bucket`. */
  readonly prop: string;
  /** Construct path, when known. */
  readonly path?: string;
}

/** Reporting of a rule: its code, what is allowed and how to fix a wrong value. */
export interface RuleText {
  /** Error code of every problem this rule finds. */
  readonly code: KafkaStandardsErrorCode;
  /** What the library accepts. */
  readonly allowed: string;
  /** How to fix a wrong value. */
  readonly fix: string;
}

/** One prop (or list item, or record value) and how to check it. */
export interface Rule extends RuleText {
  /** Key of the value in its parent object; empty for roots, list items and record values. */
  readonly key: string;
  /** Fail when the value is undefined. */
  readonly required: boolean;
  /** Checks a value that is not undefined; throws KafkaStandardsError. */
  check(value: unknown, at: At): void;
}

/** Options common to every rule. */
export interface RuleOptions {
  /** The prop must be given. @default false */
  readonly required?: boolean;
  /** What is allowed. */
  readonly allowed: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Fails with a rule's code. */
export function reject(text: RuleText, at: At, value: unknown, allowed = text.allowed, fix = text.fix): never {
  return failWith(text.code, at.prop, value, allowed, fix, at.path);
}

/** The path of a child value. */
export function child(at: At, key: string): At {
  if (key === "") return at;
  return { prop: at.prop === "" ? key : `${at.prop}.${key}`, path: at.path };
}

function item(at: At, index: number | string): At {
  return {
    prop: typeof index === "number" ? `${at.prop}[${index}]` : `${at.prop}[${JSON.stringify(index)}]`,
    path: at.path,
  };
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  if (typeof value === "object") {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    return name && name !== "Object" ? `a ${name}` : "an object";
  }
  return `a ${typeof value}`;
}

function make(key: string, code: KafkaStandardsErrorCode, o: RuleOptions, check: Rule["check"]): Rule {
  return { key, code, allowed: o.allowed, fix: o.fix, required: o.required === true, check };
}

/**
 * True for an object that can hold props: a plain object or an instance of a caller's class (TypeScript
 * types are structural), but not null, a list, or a built-in whose content is not its own keys (Map,
 * Set, Date, RegExp, a promise).
 */
export function isPropsObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return ![Map, Set, WeakMap, WeakSet, Date, RegExp, Promise].some((builtIn) => value instanceof builtIn);
}

/** Checks one value against a rule, handling undefined (required) and null (never accepted). */
export function checkValue(rule: Rule, value: unknown, at: At): void {
  if (value === undefined) {
    if (rule.required) reject(rule, at, value, rule.allowed, `Set ${at.prop} (it is required). ${rule.fix}`);
    return;
  }
  if (value === null) {
    reject(
      rule,
      at,
      value,
      rule.allowed,
      `${rule.required ? `Set ${at.prop}` : `Omit ${at.prop} for the default`}, or give ${rule.allowed}.`,
    );
  }
  rule.check(value, at);
}

/** Options of a string rule. */
export interface StringRuleOptions extends RuleOptions {
  /** Pattern a resolved value must match. */
  readonly pattern?: RegExp;
  /** Further check of a resolved value: returns a specific fix when the value is wrong. */
  readonly test?: (value: string) => string | undefined;
  /** Accept the empty string. @default false */
  readonly allowEmpty?: boolean;
}

/** A string: never empty or blank unless allowed; pattern and test checked when not a token. */
export function str(code: KafkaStandardsErrorCode, key: string, o: StringRuleOptions): Rule {
  return make(key, code, o, (value, at) => {
    if (typeof value !== "string") {
      reject({ code, ...o }, at, value, o.allowed, `Give a string, not ${describeType(value)}. ${o.fix}`);
    }
    if (isUnresolved(value)) return;
    if (!o.allowEmpty && value.trim() === "")
      reject({ code, ...o }, at, value, o.allowed, `Give a non-empty value. ${o.fix}`);
    const specific = o.test?.(value);
    if (specific !== undefined) reject({ code, ...o }, at, value, o.allowed, specific);
    if (o.pattern && !o.pattern.test(value)) reject({ code, ...o }, at, value);
  });
}

/** Options of a number rule. */
export interface NumberRuleOptions extends RuleOptions {
  /** Must be a whole number. @default false */
  readonly integer?: boolean;
  /** Lowest accepted value (inclusive). */
  readonly min?: number;
  /** Highest accepted value (inclusive). */
  readonly max?: number;
  /** Lower bound excluded (a value must be greater than `min`). @default false */
  readonly exclusiveMin?: boolean;
  /** Refuse an unresolved token, with this fix (the value shapes the construct tree). */
  readonly literal?: string;
}

/** A finite number (never NaN or ±Infinity), optionally whole and in range; tokens pass. */
export function num(code: KafkaStandardsErrorCode, key: string, o: NumberRuleOptions): Rule {
  return make(key, code, o, (value, at) => {
    if (typeof value !== "number") {
      reject({ code, ...o }, at, value, o.allowed, `Give a number, not ${describeType(value)}. ${o.fix}`);
    }
    if (isUnresolved(value)) {
      if (o.literal !== undefined) reject({ code, ...o }, at, "<unresolved number>", o.allowed, o.literal);
      return;
    }
    if (!Number.isFinite(value)) reject({ code, ...o }, at, value, o.allowed, `Give a finite number. ${o.fix}`);
    if (o.integer && !Number.isInteger(value)) reject({ code, ...o }, at, value);
    if (o.min !== undefined && (o.exclusiveMin ? value <= o.min : value < o.min)) reject({ code, ...o }, at, value);
    if (o.max !== undefined && value > o.max) reject({ code, ...o }, at, value);
  });
}

/** A boolean. */
export function bool(code: KafkaStandardsErrorCode, key: string, o: Partial<RuleOptions> = {}): Rule {
  const text = { allowed: o.allowed ?? "true or false", fix: o.fix ?? "Give true or false (a boolean, not a string)." };
  return make(key, code, { ...text, required: o.required }, (value, at) => {
    if (typeof value !== "boolean") reject({ code, ...text }, at, value);
  });
}

/** One of a closed set of strings; a near miss gets "did you mean" from the whole set. */
export function oneOf(
  code: KafkaStandardsErrorCode,
  key: string,
  values: readonly string[],
  o: Partial<RuleOptions> = {},
): Rule {
  const text = { allowed: o.allowed ?? values.join(", "), fix: o.fix ?? `Use one of ${values.join(", ")}.` };
  return make(key, code, { ...text, required: o.required }, (value, at) => {
    if (typeof value === "string" && isUnresolved(value)) return;
    if (typeof value === "string" && values.includes(value)) return;
    const hint = typeof value === "string" ? nearest(value, values) : undefined;
    reject({ code, ...text }, at, value, text.allowed, hint ? `did you mean "${hint}"? ${text.fix}` : text.fix);
  });
}

/** Options of a list rule. */
export interface ListRuleOptions extends RuleOptions {
  /** Fewest items. */
  readonly min?: number;
  /** Most items. */
  readonly max?: number;
  /** Items must be distinct (compared as given; tokens are skipped). @default false */
  readonly unique?: boolean;
  /** Refuse an unresolved list token (each item must be visible). @default false: a token list passes */
  readonly literal?: boolean;
  /** Fix when an item repeats. */
  readonly duplicateFix?: string;
}

/** A list, checked item by item; an unresolved list token passes unless `literal`. */
export function list(code: KafkaStandardsErrorCode, key: string, itemRule: Rule | undefined, o: ListRuleOptions): Rule {
  return make(key, code, o, (value, at) => {
    if (!Array.isArray(value)) {
      reject({ code, ...o }, at, value, o.allowed, `Give a list, not ${describeType(value)}. ${o.fix}`);
    }
    if (isUnresolved(value)) {
      if (o.literal) reject({ code, ...o }, at, "<unresolved list>", o.allowed, `List the items one by one. ${o.fix}`);
      return;
    }
    if (o.min !== undefined && value.length < o.min) reject({ code, ...o }, at, value);
    if (o.max !== undefined && value.length > o.max) reject({ code, ...o }, at, value);
    const seen = new Set<unknown>();
    value.forEach((v, i) => {
      if (itemRule) checkValue({ ...itemRule, required: true }, v, item(at, i));
      if (o.unique && !isUnresolved(v)) {
        if (seen.has(v)) reject({ code, ...o }, item(at, i), v, o.allowed, o.duplicateFix ?? "Remove the duplicate.");
        seen.add(v);
      }
    });
  });
}

/** Options of a record rule. */
export interface RecordRuleOptions extends RuleOptions {
  /** Checks a key: returns a fix when the key is wrong. */
  readonly keyTest?: (key: string) => string | undefined;
  /** Code for a wrong key. @default the rule's code */
  readonly keyCode?: KafkaStandardsErrorCode;
}

/** A string-keyed map (plain object); each value checked with `valueRule`. */
export function record(
  code: KafkaStandardsErrorCode,
  key: string,
  valueRule: Rule | undefined,
  o: RecordRuleOptions,
): Rule {
  return make(key, code, o, (value, at) => {
    if (!isPropsObject(value)) {
      reject(
        { code, ...o },
        at,
        value,
        o.allowed,
        `Give an object of key/value pairs, not ${describeType(value)}. ${o.fix}`,
      );
    }
    for (const [k, v] of Object.entries(value)) {
      const keyFix = o.keyTest?.(k);
      if (keyFix !== undefined) reject({ code: o.keyCode ?? code, ...o }, item(at, k), k, o.allowed, keyFix);
      if (valueRule) checkValue({ ...valueRule, required: true }, v, item(at, k));
    }
  });
}

/** Options of an object rule. */
export interface ObjectRuleOptions extends RuleOptions {
  /** Accept keys that no field names. @default false: an unknown key fails with KSE-CORE-005 */
  readonly allowUnknown?: boolean;
}

/** Validates a plain object's fields; unknown keys fail with "did you mean" (mistyped prop names). */
export function obj(code: KafkaStandardsErrorCode, key: string, fields: readonly Rule[], o: ObjectRuleOptions): Rule {
  const known = fields.map((f) => f.key);
  return make(key, code, o, (value, at) => {
    if (!isPropsObject(value)) {
      reject({ code, ...o }, at, value, o.allowed, `Give an object, not ${describeType(value)}. ${o.fix}`);
    }
    if (!o.allowUnknown) {
      for (const [k, v] of Object.entries(value)) {
        if (known.includes(k) || v === undefined) continue;
        const hint = nearest(k, known);
        failWith(
          "KSE-CORE-005",
          child(at, k).prop,
          v,
          `the documented keys of ${at.prop === "" ? "the props" : at.prop}: ${known.join(", ")}`,
          hint ? `did you mean "${hint}"?` : `Remove "${k}".`,
          at.path,
        );
      }
    }
    for (const f of fields) checkValue(f, value[f.key], child(at, f.key));
  });
}

/** An instance of a class (a factory result such as `ClientAuthentication.iam()`). */
export function instance(
  code: KafkaStandardsErrorCode,
  key: string,
  ctor: { [Symbol.hasInstance](value: unknown): boolean },
  o: RuleOptions,
): Rule {
  return make(key, code, o, (value, at) => {
    if (!(value instanceof ctor)) reject({ code, ...o }, at, value);
  });
}

/** Any value the rule's own function checks (for props whose checks live elsewhere). */
export function custom(
  code: KafkaStandardsErrorCode,
  key: string,
  o: RuleOptions,
  check: (value: unknown, at: At) => void,
): Rule {
  return make(key, code, o, check);
}

/** `false`, or a value the rule accepts (e.g. `storageAutoscaling: false | { … }`). */
export function orFalse(rule: Rule): Rule {
  return {
    ...rule,
    check: (value, at) => {
      if (value !== false) rule.check(value, at);
    },
  };
}

/**
 * Validates props (or options) against their rule. A missing or non-object root fails with
 * KSE-CORE-004 named `name` (e.g. `props`); the fields are named from `base` (`""` for a construct's
 * props, so a field is `clusterName`; `"scram"` for factory options, so a field is `scram.users`).
 */
export function validate(value: unknown, rule: Rule, name: string, path?: string, base = ""): void {
  if (!isPropsObject(value)) {
    if (value === undefined && !rule.required) return;
    failWith(
      "KSE-CORE-004",
      name,
      value,
      rule.allowed,
      value === undefined || value === null ? rule.fix : `Give an object, not ${describeType(value)}. ${rule.fix}`,
      path,
    );
  }
  rule.check(value, { prop: base, path });
}

/** An IPv4 CIDR block, parsed. */
export interface Ipv4Cidr {
  /** Prefix length, 0–32. */
  readonly prefix: number;
  /** The block in canonical form (host bits zero), as AWS stores it. */
  readonly canonical: string;
}

/**
 * Parses an IPv4 CIDR block (`10.0.0.0/16`): four decimal octets of 0–255 without leading zeros and a
 * prefix of 0–32. Returns undefined when it is not one.
 */
export function parseIpv4Cidr(value: string): Ipv4Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (m === null) return undefined;
  const parts = m.slice(1, 6);
  if (parts.some((p) => p.length > 1 && p.startsWith("0"))) return undefined;
  const octets = parts.slice(0, 4).map(Number);
  const prefix = Number(parts[4]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  const network = Math.floor(address / size) * size;
  const canonical = [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".");
  return { prefix, canonical: `${canonical}/${prefix}` };
}

/**
 * What is wrong with an IPv4 CIDR block, as a fix, or undefined when it is a canonical block (AWS
 * stores blocks with the host bits cleared, so `10.0.0.5/16` would show as a change on every plan).
 */
export function ipv4CidrProblem(value: string, prefix?: number): string | undefined {
  const cidr = parseIpv4Cidr(value);
  if (cidr === undefined) {
    if (value.includes(":")) return "Give an IPv4 block; IPv6 blocks are not supported here.";
    if (!value.includes("/")) return `Add the prefix length, e.g. "${value}/32" for one address.`;
    return "Give four octets of 0-255 and a prefix length of 0-32, e.g. 10.0.0.0/16.";
  }
  if (prefix !== undefined && cidr.prefix !== prefix) return `Give a /${prefix} block.`;
  if (cidr.canonical !== value) return `did you mean "${cidr.canonical}"? Clear the host bits.`;
  return undefined;
}
