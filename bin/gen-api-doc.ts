/**
 * Writes docs/API.md, the API reference of the package's public entry points, from the TSDoc in their
 * sources; or checks that the committed copy is current.
 *
 *   ts-node --transpile-only bin/gen-api-doc.ts           write docs/API.md   (npm run docs:api)
 *   ts-node --transpile-only bin/gen-api-doc.ts --check   exit 1 when docs/API.md is stale
 *
 * It reads the sources with the TypeScript parser only (no type checker): it follows the entry points'
 * `export *` and `export { … } from` chains to the declarations, and prints their signatures as written.
 * So a doc is what a user sees in the editor, and generating it takes about a second.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ENTRY_POINTS, EntryPoint } from "../scripts/entry-points";

const ROOT = path.join(__dirname, "..");
/** Location of the generated document. */
export const API_DOC_PATH = path.join(ROOT, "docs", "API.md");

/**
 * What every TSDoc `@example` may use without declaring it. docs/API.md states it as the document's
 * default snippet context, so the snippet checks (test/docs/snippets.test.ts, test/consumer/) compile
 * every example with exactly these declarations.
 */
export const EXAMPLE_CONTEXT =
  "app: App; stack: TerraformStack; cluster: MskCluster; confluentCluster: ConfluentCluster";

/** Generated provider bindings (lib/providers/<provider>/…). */
const GENERATED = /^lib\/providers\//;

/** Base classes that make a class a construct. */
const CONSTRUCT_BASES = new Set(["Construct", "TerraformStack", "cdktf.TerraformProvider", "TerraformProvider"]);

/** TSDoc of a declaration. */
export interface ApiDoc {
  readonly summary: string;
  readonly defaultValue?: string;
  readonly see: readonly string[];
  readonly examples: readonly string[];
  readonly deprecated?: string;
}

/** A member of a class or interface. */
export interface ApiMember {
  readonly name: string;
  readonly kind: "property" | "method" | "factory" | "static";
  readonly signature: string;
  readonly optional: boolean;
  readonly doc: ApiDoc;
}

/** One exported name. */
export interface ApiSymbol {
  readonly name: string;
  readonly kind: "construct" | "class" | "interface" | "function" | "constant" | "type" | "enum" | "namespace";
  readonly file: string;
  readonly signature: string;
  readonly doc: ApiDoc;
  readonly members: readonly ApiMember[];
  /** For namespaces: the sub-namespaces and the classes each holds. */
  readonly namespaces?: readonly { readonly name: string; readonly classes: readonly string[] }[];
}

/** The public API of one entry point. */
export interface ApiEntry {
  readonly entry: EntryPoint;
  readonly symbols: readonly ApiSymbol[];
}

const sources = new Map<string, ts.SourceFile>();

function sourceFile(file: string): ts.SourceFile {
  let sf = sources.get(file);
  if (!sf) {
    sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    sources.set(file, sf);
  }
  return sf;
}

function resolveModule(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, path.join(base, "index.ts")]) if (fs.existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${specifier}`);
}

const clean = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * A tag's text as written, without the comment margin: the parser's own text loses the `https` of a
 * `@see` URL (it reads it as a name reference) and may reflow code.
 */
function tagText(sf: ts.SourceFile, tag: ts.JSDocTag): string {
  const raw = sf.text.slice(tag.tagName.end, tag.end).replace(/\*\/\s*$/, "");
  const lines = raw.split("\n").map((l, i) => (i === 0 ? l.replace(/^ /, "") : l.replace(/^\s*\*( |$)/, "")));
  return lines.join("\n").replace(/^\n+/, "").trimEnd();
}

function docOf(nodes: readonly ts.Node[]): ApiDoc {
  const docs = nodes.flatMap((n) => ts.getJSDocCommentsAndTags(n).filter(ts.isJSDoc));
  const jsdoc = docs[docs.length - 1];
  if (!jsdoc) return { summary: "", see: [], examples: [] };
  const sf = jsdoc.getSourceFile();
  const tags = jsdoc.tags ?? [];
  const tag = (name: string) => tags.filter((t) => t.tagName.text === name).map((t) => tagText(sf, t));
  return {
    summary: (ts.getTextOfJSDocComment(jsdoc.comment) ?? "").trim(),
    defaultValue: tag("default")[0]?.replace(/\s+/g, " "),
    see: tag("see").map((t) => t.replace(/\s+/g, " ")),
    examples: tag("example"),
    deprecated: tag("deprecated")[0],
  };
}

function isExported(node: ts.Node): boolean {
  return (
    (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some(
      (m) => m.kind === ts.SyntaxKind.ExportKeyword,
    ) === true
  );
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((m) => m.kind === kind) === true;
}

interface Found {
  readonly node: ts.Node;
  readonly sf: ts.SourceFile;
  /** The re-export statement, whose TSDoc documents names declared in generated code. */
  readonly via?: ts.Node;
  readonly namespaceOf?: string;
}

function declarationsOf(file: string): Map<string, Found> {
  const sf = sourceFile(file);
  const out = new Map<string, Found>();
  for (const stmt of sf.statements) {
    if (ts.isExportDeclaration(stmt) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)) {
      const target = resolveModule(file, stmt.moduleSpecifier.text);
      const clause = stmt.exportClause;
      if (!clause) {
        for (const [k, v] of declarationsOf(target)) out.set(k, v);
      } else if (ts.isNamespaceExport(clause)) {
        out.set(clause.name.text, { node: stmt, sf, namespaceOf: target });
      } else {
        const inner = declarationsOf(target);
        for (const el of clause.elements) {
          const found = inner.get((el.propertyName ?? el.name).text);
          if (!found) throw new Error(`${path.relative(ROOT, file)}: ${el.name.text} not found in ${target}`);
          // The statement's TSDoc documents a name re-exported alone (generated code cannot carry it).
          const documented = clause.elements.length === 1 && ts.getJSDocCommentsAndTags(stmt).length > 0;
          out.set(el.name.text, documented && !found.via ? { ...found, via: stmt } : found);
        }
      }
      continue;
    }
    if (!isExported(stmt)) continue;
    if (ts.isVariableStatement(stmt)) {
      for (const d of stmt.declarationList.declarations)
        if (ts.isIdentifier(d.name)) out.set(d.name.text, { node: d, sf });
    } else if (
      (ts.isClassDeclaration(stmt) ||
        ts.isInterfaceDeclaration(stmt) ||
        ts.isFunctionDeclaration(stmt) ||
        ts.isTypeAliasDeclaration(stmt) ||
        ts.isEnumDeclaration(stmt)) &&
      stmt.name
    ) {
      out.set(stmt.name.text, { node: stmt, sf });
    }
  }
  return out;
}

function params(sf: ts.SourceFile, ps: ts.NodeArray<ts.ParameterDeclaration>): string {
  return ps
    .map((p) => {
      const name = p.name.getText(sf);
      const rest = p.dotDotDotToken ? "..." : "";
      const opt = p.questionToken || p.initializer ? "?" : "";
      return `${rest}${name}${opt}: ${p.type ? clean(p.type.getText(sf)) : "unknown"}`;
    })
    .join(", ");
}

function typeText(sf: ts.SourceFile, t: ts.TypeNode | undefined, fallback = "unknown"): string {
  return t ? clean(t.getText(sf)) : fallback;
}

function heritage(sf: ts.SourceFile, node: ts.ClassDeclaration | ts.InterfaceDeclaration): string {
  return (node.heritageClauses ?? []).map((h) => clean(h.getText(sf))).join(" ");
}

function extendsName(sf: ts.SourceFile, node: ts.ClassDeclaration): string | undefined {
  const ext = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
  return ext ? ext.types[0].expression.getText(sf) : undefined;
}

function classMembers(sf: ts.SourceFile, node: ts.ClassDeclaration): ApiMember[] {
  const className = node.name?.text ?? "";
  const members: ApiMember[] = [];
  for (const m of node.members) {
    if (hasModifier(m, ts.SyntaxKind.PrivateKeyword) || hasModifier(m, ts.SyntaxKind.ProtectedKeyword)) continue;
    if (m.name && ts.isPrivateIdentifier(m.name)) continue;
    const isStatic = hasModifier(m, ts.SyntaxKind.StaticKeyword);
    const doc = docOf([m]);
    if (ts.isConstructorDeclaration(m)) {
      // Parameter properties (`public readonly name: string`) are properties too.
      for (const p of m.parameters) {
        if (!hasModifier(p, ts.SyntaxKind.PublicKeyword) && !hasModifier(p, ts.SyntaxKind.ReadonlyKeyword)) continue;
        members.push({
          name: p.name.getText(sf),
          kind: "property",
          signature: typeText(sf, p.type),
          optional: false,
          doc: docOf([p]),
        });
      }
      continue;
    }
    const name = m.name?.getText(sf);
    if (!name || name.startsWith("_")) continue;
    if (ts.isPropertyDeclaration(m)) {
      // A literal initializer says more than an inferred type; other initializers are implementation.
      const init = m.initializer;
      const literal =
        init && (ts.isStringLiteral(init) || ts.isNumericLiteral(init) || ts.isAsExpression(init))
          ? clean(init.getText(sf)).replace(/ as const$/, "")
          : undefined;
      const type = m.type ? typeText(sf, m.type) : literal;
      members.push({
        name,
        kind: isStatic ? "static" : "property",
        signature: isStatic ? `${name}${m.type ? `: ${type}` : literal ? ` = ${literal}` : ""}` : (type ?? "unknown"),
        optional: m.questionToken !== undefined,
        doc,
      });
    } else if (ts.isGetAccessorDeclaration(m)) {
      members.push({
        name,
        kind: isStatic ? "static" : "property",
        signature: isStatic ? `${name}: ${typeText(sf, m.type)}` : typeText(sf, m.type),
        optional: false,
        doc,
      });
    } else if (ts.isMethodDeclaration(m)) {
      const returns = typeText(sf, m.type, "void");
      const kind = isStatic ? (returns === className ? "factory" : "static") : "method";
      members.push({ name, kind, signature: `${name}(${params(sf, m.parameters)}): ${returns}`, optional: false, doc });
    }
  }
  return members;
}

function interfaceMembers(sf: ts.SourceFile, node: ts.InterfaceDeclaration | ts.TypeLiteralNode): ApiMember[] {
  const members: ApiMember[] = [];
  for (const m of node.members) {
    const name = m.name?.getText(sf);
    if (!name) continue;
    if (ts.isPropertySignature(m)) {
      members.push({
        name,
        kind: "property",
        signature: typeText(sf, m.type),
        optional: m.questionToken !== undefined,
        doc: docOf([m]),
      });
    } else if (ts.isMethodSignature(m)) {
      members.push({
        name,
        kind: "method",
        signature: `${name}(${params(sf, m.parameters)}): ${typeText(sf, m.type, "void")}`,
        optional: m.questionToken !== undefined,
        doc: docOf([m]),
      });
    }
  }
  return members;
}

function namespaceContents(file: string): { name: string; classes: string[] }[] {
  const sf = sourceFile(file);
  const out: { name: string; classes: string[] }[] = [];
  for (const stmt of sf.statements) {
    if (!ts.isExportDeclaration(stmt) || !stmt.exportClause || !ts.isNamespaceExport(stmt.exportClause)) continue;
    const target = resolveModule(file, (stmt.moduleSpecifier as ts.StringLiteral).text);
    const classes = [...declarationsOf(target).entries()]
      .filter(([, f]) => ts.isClassDeclaration(f.node) && f.node.members.some((m) => ts.isConstructorDeclaration(m)))
      .map(([name]) => name)
      .filter((name) => /^[A-Z]/.test(name) && !/(OutputReference|List|Map)$/.test(name))
      .sort();
    out.push({ name: stmt.exportClause.name.text, classes });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

function symbolOf(name: string, found: Found, constructs: ReadonlySet<string>): ApiSymbol {
  const { node, sf } = found;
  const file = path.relative(ROOT, sf.fileName).split(path.sep).join("/");
  const doc = docOf(found.via ? [found.via] : [node]);
  const own = docOf([node]);
  const merged: ApiDoc = found.via && !doc.summary ? own : doc;
  if (found.namespaceOf) {
    return {
      name,
      kind: "namespace",
      file,
      signature: `namespace ${name}`,
      doc: merged,
      members: [],
      namespaces: namespaceContents(found.namespaceOf),
    };
  }
  if (ts.isClassDeclaration(node)) {
    const ctor = node.members.find(ts.isConstructorDeclaration);
    const isConstruct = constructs.has(name);
    const ctorText =
      ctor && !hasModifier(ctor, ts.SyntaxKind.PrivateKeyword) ? `new ${name}(${params(sf, ctor.parameters)})` : "";
    return {
      name,
      kind: isConstruct ? "construct" : "class",
      file,
      signature: [`class ${name}${heritage(sf, node) ? ` ${heritage(sf, node)}` : ""}`, ctorText]
        .filter(Boolean)
        .join("\n"),
      doc: merged,
      // Generated bindings: the signature, the TSDoc and the config interface say what a user needs.
      members: GENERATED.test(file) ? [] : classMembers(sf, node),
    };
  }
  if (ts.isInterfaceDeclaration(node)) {
    const h = heritage(sf, node);
    return {
      name,
      kind: "interface",
      file,
      signature: `interface ${name}${h ? ` ${h}` : ""}`,
      doc: merged,
      members: interfaceMembers(sf, node),
    };
  }
  if (ts.isFunctionDeclaration(node)) {
    return {
      name,
      kind: "function",
      file,
      signature: `function ${name}(${params(sf, node.parameters)}): ${typeText(sf, node.type, "void")}`,
      doc: merged,
      members: [],
    };
  }
  if (ts.isTypeAliasDeclaration(node)) {
    return {
      name,
      kind: "type",
      file,
      signature: `type ${name} = ${clean(node.type.getText(sf))}`,
      doc: merged,
      members: ts.isTypeLiteralNode(node.type) ? interfaceMembers(sf, node.type) : [],
    };
  }
  if (ts.isEnumDeclaration(node)) {
    return {
      name,
      kind: "enum",
      file,
      signature: `enum ${name} { ${node.members.map((m) => m.name.getText(sf)).join(", ")} }`,
      doc: merged,
      members: [],
    };
  }
  const v = node as ts.VariableDeclaration;
  // A variable's TSDoc sits on its statement.
  const statementDoc = docOf([v.parent.parent]);
  return {
    name,
    kind: "constant",
    file,
    signature: v.type
      ? `const ${name}: ${typeText(sf, v.type)}`
      : v.initializer && (ts.isStringLiteral(v.initializer) || ts.isNumericLiteral(v.initializer))
        ? `const ${name} = ${v.initializer.getText(sf)}`
        : `const ${name}`,
    doc: found.via ? merged : statementDoc,
    members: [],
  };
}

/** The public API of every entry point, read from the sources under `root`. */
export function collectApi(root: string = ROOT): ApiEntry[] {
  sources.clear();
  return ENTRY_POINTS.map((entry) => {
    const found = declarationsOf(path.join(root, `${entry.source}.ts`));
    // A class is a construct when it extends Construct, TerraformStack or a provider, directly or through
    // another class the entry point exports.
    const classes = new Map<string, string | undefined>();
    for (const [name, f] of found) {
      if (ts.isClassDeclaration(f.node)) classes.set(name, extendsName(f.sf, f.node));
    }
    const isConstruct = (name: string, seen = new Set<string>()): boolean => {
      const base = classes.get(name);
      if (base === undefined || seen.has(name)) return false;
      seen.add(name);
      return CONSTRUCT_BASES.has(base) || isConstruct(base, seen);
    };
    const constructs = new Set([...classes.keys()].filter((n) => isConstruct(n)));
    const symbols = [...found.entries()]
      .map(([name, f]) => symbolOf(name, f, constructs))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { entry, symbols };
  });
}

const SECTIONS: readonly { readonly kind: ApiSymbol["kind"]; readonly title: string }[] = [
  { kind: "construct", title: "Constructs" },
  { kind: "class", title: "Classes" },
  { kind: "namespace", title: "Namespaces" },
  { kind: "function", title: "Functions" },
  { kind: "interface", title: "Interfaces" },
  { kind: "type", title: "Types" },
  { kind: "enum", title: "Enums" },
  { kind: "constant", title: "Constants" },
];

const cell = (text: string): string => clean(text).replace(/\|/g, "\\|");

/** `{@link X}`, `{@link X | text}` and `{@link url text}` as code spans or Markdown links. */
const inline = (text: string): string =>
  text.replace(/\{@link\s+([^}|\s]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g, (_, target: string, label: string) => {
    const text = label.trim();
    if (/^https?:/.test(target)) return text ? `[${text}](${target})` : `<${target}>`;
    return `\`${text || target}\``;
  });

function renderDoc(doc: ApiDoc, lines: string[]): void {
  if (doc.deprecated !== undefined) lines.push(`**Deprecated.** ${inline(doc.deprecated)}`, "");
  if (doc.summary) lines.push(inline(doc.summary), "");
  for (const see of doc.see) lines.push(`See: ${inline(see)}`, "");
  for (const example of doc.examples) lines.push("```ts", example, "```", "");
}

function memberTable(members: readonly ApiMember[], withDefault: boolean): string[] {
  if (members.length === 0) return [];
  const lines = withDefault
    ? ["| Name | Type | Default | Description |", "| --- | --- | --- | --- |"]
    : ["| Name | Type | Description |", "| --- | --- | --- |"];
  for (const m of members) {
    const name = `\`${m.name}${m.optional ? "?" : ""}\``;
    const type = `\`${cell(m.signature)}\``;
    const description = cell(inline(m.doc.summary));
    lines.push(
      withDefault
        ? `| ${name} | ${type} | ${m.doc.defaultValue ? cell(inline(m.doc.defaultValue)) : m.optional ? "-" : "required"} | ${description} |`
        : `| ${name} | ${type} | ${description} |`,
    );
  }
  return [...lines, ""];
}

function renderSymbol(s: ApiSymbol, lines: string[]): void {
  // Signatures as code spans: every ```ts block of the document is an example that compiles.
  lines.push(`#### ${s.name}`, "", ...s.signature.split("\n").flatMap((l) => [`\`${l}\``, ""]));
  renderDoc(s.doc, lines);
  if (s.namespaces) {
    lines.push("| Namespace | Classes |", "| --- | --- |");
    for (const ns of s.namespaces) {
      lines.push(`| \`${s.name}.${ns.name}\` | ${ns.classes.map((c) => `\`${c}\``).join(", ")} |`);
    }
    lines.push("");
  }
  const callable = s.members.filter((m) => m.kind !== "property");
  const properties = s.members.filter((m) => m.kind === "property");
  if (s.kind === "interface" || s.kind === "type") {
    lines.push(...memberTable(properties, true));
  } else if (properties.length > 0) {
    lines.push(...memberTable(properties, false));
  }
  for (const m of callable) {
    const prefix = m.kind === "method" ? "" : `${s.name}.`;
    lines.push(`- \`${prefix}${cell(m.signature)}\`${m.kind === "factory" ? " (factory)" : ""}`);
    if (m.doc.summary) lines.push(`  ${cell(inline(m.doc.summary))}`);
    for (const example of m.doc.examples) {
      lines.push("", "  ```ts", ...example.split("\n").map((l) => (l ? `  ${l}` : "")), "  ```");
    }
  }
  if (callable.length > 0) lines.push("");
}

/** The Markdown reference. */
export function renderApiDoc(api: readonly ApiEntry[] = collectApi()): string {
  const lines = [
    "# API reference",
    "",
    "<!-- Generated by bin/gen-api-doc.ts from the TSDoc of the package's entry points. Do not edit by hand: run `npm run docs:api`. -->",
    `<!-- snippet-context-default: ${EXAMPLE_CONTEXT} -->`,
    "",
    "The package has three entry points; import from these only (deep imports are blocked by its `exports` map):",
    "",
    "| Import from | What it holds |",
    "| --- | --- |",
    ...api.map((a) => `| [\`${a.entry.specifier}\`](#${anchor(a.entry.specifier)}) | ${a.entry.summary} |`),
    "",
    "Examples are fragments of a cdktf program. They import what they use, except four values they take",
    "as given: `app` (the `App`), `stack` (a `TerraformStack` holding an `AwsProvider` and a",
    "`ConfluentProvider`), `cluster` (a prod `MskCluster` with IAM authentication and an `owner`) and `confluentCluster`",
    "(a prod Dedicated `ConfluentCluster` with PrivateLink). Every example compiles against the packed",
    "package under the `cdktf init` tsconfig, and runs and synthesizes in `npm test`.",
    "",
  ];
  for (const a of api) {
    lines.push(`## ${a.entry.specifier}`, "", `${a.entry.summary[0].toUpperCase()}${a.entry.summary.slice(1)}.`, "");
    for (const section of SECTIONS) {
      const symbols = a.symbols.filter((s) => s.kind === section.kind);
      if (symbols.length === 0) continue;
      lines.push(`### ${section.title}`, "");
      for (const s of symbols) renderSymbol(s, lines);
    }
  }
  return (
    lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, "")
    .replace(/ /g, "-");
}

function main(argv: readonly string[]): number {
  const expected = renderApiDoc();
  if (argv.includes("--check")) {
    const actual = fs.existsSync(API_DOC_PATH) ? fs.readFileSync(API_DOC_PATH, "utf8") : "";
    if (actual === expected) return 0;
    process.stderr.write("docs/API.md is stale: run `npm run docs:api` and commit the result\n");
    return 1;
  }
  fs.writeFileSync(API_DOC_PATH, expected);
  process.stdout.write(`wrote ${path.relative(process.cwd(), API_DOC_PATH)}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
