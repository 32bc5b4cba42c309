// Public entry point of cdktf-kafka-standards/providers: the Terraform provider bindings the library's
// constructs need and no published cdktf package provides. They are generated from lib/providers/schema/
// (`npm run gen:providers`); this file only re-exports them, under a subpath of their own so that generated
// names (the Confluent `KafkaTopic` resource, the Mongey `Topic`) never clash with the library's constructs.

/**
 * `confluentinc/confluent` provider (`~> 2.83`). Every stack holding a `ConfluentCluster` (or a
 * `ConfluentDrPair`) needs one; its Cloud API key comes from `CONFLUENT_CLOUD_API_KEY` /
 * `CONFLUENT_CLOUD_API_SECRET`, never from code.
 *
 * @example
 * import { TerraformStack } from "cdktf";
 * import { ConfluentProvider } from "cdktf-kafka-standards/providers";
 *
 * const streaming = new TerraformStack(app, "streaming");
 * new ConfluentProvider(streaming, "confluent", {}); // credentials from the environment
 */
export { ConfluentProvider } from "../lib/providers/confluent/provider";
/** Configuration of a {@link ConfluentProvider}; leave the credentials out, the environment supplies them. */
export type { ConfluentProviderConfig } from "../lib/providers/confluent/provider";

/**
 * `Mongey/kafka` provider (`~> 0.13.1`). An `MskCluster` creates the one its data plane needs; declare
 * one yourself only to manage Kafka resources of a cluster the library does not create.
 *
 * @example
 * import { KafkaProvider } from "cdktf-kafka-standards/providers";
 *
 * new KafkaProvider(stack, "existing-cluster", {
 *   bootstrapServers: ["b-1.example.kafka.eu-west-1.amazonaws.com:9098"],
 *   tlsEnabled: true,
 *   saslMechanism: "aws-iam",
 *   saslAwsRegion: "eu-west-1",
 * });
 */
export { KafkaProvider } from "../lib/providers/kafka/provider";
/** Configuration of a {@link KafkaProvider}. */
export type { KafkaProviderConfig } from "../lib/providers/kafka/provider";

/**
 * Every generated `confluentinc/confluent` binding, one namespace per resource
 * (`confluent.kafkaTopic.KafkaTopic`, `confluent.provider.ConfluentProvider`, …).
 */
export * as confluent from "../lib/providers/confluent/index";

/**
 * Every generated `Mongey/kafka` binding, one namespace per resource
 * (`kafka.topic.Topic`, `kafka.acl.Acl`, `kafka.provider.KafkaProvider`, …).
 */
export * as kafka from "../lib/providers/kafka/index";
