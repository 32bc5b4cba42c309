import { Construct } from "constructs";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { checkConstructSite } from "../core/construct-site";
import { Rule, custom, num, obj, str, validate } from "../core/validate";
import { failWith } from "../errors";
import { isUnresolved } from "../core/resource-metadata";
import { STORAGE_AUTOSCALING } from "../standards/tiers";

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

const GIB = (key: string): Rule =>
  num("KSE-MSK-006", key, {
    required: true,
    integer: true,
    min: STORAGE_AUTOSCALING.minVolumeGiB,
    max: STORAGE_AUTOSCALING.maxVolumeGiB,
    allowed: "an integer from 1 to 16384 GiB",
    fix: "Pick a volume size inside the MSK limits.",
  });

const STORAGE_AUTOSCALING_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-CORE-006", "clusterArn", { required: true, allowed: "the cluster ARN", fix: "Pass cluster.clusterArn." }),
    str("KSE-MSK-011", "clusterName", { required: true, allowed: "the cluster name", fix: "Pass the cluster name." }),
    GIB("minGiB"),
    GIB("maxGiB"),
    num("KSE-MSK-010", "targetPercent", {
      required: true,
      min: STORAGE_AUTOSCALING.serviceMinPercent,
      max: STORAGE_AUTOSCALING.serviceMaxPercent,
      allowed: "10 to 80 percent (50 to 60 recommended)",
      fix: "Use 55.",
    }),
    custom(
      "KSE-CORE-007",
      "tags",
      { required: true, allowed: "tag keys to values", fix: "Pass the tags, e.g. {}." },
      () => undefined,
    ),
  ],
  { required: true, allowed: "StorageAutoscalingConstructProps", fix: "Pass the props." },
);

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
    // Validate before adding anything to the tree: a failed call leaves nothing behind.
    const path = checkConstructSite(scope, id, "StorageAutoscaling");
    validate(props, STORAGE_AUTOSCALING_PROPS, "props", path);
    if (!isUnresolved(props.maxGiB) && !isUnresolved(props.minGiB) && props.maxGiB < props.minGiB) {
      failWith(
        "KSE-MSK-010",
        "maxGiB",
        props.maxGiB,
        `an integer from minGiB (${props.minGiB}) to 16384`,
        "Raise the maximum above the current volume.",
        path,
      );
    }
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
