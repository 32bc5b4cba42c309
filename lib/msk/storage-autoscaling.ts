import { Construct } from "constructs";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";

/** Properties of a {@link StorageAutoscaling}. */
export interface StorageAutoscalingConstructProps {
  /** Cluster ARN. */
  readonly clusterArn: string;
  /** Cluster name, for the policy name. */
  readonly clusterName: string;
  /** Current (minimum) volume per broker, GiB. */
  readonly minGiB: number;
  /** Maximum volume per broker, GiB. */
  readonly maxGiB: number;
  /** Target utilisation, percent. */
  readonly targetPercent: number;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * EBS storage autoscaling for MSK brokers: an Application Auto Scaling target on
 * `kafka:broker-storage:VolumeSize` and a target-tracking policy on `KafkaBrokerStorageUtilization`.
 * Scale-in is disabled because MSK storage never shrinks.
 *
 * @example
 * import { MskCluster } from "cdktf-kafka-standards";
 *
 * // Created by MskCluster; tuned with its `storageAutoscaling` prop (`false` turns it off):
 * new MskCluster(stack, "orders", {
 *   clusterName: "orders",
 *   tier: "prod",
 *   vpcId: "vpc-0123",
 *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *   allowedClientSecurityGroupIds: ["sg-0456"],
 *   storageAutoscaling: { targetUtilizationPercent: 60, maxVolumeSizeGiB: 4000 },
 * });
 *
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-autoexpand.html
 */
export class StorageAutoscaling extends Construct {
  constructor(scope: Construct, id: string, props: StorageAutoscalingConstructProps) {
    super(scope, id);
    const target = new AppautoscalingTarget(this, "Target", {
      serviceNamespace: "kafka",
      scalableDimension: "kafka:broker-storage:VolumeSize",
      resourceId: props.clusterArn,
      minCapacity: props.minGiB,
      maxCapacity: props.maxGiB,
      tags: { ...props.tags },
    });
    new AppautoscalingPolicy(this, "Policy", {
      name: `${props.clusterName}-broker-storage`,
      policyType: "TargetTrackingScaling",
      serviceNamespace: target.serviceNamespace,
      scalableDimension: target.scalableDimension,
      resourceId: target.resourceId,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: props.targetPercent,
        disableScaleIn: true,
        predefinedMetricSpecification: { predefinedMetricType: "KafkaBrokerStorageUtilization" },
      },
    });
  }
}
