import { Construct } from "constructs";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { AlarmSeverity } from "../standards/alarm-thresholds";
import { recordMetadata } from "../core/resource-metadata";

/** One subscriber of an escalation topic. */
export interface EscalationSubscription {
  /** SNS protocol. */
  readonly protocol: "email" | "email-json" | "https" | "sqs" | "lambda" | "sms" | "firehose";
  /** Endpoint (address, URL or ARN). */
  readonly endpoint: string;
}

/** Subscribers per severity. */
export interface EscalationSubscriptions {
  /** Receive Warning alarms. @default - none */
  readonly warning?: readonly EscalationSubscription[];
  /** Receive Critical alarms (the on-call pager). @default - none */
  readonly critical?: readonly EscalationSubscription[];
}

/** Properties of an {@link AlarmEscalation}. */
export interface AlarmEscalationProps {
  /** Name prefix of the topics (`<name>-alarms-warning`, `<name>-alarms-critical`). */
  readonly name: string;
  /** Customer-managed key for the topics; its policy must let CloudWatch use it. */
  readonly kmsKeyArn: string;
  /** Subscribers. @default - none: subscribe later, e.g. from the pager tool */
  readonly subscriptions?: EscalationSubscriptions;
  /** Tier, for the audit metadata. */
  readonly tier: string;
  /** Tags. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * The escalation matrix as infrastructure: one KMS-encrypted SNS topic per severity, with the
 * subscribers of each. Alarms of a severity notify its topic (Critical also on recovery).
 *
 * @example
 * import { AlarmEscalation, MskCluster } from "cdktf-kafka-standards";
 *
 * // One pair of escalation topics shared by several clusters, with the on-call subscriptions:
 * const escalation = new AlarmEscalation(stack, "KafkaEscalation", {
 *   name: "kafka",
 *   kmsKeyArn: cluster.kmsKeyArn,
 *   subscriptions: { critical: [{ protocol: "https", endpoint: "https://events.pagerduty.com/integration/abc123/enqueue" }] },
 *   tier: "prod",
 *   tags: { Owner: "team-platform" },
 * });
 * new MskCluster(stack, "orders", {
 *   clusterName: "orders",
 *   tier: "prod",
 *   vpcId: "vpc-0123",
 *   clientSubnetIds: ["subnet-a", "subnet-b", "subnet-c"],
 *   allowedClientSecurityGroupIds: ["sg-0456"],
 *   monitoring: { escalation },
 * });
 *
 * @see ESCALATION_MATRIX in lib/standards/runbooks.ts for who acts and how fast.
 */
export class AlarmEscalation extends Construct {
  /** Topic per severity. */
  public readonly topics: Readonly<Record<AlarmSeverity, SnsTopic>>;

  constructor(scope: Construct, id: string, props: AlarmEscalationProps) {
    super(scope, id);
    const make = (severity: AlarmSeverity, subs: readonly EscalationSubscription[] = []): SnsTopic => {
      const topic = new SnsTopic(this, severity, {
        name: `${props.name}-alarms-${severity.toLowerCase()}`,
        displayName: `Kafka ${props.name} ${severity} alarms`,
        kmsMasterKeyId: props.kmsKeyArn,
        tags: { ...props.tags },
      });
      recordMetadata(topic, { tier: props.tier, construct: "AlarmEscalation", cluster: props.name, severity });
      subs.forEach((s, i) => {
        new SnsTopicSubscription(this, `${severity}Subscription${i}`, {
          topicArn: topic.arn,
          protocol: s.protocol,
          endpoint: s.endpoint,
        });
      });
      return topic;
    };
    this.topics = {
      Warning: make("Warning", props.subscriptions?.warning),
      Critical: make("Critical", props.subscriptions?.critical),
    };
  }

  /** ARN of a severity's topic. */
  public topicArn(severity: AlarmSeverity): string {
    // One token per topic, reused by every alarm: each attribute access creates a new token.
    this.arns[severity] ??= this.topics[severity].arn;
    return this.arns[severity]!;
  }

  private readonly arns: Partial<Record<AlarmSeverity, string>> = {};
}
