import { ClientProfileName } from "../standards/client-profiles";
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
