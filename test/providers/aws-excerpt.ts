/**
 * Checks of synthesized Terraform JSON against lib/providers/schema/aws-excerpt.json (the hashicorp/aws 6.25.0
 * schema of the ephemeral resources the library emits): pure functions from a document to the problems
 * found, used on the examples (test/examples/examples.test.ts) and on unit fixtures and tampered documents
 * (test/providers/aws-excerpt.test.ts).
 */
import * as fs from "fs";
import * as path from "path";

/** One attribute of a `terraform providers schema -json` block. */
export interface SchemaAttribute {
  readonly type: string | readonly unknown[];
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly write_only?: boolean;
}

type Attributes = Readonly<Record<string, SchemaAttribute>>;

const EXCERPT_FILE = path.join(__dirname, "..", "..", "lib", "providers", "schema", "aws-excerpt.json");

/** The parsed excerpt. */
export const AWS_EXCERPT = JSON.parse(fs.readFileSync(EXCERPT_FILE, "utf8"));

const AWS = AWS_EXCERPT.provider_schemas["registry.terraform.io/hashicorp/aws"];

/** Attributes of the ephemeral resource types of the excerpt, by type. */
export const EPHEMERAL_SCHEMAS: Readonly<Record<string, Attributes>> = Object.fromEntries(
  Object.entries<any>(AWS.ephemeral_resource_schemas).map(([t, s]) => [t, s.block.attributes]),
);

/** Attributes of the resource types of the excerpt, by type. */
export const RESOURCE_SCHEMAS: Readonly<Record<string, Attributes>> = Object.fromEntries(
  Object.entries<any>(AWS.resource_schemas).map(([t, s]) => [t, s.block.attributes]),
);

/** Meta-arguments Terraform accepts in an `ephemeral` block besides the schema's arguments. */
const META_ARGUMENTS = new Set(["provider", "depends_on", "count", "for_each", "lifecycle"]);

/** `ephemeral.<type>.<name>.<attribute>` inside an expression. */
const EPHEMERAL_REF = /\bephemeral\.([\w-]+)\.([\w-]+)\.([\w-]+)/g;

/** A string that is one whole Terraform expression, `${…}`: its type is only known to Terraform. */
const isExpression = (v: unknown): boolean => typeof v === "string" && /^\$\{[\s\S]*\}$/.test(v);

function typeProblem(value: unknown, type: SchemaAttribute["type"]): string | undefined {
  if (isExpression(value)) return undefined;
  const expected = Array.isArray(type) ? String(type[0]) : String(type);
  const ok =
    expected === "string"
      ? typeof value === "string"
      : expected === "number"
        ? typeof value === "number" && Number.isFinite(value)
        : expected === "bool"
          ? typeof value === "boolean"
          : ["list", "set"].includes(expected)
            ? Array.isArray(value)
            : expected === "map" || expected === "object"
              ? value !== null && typeof value === "object" && !Array.isArray(value)
              : false;
  return ok ? undefined : `${JSON.stringify(value)} is not a ${JSON.stringify(type)}`;
}

/**
 * Every `ephemeral` block has a type of the excerpt, only its arguments (never a computed-only attribute)
 * with compatible values, and all its required arguments; every `ephemeral.<type>.<name>.<attribute>`
 * reference anywhere in the document names a declared block and an attribute of its schema.
 */
export function ephemeralSchemaProblems(doc: any): string[] {
  const problems: string[] = [];
  const blocks: Record<string, Record<string, any>> = doc?.ephemeral ?? {};
  for (const [type, byName] of Object.entries(blocks)) {
    const schema = EPHEMERAL_SCHEMAS[type];
    if (!schema) {
      problems.push(`ephemeral.${type}: not an ephemeral resource of the excerpt`);
      continue;
    }
    for (const [name, body] of Object.entries<any>(byName)) {
      const where = `ephemeral.${type}.${name}`;
      for (const [arg, value] of Object.entries<any>(body ?? {})) {
        if (META_ARGUMENTS.has(arg)) continue;
        const a = schema[arg];
        if (!a) problems.push(`${where}.${arg}: no such argument`);
        else if (!a.required && !a.optional) problems.push(`${where}.${arg}: computed only, not an argument`);
        else {
          const wrong = typeProblem(value, a.type);
          if (wrong) problems.push(`${where}.${arg}: ${wrong}`);
        }
      }
      for (const [arg, a] of Object.entries(schema)) {
        if (a.required && (body ?? {})[arg] === undefined) problems.push(`${where}: required argument ${arg} missing`);
      }
    }
  }
  for (const text of strings(doc)) {
    for (const [ref, type, name, attribute] of text.matchAll(EPHEMERAL_REF)) {
      if (!EPHEMERAL_SCHEMAS[type]) problems.push(`${ref}: ${type} is not an ephemeral resource of the excerpt`);
      else if (blocks[type]?.[name] === undefined) problems.push(`${ref}: no ephemeral block ${type}.${name}`);
      else if (!EPHEMERAL_SCHEMAS[type][attribute]) problems.push(`${ref}: ${type} has no attribute ${attribute}`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Ephemeral values go only where Terraform accepts them: a write-only argument of a resource (`write_only`
 * in the excerpt, whose names end in `_wo`), a provider block, or another ephemeral block. Anywhere else (a
 * normal resource argument, a data source, a local, an output, a module) Terraform rejects the plan or
 * would store the value.
 */
export function ephemeralFlowProblems(doc: any): string[] {
  const problems: string[] = [];
  for (const [section, content] of Object.entries<any>(doc ?? {})) {
    if (section === "provider" || section === "ephemeral") continue;
    if (section === "resource") {
      for (const [type, byName] of Object.entries<any>(content ?? {})) {
        for (const [name, body] of Object.entries<any>(byName ?? {})) {
          for (const [arg, value] of Object.entries<any>(body ?? {})) {
            const refs = ephemeralRefs(value);
            if (refs.length === 0) continue;
            const where = `resource.${type}.${name}.${arg}`;
            if (!arg.endsWith("_wo"))
              problems.push(`${where} reads ${refs.join(", ")}: not a write-only (*_wo) argument`);
            else if (RESOURCE_SCHEMAS[type]?.[arg]?.write_only !== true)
              problems.push(`${where} reads ${refs.join(", ")}: not a write_only argument of the excerpt`);
          }
        }
      }
      continue;
    }
    const refs = ephemeralRefs(content);
    if (refs.length > 0) problems.push(`${section} reads ${refs.join(", ")}`);
  }
  return problems;
}

function ephemeralRefs(value: unknown): string[] {
  return [...new Set(strings(value).flatMap((s) => [...s.matchAll(EPHEMERAL_REF)].map((m) => m[0])))];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}
