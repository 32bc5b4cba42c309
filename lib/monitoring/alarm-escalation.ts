import { Construct } from "constructs";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { AlarmSeverity } from "../standards/alarm-thresholds";
import { checkTags, isUnresolved, recordMetadata } from "../core/resource-metadata";
import { checkConstructSite } from "../core/construct-site";
import { Rule, custom, list, obj, oneOf, reject, str, validate } from "../core/validate";
import { ENVIRONMENT_TIERS } from "../standards/tiers";

/** SNS protocols an escalation topic delivers to (`http`, plaintext, is not offered). */
export const ESCALATION_PROTOCOLS = Object.freeze([
  "email",
  "email-json",
  "https",
  "sqs",
  "lambda",
  "sms",
  "firehose",
] as const);

/** SNS protocol of an escalation subscriber. */
export type EscalationProtocol = (typeof ESCALATION_PROTOCOLS)[number];

/** One subscriber of an escalation topic. */
export interface EscalationSubscription {
  /** SNS protocol. */
  readonly protocol: EscalationProtocol;
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

/** What each protocol's endpoint looks like (SNS Subscribe API, `Endpoint` parameter). */
const ENDPOINT_FORMS: Readonly<Record<EscalationProtocol, { readonly pattern: RegExp; readonly form: string }>> =
  Object.freeze({
    email: { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, form: "an email address" },
    "email-json": { pattern: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, form: "an email address" },
    https: { pattern: /^https:\/\/[^\s/]+\S*$/, form: "an https:// URL" },
    sqs: { pattern: /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[\w.-]+$/, form: "an SQS queue ARN" },
    lambda: { pattern: /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[\w.:-]+$/, form: "a Lambda function ARN" },
    sms: { pattern: /^\+[1-9]\d{1,14}$/, form: "a phone number in E.164 form (+491701234567)" },
    firehose: {
      pattern: /^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[\w.-]+$/,
      form: "a Firehose delivery stream ARN",
    },
  });

const SUBSCRIPTION_SHAPE: Rule = obj(
  "KSE-MON-004",
  "",
  [
    oneOf("KSE-MON-004", "protocol", ESCALATION_PROTOCOLS, {
      required: true,
      fix: `Use one of ${ESCALATION_PROTOCOLS.join(", ")} (http is not offered: alarms travel over TLS).`,
    }),
    str("KSE-MON-004", "endpoint", {
      required: true,
      allowed:
        "the protocol's endpoint: an email address, an https:// URL, an SQS, Lambda or Firehose ARN, an E.164 number",
      fix: "Give the address, URL or ARN that receives the alarms.",
    }),
  ],
  {
    allowed: "{ protocol, endpoint }",
    fix: 'Give a subscriber as { protocol: "email", endpoint: "team@example.com" }.',
  },
);

/** One subscriber: its shape, then its endpoint against its protocol's form. */
const SUBSCRIPTION: Rule = custom("KSE-MON-004", "", SUBSCRIPTION_SHAPE, (value, at) => {
  SUBSCRIPTION_SHAPE.check(value, at);
  const s = value as EscalationSubscription;
  const form = ENDPOINT_FORMS[s.protocol];
  if (!isUnresolved(s.endpoint) && !form.pattern.test(s.endpoint)) {
    reject(
      SUBSCRIPTION_SHAPE,
      { prop: `${at.prop}.endpoint`, path: at.path },
      s.endpoint,
      `${form.form} for protocol ${s.protocol}`,
      `Give ${form.form}, or the protocol that matches the endpoint.`,
    );
  }
});

const SUBSCRIBERS = (key: string): Rule =>
  list("KSE-MON-004", key, SUBSCRIPTION, {
    unique: false,
    allowed: "a list of { protocol, endpoint }",
    fix: 'Give subscribers as [{ protocol: "email", endpoint: "team@example.com" }].',
  });

const SUBSCRIPTIONS_SHAPE: Rule = obj(
  "KSE-MON-004",
  "subscriptions",
  [SUBSCRIBERS("warning"), SUBSCRIBERS("critical")],
  {
    allowed: "{ warning?: [...], critical?: [...] }",
    fix: 'Give subscribers per severity, e.g. { critical: [{ protocol: "email", endpoint: "oncall@example.com" }] }.',
  },
);

/**
 * Validation rule for subscribers per severity: known SNS protocols (with "did you mean"), endpoints of
 * the protocol's form, no subscriber twice in one severity. Shared with the monitoring options.
 * @internal
 */
export const ESCALATION_SUBSCRIPTIONS: Rule = custom(
  "KSE-MON-004",
  "subscriptions",
  SUBSCRIPTIONS_SHAPE,
  (value, at) => {
    SUBSCRIPTIONS_SHAPE.check(value, at);
    for (const severity of ["warning", "critical"] as const) {
      const seen = new Set<string>();
      ((value as EscalationSubscriptions)[severity] ?? []).forEach((s, i) => {
        const key = `${s.protocol} ${s.endpoint}`;
        if (seen.has(key)) {
          reject(
            SUBSCRIPTIONS_SHAPE,
            { prop: `${at.prop}.${severity}[${i}]`, path: at.path },
            s,
            "each subscriber once per severity",
            "Remove the duplicate subscriber.",
          );
        }
        seen.add(key);
      });
    }
  },
);

/** SNS topic names: 1–256 letters, digits, hyphens and underscores; the name is a prefix of two of them. */
const TOPIC_NAME_PREFIX = /^[A-Za-z0-9_-]{1,240}$/;

const ALARM_ESCALATION_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    str("KSE-MON-006", "name", {
      required: true,
      pattern: TOPIC_NAME_PREFIX,
      allowed: "letters, digits, hyphens and underscores (an SNS topic name prefix), e.g. team-data",
      fix: 'Name the escalation after its team or cluster, e.g. "payments".',
    }),
    str("KSE-MON-006", "kmsKeyArn", {
      required: true,
      test: (v) => (/\s/.test(v) ? "Remove the white space from the key reference." : undefined),
      allowed: "a customer-managed KMS key ARN (or id or alias) whose policy lets CloudWatch use it",
      fix: "Pass the cluster's key: cluster.kmsKeyArn.",
    }),
    ESCALATION_SUBSCRIPTIONS,
    oneOf("KSE-MON-006", "tier", ENVIRONMENT_TIERS, { required: true }),
    custom(
      "KSE-CORE-007",
      "tags",
      { required: true, allowed: "an object of tag keys to string values", fix: "Pass the tags, e.g. {}." },
      () => undefined,
    ),
  ],
  { allowed: "AlarmEscalationProps { name, kmsKeyArn, tier, tags, subscriptions? }", fix: "Pass the props." },
);

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
    // Validate before adding anything to the tree: a failed call leaves nothing behind.
    const path = checkConstructSite(scope, id, "AlarmEscalation");
    validate(props, { ...ALARM_ESCALATION_PROPS, required: true }, "props", path);
    checkTags({ tier: props.tier, tags: props.tags }, path);
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
