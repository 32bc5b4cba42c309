import { defineRule, fail, pass } from "../../rule";
import type { AuditResource, DocumentView } from "../../types";
import { asObject, blocks } from "../../values";

/** CloudWatch's dimension name for an MSK cluster. */
const CLUSTER_DIMENSION = "Cluster Name";

function alarmsFor(doc: DocumentView, cluster: AuditResource): AuditResource[] {
  return doc.ofType("aws_cloudwatch_metric_alarm").filter((alarm) => {
    const dims = [asObject(alarm.attributes.dimensions)];
    for (const q of blocks(alarm.attributes.metric_query)) {
      for (const m of blocks(q.metric)) dims.push(asObject(m.dimensions));
    }
    return dims.some((d) => d !== undefined && doc.refersTo(d[CLUSTER_DIMENSION], cluster));
  });
}

/** Every MSK cluster has at least one CloudWatch alarm on its metrics. */
export const monClusterAlarms = defineRule({
  id: "KS-MON-001",
  area: "MON",
  severity: "warning",
  title: "MSK clusters have CloudWatch alarms",
  explanation:
    "Without alarms on ActiveControllerCount, OfflinePartitionsCount, disk and CPU, an outage is found by the applications that depend on the cluster.",
  fix: 'Add aws_cloudwatch_metric_alarm resources in namespace AWS/Kafka with dimensions { "Cluster Name" = <cluster_name> } (see lib/standards/alarm-thresholds.ts).',
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster, ctx) {
    if (alarmsFor(ctx.doc, cluster).length > 0) return pass();
    return fail(`no aws_cloudwatch_metric_alarm has dimension "${CLUSTER_DIMENSION}" referring to this cluster`);
  },
});
