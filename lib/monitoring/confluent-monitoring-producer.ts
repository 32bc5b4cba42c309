/**
 * Artifact producer for Confluent Cloud monitoring: for every `confluent_kafka_cluster` of a
 * synthesized stack, a Prometheus rule file and a Grafana dashboard under `monitoring/`.
 */
import { ArtifactFile, ArtifactProducer, JsonAny, TerraformDocument } from "../core/stack-artifacts";
import { CONFLUENT_CLUSTER_KINDS, ConfluentClusterKind } from "../standards/confluent";
import { RESOURCE_METADATA_KEY, ResourceMetadata } from "../standards/naming";
import { ConfluentMonitoringInput } from "./confluent-metric-factory";
import { grafanaDashboardFileName, renderGrafanaDashboard } from "./confluent-grafana-dashboard";
import { prometheusRulesFileName, renderPrometheusRules } from "./confluent-prometheus-rules";

/** Folder, inside the stack's `kafka-standards/`, that holds the monitoring files. */
export const MONITORING_DIR = "monitoring";

type Attrs = Record<string, JsonAny>;

function first(value: unknown): Attrs | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Attrs) : undefined;
}

/** The type block present; `freight` and unknown types have no standard limits and are skipped. */
function clusterKind(attrs: Attrs): ConfluentClusterKind | undefined {
  return CONFLUENT_CLUSTER_KINDS.find((k) => attrs[k] !== undefined && attrs[k] !== null);
}

/** Name of an output whose value is exactly `ref`. */
function outputFor(doc: TerraformDocument, ref: string): string | undefined {
  return Object.entries<Attrs>(doc.output ?? {}).find(([, o]) => o?.value === ref)?.[0];
}

/** The monitoring inputs of every Confluent cluster of a document. */
export function confluentMonitoringInputs(doc: TerraformDocument): ConfluentMonitoringInput[] {
  const out: ConfluentMonitoringInput[] = [];
  for (const [name, attrs] of Object.entries<Attrs>(doc.resource?.confluent_kafka_cluster ?? {})) {
    const kind = clusterKind(attrs);
    if (!kind) continue;
    const meta = (first(attrs["//"])?.[RESOURCE_METADATA_KEY] ?? {}) as ResourceMetadata;
    const displayName =
      typeof attrs.display_name === "string" && !attrs.display_name.includes("${") ? attrs.display_name : name;
    // A state or plan document holds the literal id; a synthesized one only the reference.
    const literalId = typeof attrs.id === "string" && /^lkc-/.test(attrs.id) ? attrs.id : undefined;
    const ref = `\${confluent_kafka_cluster.${name}.id}`;
    const cku = first(attrs.dedicated)?.cku;
    const envId = first(attrs.environment)?.id;
    const literalEnv = typeof envId === "string" && /^env-/.test(envId) ? envId : undefined;
    out.push({
      clusterName: displayName,
      kafkaClusterId: literalId ?? ref,
      clusterType: kind,
      tier: meta.tier ?? "unclassified",
      cku: typeof cku === "number" ? cku : undefined,
      clusterIdOutput: literalId ? undefined : outputFor(doc, ref),
      environmentId: literalEnv,
      environmentIdOutput: literalEnv || typeof envId !== "string" ? undefined : outputFor(doc, envId),
    });
  }
  return out;
}

/** Writes `monitoring/<cluster>-prometheus-rules.yml` and `monitoring/<cluster>-grafana-dashboard.json`. */
export const confluentMonitoringProducer: ArtifactProducer = {
  name: "confluent-monitoring",
  order: 25,
  produce({ document }): ArtifactFile[] {
    return confluentMonitoringInputs(document).flatMap((input) => [
      {
        path: `${MONITORING_DIR}/${prometheusRulesFileName(input.clusterName)}`,
        content: renderPrometheusRules(input),
      },
      {
        path: `${MONITORING_DIR}/${grafanaDashboardFileName(input.clusterName)}`,
        content: renderGrafanaDashboard(input),
      },
    ]);
  },
};
