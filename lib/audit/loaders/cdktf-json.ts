/**
 * Loader for Terraform JSON configuration: cdktf's `cdk.tf.json` and hand-written `*.tf.json`.
 * Resources sit at `resource.<type>.<name>`, data sources at `data.<type>.<name>`; cdktf adds a
 * `"//"` object per resource with the construct path and, for resources built by this library,
 * the `kafka-standards` metadata.
 */
import { METADATA_OUTPUT, decodeMetadata, unescapeTemplate, type CarriedMetadata } from "../../core/metadata-output";
import { RESOURCE_METADATA_KEY } from "../../standards/naming";
import { AuditDocument } from "../document";
import type { AuditMetadata, AuditResource } from "../types";
import { asObject, blocks, stringMap } from "../values";

/** True when `json` looks like Terraform JSON configuration. */
export function isTerraformJsonConfig(json: Record<string, unknown>): boolean {
  if (asObject(json.resource) || asObject(json.data) || Array.isArray(json.resource)) return true;
  // An empty cdktf stack still has its metadata and terraform/provider blocks.
  return asObject(json["//"]) !== undefined || asObject(json.terraform) !== undefined || json.provider !== undefined;
}

function bodies(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.map(asObject).filter((b): b is Record<string, unknown> => b !== undefined);
  const one = asObject(value);
  return one ? [one] : [];
}

/**
 * `default_tags` of each AWS provider configuration, by the name a resource's `provider` argument
 * uses: `aws` for the default configuration, `aws.<alias>` for an aliased one.
 */
export function awsDefaultTags(json: Record<string, unknown>): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const part of bodies(json.provider)) {
    for (const config of bodies(part.aws)) {
      const alias = typeof config.alias === "string" ? config.alias : undefined;
      const tags: Record<string, string> = {};
      for (const d of blocks(config.default_tags)) Object.assign(tags, stringMap(d.tags));
      out.set(alias ? `aws.${alias}` : "aws", tags);
    }
  }
  return out;
}

function toResource(
  mode: "managed" | "data",
  type: string,
  name: string,
  body: Record<string, unknown>,
  providerTags: ReadonlyMap<string, Record<string, string>>,
  carried: ReadonlyMap<string, CarriedMetadata>,
): AuditResource {
  const { "//": comment, ...attributes } = body;
  const provider = typeof attributes.provider === "string" ? attributes.provider : "aws";
  const defaultTags = type.startsWith("aws_") ? providerTags.get(provider) : undefined;
  const meta = asObject(comment);
  const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
  const metadata = (asObject(meta?.[RESOURCE_METADATA_KEY]) ?? carried.get(address)) as AuditMetadata | undefined;
  const path = asObject(meta?.metadata)?.path;
  return {
    type,
    name,
    address,
    mode,
    attributes,
    ...(metadata ? { metadata } : {}),
    ...(typeof path === "string" ? { path } : {}),
    ...(defaultTags && Object.keys(defaultTags).length > 0 ? { defaultTags } : {}),
  };
}

function collect(
  mode: "managed" | "data",
  section: unknown,
  out: AuditResource[],
  providerTags: ReadonlyMap<string, Record<string, string>>,
  carried: ReadonlyMap<string, CarriedMetadata>,
): void {
  // Terraform JSON allows a section to be an object or an array of objects.
  for (const part of bodies(section)) {
    for (const [type, byName] of Object.entries(part)) {
      for (const names of bodies(byName)) {
        for (const [name, body] of Object.entries(names)) {
          for (const b of bodies(body)) out.push(toResource(mode, type, name, b, providerTags, carried));
        }
      }
    }
  }
}

/** Load a Terraform JSON configuration. `fallbackName` is used when cdktf recorded no stack name. */
export function loadTerraformJsonConfig(json: Record<string, unknown>, fallbackName: string): AuditDocument {
  const resources: AuditResource[] = [];
  const providerTags = awsDefaultTags(json);
  // Resources keep their "//" metadata here; the carrier output fills in for documents that lost it.
  const output = asObject(asObject(json.output)?.[METADATA_OUTPUT])?.value;
  const carried = decodeMetadata(typeof output === "string" ? unescapeTemplate(output) : undefined);
  collect("managed", json.resource, resources, providerTags, carried);
  collect("data", json.data, resources, providerTags, carried);
  const stackName = asObject(asObject(json["//"])?.metadata)?.stackName;
  return new AuditDocument(typeof stackName === "string" ? stackName : fallbackName, "cdktf", resources);
}
