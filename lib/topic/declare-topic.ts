import { Construct } from "constructs";
import { TerraformResource } from "cdktf";
import { failWith } from "../errors";
import { IKafkaCluster } from "./kafka-cluster";
import { KafkaTopic } from "./kafka-topic";
import { KafkaTopicProps } from "./kafka-topic-props";
import { TopicContext, TopicSpec, resolveTopicSpec } from "./topic-spec";

/** What a backend supplies to declare one topic. */
export interface DeclareTopicArgs {
  /** The cluster the topic belongs to. */
  readonly cluster: IKafkaCluster;
  /**
   * Construct under which the backend keeps its topics; called only once the topic is valid, so a
   * refused topic creates nothing (not even the MSK data-plane stack).
   */
  readonly parent: () => Construct;
  /** Construct path of `parent` (for messages, before it exists). */
  readonly parentPath: string;
  /** Id of the folder construct of topics under `parent`. */
  readonly scopeId: string;
  /** Topic name. */
  readonly name: string;
  /** Caller's props. */
  readonly props: KafkaTopicProps;
  /** Backend context (the path is added here). */
  readonly context: Omit<TopicContext, "path">;
  /** Creates the backend's Terraform resource for the validated spec. */
  readonly resource: (scope: Construct, spec: TopicSpec) => TerraformResource;
}

/** Validates a topic against the standard, refuses duplicates, and creates it (shared by every backend). */
export function declareTopic(args: DeclareTopicArgs): KafkaTopic {
  const path = `${args.parentPath}/${args.scopeId}/${args.name}`;
  const spec = resolveTopicSpec(args.name, args.props, { ...args.context, path });
  const parent = args.parent();
  const existing = parent.node.tryFindChild(args.scopeId) as Construct | undefined;
  if (existing?.node.tryFindChild(args.name)) {
    failWith(
      "KSE-TOPIC-014",
      "name",
      args.name,
      "a topic name not yet declared on this cluster",
      "Reuse the KafkaTopic returned by the first addTopic call.",
      path,
    );
  }
  const scope = existing ?? new Construct(parent, args.scopeId);
  return new KafkaTopic(scope, args.name, args.cluster, spec, (topicScope) => args.resource(topicScope, spec));
}
