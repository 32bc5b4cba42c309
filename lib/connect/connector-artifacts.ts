/**
 * `connectors/<name>.json` per connector of a synthesized stack: the configuration exactly as the
 * Connect worker will receive it (Terraform's `$${` escape undone), which keys still hold Terraform
 * expressions resolved at apply time, which keys are secret, and where the plugin comes from. Read
 * from the synthesized document, so it shows what Terraform will send, not what the construct meant.
 */
import { ArtifactFile, ArtifactProducer, JsonAny, TerraformDocument } from "../core/stack-artifacts";
import { RESOURCE_METADATA_KEY, ResourceMetadata } from "../standards/naming";
import { CONNECTOR_ARTIFACTS, MSK_PLUGIN_EXTRAS } from "../standards/connect";

/** Folder of the connector files inside the stack's `kafka-standards/`. */
export const CONNECTORS_DIR = "connectors";

/** One connector as written to `connectors/<name>.json`. */
export interface ConnectorArtifactFile {
  readonly name: string;
  readonly backend: "msk-connect" | "confluent-cloud";
  readonly resource: string;
  readonly connectorClass: string;
  readonly pipeline?: string;
  /** The configuration the worker receives; Terraform expressions still appear as `${…}`. */
  readonly config: Record<string, string>;
  /** Keys whose value contains a Terraform expression, with the expressions. */
  readonly terraformReferences: Record<string, string[]>;
  /** Keys that carry secrets (config-provider references on MSK, `config_sensitive` on Confluent). */
  readonly secretKeys: string[];
  /** Where the plugin comes from (self-managed classes). */
  readonly plugin?: { artifact: string; extras: readonly string[]; onMavenCentral: boolean };
}

/** Terraform interpolations of a JSON string value (`${…}` not escaped as `$${`). */
export function terraformExpressions(value: string): string[] {
  const out: string[] = [];
  for (let i = value.indexOf("${"); i >= 0; i = value.indexOf("${", i + 2)) {
    if (i > 0 && value[i - 1] === "$") continue;
    let depth = 0;
    for (let j = i; j < value.length; j++) {
      if (value[j] === "{") depth++;
      else if (value[j] === "}" && --depth === 0) {
        out.push(value.slice(i, j + 1));
        break;
      }
    }
  }
  return out;
}

function entries(doc: TerraformDocument, type: string): [string, Record<string, JsonAny>][] {
  return Object.entries<Record<string, JsonAny>>(doc.resource?.[type] ?? {});
}

/** The connector files of one document. */
export function connectorArtifacts(doc: TerraformDocument): ConnectorArtifactFile[] {
  const out: ConnectorArtifactFile[] = [];
  const read = (
    type: string,
    backend: ConnectorArtifactFile["backend"],
    configOf: (r: Record<string, JsonAny>) => Record<string, string>,
    secretsOf: (r: Record<string, JsonAny>, config: Record<string, string>) => string[],
  ): void => {
    for (const [address, r] of entries(doc, type)) {
      const meta = (r["//"]?.[RESOURCE_METADATA_KEY] ?? {}) as ResourceMetadata;
      const raw = configOf(r);
      const config: Record<string, string> = {};
      const refs: Record<string, string[]> = {};
      for (const key of Object.keys(raw).sort()) {
        const v = String(raw[key]);
        const exprs = terraformExpressions(v);
        if (exprs.length > 0) refs[key] = exprs;
        config[key] = v.replace(/\$\$\{/g, "${");
      }
      const cls = config["connector.class"] ?? "";
      const plugin = CONNECTOR_ARTIFACTS[cls];
      out.push({
        name: config.name ?? meta.connector ?? address,
        backend,
        resource: `${type}.${address}`,
        connectorClass: cls,
        pipeline: meta.pipeline,
        config,
        terraformReferences: refs,
        secretKeys: secretsOf(r, config),
        plugin: plugin
          ? { ...plugin, extras: backend === "msk-connect" ? [...plugin.extras, ...MSK_PLUGIN_EXTRAS] : plugin.extras }
          : undefined,
      });
    }
  };
  read(
    "aws_mskconnect_connector",
    "msk-connect",
    (r) => r.connector_configuration ?? {},
    (_r, config) => Object.keys(config).filter((k) => /^\$\{[a-z0-9_-]+:/i.test(config[k].trim())),
  );
  read(
    "confluent_connector",
    "confluent-cloud",
    (r) => r.config_nonsensitive ?? {},
    (r) => Object.keys(r.config_sensitive ?? {}).sort(),
  );
  return out;
}

/** Writes `connectors/<name>.json` for every connector of the stack. */
export const connectorArtifactsProducer: ArtifactProducer = {
  name: "connectors",
  order: 28,
  produce({ document }): ArtifactFile[] {
    return connectorArtifacts(document).map((c) => ({
      path: `${CONNECTORS_DIR}/${c.name}.json`,
      content: `${JSON.stringify(c, null, 2)}\n`,
    }));
  },
};
