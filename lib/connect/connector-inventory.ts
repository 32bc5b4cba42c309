/**
 * An inventory of connectors from what an estate already has: a Kafka Connect REST export
 * (`GET /connectors?expand=info,status`) or synthesized Terraform (`aws_mskconnect_connector`,
 * `confluent_connector`), with each connector's modernization findings. Pure: callers read files.
 */
import { ModernizationFinding, findModernizations } from "./connector-modernization";
import { compareText } from "../core/compare";

/** One connector of the inventory. */
export interface InventoriedConnector {
  /** Connector name. */
  readonly name: string;
  /** Where it was found: the export file, or `<stack>: <resource address>`. */
  readonly origin: string;
  /** `connector.class`. */
  readonly connectorClass?: string;
  /** `source` / `sink`, when known. */
  readonly type?: string;
  /** Connector state, when the export has it (`RUNNING`, `FAILED`, `PAUSED`…). */
  readonly state?: string;
  /** Tasks and their states, when the export has them. */
  readonly tasks?: readonly string[];
  /** Visible configuration. */
  readonly config: Readonly<Record<string, string>>;
  /** Keys whose values Terraform keeps out of sight (`config_sensitive`). */
  readonly hiddenKeys: readonly string[];
  /** Modernization findings. */
  readonly findings: readonly ModernizationFinding[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === "string") out[k] = x;
    else if (typeof x === "number" || typeof x === "boolean") out[k] = String(x);
  }
  return out;
}

function entry(
  name: string,
  origin: string,
  config: Record<string, string>,
  extra: Partial<InventoriedConnector> = {},
): InventoriedConnector {
  const cls = config["connector.class"];
  return {
    name,
    origin,
    connectorClass: cls,
    config,
    hiddenKeys: [],
    findings: findModernizations(cls, config),
    ...extra,
  };
}

/** True when the document is a Connect REST export (`GET /connectors?expand=info,status`). */
export function isConnectRestExport(doc: unknown): doc is Json {
  return (
    isObject(doc) &&
    Object.keys(doc).length > 0 &&
    Object.values(doc).every((v) => isObject(v) && (isObject(v.info) || isObject(v.status)))
  );
}

/** The connectors of a Connect REST export. */
export function connectorsFromRestExport(doc: Json, origin: string): InventoriedConnector[] {
  return Object.entries(doc)
    .map(([name, v]) => {
      const info = isObject((v as Json).info) ? ((v as Json).info as Json) : {};
      const status = isObject((v as Json).status) ? ((v as Json).status as Json) : {};
      const connectorStatus = isObject(status.connector) ? (status.connector as Json) : {};
      const tasks = Array.isArray(status.tasks)
        ? status.tasks.filter(isObject).map((t) => `${String(t.id)}:${String(t.state)}`)
        : undefined;
      return entry(name, origin, strings(info.config), {
        type: typeof info.type === "string" ? info.type : typeof status.type === "string" ? status.type : undefined,
        state: typeof connectorStatus.state === "string" ? connectorStatus.state : undefined,
        tasks,
      });
    })
    .sort((a, b) => compareText(a.name, b.name));
}

/** The connectors of a synthesized Terraform document (`cdk.tf.json`). */
export function connectorsFromTerraform(doc: Json, stack: string): InventoriedConnector[] {
  const resources = isObject(doc.resource) ? (doc.resource as Json) : {};
  const out: InventoriedConnector[] = [];
  for (const [id, r] of Object.entries(
    isObject(resources.aws_mskconnect_connector) ? resources.aws_mskconnect_connector : {},
  )) {
    if (!isObject(r)) continue;
    const config = strings(r.connector_configuration);
    out.push(entry(String(r.name ?? config.name ?? id), `${stack}: aws_mskconnect_connector.${id}`, config));
  }
  for (const [id, r] of Object.entries(isObject(resources.confluent_connector) ? resources.confluent_connector : {})) {
    if (!isObject(r)) continue;
    const config = strings(r.config_nonsensitive);
    out.push(
      entry(String(config.name ?? id), `${stack}: confluent_connector.${id}`, config, {
        hiddenKeys: Object.keys(isObject(r.config_sensitive) ? r.config_sensitive : {}).sort(),
      }),
    );
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}
