/**
 * The TypeScript code blocks of a Markdown document, as modules that compile on their own.
 *
 * Convention (README.md, docs/API.md): a ```ts block is a complete program unless an HTML comment on the
 * line before it names its context, the values it uses without declaring them:
 *
 *   <!-- snippet-context: stack: TerraformStack; cluster: MskCluster -->
 *
 * A document may set a context for all its blocks with `<!-- snippet-context-default: … -->` (docs/API.md
 * does: every TSDoc `@example` uses `app`, `stack`, `cluster`, `confluentCluster`). Each `name: Type`
 * becomes `declare const name: Type;`, with `App` and `TerraformStack` from cdktf, `Construct` from
 * constructs and every other type from the package root. Nothing else is added: a block imports what it
 * uses, as a user's file would. Blocks compile under the `cdktf init` tsconfig (strict, no unused locals).
 */

/** One code block. */
export interface Snippet {
  /** Document it comes from (as given). */
  readonly file: string;
  /** 1-based line of its opening fence. */
  readonly line: number;
  /** Its context (`name: Type; …`), when it is a fragment. */
  readonly context?: string;
  /** The code, without the fence and the block's indentation. */
  readonly code: string;
}

const CONTEXT = /^\s*<!--\s*snippet-context:\s*(.*?)\s*-->\s*$/;
const DEFAULT_CONTEXT = /^\s*<!--\s*snippet-context-default:\s*(.*?)\s*-->\s*$/;
const OPEN = /^(\s*)```ts\s*$/;

/** Where a context type comes from. */
const TYPE_MODULES: Readonly<Record<string, string>> = {
  App: "cdktf",
  TerraformStack: "cdktf",
  Construct: "constructs",
};

/** Every ```ts block of a Markdown document. */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split("\n");
  const fallback = lines.map((l) => DEFAULT_CONTEXT.exec(l)?.[1]).find((c) => c !== undefined);
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]);
    if (!open) continue;
    const indent = open[1];
    let j = i - 1;
    while (j >= 0 && lines[j].trim() === "") j--;
    const context = (j >= 0 ? CONTEXT.exec(lines[j])?.[1] : undefined) ?? fallback;
    const body: string[] = [];
    let k = i + 1;
    for (; k < lines.length && lines[k] !== `${indent}\`\`\``; k++) body.push(lines[k].slice(indent.length));
    if (k === lines.length) throw new Error(`${file}:${i + 1}: unterminated code block`);
    out.push({ file, line: i + 1, context, code: body.join("\n") });
    i = k;
  }
  return out;
}

/** `name: Type; …` as ambient declarations. */
export function contextDeclarations(context: string | undefined, packageName = "cdktf-kafka-standards"): string {
  if (!context) return "";
  return context
    .split(";")
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const m = /^([A-Za-z_$][\w$]*)\s*:\s*([A-Za-z_$][\w$]*)$/.exec(d);
      if (!m) throw new Error(`snippet context entry "${d}" is not "name: Type"`);
      return `declare const ${m[1]}: import("${TYPE_MODULES[m[2]] ?? packageName}").${m[2]};`;
    })
    .join("\n");
}

/** The snippet as a module of its own. */
export function snippetModule(s: Snippet): string {
  const declarations = contextDeclarations(s.context);
  return [
    `// ${s.file}:${s.line}`,
    ...(declarations ? [declarations] : []),
    s.code,
    // A block without imports would be a script sharing one global scope with the others.
    "export {};",
    "",
  ].join("\n");
}

/** A file name for the snippet: `<document>-<line>.ts`. */
export function snippetFileName(s: Snippet): string {
  return `${s.file.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${String(s.line).padStart(4, "0")}.ts`;
}
