import { isPastEndOfSupport, kafkaVersionInfo } from "../../../standards/kafka-versions";
import { defineRule, fail, notApplicable, notVerifiable, pass } from "../../rule";
import { isUnresolved, str } from "../../values";

/** The Kafka version is still supported by MSK on the audit date. */
export const mskKafkaVersionEndOfSupport = defineRule({
  id: "KS-MSK-010",
  area: "MSK",
  severity: "error",
  title: "MSK Kafka version is not past end of support",
  explanation:
    "MSK upgrades clusters past end of support without notice, at a time the owner does not choose; client compatibility is then untested.",
  fix: "Upgrade kafka_version to a supported version from the catalog (3.9.x.kraft is the library default).",
  constructFix: {
    MskCluster:
      "Set the MskCluster prop kafkaVersion to a supported KafkaVersion (KafkaVersion.V3_9_X_KRAFT is the default).",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster, ctx) {
    const raw = cluster.attributes.kafka_version;
    if (isUnresolved(raw)) return notVerifiable("kafka_version is an unresolved reference", [String(raw)]);
    const version = str(raw);
    const info = version === undefined ? undefined : kafkaVersionInfo(version);
    if (!info) return notApplicable("version not in the catalog (see KS-MSK-011)");
    if (!isPastEndOfSupport(info, ctx.today)) return pass();
    return fail(`kafka_version ${info.version} reached end of support on ${info.endOfSupport ?? "an earlier date"}`);
  },
});
