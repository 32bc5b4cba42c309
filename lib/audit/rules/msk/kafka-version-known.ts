import { KAFKA_VERSION_CATALOG, kafkaVersionInfo } from "../../../standards/kafka-versions";
import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved, show, str } from "../../values";

/** The Kafka version is one the standard's catalog knows (flagged for `KafkaVersion.of(...)` escape hatches). */
export const mskKafkaVersionKnown = defineRule({
  id: "KS-MSK-011",
  area: "MSK",
  severity: "warning",
  title: "MSK Kafka version is in the catalog",
  explanation:
    "A version outside the catalog has no recorded support status or end-of-support date, so KS-MSK-010 cannot check it.",
  fix: `Use one of: ${KAFKA_VERSION_CATALOG.filter((v) => v.status !== "end-of-support")
    .map((v) => v.version)
    .join(", ")}; or add the version to lib/standards/kafka-versions.ts.`,
  constructFix: {
    MskCluster:
      "Use a KafkaVersion constant for the MskCluster prop kafkaVersion instead of KafkaVersion.of(\u2026), or add the version to lib/standards/kafka-versions.ts.",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const raw = cluster.attributes.kafka_version;
    if (isUnresolved(raw)) return notVerifiable("kafka_version is an unresolved reference", [String(raw)]);
    const version = str(raw);
    if (version === undefined) return fail("kafka_version is not set");
    if (kafkaVersionInfo(version)) return pass();
    return fail(`kafka_version ${show(version)} is not in the catalog`);
  },
});
