/**
 * A Grafana dashboard for one Confluent Cloud cluster: time series of the metrics the standard
 * alerts on, with the Warning and Critical levels drawn as threshold lines, over a Prometheus data
 * source that scrapes the Metrics API export endpoint.
 *
 * @see https://grafana.com/docs/grafana/latest/dashboards/build-dashboards/view-dashboard-json-model/
 */
import { AlarmSeverity } from "../standards/alarm-thresholds";
import { CONFLUENT_METRICS } from "../standards/confluent-metrics";
import { ConfluentAlert, confluentAlerts } from "./confluent-alarms";
import { ConfluentMetricFactory, ConfluentMonitoringInput, isClusterIdReference } from "./confluent-metric-factory";

/** Dashboard JSON schema version written (Grafana 10.4 / 11). */
export const GRAFANA_SCHEMA_VERSION = 39;

/** The data source every panel queries: the dashboard's `$datasource` variable. */
const DATASOURCE = Object.freeze({ type: "prometheus", uid: "${datasource}" });

/** `orders-prod` → `orders-prod-grafana-dashboard.json`. */
export function grafanaDashboardFileName(clusterName: string): string {
  return `${clusterName}-grafana-dashboard.json`;
}

interface PanelSpec {
  readonly title: string;
  readonly description: string;
  readonly expr: string;
  readonly legend: string;
  readonly unit: string;
  /** Alarm whose levels are drawn. */
  readonly alarm?: string;
}

function panelSpecs(f: ConfluentMetricFactory, input: ConfluentMonitoringInput): PanelSpec[] {
  const m = CONFLUENT_METRICS;
  const specs: PanelSpec[] = [
    {
      title: "Ingress",
      description: `Bytes per second received from clients (${m.receivedBytes.name} ÷ 60).`,
      expr: f.ingressBytesPerSecond(),
      legend: "ingress",
      unit: "Bps",
      alarm: "ingress",
    },
    {
      title: "Egress",
      description: `Bytes per second sent to clients (${m.sentBytes.name} ÷ 60).`,
      expr: f.egressBytesPerSecond(),
      legend: "egress",
      unit: "Bps",
      alarm: "egress",
    },
    {
      title: "Retained bytes (before replication)",
      description: `${m.retainedBytes.summary}`,
      expr: f.retainedBytesBeforeReplication(),
      legend: "retained",
      unit: "bytes",
      alarm: "storage",
    },
    {
      title: "Partitions",
      description: m.partitionCount.summary,
      expr: f.partitionCount(),
      legend: "partitions",
      unit: "short",
      alarm: "partitions",
    },
    {
      title: "Consumer lag (max per group and topic)",
      description: m.consumerLagOffsets.summary,
      expr: f.consumerLag(),
      legend: "{{consumer_group_id}} / {{topic}}",
      unit: "short",
      alarm: "consumer-max-offset-lag",
    },
    {
      title: "Active connections",
      description: m.activeConnectionCount.summary,
      expr: f.activeConnections(),
      legend: "connections",
      unit: "short",
    },
    {
      title: "Requests per second by type",
      description: `Requests per second (${m.requestCount.name} ÷ 60), by request type.`,
      expr: f.requestsPerSecond(),
      legend: "{{type}}",
      unit: "reqps",
    },
    {
      title: "Busiest topics (ingress)",
      description: "The ten topics receiving the most bytes per second.",
      expr: f.topTopicsIngress(),
      legend: "{{topic}}",
      unit: "Bps",
    },
  ];
  if (input.clusterType === "dedicated") {
    specs.splice(4, 0, {
      title: "Cluster load",
      description: m.clusterLoadPercent.summary,
      expr: f.clusterLoad(),
      legend: "load",
      unit: "percentunit",
      alarm: "cluster-load",
    });
  }
  return specs;
}

function thresholds(
  alerts: readonly ConfluentAlert[],
  alarm: string | undefined,
): { mode: string; steps: { color: string; value: number | null }[] } {
  const level = (s: AlarmSeverity): number | undefined =>
    alerts.find((a) => a.id === alarm && a.severity === s)?.threshold;
  const steps: { color: string; value: number | null }[] = [{ color: "green", value: null }];
  const warning = level("Warning");
  const critical = level("Critical");
  if (warning !== undefined) steps.push({ color: "orange", value: warning });
  if (critical !== undefined) steps.push({ color: "red", value: critical });
  return { mode: "absolute", steps };
}

function panel(spec: PanelSpec, index: number, alerts: readonly ConfluentAlert[]): Record<string, unknown> {
  const t = thresholds(alerts, spec.alarm);
  return {
    id: index + 1,
    type: "timeseries",
    title: spec.title,
    description: spec.description,
    datasource: DATASOURCE,
    gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
    targets: [{ refId: "A", datasource: DATASOURCE, expr: spec.expr, legendFormat: spec.legend, range: true }],
    fieldConfig: {
      defaults: {
        unit: spec.unit,
        custom: {
          drawStyle: "line",
          lineWidth: 1,
          fillOpacity: 10,
          thresholdsStyle: { mode: t.steps.length > 1 ? "line" : "off" },
        },
        thresholds: t,
      },
      overrides: [],
    },
    options: {
      legend: { displayMode: "list", placement: "bottom", showLegend: true },
      tooltip: { mode: "multi", sort: "desc" },
    },
  };
}

function templating(input: ConfluentMonitoringInput): Record<string, unknown> {
  const query = `label_values(${CONFLUENT_METRICS.partitionCount.name}, kafka_id)`;
  const literal = !isClusterIdReference(input);
  return {
    list: [
      { name: "datasource", label: "Prometheus", type: "datasource", query: "prometheus", hide: 0, current: {} },
      {
        name: "kafka_id",
        label: "Kafka cluster id",
        type: "query",
        datasource: DATASOURCE,
        query: { query, refId: "kafka_id" },
        definition: query,
        refresh: 1,
        sort: 1,
        multi: false,
        includeAll: false,
        hide: 0,
        // A cluster created in this apply has no id yet: Grafana offers the ids it finds.
        current: literal ? { selected: true, text: input.kafkaClusterId, value: input.kafkaClusterId } : {},
      },
    ],
  };
}

/**
 * Renders the Grafana dashboard JSON of one cluster. Panels query `kafka_id="$kafka_id"`, so one
 * file serves a cluster whose id is known only after apply: pick it in the variable.
 */
export function renderGrafanaDashboard(input: ConfluentMonitoringInput): string {
  const factory = new ConfluentMetricFactory("$kafka_id");
  const alerts = confluentAlerts(input);
  const dashboard = {
    uid: `ks-${input.clusterName.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`.slice(0, 40),
    title: `Kafka ${input.clusterName} (Confluent Cloud ${input.clusterType})`,
    description: `Generated by cdktf-kafka-standards: the metrics the standard alerts on, with Warning (orange) and Critical (red) levels. Tier ${input.tier}.`,
    tags: ["kafka-standards", "confluent", input.tier],
    schemaVersion: GRAFANA_SCHEMA_VERSION,
    version: 1,
    editable: true,
    graphTooltip: 1,
    timezone: "utc",
    refresh: "1m",
    time: { from: "now-6h", to: "now" },
    annotations: { list: [] },
    templating: templating(input),
    panels: panelSpecs(factory, input).map((s, i) => panel(s, i, alerts)),
  };
  return JSON.stringify(dashboard, null, 2) + "\n";
}
