import { describeRule, r } from "../helpers";

const topic = (config: Record<string, string>, metadata: Record<string, unknown> = { class: "personal" }) => [
  r("kafka_topic.t", { name: "crm.customers", partitions: 3, replication_factor: 3, config }, metadata),
];

describeRule("KS-GDPR-001", [
  { name: "class retention (3 days)", resources: topic({ "retention.ms": "259200000" }), expect: "compliant" },
  { name: "default retention (7 days)", resources: topic({}), expect: "compliant" },
  { name: "not personal", resources: topic({ "retention.ms": "-1" }, { class: "events" }), expect: "not-applicable" },
  {
    name: "unlimited retention fails",
    resources: topic({ "retention.ms": "-1" }),
    expect: "non-compliant",
    message: "retention unlimited (-1) exceeds the personal-data maximum of 30 days",
  },
  {
    name: "over 30 days fails (dataClassification metadata)",
    resources: topic({ "retention.ms": "5184000000" }, { class: "events", dataClassification: "personal" }),
    expect: "non-compliant",
    message: "retention 60 days exceeds the personal-data maximum of 30 days",
  },
  {
    name: "compaction only fails",
    resources: topic({ "cleanup.policy": "compact" }),
    expect: "non-compliant",
    message: "cleanup.policy compact never deletes records",
  },
  {
    name: "compact,delete within bounds",
    resources: topic({ "cleanup.policy": "compact, delete", "retention.ms": "86400000" }),
    expect: "compliant",
  },
]);

const personalTopic = r("confluent_kafka_topic.t", { topic_name: "crm.customers" }, { class: "personal" });
describeRule("KS-GDPR-002", [
  {
    name: "dedicated with BYOK",
    resources: [r("confluent_kafka_cluster.c", { dedicated: { cku: 2 }, byok_key: { id: "cck-1" } }), personalTopic],
    expect: "compliant",
  },
  {
    name: "no personal data on the cluster or its topics",
    resources: [
      r("confluent_kafka_cluster.c", { standard: [{}] }),
      r("confluent_kafka_topic.t", {
        topic_name: "orders.created",
        kafka_cluster: { id: "${confluent_kafka_cluster.c.id}" },
      }),
    ],
    expect: "not-applicable",
  },
  {
    name: "a library cluster without topics holds no personal data",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] }, { construct: "ConfluentCluster", tier: "prod" })],
    expect: "not-applicable",
  },
  {
    name: "none of its topics in sight: not verifiable",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] })],
    expect: "not-verifiable",
  },
  {
    name: "a personal topic of another cluster does not put this one in scope",
    resources: [
      r("confluent_kafka_cluster.c", { standard: [{}] }),
      r("confluent_kafka_cluster.other", { standard: [{}] }),
      r("confluent_kafka_topic.own", {
        topic_name: "orders.created",
        kafka_cluster: { id: "${confluent_kafka_cluster.c.id}" },
      }),
      r(
        "confluent_kafka_topic.t",
        { topic_name: "crm.customers", kafka_cluster: { id: "${confluent_kafka_cluster.other.id}" } },
        { class: "personal" },
      ),
    ],
    expect: "not-applicable",
  },
  {
    name: "personal topics without BYOK fail",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] }), personalTopic],
    expect: "non-compliant",
    message: "cluster in GDPR scope has no byok_key: data at rest is encrypted with Confluent-managed keys",
  },
  {
    name: "cluster marked personal without BYOK fails",
    resources: [r("confluent_kafka_cluster.c", { standard: [{}] }, { dataClassification: "personal" })],
    expect: "non-compliant",
  },
]);
