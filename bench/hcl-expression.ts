/**
 * The small part of Terraform's expression syntax that synthesized cdktf documents use, for the
 * benchmark's L1 code generator: splitting a string into literal text and `${…}` interpolations, and
 * parsing an interpolation made of references, function calls, string/number literals, objects and
 * tuples. Anything else (operators, conditionals, `for` expressions, splats) is reported as
 * unsupported, and the generator keeps the text as written.
 */

/** A piece of a string: literal text, or the expression inside one `${…}`. */
export type StringPart = { readonly text: string } | { readonly expr: string };

/**
 * Splits a JSON string value into literal text and `${…}` interpolations. `$${` is Terraform's
 * escape for a literal `${` and stays text. Braces and quoted strings inside an interpolation are
 * matched, so `${jsonencode({"a" = "}"})}` is one interpolation.
 */
export function splitInterpolations(s: string): StringPart[] {
  const parts: StringPart[] = [];
  let text = "";
  let i = 0;
  while (i < s.length) {
    if (s.startsWith("$${", i)) {
      text += "$${";
      i += 3;
      continue;
    }
    if (s.startsWith("${", i)) {
      const end = matchingBrace(s, i + 1);
      if (end < 0) {
        text += s.slice(i);
        break;
      }
      if (text) parts.push({ text });
      text = "";
      parts.push({ expr: s.slice(i + 2, end) });
      i = end + 1;
      continue;
    }
    text += s[i];
    i++;
  }
  if (text) parts.push({ text });
  return parts;
}

/** Index of the `}` closing the `{` at `open`, skipping quoted strings; -1 when unbalanced. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      i++;
      while (i < s.length && s[i] !== '"') i += s[i] === "\\" ? 2 : 1;
      continue;
    }
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  return -1;
}

/** A parsed expression. */
export type Expr =
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "null" }
  | { readonly kind: "traversal"; readonly parts: readonly string[] }
  | { readonly kind: "call"; readonly name: string; readonly args: readonly Expr[] }
  | { readonly kind: "object"; readonly entries: readonly (readonly [string, Expr])[] }
  | { readonly kind: "tuple"; readonly items: readonly Expr[] };

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Parses one interpolation's expression; `undefined` when it uses syntax outside the supported
 * subset. A traversal keeps only plain attribute steps (`a.b.c`); an index step (`a.b[0]`) makes the
 * expression unsupported.
 */
export function parseExpression(source: string): Expr | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  const fail = (): never => {
    throw new Unsupported();
  };
  const ident = (): string => {
    IDENT.lastIndex = i;
    const m = IDENT.exec(source);
    if (!m) return fail();
    i += m[0].length;
    return m[0];
  };
  const str = (): string => {
    // source[i] is the opening quote
    let out = "";
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source[i] === "\\") {
        const n = source[i + 1];
        const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", '"': '"', "\\": "\\" };
        if (!(n in map)) fail();
        out += map[n];
        i += 2;
        continue;
      }
      if (source.startsWith("${", i) || source.startsWith("%{", i)) fail();
      out += source[i];
      i++;
    }
    if (source[i] !== '"') fail();
    i++;
    return out;
  };
  const expr = (): Expr => {
    ws();
    const c = source[i];
    if (c === '"') return { kind: "string", value: str() };
    if (c === "{") {
      i++;
      const entries: [string, Expr][] = [];
      ws();
      while (source[i] !== "}") {
        ws();
        const key = source[i] === '"' ? str() : ident();
        ws();
        if (source[i] !== "=" && source[i] !== ":") fail();
        i++;
        entries.push([key, expr()]);
        ws();
        if (source[i] === ",") i++;
        ws();
        if (i >= source.length) fail();
      }
      i++;
      return { kind: "object", entries };
    }
    if (c === "[") {
      i++;
      const items: Expr[] = [];
      ws();
      while (source[i] !== "]") {
        items.push(expr());
        ws();
        if (source[i] === ",") i++;
        ws();
        if (i >= source.length) fail();
      }
      i++;
      return { kind: "tuple", items };
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num) {
      i += num[0].length;
      return { kind: "number", value: Number(num[0]) };
    }
    const name = ident();
    ws();
    if (source[i] === "(") {
      i++;
      const args: Expr[] = [];
      ws();
      while (source[i] !== ")") {
        args.push(expr());
        ws();
        if (source[i] === ",") i++;
        ws();
        if (i >= source.length) fail();
      }
      i++;
      return { kind: "call", name, args };
    }
    if (name === "true" || name === "false") return { kind: "bool", value: name === "true" };
    if (name === "null") return { kind: "null" };
    const parts = [name];
    while (source[i] === ".") {
      i++;
      parts.push(ident());
    }
    return { kind: "traversal", parts };
  };
  try {
    const e = expr();
    ws();
    return i === source.length ? e : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Unsupported extends Error {}
