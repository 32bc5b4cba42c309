/**
 * Compact description of a Terraform provider schema, and its conversion to the
 * `terraform providers schema -json` format (format_version 1.0).
 *
 * The tables in `confluent.ts` and `kafka.ts` list, per resource, the arguments
 * and nested blocks exactly as the providers' terraform-plugin-sdk v2 schemas
 * declare them. `toProviderSchemaJson` applies the SDK v2 lowering rules that
 * Terraform applies when it prints the schema:
 *
 * - every resource and data source gets an `id` attribute (optional + computed
 *   string) unless the table declares one itself;
 * - a resource with timeouts gets a `timeouts` block with nesting mode `single`
 *   holding one optional string per declared operation;
 * - a required nested block gets `min_items: 1`; an optional one has no
 *   `min_items`; `max_items` is written only when the provider sets a maximum;
 * - ForceNew, defaults, validation and environment defaults are not part of the
 *   format and are therefore not recorded here.
 */

/** A Terraform type expression as written in the schema JSON. */
export type TfType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | readonly [string, TfType | Readonly<Record<string, TfType>>];

/**
 * Flags of an attribute, as letters:
 * R required, O optional, C computed, S sensitive, D deprecated, W write-only.
 */
export type Flags = string;

/** `[type, flags, description]` */
export type AttributeSpec = readonly [TfType, Flags, string];

export interface BlockSpec {
  readonly description?: string;
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
  readonly blocks?: Readonly<Record<string, NestedBlockSpec>>;
}

export interface NestedBlockSpec extends BlockSpec {
  /** `list` for TypeList, `set` for TypeSet. */
  readonly nesting: "list" | "set";
  /** `R` when the argument is Required in the provider, `O` when Optional. */
  readonly flags: "R" | "O";
  /** MaxItems of the provider's schema; omitted when unlimited. */
  readonly max?: number;
}

export type TimeoutName = "create" | "read" | "update" | "delete" | "default";

export interface ResourceSpec extends BlockSpec {
  /** The resource's SchemaVersion. */
  readonly version: number;
  readonly timeouts?: readonly TimeoutName[];
}

export interface ProviderSpec {
  /** Fully qualified provider name, e.g. `registry.terraform.io/confluentinc/confluent`. */
  readonly fqpn: string;
  /** Release of the provider whose source the tables follow (informational). */
  readonly sourceVersion: string;
  readonly provider: BlockSpec;
  readonly resources: Readonly<Record<string, ResourceSpec>>;
  readonly dataSources: Readonly<Record<string, ResourceSpec>>;
}

/* ---------- JSON shapes (subset of terraform-json's ProviderSchemas) ---------- */

export interface JsonAttribute {
  type: TfType;
  description?: string;
  description_kind: "plain";
  deprecated?: true;
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
  write_only?: true;
}

export interface JsonBlock {
  attributes?: Record<string, JsonAttribute>;
  block_types?: Record<string, JsonNestedBlock>;
  description?: string;
  description_kind: "plain";
}

export interface JsonNestedBlock {
  nesting_mode: "list" | "set" | "single";
  block: JsonBlock;
  min_items?: number;
  max_items?: number;
}

export interface JsonSchemaEntry {
  version: number;
  block: JsonBlock;
}

export interface JsonProviderSchemas {
  format_version: "1.0";
  provider_schemas: Record<
    string,
    {
      provider: JsonSchemaEntry;
      resource_schemas: Record<string, JsonSchemaEntry>;
      data_source_schemas: Record<string, JsonSchemaEntry>;
    }
  >;
}

const FLAG_LETTERS = new Set(["R", "O", "C", "S", "D", "W"]);

function sortedKeys<T>(record: Readonly<Record<string, T>> | undefined): string[] {
  return Object.keys(record ?? {}).sort();
}

function attribute(where: string, spec: AttributeSpec): JsonAttribute {
  const [type, flags, description] = spec;
  for (const letter of flags) {
    if (!FLAG_LETTERS.has(letter)) throw new Error(`${where}: unknown flag '${letter}' in '${flags}'`);
  }
  const has = (letter: string): boolean => flags.includes(letter);
  if (has("R") && (has("O") || has("C")))
    throw new Error(`${where}: required attributes cannot be optional or computed`);
  if (!has("R") && !has("O") && !has("C"))
    throw new Error(`${where}: an attribute must be required, optional or computed`);
  // Key order follows Terraform's own JSON output.
  const result = { type } as JsonAttribute;
  if (description) result.description = description;
  result.description_kind = "plain";
  if (has("D")) result.deprecated = true;
  if (has("R")) result.required = true;
  if (has("O")) result.optional = true;
  if (has("C")) result.computed = true;
  if (has("S")) result.sensitive = true;
  if (has("W")) result.write_only = true;
  return result;
}

function block(
  where: string,
  spec: BlockSpec,
  extraAttributes: Record<string, JsonAttribute> = {},
  extraBlocks: Record<string, JsonNestedBlock> = {},
): JsonBlock {
  const attributes: Record<string, JsonAttribute> = {};
  const allAttributeNames = [...new Set([...sortedKeys(spec.attributes), ...Object.keys(extraAttributes)])].sort();
  for (const name of allAttributeNames) {
    const declared = spec.attributes?.[name];
    attributes[name] = declared ? attribute(`${where}.${name}`, declared) : extraAttributes[name];
  }
  const blockTypes: Record<string, JsonNestedBlock> = {};
  const allBlockNames = [...new Set([...sortedKeys(spec.blocks), ...Object.keys(extraBlocks)])].sort();
  for (const name of allBlockNames) {
    if (attributes[name]) throw new Error(`${where}.${name}: declared both as attribute and block`);
    const declared = spec.blocks?.[name];
    blockTypes[name] = declared ? nestedBlock(`${where}.${name}`, declared) : extraBlocks[name];
  }
  // Key order follows Terraform's own JSON output.
  const result = {} as JsonBlock;
  if (allAttributeNames.length > 0) result.attributes = attributes;
  if (allBlockNames.length > 0) result.block_types = blockTypes;
  if (spec.description) result.description = spec.description;
  result.description_kind = "plain";
  return result;
}

function nestedBlock(where: string, spec: NestedBlockSpec): JsonNestedBlock {
  const out: JsonNestedBlock = { nesting_mode: spec.nesting, block: block(where, spec) };
  if (spec.flags === "R") out.min_items = 1;
  if (spec.max !== undefined && spec.max > 0) out.max_items = spec.max;
  return out;
}

function resource(where: string, spec: ResourceSpec): JsonSchemaEntry {
  const extraAttributes: Record<string, JsonAttribute> = {};
  if (!spec.attributes?.id) {
    extraAttributes.id = { type: "string", description_kind: "plain", optional: true, computed: true };
  }
  const extraBlocks: Record<string, JsonNestedBlock> = {};
  if (spec.timeouts && spec.timeouts.length > 0) {
    const attributes: Record<string, JsonAttribute> = {};
    for (const name of [...spec.timeouts].sort()) {
      attributes[name] = { type: "string", description_kind: "plain", optional: true };
    }
    extraBlocks.timeouts = { nesting_mode: "single", block: { attributes, description_kind: "plain" } };
  }
  return { version: spec.version, block: block(where, spec, extraAttributes, extraBlocks) };
}

/** Builds the `terraform providers schema -json` document for one provider. */
export function toProviderSchemaJson(spec: ProviderSpec): JsonProviderSchemas {
  const resourceSchemas: Record<string, JsonSchemaEntry> = {};
  for (const name of sortedKeys(spec.resources)) resourceSchemas[name] = resource(name, spec.resources[name]);
  const dataSourceSchemas: Record<string, JsonSchemaEntry> = {};
  for (const name of sortedKeys(spec.dataSources))
    dataSourceSchemas[name] = resource(`data.${name}`, spec.dataSources[name]);
  return {
    format_version: "1.0",
    provider_schemas: {
      [spec.fqpn]: {
        provider: { version: 0, block: block("provider", spec.provider) },
        resource_schemas: resourceSchemas,
        data_source_schemas: dataSourceSchemas,
      },
    },
  };
}

/** Serialises a schema document the way it is committed: two-space indent, trailing newline. */
export function serialiseSchema(schema: JsonProviderSchemas): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
