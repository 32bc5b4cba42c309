import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { AwsProvider, AwsProviderConfig } from "@cdktf/provider-aws/lib/provider";
import { failWith } from "../errors";
import { ensureAudit } from "../audit/cdktf/ensure-audit";
import { StackArtifacts } from "../core/stack-artifacts";
import { architectureProducer } from "../docs/architecture";
import type { MskCluster } from "../msk/msk-cluster";
import { connectorArtifactsProducer } from "./connector-artifacts";
import { pipelineRunbookProducer } from "./pipeline-runbooks";

/** Properties of an {@link MskConnectStack}. */
export interface MskConnectStackProps {
  /** The cluster whose connectors the stack holds. */
  readonly cluster: MskCluster;
  /**
   * Configuration of the stack's AWS provider.
   * @default - the region of the cluster stack's AWS provider
   */
  readonly awsProvider?: AwsProviderConfig;
}

const STACKS = new WeakMap<MskCluster, MskConnectStack>();

function awsRegionOf(stack: TerraformStack): string | undefined {
  const provider = stack.node.findAll().find((c): c is AwsProvider => c instanceof AwsProvider);
  return provider?.region;
}

/**
 * The stack of an MSK cluster's connectors (MSK Connect resources, their roles, security groups,
 * alarms and the pipelines' alarms), deployed after the cluster's data plane.
 *
 * Connectors need their topics before they start: a source fails writing to a topic that does not
 * exist, and a sink's worker creates a missing dead-letter topic itself, after which the data
 * plane's `kafka_topic` fails with "already exists". The topics live in the data-plane stack, which
 * is deployed after the cluster's stack, so the connectors get a third stack that depends on it:
 * `cdktf deploy <cluster stack> <cluster stack>-data <cluster stack>-connect` (or `'*'`), destroyed
 * in the reverse order. Values of the other stacks cross as cdktf cross-stack references.
 *
 * Created on first use by {@link MskConnectStack.of} as `<cluster stack id>-connect`; create it
 * yourself before the first connector to choose its id or its AWS provider.
 *
 * @example
 * import { App } from "cdktf";
 * import { MskConnectStack } from "cdktf-kafka-standards";
 *
 * // Before the cluster's first connector: the connectors' stack under an id of your choice.
 * new MskConnectStack(App.of(cluster), "orders-connectors", { cluster });
 */
export class MskConnectStack extends TerraformStack {
  /**
   * The stack of `cluster`'s connectors, created on first use in the cluster's app.
   *
   * @example
   * import { MskConnectStack } from "cdktf-kafka-standards";
   *
   * const connectStack = MskConnectStack.of(cluster); // `<cluster stack>-connect`
   * console.log(connectStack.node.id);
   */
  public static of(cluster: MskCluster): MskConnectStack {
    const known = STACKS.get(cluster);
    if (known) return known;
    const control = TerraformStack.of(cluster);
    const id = `${control.node.id}-connect`;
    const existing = App.of(cluster).node.tryFindChild(id);
    if (existing) {
      const owner =
        existing instanceof MskConnectStack ? `the connectors of ${existing.cluster.clusterName}` : "a stack";
      failWith(
        "KSE-CONN-017",
        "MskConnectStack",
        id,
        `a stack id not used by another stack (${id} holds ${owner})`,
        `Create new MskConnectStack(app, "<unique id>", { cluster }) for ${cluster.clusterName} before its first connector.`,
        cluster.node.path,
      );
    }
    return new MskConnectStack(App.of(cluster), id, { cluster });
  }

  /** The cluster. */
  public readonly cluster: MskCluster;

  constructor(scope: Construct, id: string, props: MskConnectStackProps) {
    const cluster = props?.cluster;
    if (typeof cluster !== "object" || cluster === null || cluster.backend !== "msk") {
      failWith("KSE-CONN-019", "cluster", cluster, "an MskCluster", "Pass the cluster of the connectors.", id);
    }
    const taken = STACKS.get(cluster);
    if (taken) {
      failWith(
        "KSE-CONN-017",
        "cluster",
        cluster.clusterName,
        `one connect stack per cluster (${taken.node.id} already holds its connectors)`,
        "Create the stack once, before the cluster's first connector.",
        id,
      );
    }
    super(scope, id);
    this.cluster = cluster;
    STACKS.set(cluster, this);
    ensureAudit(this);
    StackArtifacts.of(this).add(architectureProducer);
    StackArtifacts.of(this).add(connectorArtifactsProducer);
    StackArtifacts.of(this).add(pipelineRunbookProducer);
    new AwsProvider(this, "aws", props.awsProvider ?? { region: awsRegionOf(TerraformStack.of(cluster)) });
    // Topics (and the cluster, through them) first.
    this.addDependency(cluster.dataPlane);
  }

  /** The scope of one connector's resources; each connector name once per cluster. */
  public connectorScope(connectorName: string, path: string): Construct {
    this.checkConnectorNameFree(connectorName, path);
    return new Construct(this, connectorName);
  }

  /** The scope of one pipeline's resources (its alarms); each pipeline name once per cluster. */
  public pipelineScope(pipelineName: string, path: string): Construct {
    this.checkFree(`Pipeline-${pipelineName}`, pipelineName, "pipeline", path);
    return new Construct(this, `Pipeline-${pipelineName}`);
  }

  /** Throws KSE-CONN-020 when a connector of that name is already declared on the cluster. */
  public checkConnectorNameFree(connectorName: string, path: string): void {
    this.checkFree(connectorName, connectorName, "connector", path);
  }

  private checkFree(id: string, name: string, what: "connector" | "pipeline", path: string): void {
    if (this.node.tryFindChild(id)) {
      failWith(
        "KSE-CONN-020",
        "name",
        name,
        `a name not used by another ${what} of cluster ${this.cluster.clusterName}`,
        `Rename the ${what}: ${what === "connector" ? "MSK Connect names a connector once per region" : "its alarms and runbooks carry its name"}.`,
        path,
      );
    }
  }
}
