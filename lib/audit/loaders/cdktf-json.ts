/**
 * Loader for Terraform JSON configuration: cdktf's `cdk.tf.json` and hand-written `*.tf.json`.
 * Resources sit at `resource.<type>.<name>`, data sources at `data.<type>.<name>`; cdktf adds a
 * `"//"` object per resource with the construct path and, for resources built by this library,
 * the `kafka-standards` metadata.
 */
import { RESOURCE_METADATA_KEY } from "../../standards/naming";
import { AuditDocument } from "../document";
import type { AuditMetadata, AuditResource } from "../types";
import { asObject } from "../values";

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

function toResource(
  mode: "managed" | "data",
  type: string,
  name: string,
  body: Record<string, unknown>,
): AuditResource {
  const { "//": comment, ...attributes } = body;
  const meta = asObject(comment);
  const metadata = asObject(meta?.[RESOURCE_METADATA_KEY]) as AuditMetadata | undefined;
  const path = asObject(meta?.metadata)?.path;
  const address = mode === "data" ? `data.${type}.${name}` : `${type}.${name}`;
  return {
    type,
    name,
    address,
    mode,
    attributes,
    ...(metadata ? { metadata } : {}),
    ...(typeof path === "string" ? { path } : {}),
  };
}

function collect(mode: "managed" | "data", section: unknown, out: AuditResource[]): void {
  // Terraform JSON allows a section to be an object or an array of objects.
  for (const part of bodies(section)) {
    for (const [type, byName] of Object.entries(part)) {
      for (const names of bodies(byName)) {
        for (const [name, body] of Object.entries(names)) {
          for (const b of bodies(body)) out.push(toResource(mode, type, name, b));
        }
      }
    }
  }
}

/** Load a Terraform JSON configuration. `fallbackName` is used when cdktf recorded no stack name. */
export function loadTerraformJsonConfig(json: Record<string, unknown>, fallbackName: string): AuditDocument {
  const resources: AuditResource[] = [];
  collect("managed", json.resource, resources);
  collect("data", json.data, resources);
  const stackName = asObject(asObject(json["//"])?.metadata)?.stackName;
  return new AuditDocument(typeof stackName === "string" ? stackName : fallbackName, "cdktf", resources);
}
