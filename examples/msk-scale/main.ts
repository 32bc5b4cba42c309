import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  BrokerInstanceType,
  KafkaPrincipal,
  MskCluster,
  planScale,
  type ScalePlan,
  type ScaleStep,
  type Workload,
} from "cdktf-kafka-standards";

/**
 * The click stream of the "10K to 1M messages/s" use case: 1 KiB messages, 7 days of retention, two
 * consumer groups, growing to 1M messages/s. The same workload that `kafka-standards size` prices
 * plans the steps, and each step's configuration is the cluster this stack writes.
 */
export const CLICKS_WORKLOAD: Workload = Object.freeze({
  messagesPerSecond: 1_000_000,
  averageMessageBytes: 1024,
  retentionHours: 7 * 24,
  consumerGroups: 2,
});

/** Where the click stream starts, messages/s. */
export const CLICKS_FROM = 10_000;

/** The plan from 10K to 1M messages/s; topics get the target's partitions at the first step. */
export const CLICKS_PLAN: ScalePlan = planScale(CLICKS_WORKLOAD, CLICKS_FROM, { partitionStrategy: "target" });

/** The plan's step at a rate (one of 10K, 30K, 100K, 300K, 1M). */
export function clicksStep(messagesPerSecond: number): ScaleStep {
  const step = CLICKS_PLAN.steps.find((s) => s.messagesPerSecond === messagesPerSecond);
  if (!step || step.size === undefined || step.units === undefined) {
    throw new Error(
      `msk-scale: no plan step at ${messagesPerSecond} messages/s (steps: ${CLICKS_PLAN.steps.map((s) => s.messagesPerSecond).join(", ")})`,
    );
  }
  return step;
}

/** One MSK cluster and one topic: the plan's step at `stepRate` (default: the last, 1M messages/s). */
export class MskScaleStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: MskCluster;

  constructor(scope: Construct, id: string, stepRate: number = CLICKS_WORKLOAD.messagesPerSecond) {
    super(scope, id);
    const step = clicksStep(stepRate);
    new AwsProvider(this, "aws", { region: "us-east-1" });
    const vpcId = new TerraformVariable(this, "vpc_id", { type: "string", description: "VPC that hosts the brokers" });
    const subnetIds = new TerraformVariable(this, "private_subnet_ids", {
      type: "list(string)",
      description: "Three private subnets, one per availability zone",
    });
    const appSg = new TerraformVariable(this, "app_security_group_id", {
      type: "string",
      description: "Security group of the click collectors and their consumers",
    });

    // The step's configuration, pinned: the plan's broker type and count (sized for the step's rate
    // ÷ 0.8 and for an AZ loss). The step's workload checks that they carry it (KSE-SIZE-020 if not).
    this.cluster = new MskCluster(this, "clicks", {
      clusterName: "clicks",
      tier: "prod",
      vpcId: vpcId.stringValue,
      clientSubnetIds: subnetIds.listValue,
      allowedClientSecurityGroupIds: [appSg.stringValue],
      owner: "team-web",
      instanceType: BrokerInstanceType.of(step.size!),
      brokerNodes: step.units,
      workload: { ...CLICKS_WORKLOAD, messagesPerSecond: step.messagesPerSecond },
    });

    // Partitions from the target's workload at every step: no increase later, so no key remaps.
    const clicks = this.cluster.addTopic("web.clicks", { topicClass: "events", workload: CLICKS_WORKLOAD });
    const collector = this.cluster.addApplication("click-collector", {
      principal: KafkaPrincipal.iamRole("click-collector"),
      producerProfile: "THROUGHPUT",
    });
    const sessions = this.cluster.addApplication("sessionizer", { principal: KafkaPrincipal.iamRole("sessionizer") });
    const archive = this.cluster.addApplication("archiver", { principal: KafkaPrincipal.iamRole("archiver") });
    clicks.grantProduce(collector);
    clicks.grantConsume(sessions, { group: "sessionizer" });
    clicks.grantConsume(archive, { group: "archiver" });
  }
}

/** Adds the example to an app, as stack `id` (its data plane is `<id>-data`), at the plan's step `stepRate`. */
export function build(app: App, id = "msk-scale", stepRate?: number): TerraformStack {
  return new MskScaleStack(app, id, stepRate);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
