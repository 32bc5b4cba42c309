import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ConfluentCluster, ConnectorSecret, MqFlow } from "cdktf-kafka-standards";
import { MqMigration } from "cdktf-kafka-standards/patterns";
import { ConfluentProvider } from "cdktf-kafka-standards/providers";

/** The queue inventory: one flow per phase, fire-and-forget and request/reply, unordered, ordered per key and in strict queue order. */
const PAYMENT_FLOWS: readonly MqFlow[] = [
  {
    name: "notifications",
    queue: "NOTIFY.OUT",
    pilotQueue: "NOTIFY.OUT.COPY",
    volumeMessagesPerSecond: 50,
    messageSizeBytes: 2_048,
    ordering: "none",
    exchange: "fire-and-forget",
    consumers: [{ name: "mailer", migrated: false }],
    phase: "pilot",
  },
  {
    name: "payments",
    queue: "PAYMENTS.IN",
    legacyQueue: "PAYMENTS.IN.LEGACY",
    volumeMessagesPerSecond: 2_000,
    messageSizeBytes: 8_192,
    ordering: "key",
    orderingKey: "JMSCorrelationID",
    exchange: "fire-and-forget",
    consumers: [
      { name: "ledger", migrated: true },
      { name: "fraud-check", migrated: false },
    ],
    phase: "coexistence",
    personalData: true,
  },
  {
    name: "fx-quotes",
    queue: "FX.QUOTE.REQUEST",
    replyQueue: "FX.QUOTE.REPLY",
    volumeMessagesPerSecond: 200,
    messageSizeBytes: 1_024,
    ordering: "none",
    exchange: "request-reply",
    consumers: [{ name: "pricing", migrated: true }],
    phase: "coexistence",
  },
  {
    name: "settlements",
    queue: "SETTLEMENT.BATCH",
    volumeMessagesPerSecond: 20,
    messageSizeBytes: 16_384,
    ordering: "queue",
    exchange: "fire-and-forget",
    consumers: [{ name: "clearing", migrated: true }],
    phase: "switched",
  },
];

/**
 * IBM MQ → Confluent Cloud: the same inventory as the mq-migration example, moved by the fully
 * managed IbmMQSource and IbmMqSink connectors (JMS destination keys), each with its own service
 * account; per-flow Prometheus rules and runbooks, and the plan document.
 */
export class MqMigrationConfluentStack extends TerraformStack {
  /** The cluster. */
  public readonly cluster: ConfluentCluster;
  /** The migration. */
  public readonly migration: MqMigration;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ConfluentProvider(this, "confluent", {});
    this.cluster = new ConfluentCluster(this, "payments", {
      clusterName: "payments",
      tier: "prod",
      cloud: "AWS",
      region: "eu-west-1",
    });
    this.migration = new MqMigration(this, "Payments", {
      name: "payments",
      cluster: this.cluster,
      domain: "payments",
      region: "eu-west-1",
      flows: PAYMENT_FLOWS,
      mq: {
        queueManager: "QMPAY1",
        connections: [{ host: "mq.payments.example.com", port: 1414 }],
        channel: "KAFKA.SVRCONN",
        user: "kafka",
        password: ConnectorSecret.terraformReference(
          new TerraformVariable(this, "mq_password", {
            type: "string",
            sensitive: true,
            description: "Password of the MQ user kafka",
          }).stringValue,
        ),
        tls: { cipherSuite: "TLS_AES_256_GCM_SHA384", peerName: "CN=QMPAY1" },
      },
      owner: "team-payments",
    });
  }
}

/** Adds the example to an app, as stack `id`. */
export function build(app: App, id = "mq-migration-confluent"): TerraformStack {
  return new MqMigrationConfluentStack(app, id);
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
