/**
 * Turns a synthesized cdktf document into a plain-cdktf program that declares the same resources
 * with the typed provider-aws L1 classes (deep imports), references as attribute getters, the way a
 * team would write them by hand without this library. The benchmark times both programs.
 */

interface Doc {
  readonly provider?: Record<string, unknown[]>;
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, { type?: string; description?: string }>;
  readonly output?: Record<string, { value: unknown; description?: string }>;
}

const MAP_KEYS = new Set(["tags", "tags_all"]);

function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function pascal(s: string): string {
  const c = camel(s);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** Where the L1 class of a resource type lives: provider-aws, or the library's generated bindings. */
function moduleOf(type: string, data: boolean): { path: string; cls: string } {
  const [provider, ...rest] = type.split("_");
  const bare = rest.join("_");
  const file = (data ? `data-${provider}-${bare}` : bare).replace(/_/g, "-");
  const cls = data ? `Data${pascal(provider)}${pascal(bare)}` : pascal(bare);
  const root = provider === "aws" ? "@cdktf/provider-aws/lib" : `./js/lib/providers/${provider}`;
  return { path: `${root}/${file}`, cls };
}

/** Generates a CommonJS module exporting `build(app, suffix)` that declares the document's stack. */
export function generateL1Program(doc: Doc, stackId: string): string {
  const imports = new Map<string, string>();
  const vars = new Map<string, string>();
  const lines: string[] = [];
  const use = (path: string, cls: string): string => {
    const key = `${path}#${cls}`;
    if (!imports.has(key)) imports.set(key, `${cls}_${imports.size}`);
    return imports.get(key)!;
  };
  const variableTypes = doc.variable ?? {};

  const ref = (expr: string): string | undefined => {
    const m = /^\$\{([a-z0-9_.-]+)\}$/i.exec(expr);
    if (!m) return undefined;
    const parts = m[1].split(".");
    if (parts[0] === "var" && parts.length === 2) {
      const v = vars.get(`var.${parts[1]}`);
      const t = variableTypes[parts[1]]?.type ?? "string";
      if (!v) return undefined;
      return t.startsWith("list") ? `${v}.listValue` : t === "number" ? `${v}.numberValue` : `${v}.stringValue`;
    }
    const key = parts[0] === "data" ? parts.slice(0, 3).join(".") : parts.slice(0, 2).join(".");
    const attr = parts[0] === "data" ? parts[3] : parts[2];
    const v = vars.get(key);
    if (!v || !attr || parts.length > (parts[0] === "data" ? 4 : 3)) return undefined;
    return `${v}.${camel(attr)}`;
  };

  const render = (value: unknown, keepKeys = false): string => {
    if (typeof value === "string") return ref(value) ?? JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((v) => render(v)).join(", ")}]`;
    if (value && typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => k !== "//");
      return `{ ${entries
        .map(([k, v]) => `${JSON.stringify(keepKeys ? k : camel(k))}: ${render(v, MAP_KEYS.has(k))}`)
        .join(", ")} }`;
    }
    return JSON.stringify(value);
  };

  // Data-plane stacks are named after their control plane (`<id>-data`): keep the copy suffix before "-data".
  const stackName = stackId.endsWith("-data")
    ? `${JSON.stringify(stackId.slice(0, -5))} + suffix + "-data"`
    : `${JSON.stringify(stackId)} + suffix`;
  lines.push(`  const stack = new TerraformStack(app, ${stackName});`);
  const providerClasses: Record<string, [string, string]> = {
    aws: ["@cdktf/provider-aws/lib/provider", "AwsProvider"],
    kafka: ["./js/lib/providers/kafka/provider", "KafkaProvider"],
    confluent: ["./js/lib/providers/confluent/provider", "ConfluentProvider"],
  };
  for (const [name, configs] of Object.entries(doc.provider ?? {})) {
    const [path, cls] = providerClasses[name];
    const alias = use(path, cls);
    for (const cfg of configs as Record<string, unknown>[])
      lines.push(`  new ${alias}(stack, ${JSON.stringify(name)}, ${render(cfg)});`);
  }
  for (const [name, v] of Object.entries(variableTypes)) {
    const id = `v${vars.size}`;
    vars.set(`var.${name}`, id);
    lines.push(`  const ${id} = new TerraformVariable(stack, ${JSON.stringify(name)}, ${render(v)});`);
  }
  for (const [type, byName] of Object.entries(doc.data ?? {})) {
    if (type === "terraform_remote_state") {
      for (const [name, cfg] of Object.entries(byName)) {
        const path = (cfg as { config: { path: string } }).config.path;
        lines.push(
          `  new DataTerraformRemoteStateLocal(stack, ${JSON.stringify(name)}, { path: ${JSON.stringify(path)} });`,
        );
      }
      continue;
    }
    const { path, cls } = moduleOf(type, true);
    const alias = use(path, cls);
    for (const [name, cfg] of Object.entries(byName)) {
      const id = `d${vars.size}`;
      vars.set(`data.${type}.${name}`, id);
      lines.push(`  const ${id} = new ${alias}(stack, ${JSON.stringify(name)}, ${render(cfg)});`);
    }
  }
  // Declare resources in dependency order: a resource after everything its full-string references name.
  const pending = Object.entries(doc.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, cfg]) => ({ type, name, cfg, deps: JSON.stringify(cfg) })),
  );
  while (pending.length > 0) {
    const i = pending.findIndex((p) => pending.every((o) => o === p || !p.deps.includes(`\${${o.type}.${o.name}.`)));
    const next = pending.splice(i >= 0 ? i : 0, 1)[0];
    const { path, cls } = moduleOf(next.type, false);
    const alias = use(path, cls);
    const id = `r${vars.size}`;
    vars.set(`${next.type}.${next.name}`, id);
    lines.push(`  const ${id} = new ${alias}(stack, ${JSON.stringify(next.name)}, ${render(next.cfg)});`);
    lines.push(`  ${id}.overrideLogicalId(${JSON.stringify(next.name)});`);
  }
  for (const [name, o] of Object.entries(doc.output ?? {})) {
    lines.push(`  new TerraformOutput(stack, ${JSON.stringify(name)}, ${render(o)});`);
  }
  lines.push("  return stack;");

  const header = [
    '"use strict";',
    'const { TerraformStack, TerraformVariable, TerraformOutput, DataTerraformRemoteStateLocal } = require("cdktf");',
    ...[...imports.entries()].map(([key, alias]) => {
      const [path, cls] = key.split("#");
      return `const ${alias} = require(${JSON.stringify(path)}).${cls};`;
    }),
    "exports.build = function build(app, suffix) {",
  ];
  return [...header, ...lines, "};", ""].join("\n");
}
