/**
 * Turns the synthesized documents of an app (every stack) into one plain-cdktf program that declares
 * the same Terraform with the typed L1 classes (provider-aws by deep import, the library's generated
 * Confluent and Kafka bindings), the way a team would write it by hand without this library:
 *
 * - statements in small functions (at most `chunkSize` blocks each), called from a loop over a list,
 *   so that no function is large: cdktf captures a stack trace for every token it creates, and V8's
 *   cost per captured frame grows with the size of the frame's function;
 * - references as attribute getters (`cluster.arn`), `Fn.*` calls for Terraform functions,
 *   `dependsOn` and `provider` as objects, map attributes (`tags`, `config`, `dimensions`…) with their
 *   keys as written;
 * - references between stacks as plain object references, so that cdktf creates the cross-stack
 *   outputs and remote-state reads itself, for whatever stack names the program is given;
 * - declarations in dependency order, found with a topological sort (linear in the size of the
 *   documents).
 *
 * The generated program exports `build(app, suffix)`; stack `<name>` becomes `<name><suffix>`, and a
 * data-plane stack `<name>-data` becomes `<name><suffix>-data`, as the library names them.
 */
import * as fs from "fs";
import { Fn } from "cdktf";
import { Expr, parseExpression, splitInterpolations } from "./hcl-expression";

/** A synthesized cdktf document (`cdk.tf.json`). */
export interface Doc {
  readonly provider?: Record<string, unknown[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly ephemeral?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, Record<string, unknown>>;
  readonly output?: Record<string, Record<string, unknown>>;
  readonly [key: string]: unknown;
}

/** One stack of the app: its name and synthesized document. */
export interface StackInput {
  readonly name: string;
  readonly doc: Doc;
}

/** Options of {@link generateL1App}. */
export interface CodegenOptions {
  /**
   * `require` path, as seen from the generated program, of the folder holding the library's generated
   * provider bindings (`<root>/kafka/topic`, `<root>/confluent/api-key`…).
   */
  readonly providerRoot: string;
  /**
   * Absolute file of a `require` path used by the program (to load the class and read its source, which
   * tells which attributes are maps).
   */
  readonly resolveModule: (requirePath: string) => string;
  /** Blocks declared per generated function. @default 20 */
  readonly chunkSize?: number;
}

/** The top-level keys of a document the generator understands. */
const HANDLED_TOP_LEVEL = new Set([
  "//",
  "terraform",
  "provider",
  "variable",
  "data",
  "resource",
  "ephemeral",
  "output",
]);

/** Terraform functions translated to `Fn.<name>(…)`: fixed arity, same argument order in cdktf. */
const FUNCTIONS = new Set([
  "replace",
  "split",
  "join",
  "jsonencode",
  "lower",
  "upper",
  "element",
  "lookup",
  "base64encode",
  "trimspace",
  "tolist",
  "toset",
  "length",
  "keys",
  "values",
  "substr",
  "tostring",
]);

const PROVIDER_CLASSES: Record<string, (root: string) => [string, string]> = {
  aws: () => ["@cdktf/provider-aws/lib/provider", "AwsProvider"],
  kafka: (root) => [`${root}/kafka/provider`, "KafkaProvider"],
  confluent: (root) => [`${root}/confluent/provider`, "ConfluentProvider"],
};

/** camelCase of a Terraform (snake_case) name, as the cdktf bindings name their properties. */
export function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function pascal(s: string): string {
  const c = camel(s);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Where the L1 class of a resource or data type lives, and its name. */
export function moduleOf(type: string, data: boolean, providerRoot: string): { path: string; cls: string } {
  const [provider, ...rest] = type.split("_");
  const bare = rest.join("_");
  const file = (data ? `data-${provider}-${bare}` : bare).replace(/_/g, "-");
  const cls = data ? `Data${pascal(provider)}${pascal(bare)}` : pascal(bare);
  const root = provider === "aws" ? "@cdktf/provider-aws/lib" : `${providerRoot}/${provider}`;
  return { path: `${root}/${file}`, cls };
}

/** Attributes (snake_case) that a binding module renders as maps: their keys are written as given. */
export function mapAttributes(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/([a-z0-9_]+): cdktf\.hashMapper\(/g)) out.add(m[1]);
  return out;
}

/** A block of a stack: a resource or a data source. */
interface Node {
  readonly kind: "resource" | "data";
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  /** `type.name` or `data.type.name`. */
  readonly address: string;
  /** Index in the program's registry `R`. */
  id: number;
}

/** Addresses (`type.name`, `data.type.name`) a block refers to, in its `${…}` expressions and `depends_on`. */
function referencedAddresses(body: unknown, known: ReadonlyMap<string, Node>, out: Set<string>): void {
  if (typeof body === "string") {
    if (!body.includes("${")) return;
    for (const m of body.matchAll(/(?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+/g)) {
      if (known.has(m[0])) out.add(m[0]);
    }
    return;
  }
  if (Array.isArray(body)) {
    for (const v of body) referencedAddresses(v, known, out);
    return;
  }
  if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body)) {
      if (k === "//") continue;
      if (k === "depends_on" && Array.isArray(v)) {
        for (const d of v) {
          const address = typeof d === "string" ? d.replace(/^\$\{(.*)\}$/, "$1") : undefined;
          if (address !== undefined && known.has(address)) out.add(address);
        }
        continue;
      }
      referencedAddresses(v, known, out);
    }
  }
}

/**
 * Orders blocks so that each comes after every block it refers to (Kahn's algorithm: linear in
 * blocks + references). Blocks with no order between them keep their document order.
 */
export function topologicalOrder<T>(items: readonly T[], dependencies: (item: T) => Iterable<T>): T[] {
  const index = new Map(items.map((x, i) => [x, i]));
  const indegree = new Array<number>(items.length).fill(0);
  const dependents: number[][] = items.map(() => []);
  items.forEach((item, i) => {
    for (const d of new Set(dependencies(item))) {
      const j = index.get(d);
      if (j === undefined || j === i) continue;
      indegree[i]++;
      dependents[j].push(i);
    }
  });
  // A queue in document order: a min-heap is not needed for a valid order, and FIFO keeps it stable.
  const queue: number[] = [];
  indegree.forEach((d, i) => d === 0 && queue.push(i));
  const out: T[] = [];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    out.push(items[i]);
    for (const j of dependents[i]) if (--indegree[j] === 0) queue.push(j);
  }
  if (out.length !== items.length) throw new Error("l1-codegen: the blocks refer to each other in a cycle");
  return out;
}

/** Renders JavaScript source for a string with the given parts, as a template literal. */
function templateLiteral(parts: readonly ({ text: string } | { js: string })[]): string {
  return (
    "`" +
    parts
      .map((p) =>
        "text" in p ? p.text.replace(/\\/g, "\\\\").replace(/`/g, "\\`").replace(/\$\{/g, "\\${") : "${" + p.js + "}",
      )
      .join("") +
    "`"
  );
}

/** Generates the plain-cdktf program of an app's stacks (see the module comment). */
export function generateL1App(stacks: readonly StackInput[], options: CodegenOptions): string {
  const chunkSize = options.chunkSize ?? 20;
  const imports = new Map<string, string>();
  const sourceCache = new Map<string, { maps: Set<string>; proto: object }>();
  const binding = (path: string, cls: string): { alias: string; maps: Set<string>; proto: object } => {
    const key = `${path}#${cls}`;
    if (!imports.has(key)) imports.set(key, `C${imports.size}`);
    let info = sourceCache.get(key);
    if (!info) {
      const file = options.resolveModule(path);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const ctor = (require(file) as Record<string, { prototype: object } | undefined>)[cls];
      if (!ctor) throw new Error(`l1-codegen: ${path} has no export ${cls}`);
      info = { maps: mapAttributes(fs.readFileSync(file, "utf8")), proto: ctor.prototype };
      sourceCache.set(key, info);
    }
    return { alias: imports.get(key)!, ...info };
  };

  const byName = new Map(stacks.map((s) => [s.name, s]));
  // Stacks whose outputs another stack reads through `cross-stack-reference-input-<stack>`.
  const remoteInput = (name: string): string | undefined => {
    const m = /^cross-stack-reference-input-(.+)$/.exec(name);
    return m && byName.has(m[1]) ? m[1] : undefined;
  };
  const readsFrom = (s: StackInput): string[] =>
    Object.keys(s.doc.data?.terraform_remote_state ?? {})
      .map((n) => {
        const producer = remoteInput(n);
        if (!producer) throw new Error(`l1-codegen: ${s.name} reads remote state ${n}, not from a stack of this app`);
        return producer;
      })
      .filter((p) => p !== s.name);
  const orderedStacks = topologicalOrder(stacks, (s) => readsFrom(s).map((p) => byName.get(p)!));
  // Outputs other stacks read: cdktf writes them itself when the program refers across stacks.
  const crossStackOutputs = new Set<string>();
  for (const s of stacks) {
    for (const [name, cfg] of Object.entries(s.doc.data?.terraform_remote_state ?? {})) {
      void cfg;
      const producer = remoteInput(name)!;
      for (const m of JSON.stringify(s.doc).matchAll(
        new RegExp(`data\\.terraform_remote_state\\.${name}\\.outputs\\.([A-Za-z0-9_-]+)`, "g"),
      )) {
        crossStackOutputs.add(`${producer}\u0000${m[1]}`);
      }
    }
  }

  // Registry of every declared block of every stack: `stack\0address` → node.
  const registry = new Map<string, Node>();
  let nextId = 0;
  const functions: string[] = [];
  const stackCalls: string[] = [];

  for (const [si, stack] of orderedStacks.entries()) {
    const doc = stack.doc;
    for (const key of Object.keys(doc)) {
      if (!HANDLED_TOP_LEVEL.has(key))
        throw new Error(`l1-codegen: ${stack.name}: unsupported top-level block "${key}"`);
    }
    const nodes: Node[] = [];
    for (const [type, byN] of Object.entries(doc.data ?? {})) {
      if (type === "terraform_remote_state") continue;
      for (const [name, body] of Object.entries(byN)) {
        nodes.push({ kind: "data", type, name, body, address: `data.${type}.${name}`, id: -1 });
      }
    }
    for (const [type, byN] of Object.entries(doc.resource ?? {})) {
      for (const [name, body] of Object.entries(byN)) {
        nodes.push({ kind: "resource", type, name, body, address: `${type}.${name}`, id: -1 });
      }
    }
    const local = new Map(nodes.map((n) => [n.address, n]));
    for (const n of nodes) {
      n.id = nextId++;
      registry.set(`${stack.name}\u0000${n.address}`, n);
    }
    const variableTypes = new Map<string, string>();
    const providerVars = new Map<string, string>();

    /** JavaScript for a reference (`a.b.c`), or undefined when it is not one the program can name. */
    const traversal = (parts: readonly string[], inString: boolean): string | undefined => {
      if (parts[0] === "var" && parts.length === 2 && variableTypes.has(parts[1])) {
        const t = variableTypes.get(parts[1])!;
        const v = `V.${camel(parts[1].replace(/-/g, "_"))}`;
        if (inString) return `${v}.stringValue`;
        return t.startsWith("list") || t.startsWith("set")
          ? `${v}.listValue`
          : t === "number"
            ? `${v}.numberValue`
            : `${v}.stringValue`;
      }
      if (parts[0] === "data" && parts[1] === "terraform_remote_state") {
        const producer = remoteInput(parts[2]);
        if (!producer || parts[3] !== "outputs" || parts.length !== 5) return undefined;
        const out = byName.get(producer)!.doc.output?.[parts[4]];
        const value = typeof out?.value === "string" ? /^\$\{([^}]+)\}$/.exec(out.value) : null;
        const target = value ? parseExpression(value[1]) : undefined;
        if (!target || target.kind !== "traversal") return undefined;
        return resolveNode(producer, target.parts, inString);
      }
      if (parts[0] === "ephemeral") return `E(stack, ${JSON.stringify(parts.join("."))})`;
      return resolveNode(stack.name, parts, inString);
    };
    const resolveNode = (stackName: string, parts: readonly string[], _inString: boolean): string | undefined => {
      const isData = parts[0] === "data";
      const address = parts.slice(0, isData ? 3 : 2).join(".");
      const attr = parts.slice(isData ? 3 : 2);
      const node = registry.get(`${stackName}\u0000${address}`);
      if (!node || attr.length !== 1) return undefined;
      const { path, cls } = moduleOf(node.type, node.kind === "data", options.providerRoot);
      const { proto } = binding(path, cls);
      const getter = camel(attr[0]);
      if (!(getter in proto)) return undefined;
      return `R[${node.id}].${getter}`;
    };
    /** JavaScript for an expression, or undefined when outside the supported subset. */
    const expression = (e: Expr, inString: boolean): string | undefined => {
      switch (e.kind) {
        case "string":
          return JSON.stringify(e.value);
        case "number":
        case "bool":
          return JSON.stringify(e.value);
        case "null":
          return "null";
        case "traversal":
          return traversal(e.parts, inString);
        case "tuple": {
          const items = e.items.map((x) => expression(x, false));
          return items.every((x) => x !== undefined) ? `[${items.join(", ")}]` : undefined;
        }
        case "object": {
          const entries = e.entries.map(([k, v]) => [k, expression(v, false)] as const);
          return entries.every(([, v]) => v !== undefined)
            ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(", ")} }`
            : undefined;
        }
        case "call": {
          if (!FUNCTIONS.has(e.name) || typeof (Fn as unknown as Record<string, unknown>)[e.name] !== "function") {
            return undefined;
          }
          const args = e.args.map((x) => expression(x, false));
          return args.every((x) => x !== undefined) ? `Fn.${e.name}(${args.join(", ")})` : undefined;
        }
      }
    };
    const crossesStacks = (source: string): boolean => source.includes("data.terraform_remote_state.");
    const renderString = (s: string): string => {
      const parts = splitInterpolations(s);
      if (parts.every((p) => "text" in p)) return JSON.stringify(s);
      const js = parts.map((p) => {
        if ("text" in p) return p;
        const e = parseExpression(p.expr);
        const whole = parts.length === 1;
        const out = e ? expression(e, !whole) : undefined;
        if (out === undefined && crossesStacks(p.expr)) {
          throw new Error(`l1-codegen: ${stack.name}: cannot translate cross-stack expression \${${p.expr}}`);
        }
        return out === undefined ? { text: "${" + p.expr + "}" } : { js: out };
      });
      if (js.length === 1 && "js" in js[0]) return js[0].js;
      return js.every((p) => "text" in p) ? JSON.stringify(s) : templateLiteral(js);
    };
    const render = (value: unknown, maps: ReadonlySet<string>, verbatim: boolean): string => {
      if (typeof value === "string") return renderString(value);
      if (Array.isArray(value)) return `[${value.map((v) => render(v, maps, verbatim)).join(", ")}]`;
      if (value && typeof value === "object") {
        const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== "//");
        return `{ ${entries
          .map(([k, v]) => `${JSON.stringify(verbatim ? k : camel(k))}: ${render(v, maps, verbatim || maps.has(k))}`)
          .join(", ")} }`;
      }
      return JSON.stringify(value);
    };
    const providerRef = (p: unknown): string => {
      const v = typeof p === "string" ? providerVars.get(p) : undefined;
      if (!v) throw new Error(`l1-codegen: ${stack.name}: unknown provider ${JSON.stringify(p)}`);
      return v;
    };
    /** Config of a block: Terraform's arguments as the L1 class takes them. */
    const renderBody = (body: Record<string, unknown>, maps: ReadonlySet<string>, after: string[] = []): string => {
      const entries: string[] = [];
      for (const [k, v] of Object.entries(body)) {
        if (k === "//") continue;
        if (k === "provider") entries.push(`provider: ${providerRef(v)}`);
        else if (k === "depends_on") {
          // cdktf writes `dependsOn: [resource]` as "type.name"; a dependency given as the
          // resource's `fqn` string (as the library does) is written as "${type.name}": keep each form.
          const refs = (v as string[]).map((d) => {
            const wrapped = /^\$\{(.*)\}$/.exec(d);
            const n = local.get(wrapped ? wrapped[1] : d);
            if (!n) throw new Error(`l1-codegen: ${stack.name}: depends_on ${d} is not a block of this stack`);
            return { wrapped: wrapped !== null, id: n.id };
          });
          if (refs.every((r) => !r.wrapped)) entries.push(`dependsOn: [${refs.map((r) => `R[${r.id}]`).join(", ")}]`);
          else if (refs.every((r) => r.wrapped))
            after.push(`dependsOn = [${refs.map((r) => `R[${r.id}].fqn`).join(", ")}]`);
          else throw new Error(`l1-codegen: ${stack.name}: depends_on mixes "type.name" and "\${type.name}"`);
        } else if (["count", "for_each", "provisioner", "connection"].includes(k)) {
          throw new Error(`l1-codegen: ${stack.name}: meta-argument "${k}" is not supported`);
        } else entries.push(`${JSON.stringify(camel(k))}: ${render(v, maps, maps.has(k))}`);
      }
      return `{ ${entries.join(", ")} }`;
    };

    const head: string[] = [];
    head.push(`  const stack = new TerraformStack(app, stackId(${JSON.stringify(stack.name)}, suffix));`);
    head.push("  const V = {};");
    for (const [name, v] of Object.entries(doc.variable ?? {})) {
      variableTypes.set(name, typeof v.type === "string" ? v.type : "string");
      head.push(
        `  V.${camel(name.replace(/-/g, "_"))} = new TerraformVariable(stack, ${JSON.stringify(name)}, ${render(v, new Set(), false)});`,
      );
    }
    let providerCount = 0;
    for (const [name, configs] of Object.entries(doc.provider ?? {})) {
      const locate = PROVIDER_CLASSES[name];
      if (!locate) throw new Error(`l1-codegen: ${stack.name}: unsupported provider "${name}"`);
      const { alias, maps } = binding(...locate(options.providerRoot));
      for (const cfg of configs as Record<string, unknown>[]) {
        const v = `P${providerCount++}`;
        const ref = typeof cfg.alias === "string" ? `${name}.${cfg.alias}` : name;
        providerVars.set(ref, v);
        head.push(
          `  const ${v} = new ${alias}(stack, ${JSON.stringify(`${name}-${providerCount}`)}, ${renderBody(cfg, maps)});`,
        );
      }
    }
    const providerArgs = [...providerVars.values()];
    for (const [type, byN] of Object.entries(doc.ephemeral ?? {})) {
      for (const [name, body] of Object.entries(byN)) {
        const { "//": _comment, ...rest } = body;
        void _comment;
        head.push(`  stack.addOverride(${JSON.stringify(`ephemeral.${type}.${name}`)}, ${JSON.stringify(rest)});`);
      }
    }

    // Declarations in dependency order, in small functions.
    const ordered = topologicalOrder(nodes, (n) => {
      const refs = new Set<string>();
      referencedAddresses(n.body, local, refs);
      return [...refs].map((a) => local.get(a)!);
    });
    const constructIds = new Set<string>();
    const chunkNames: string[] = [];
    for (let c = 0; c < ordered.length; c += chunkSize) {
      const fname = `s${si}_${chunkNames.length}`;
      chunkNames.push(fname);
      const body: string[] = [];
      for (const n of ordered.slice(c, c + chunkSize)) {
        const { path, cls } = moduleOf(n.type, n.kind === "data", options.providerRoot);
        const { alias, maps } = binding(path, cls);
        // A top-level construct id is the block's logical id as is; a second block of the same name
        // (another type) needs another id and an explicit logical id.
        const id = constructIds.has(n.name) ? `${n.type}.${n.name}` : n.name;
        constructIds.add(id);
        const after: string[] = [];
        body.push(`  R[${n.id}] = new ${alias}(stack, ${JSON.stringify(id)}, ${renderBody(n.body, maps, after)});`);
        if (id !== n.name) body.push(`  R[${n.id}].overrideLogicalId(${JSON.stringify(n.name)});`);
        for (const a of after) body.push(`  R[${n.id}].${a};`);
      }
      functions.push(`function ${fname}(stack, R, ${["V", ...providerArgs].join(", ")}) {\n${body.join("\n")}\n}`);
    }
    const tail: string[] = [];
    for (const [name, o] of Object.entries(doc.output ?? {})) {
      if (crossStackOutputs.has(`${stack.name}\u0000${name}`)) continue;
      tail.push(`  new TerraformOutput(stack, ${JSON.stringify(name)}, ${render(o, new Set(), false)});`);
    }
    functions.push(`const CHUNKS_${si} = [${chunkNames.join(", ")}];`);
    functions.push(
      [
        `function stack${si}(app, suffix, R) {`,
        ...head,
        `  for (const chunk of CHUNKS_${si}) chunk(stack, R, ${["V", ...providerArgs].join(", ")});`,
        ...tail,
        "  return stack;",
        "}",
      ].join("\n"),
    );
    stackCalls.push(`  stack${si}(app, suffix, R);`);
  }

  const header = [
    '"use strict";',
    'const { TerraformStack, TerraformVariable, TerraformOutput, Fn, Token, ref } = require("cdktf");',
    ...[...imports.entries()].map(([key, alias]) => {
      const [path, cls] = key.split("#");
      return `const ${alias} = require(${JSON.stringify(path)}).${cls};`;
    }),
    "/** A reference to an attribute of an ephemeral block (cdktf has no class for those). */",
    "function E(stack, expression) {",
    "  return Token.asString(ref(expression, stack));",
    "}",
    "/** Stack names as the library gives them: `<name><suffix>`, and `<name><suffix>-data` for a data plane. */",
    "function stackId(name, suffix) {",
    '  return name.endsWith("-data") ? name.slice(0, -5) + suffix + "-data" : name + suffix;',
    "}",
  ];
  const footer = ["exports.build = function build(app, suffix) {", "  const R = [];", ...stackCalls, "};", ""];
  return [...header, ...functions, ...footer].join("\n");
}
