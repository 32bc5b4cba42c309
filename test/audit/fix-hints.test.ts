/**
 * A finding on a resource a library construct built names the construct prop that fixes it; a
 * finding on any other resource names the Terraform attribute.
 */
import { TerraformStack } from "cdktf";
import { MskCluster as MskClusterL1 } from "@cdktf/provider-aws/lib/msk-cluster";
import { auditDocument } from "../../lib/audit/engine";
import { ALL_RULES, ruleById } from "../../lib/audit/registry";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { newStack, synth } from "../helpers";
import { secureCluster } from "./fixtures";
import { r, tfDoc } from "./helpers";

const TODAY = "2026-01-15";

test("an MskCluster without owner: the Owner finding names the owner prop, on the cluster, its key and log group", () => {
  const { stack } = newStack();
  new MskCluster(stack, "orders", {
    clusterName: "orders",
    tier: "prod",
    vpcId: "vpc-12345678",
    clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb", "subnet-cccccccc"],
  });
  const report = auditDocument(synth(stack), { compliance: ["sox"], today: TODAY });
  const owner = report.findings.filter((f) => f.rule === "KS-SOX-003");
  expect(owner.map((f) => f.type).sort()).toEqual(["aws_cloudwatch_log_group", "aws_kms_key", "aws_msk_cluster"]);
  for (const f of owner) {
    expect(f.fix).toBe(
      'Set the MskCluster prop owner: "<team>" (written as the Owner tag on the cluster, its key, log group and secrets), or Owner in the AwsProvider\'s defaultTags.',
    );
  }
});

test("a raw aws_msk_cluster without Owner: the fix is the HCL", () => {
  const { stack } = newStack();
  new MskClusterL1(stack, "raw", {
    clusterName: "raw",
    kafkaVersion: "3.9.x.kraft",
    numberOfBrokerNodes: 3,
    brokerNodeGroupInfo: { instanceType: "kafka.m7g.large", clientSubnets: ["a", "b", "c"], securityGroups: ["sg"] },
  });
  const report = auditDocument(synth(stack), { compliance: ["sox"], today: TODAY });
  expect(report.findings.find((f) => f.rule === "KS-SOX-003")?.fix).toBe(
    'Set tags { Owner = "<team>" } on the resource, or default_tags { tags = { Owner = "<team>" } } on its AWS provider.',
  );
});

test("a ConfluentCluster with personal data and no BYOK: the fix names ConfluentClusterType.dedicated({ byokKeyId })", () => {
  const stack = new TerraformStack(newStack().app, "confluent");
  new ConfluentProvider(stack, "confluent", {});
  const cluster = new ConfluentCluster(stack, "crm", {
    clusterName: "crm",
    tier: "prod",
    cloud: "AWS",
    region: "eu-central-1",
    applications: ["crm-api"],
  });
  cluster.addTopic("crm.customers", { topicClass: "personal" });
  const report = auditDocument(synth(stack), { compliance: ["gdpr"], today: TODAY });
  const byok = report.findings.filter((f) => f.rule === "KS-GDPR-002");
  expect(byok.map((f) => f.fix)).toEqual([
    "Set the ConfluentCluster prop clusterType: ConfluentClusterType.dedicated({ cku, byokKeyId }) with the id of a confluent_byok_key.",
  ]);
  expect(ruleById("KS-GDPR-002")?.fix).toBe(
    "Use a dedicated cluster with byok_key { id = confluent_byok_key.<key>.id }.",
  );
});

test.each([
  ["KafkaTopic", "KS-TOPIC-002", "Remove the replicationFactor prop of addTopic"],
  ["MskCluster", "KS-MSK-001", 'Remove clientBrokerEncryption: "TLS_PLAINTEXT"'],
])("metadata construct %s selects the construct fix of %s", (construct, rule, start) => {
  const resources =
    rule === "KS-TOPIC-002"
      ? [r("kafka_topic.t", { name: "orders.created", replication_factor: 1 }, { construct, tier: "prod" })]
      : [
          r(
            "aws_msk_cluster.main",
            secureCluster({ encryption_info: { encryption_in_transit: { client_broker: "TLS_PLAINTEXT" } } }),
            { construct },
          ),
        ];
  const finding = auditDocument(tfDoc(resources), { today: TODAY }).findings.find((f) => f.rule === rule);
  expect(finding?.fix.startsWith(start)).toBe(true);
});

test("every construct fix names a construct the library records", () => {
  const kinds = new Set([
    "MskCluster",
    "MskAccess",
    "MskMonitoring",
    "AlarmEscalation",
    "KafkaTopic",
    "KafkaQuota",
    "ConfluentCluster",
    "ConfluentDrPair",
  ]);
  for (const rule of ALL_RULES) {
    for (const [construct, fix] of Object.entries(rule.constructFix)) {
      expect([rule.id, kinds.has(construct), fix.length > 20]).toEqual([rule.id, true, true]);
    }
  }
});

test("with the SOX pack, audit topics of a dev cluster pass KS-SOX-002 (protected in every tier); a retired one with its archive too", () => {
  const { stack } = newStack();
  const cluster = new MskCluster(stack, "ledger", {
    clusterName: "ledger",
    tier: "dev",
    owner: "finance",
    vpcId: "vpc-12345678",
    clientSubnetIds: ["subnet-aaaaaaaa", "subnet-bbbbbbbb", "subnet-cccccccc"],
  });
  cluster.addTopic("ledger.entries", { topicClass: "audit" });
  cluster.addTopic("ledger.entries-v1", {
    topicClass: "audit",
    retire: { reason: "replaced by ledger.entries", archive: "s3://audit-archive/ledger.entries-v1/" },
  });
  const report = auditDocument(synth(cluster.dataPlane), { compliance: ["sox"], today: TODAY });
  const sox002 = report.findings.filter((f) => f.rule === "KS-SOX-002");
  expect(sox002).toEqual([]);
  const topics = Object.values<any>(synth(cluster.dataPlane).resource.kafka_topic);
  expect(
    topics.map((t) => [t.name, t.lifecycle?.prevent_destroy ?? false, t["//"]["kafka-standards"].archive]).sort(),
  ).toEqual([
    ["ledger.entries", true, undefined],
    ["ledger.entries-v1", false, "s3://audit-archive/ledger.entries-v1/"],
  ]);
});
