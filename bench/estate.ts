/**
 * The estate the scale benchmark synthesizes: one MSK prod cluster (IAM + SCRAM) with its data plane
 * and one Confluent Dedicated cluster, each with `topics` topics over the five topic classes and
 * `topics / 10` applications; application i produces on 5 topics and consumes (one consumer group) on
 * 5 others. With `scramApplications`, every MSK application is a SCRAM user of the cluster instead of
 * an IAM role.
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConfluentProvider } from "../lib/providers/confluent/provider";
import { MskCluster } from "../lib/msk/msk-cluster";
import { ClientAuthentication } from "../lib/msk/client-authentication";
import { KafkaPrincipal } from "../lib/access/kafka-principal";
import { ConfluentCluster } from "../lib/confluent/confluent-cluster";
import { ConfluentClusterType } from "../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../lib/confluent/networking";
import { KafkaApplication } from "../lib/access/kafka-application";
import { KafkaTopic } from "../lib/topic/kafka-topic";
import { TOPIC_CLASS_NAMES } from "../lib/standards/topic-classes";

/** The five application topic classes the estate spreads its topics over (not the Connect classes dlq, history). */
const ESTATE_CLASSES = [
  "events",
  "state",
  "audit",
  "personal",
  "telemetry",
] as const satisfies readonly (typeof TOPIC_CLASS_NAMES)[number][];

/** Shape of one estate. */
export interface EstateOptions {
  /** Topics per cluster (at least 10). */
  readonly topics: number;
  /** Every MSK application authenticates as its own SCRAM user (else as an IAM role). */
  readonly scramApplications?: boolean;
}

/** The names of the estate's stacks, in the order they are created. */
export const ESTATE_STACKS = ["estate-msk", "estate-msk-data", "estate-confluent"] as const;

/** One grant plan, shared by both clusters so that they carry the same load. */
export interface EstatePlan {
  /** Topic names with their class. */
  readonly topics: readonly { readonly name: string; readonly topicClass: (typeof TOPIC_CLASS_NAMES)[number] }[];
  /** Applications: name, topics produced, topics consumed (indexes into `topics`), consumer group. */
  readonly applications: readonly {
    readonly name: string;
    readonly produces: readonly number[];
    readonly consumes: readonly number[];
    readonly group: string;
  }[];
}

/** The plan of an estate of `topics` topics per cluster: pure data, no cdktf. */
export function estatePlan(topics: number): EstatePlan {
  if (!Number.isInteger(topics) || topics < 10)
    throw new Error(`estate: topics must be an integer ≥ 10, got ${topics}`);
  const apps = Math.floor(topics / 10);
  const domains = ["orders", "payments", "customers", "shipping", "catalog", "billing", "fraud", "web"];
  return {
    topics: Array.from({ length: topics }, (_, t) => ({
      name: `${domains[t % domains.length]}.stream-${t}.v1`,
      topicClass: ESTATE_CLASSES[t % ESTATE_CLASSES.length],
    })),
    applications: Array.from({ length: apps }, (_, i) => ({
      name: `app-${i}`,
      // Application i owns the block of 10 topics starting at 10 i: it produces on the first five and
      // reads the five the next application produces (wrapping around; a lone application reads the
      // other five of its block).
      produces: [0, 1, 2, 3, 4].map((k) => 10 * i + k),
      consumes: [0, 1, 2, 3, 4].map((k) => (apps > 1 ? 10 * ((i + 1) % apps) : 5) + k),
      group: `app-${i}-group`,
    })),
  };
}

function grantAll(
  plan: EstatePlan,
  topics: readonly KafkaTopic[],
  application: (name: string) => KafkaApplication,
): void {
  for (const a of plan.applications) {
    const app = application(a.name);
    for (const t of a.produces) topics[t].grantProduce(app);
    for (const t of a.consumes) topics[t].grantConsume(app, { group: a.group });
  }
}

// Every application produces on one telemetry topic (min.insync.replicas 1), which the standard
// allows only to the THROUGHPUT and LATENCY profiles.
const PRODUCER_PROFILE = "THROUGHPUT";

/** Adds the estate's stacks to an app (see {@link ESTATE_STACKS}). */
export function buildEstate(app: App, options: EstateOptions): void {
  const plan = estatePlan(options.topics);
  const scram = options.scramApplications === true;

  const msk = new TerraformStack(app, ESTATE_STACKS[0]);
  new AwsProvider(msk, "aws", { region: "eu-west-1" });
  const cluster = new MskCluster(msk, "estate", {
    clusterName: "estate",
    tier: "prod",
    vpcId: "vpc-0123456789abcdef0",
    clientSubnetIds: ["subnet-0a", "subnet-0b", "subnet-0c"],
    allowedClientSecurityGroupIds: ["sg-0123456789abcdef0"],
    authentication: ClientAuthentication.of({
      iam: true,
      scram: { users: ["ops-admin", ...(scram ? plan.applications.map((a) => a.name) : [])] },
    }),
    owner: "team-platform",
  });
  const mskTopics = plan.topics.map((t) => cluster.addTopic(t.name, { topicClass: t.topicClass }));
  const mskApps = new Map(
    plan.applications.map((a) => [
      a.name,
      cluster.addApplication(a.name, {
        principal: scram ? KafkaPrincipal.scramUser(a.name) : KafkaPrincipal.iamRole(`${a.name}-task`),
        producerProfile: PRODUCER_PROFILE,
      }),
    ]),
  );
  grantAll(plan, mskTopics, (name) => mskApps.get(name)!);

  const confluent = new TerraformStack(app, ESTATE_STACKS[2]);
  new ConfluentProvider(confluent, "confluent", {});
  const cc = new ConfluentCluster(confluent, "estate", {
    clusterName: "estate",
    tier: "prod",
    cloud: "AWS",
    region: "eu-central-1",
    clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
    availability: "MULTI_ZONE",
    networking: ConfluentNetworking.privateLink({
      allowedAccounts: ["123456789012"],
      zones: ["euc1-az1", "euc1-az2", "euc1-az3"],
    }),
    // Topics and API keys are created from a runner inside the PrivateLink-connected network.
    waitForApiKeys: true,
  });
  const ccTopics = plan.topics.map((t) => cc.addTopic(t.name, { topicClass: t.topicClass }));
  const ccApps = new Map(
    plan.applications.map((a) => [a.name, cc.addApplication(a.name, { producerProfile: PRODUCER_PROFILE })]),
  );
  grantAll(plan, ccTopics, (name) => ccApps.get(name)!);
}
