import { defineRule, fail, notVerifiable, pass } from "../../rule";
import { isUnresolved } from "../../values";
import { logDestinations } from "../shared/msk";

/** MSK Connect worker logs are delivered somewhere (Security Hub MSK.5). */
export const mskcWorkerLogging = defineRule({
  id: "KS-MSKC-002",
  area: "MSKC",
  severity: "error",
  title: "MSK Connect connectors deliver worker logs",
  explanation:
    "Without worker logs a failed or stalled connector leaves no trace of the record, task or credential that broke it. Log delivery cannot be added later: the connector must be re-created.",
  fix: "Set log_delivery.worker_log_delivery.cloudwatch_logs { enabled = true, log_group = <log group> } (or firehose / s3).",
  controls: ["MSK.5", "GDPR-Art.5(2)"],
  compliance: ["gdpr"],
  resourceTypes: ["aws_mskconnect_connector"],
  evaluate(connector) {
    const dests = logDestinations(connector);
    if (dests.some((d) => d.enabled === true)) return pass();
    if (dests.some((d) => isUnresolved(d.rawEnabled))) return notVerifiable("enabled is an unresolved reference");
    return fail(
      dests.length === 0 ? "no log_delivery.worker_log_delivery destination" : "no worker-log destination is enabled",
    );
  },
});
