import { KafkaStandardsError } from "../errors";
import type { IKafkaCluster } from "../topic/kafka-cluster";
import type { KafkaApplication } from "./kafka-application";

/**
 * Refuses a grant or quota for an application that was not declared on `cluster`: an IAM policy or ACL
 * on one cluster for an application whose client properties point at another would authorize nothing
 * it uses, and grant something nobody asked for.
 */
export function assertDeclaredOn(cluster: IKafkaCluster, app: KafkaApplication, what: string, path: string): void {
  if (cluster.access.isRegistered(app)) return;
  const other = app.cluster;
  const declared = other ? `cluster ${other.clusterName} (${other.node.path})` : "no cluster";
  throw new KafkaStandardsError({
    code: "KSE-ACCESS-007",
    prop: "application",
    value: app.name,
    allowed: `an application declared on cluster ${cluster.clusterName} (${cluster.node.path}); "${app.name}" is declared on ${declared}`,
    fix: `Declare the application on ${cluster.clusterName} with addApplication("${app.name}", …) and ${what} that one: grants and quotas never cross clusters.`,
    path,
  });
}
