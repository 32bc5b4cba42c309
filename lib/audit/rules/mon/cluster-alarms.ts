import { defineRule, fail, pass } from "../../rule";
import type { AuditResource, DocumentView } from "../../types";
import { asObject, blocks } from "../../values";

/** CloudWatch's dimension name for an MSK cluster. */
const CLUSTER_DIMENSION = "Cluster Name";

const ALARMS_BY_CLUSTER = {};

/** Alarms whose `Cluster Name` dimension (plain or in a metric query) names the cluster. */
function alarmsFor(doc: DocumentView, cluster: AuditResource): readonly AuditResource[] {
  const index = doc.memo(ALARMS_BY_CLUSTER, () => {
    const map = new Map<AuditResource, AuditResource[]>();
    for (const alarm of doc.ofType("aws_cloudwatch_metric_alarm")) {
      const dims = [asObject(alarm.attributes.dimensions)];
      for (const q of blocks(alarm.attributes.metric_query)) {
        for (const m of blocks(q.metric)) dims.push(asObject(m.dimensions));
      }
      const clusters = new Set<AuditResource>();
      for (const d of dims) {
        for (const t of doc.targets(d?.[CLUSTER_DIMENSION])) if (t.type === "aws_msk_cluster") clusters.add(t);
      }
      for (const c of clusters) {
        const list = map.get(c);
        if (list) list.push(alarm);
        else map.set(c, [alarm]);
      }
    }
    return map;
  });
  return index.get(cluster) ?? [];
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
  constructFix: {
    MskCluster: "Keep the MskCluster's monitoring on: remove the alarms disabled in the monitoring prop.",
  },
  controls: [],
  resourceTypes: ["aws_msk_cluster"],
  evaluate(cluster, ctx) {
    if (alarmsFor(ctx.doc, cluster).length > 0) return pass();
    return fail(`no aws_cloudwatch_metric_alarm has dimension "${CLUSTER_DIMENSION}" referring to this cluster`);
  },
});
