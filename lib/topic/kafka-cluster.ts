import { IConstruct } from "constructs";
import { EnvironmentTier } from "../standards/tiers";
import { KafkaApplication, KafkaApplicationOptions } from "../access/kafka-application";
import { KafkaPrincipal } from "../access/kafka-principal";
import { KafkaTopicProps } from "./kafka-topic-props";
import type { KafkaTopic } from "./kafka-topic";

/** Byte-rate quotas for one application. */
export interface ClientQuota {
  /** Produce bandwidth, bytes/s. @default - no produce quota */
  readonly producerByteRate?: number;
  /** Fetch bandwidth, bytes/s. @default - no consume quota */
  readonly consumerByteRate?: number;
  /** Share of broker request-handler time, percent (MSK only). @default - no request quota */
  readonly requestPercentage?: number;
}

/**
 * A Kafka cluster of either backend. Topics, applications, grants and quotas are declared once
 * against this interface and synthesized for MSK (Mongey/kafka provider and IAM policies in a
 * data-plane stack) or Confluent Cloud (confluent_* resources).
 */
export interface IKafkaCluster extends IConstruct {
  /** Backend. */
  readonly backend: "msk" | "confluent";
  /** Cluster name. */
  readonly clusterName: string;
  /** Tier. */
  readonly tier: EnvironmentTier;
  /** Adds a topic. */
  addTopic(name: string, props?: KafkaTopicProps): KafkaTopic;
  /** Declares an application: its principal (MSK) and client profiles. */
  addApplication(name: string, options?: KafkaApplicationOptions): KafkaApplication;
  /** Adds byte-rate quotas for an application. */
  addQuota(application: KafkaApplication, quota: ClientQuota): void;
  /** The backend's access implementation (used by KafkaTopic). */
  readonly access: IKafkaAccess;
}

/** What a backend implements for topics, grants and quotas. */
export interface IKafkaAccess {
  /** Grants produce rights on a topic. */
  grantProduce(topic: KafkaTopic, application: KafkaApplication): void;
  /** Grants consume rights on a topic for a consumer group. */
  grantConsume(topic: KafkaTopic, application: KafkaApplication, group: string): void;
  /** The application of a bare principal (created on first use with the default profiles). */
  applicationFor(principal: KafkaPrincipal): KafkaApplication;
  /** True when `application` was declared on this cluster (grants and quotas are refused otherwise). */
  isRegistered(application: KafkaApplication): boolean;
}
