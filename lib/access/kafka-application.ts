import { CLIENT_PROFILE_NAMES, ClientProfileName } from "../standards/client-profiles";
import { Rule, bool, custom, instance, obj, oneOf, reject, validate } from "../core/validate";
import { failWith } from "../errors";
import { KafkaPrincipal } from "./kafka-principal";
import type { IKafkaCluster } from "../topic/kafka-cluster";

/** Properties of a {@link KafkaApplication}. */
export interface KafkaApplicationProps {
  /** Who the application authenticates as. */
  readonly principal: KafkaPrincipal;
  /**
   * Producer profile: sets the client properties rendered for the application, and what it needs
   * of the topics it writes (DURABILITY and EXACTLY_ONCE need RF ≥ 3 and min ISR ≥ 2).
   * @default "DURABILITY"
   */
  readonly producerProfile?: ClientProfileName;
  /**
   * Consumer profile.
   * @default - the producer profile
   */
  readonly consumerProfile?: ClientProfileName;
  /**
   * The application's ACLs exist already (MSK): the first apply imports every ACL its grants declare
   * (Terraform `import` blocks) instead of creating them. Remove it once they are in the state; a grant
   * added while it is set must exist on the cluster too.
   * @default false
   */
  readonly adopt?: boolean;
  /**
   * The cluster the application is declared on (set by `cluster.addApplication`). Grants and quotas
   * are refused on any other cluster.
   * @default - none: the application can be granted on no cluster until declared on one
   */
  readonly cluster?: IKafkaCluster;
}

/**
 * How an application is declared on a cluster (`cluster.addApplication(name, options)`). MSK needs the
 * principal the application authenticates as; Confluent creates a service account per application
 * and takes none.
 */
export interface KafkaApplicationOptions {
  /**
   * Who the application authenticates as (MSK only).
   * @default - required on MSK; on Confluent Cloud the application's own new service account
   */
  readonly principal?: KafkaPrincipal;
  /**
   * Producer profile.
   * @default "DURABILITY"
   */
  readonly producerProfile?: ClientProfileName;
  /**
   * Consumer profile.
   * @default - the producer profile
   */
  readonly consumerProfile?: ClientProfileName;
  /**
   * The application's ACLs exist already (MSK): the first apply imports every ACL its grants declare
   * (Terraform `import` blocks) instead of creating them. Remove it once they are in the state; a grant
   * added while it is set must exist on the cluster too.
   * @default false
   */
  readonly adopt?: boolean;
}

const PROFILE = (key: string): Rule =>
  oneOf("KSE-ACCESS-011", key, CLIENT_PROFILE_NAMES, {
    fix: `Use one of ${CLIENT_PROFILE_NAMES.join(", ")} (see docs/STANDARDS.md, client profiles).`,
  });

const PRINCIPAL = (required: boolean): Rule =>
  instance("KSE-ACCESS-012", "principal", KafkaPrincipal, {
    required,
    allowed: "a KafkaPrincipal: KafkaPrincipal.iamRole(...), .scramUser(...) or .tlsCertificate(...)",
    fix: 'Use a KafkaPrincipal factory, e.g. KafkaPrincipal.iamRole("orders-api").',
  });

const APPLICATION_OPTIONS: Rule = obj(
  "KSE-CORE-004",
  "options",
  [PRINCIPAL(false), PROFILE("producerProfile"), PROFILE("consumerProfile"), bool("KSE-CORE-006", "adopt")],
  {
    allowed: "KafkaApplicationOptions { principal?, producerProfile?, consumerProfile?, adopt? }",
    fix: 'Pass options, e.g. { principal: KafkaPrincipal.iamRole("orders-api"), producerProfile: "DURABILITY" }.',
  },
);

const CLUSTER_TEXT = {
  allowed: "the MskCluster or ConfluentCluster the application is declared on",
  fix: "Declare applications with cluster.addApplication(...).",
};

const APPLICATION_PROPS: Rule = obj(
  "KSE-CORE-004",
  "props",
  [
    PRINCIPAL(true),
    PROFILE("producerProfile"),
    PROFILE("consumerProfile"),
    bool("KSE-CORE-006", "adopt"),
    custom("KSE-ACCESS-012", "cluster", CLUSTER_TEXT, (v, at) => {
      if (typeof v !== "object" || v === null || !("access" in v))
        reject({ code: "KSE-ACCESS-012", ...CLUSTER_TEXT }, at, v);
    }),
  ],
  {
    required: true,
    allowed: "KafkaApplicationProps { principal, producerProfile?, consumerProfile?, adopt?, cluster? }",
    fix: "Pass props with the application's principal.",
  },
);

function checkApplicationName(name: unknown, path: string | undefined): void {
  if (typeof name !== "string" || name.trim() === "") {
    failWith(
      "KSE-ACCESS-003",
      "application name",
      name,
      "a non-empty name of lower-case letters, digits and hyphens",
      'Name the application, e.g. "orders-api".',
      path,
    );
  }
}

/**
 * Validates the options of `cluster.addApplication(name, options)` (name, principal type, known
 * profiles with "did you mean"), so a backend can refuse bad input before it creates the
 * application's resources. Backend rules (principal kinds of the cluster, unique names) follow.
 */
export function checkApplicationOptions(name: unknown, options: unknown, path?: string): void {
  checkApplicationName(name, path);
  validate(options, APPLICATION_OPTIONS, "options", path);
}

/**
 * Refuses an argument that should be an application (`cluster.addQuota(app, …)`, grants) but is
 * not, such as an application name given as a string.
 */
export function checkApplicationArgument(value: unknown, prop: string, path?: string): void {
  if (!(value instanceof KafkaApplication)) {
    failWith(
      "KSE-ACCESS-012",
      prop,
      value,
      "a KafkaApplication, as returned by cluster.addApplication(...)",
      'Pass the application object: const app = cluster.addApplication("orders-api", …).',
      path,
    );
  }
}

/** One consumed topic and its consumer group. */
export interface ConsumedTopic {
  /** Topic name. */
  readonly topic: string;
  /** Consumer group. */
  readonly group: string;
}

/**
 * An application that talks to one cluster: its principal, client profiles, and the topics it
 * produces to and consumes from (filled in by `topic.grantProduce` / `grantConsume`). The library
 * renders its client properties from this, for the Java client and librdkafka.
 */
export class KafkaApplication {
  /** Producer profile. */
  public readonly producerProfile: ClientProfileName;
  /** Consumer profile. */
  public readonly consumerProfile: ClientProfileName;
  /** Topics it produces to. */
  public readonly produces: string[] = [];
  /** Topics it consumes, with groups. */
  public readonly consumes: ConsumedTopic[] = [];

  constructor(
    /** Application name (also its `client.id` and transactional-id prefix). */
    public readonly name: string,
    /** Properties. */
    public readonly props: KafkaApplicationProps,
  ) {
    checkApplicationName(name, undefined);
    validate(props, APPLICATION_PROPS, "props");
    this.producerProfile = props.producerProfile ?? "DURABILITY";
    this.consumerProfile = props.consumerProfile ?? this.producerProfile;
  }

  /** The cluster the application is declared on. */
  public get cluster(): IKafkaCluster | undefined {
    return this.props.cluster;
  }

  /** The principal. */
  public get principal(): KafkaPrincipal {
    return this.props.principal;
  }

  /** Consumer groups the application uses. */
  public get groups(): string[] {
    return [...new Set(this.consumes.map((c) => c.group))];
  }
}
