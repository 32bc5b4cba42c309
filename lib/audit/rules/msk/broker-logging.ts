import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import { logDestinations } from "../shared/msk";

/** At least one broker-log destination is enabled (Checkov CKV_AWS_80, Trivy AVD-AWS-0074, cdk-nag MSKBrokerLogging). */
export const mskBrokerLogging = defineRule({
  id: "KS-MSK-004",
  area: "MSK",
  severity: "error",
  title: "MSK broker logs are delivered to CloudWatch Logs, Firehose or S3",
  explanation:
    "Broker logs record authentication failures, authorizer decisions and controller events: without them access cannot be reviewed and incidents cannot be reconstructed.",
  fix: "Add logging_info.broker_logs.cloudwatch_logs { enabled = true, log_group = <log group> } (or firehose / s3 with enabled = true).",
  constructFix: {
    MskCluster:
      "Keep a broker-log destination in the MskCluster prop logging (cloudWatch, s3 or firehoseDeliveryStream).",
  },
  controls: [
    "CKV_AWS_80",
    "AVD-AWS-0074",
    "2f56b7ab-7fba-4e93-82f0-247e5ddeb239",
    "MSKBrokerLogging",
    "GDPR-Art.5(2)",
    "GDPR-Art.32(1)(b)",
    "SOX-404",
  ],
  compliance: ["gdpr", "sox"],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster) {
    const dests = logDestinations(cluster);
    if (dests.some((d) => d.enabled === true)) return pass();
    if (dests.some((d) => isUnresolved(d.rawEnabled))) return notVerifiable("enabled is an unresolved reference");
    if (dests.length === 0) return fail("no logging_info.broker_logs destination is declared");
    return fail(`no broker-log destination is enabled (declared: ${dests.map((d) => d.kind).join(", ")})`);
  },
});
