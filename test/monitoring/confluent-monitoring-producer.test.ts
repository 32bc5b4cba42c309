import * as fs from "fs";
import * as path from "path";
import { StackArtifacts } from "../../lib/core/stack-artifacts";
import {
  confluentMonitoringInputs,
  confluentMonitoringProducer,
} from "../../lib/monitoring/confluent-monitoring-producer";

const doc = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docs", "confluent.json"), "utf8"));

describe("confluentMonitoringProducer", () => {
  test("reads name, type, tier, CKUs, id reference and id output of every Confluent cluster", () => {
    expect(confluentMonitoringInputs(doc)).toEqual([
      {
        clusterName: "orders-prod",
        kafkaClusterId: "${confluent_kafka_cluster.orders.id}",
        clusterType: "dedicated",
        tier: "prod",
        cku: 2,
        clusterIdOutput: "orders_cluster_id",
        environmentId: undefined,
        environmentIdOutput: "orders_environment_id",
      },
      {
        clusterName: "sandbox-dev",
        kafkaClusterId: "${confluent_kafka_cluster.sandbox.id}",
        clusterType: "basic",
        tier: "dev",
        cku: undefined,
        clusterIdOutput: undefined,
        environmentId: "env-abc123",
        environmentIdOutput: undefined,
      },
      {
        clusterName: "web-prod",
        kafkaClusterId: "${confluent_kafka_cluster.web.id}",
        clusterType: "standard",
        tier: "unclassified",
        cku: undefined,
        clusterIdOutput: undefined,
        environmentId: undefined,
        environmentIdOutput: "orders_environment_id",
      },
    ]);
  });

  test("writes a rule file and a dashboard per cluster under monitoring/", () => {
    const files = StackArtifacts.render([confluentMonitoringProducer], {
      stackName: "s",
      document: doc,
      stackDir: "/nowhere",
    });
    expect(files.map((f) => f.path)).toEqual([
      "monitoring/orders-prod-prometheus-rules.yml",
      "monitoring/orders-prod-grafana-dashboard.json",
      "monitoring/sandbox-dev-prometheus-rules.yml",
      "monitoring/sandbox-dev-grafana-dashboard.json",
      "monitoring/web-prod-prometheus-rules.yml",
      "monitoring/web-prod-grafana-dashboard.json",
    ]);
    expect(files[0].content).toContain('export KAFKA_CLUSTER_ID="$(terraform output -raw orders_cluster_id)"');
    expect(files[0].content).toContain("alert: ConfluentClusterLoad");
    expect(files[2].content).toContain("alert: ConfluentStorage");
    expect(() => JSON.parse(files[1].content)).not.toThrow();
  });

  test("a state document's literal id is used; freight and MSK-only documents give nothing", () => {
    const state = {
      resource: {
        confluent_kafka_cluster: {
          live: { id: "lkc-live01", display_name: "live", standard: [{}] },
          truck: { display_name: "truck", freight: [{}] },
        },
      },
    };
    expect(confluentMonitoringInputs(state).map((i) => [i.clusterName, i.kafkaClusterId])).toEqual([
      ["live", "lkc-live01"],
    ]);
    expect(confluentMonitoringInputs({ resource: { aws_msk_cluster: { a: {} } } })).toEqual([]);
  });
});
