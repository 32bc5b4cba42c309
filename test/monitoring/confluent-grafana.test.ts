import { confluentAlerts } from "../../lib/monitoring/confluent-alarms";
import { ConfluentMonitoringInput } from "../../lib/monitoring/confluent-metric-factory";
import { GRAFANA_SCHEMA_VERSION, renderGrafanaDashboard } from "../../lib/monitoring/confluent-grafana-dashboard";
import { CONFLUENT_CLUSTER_KINDS, ConfluentClusterKind } from "../../lib/standards/confluent";
import { CONFLUENT_METRICS, CONFLUENT_METRIC_NAMES } from "../../lib/standards/confluent-metrics";

function input(
  kind: ConfluentClusterKind,
  kafkaClusterId = "${confluent_kafka_cluster.c.id}",
): ConfluentMonitoringInput {
  return { clusterName: `shop-${kind}`, kafkaClusterId, clusterType: kind, tier: "staging" };
}

describe.each(CONFLUENT_CLUSTER_KINDS)("Grafana dashboard, %s cluster", (kind) => {
  const text = renderGrafanaDashboard(input(kind));
  const d = JSON.parse(text);

  test("is valid JSON with the schema version, tags and a $kafka_id variable", () => {
    expect(d.schemaVersion).toBe(GRAFANA_SCHEMA_VERSION);
    expect(d.uid).toBe(`ks-shop-${kind}`);
    expect(d.tags).toEqual(["kafka-standards", "confluent", "staging"]);
    const vars = d.templating.list.map((v: any) => v.name);
    expect(vars).toEqual(["datasource", "kafka_id"]);
    const kafkaId = d.templating.list[1];
    expect(kafkaId.query.query).toBe(`label_values(${CONFLUENT_METRICS.partitionCount.name}, kafka_id)`);
    expect(kafkaId.current).toEqual({});
  });

  test("every panel is a time series with a PromQL target on $kafka_id that uses only the standard's metrics", () => {
    expect(d.panels.length).toBeGreaterThanOrEqual(8);
    for (const p of d.panels) {
      expect(p.type).toBe("timeseries");
      expect(p.datasource).toEqual({ type: "prometheus", uid: "${datasource}" });
      expect(p.targets.length).toBeGreaterThan(0);
      for (const t of p.targets) {
        expect(typeof t.expr).toBe("string");
        expect(t.expr).toContain('kafka_id="$kafka_id"');
        const names = t.expr.match(/\b[a-z_]+(?=\{)/g) ?? [];
        expect(names.length).toBeGreaterThan(0);
        for (const n of names) expect(CONFLUENT_METRIC_NAMES).toContain(n);
      }
    }
  });

  test("panels do not overlap", () => {
    const cells = new Set<string>();
    for (const p of d.panels) {
      for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
        for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
          const key = `${x},${y}`;
          expect(cells.has(key)).toBe(false);
          cells.add(key);
        }
      }
    }
  });

  test("threshold lines are the alert levels of the standard", () => {
    const alerts = confluentAlerts(input(kind));
    const ingress = d.panels.find((p: any) => p.title === "Ingress");
    const steps = ingress.fieldConfig.defaults.thresholds.steps.map((s: any) => s.value);
    expect(steps).toEqual([
      null,
      alerts.find((a) => a.id === "ingress" && a.severity === "Warning")!.threshold,
      alerts.find((a) => a.id === "ingress" && a.severity === "Critical")!.threshold,
    ]);
    const storage = d.panels.find((p: any) => p.title.startsWith("Retained bytes"));
    expect(storage.fieldConfig.defaults.thresholds.steps.length).toBe(kind === "basic" ? 3 : 1);
  });

  test("the cluster-load panel exists on Dedicated clusters only", () => {
    const load = d.panels.find((p: any) => p.title === "Cluster load");
    expect(load !== undefined).toBe(kind === "dedicated");
    if (load) expect(load.fieldConfig.defaults.unit).toBe("percentunit");
  });
});

test("a literal cluster id is preselected in the $kafka_id variable", () => {
  const d = JSON.parse(renderGrafanaDashboard(input("standard", "lkc-9z9z9z")));
  expect(d.templating.list[1].current).toEqual({ selected: true, text: "lkc-9z9z9z", value: "lkc-9z9z9z" });
});

test("every metric name follows the export's translation of its Metrics API name", () => {
  for (const m of Object.values(CONFLUENT_METRICS)) {
    if (!m.apiName.startsWith("io.")) continue; // the export's own scrape-status metric
    expect(m.name).toBe(m.apiName.replace(/^io\./, "").replace(/[./]/g, "_"));
  }
});
