/** Constructs sized by a workload: MskCluster, ConfluentCluster and topics. */
import { TerraformVariable } from "cdktf";
import { MskCluster } from "../../lib/msk/msk-cluster";
import type { MskClusterProps } from "../../lib/msk/msk-cluster-props";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import type { ConfluentClusterProps } from "../../lib/confluent/confluent-cluster-props";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { KafkaStandardsError } from "../../lib/errors";
import { BrokerInstanceType } from "../../lib/standards/broker-types";
import { KafkaVersion } from "../../lib/standards/kafka-versions";
import type { Workload } from "../../lib/sizing/workload";
import { newStack, only, resourcesOf, synth } from "../helpers";
import { newConfluentStack } from "../confluent/helpers";

const SUBNETS = ["subnet-a", "subnet-b", "subnet-c"];
const MSK: MskClusterProps = { clusterName: "clicks", tier: "prod", vpcId: "vpc-1", clientSubnetIds: SUBNETS };
const CFL: ConfluentClusterProps = { clusterName: "clicks", tier: "prod", cloud: "AWS", region: "us-east-1" };
const K10: Workload = { messagesPerSecond: 10_000, averageMessageBytes: 1024 };
const K100: Workload = { messagesPerSecond: 100_000, averageMessageBytes: 1024 };
const M1: Workload = { messagesPerSecond: 1_000_000, averageMessageBytes: 1024 };

function msk(props: Partial<MskClusterProps>): any {
  const { stack } = newStack();
  new MskCluster(stack, "clicks", { ...MSK, ...props });
  return only(synth(stack), "aws_msk_cluster");
}

function confluent(props: Partial<ConfluentClusterProps>): any {
  const { stack } = newConfluentStack();
  new ConfluentCluster(stack, "clicks", { ...CFL, ...props });
  return only(synth(stack), "confluent_kafka_cluster");
}

function refused(fn: () => unknown, code: string, fragment: string): void {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KafkaStandardsError);
  expect((error as KafkaStandardsError).code).toBe(code);
  expect((error as Error).message).toContain(fragment);
}

describe("MskCluster with a workload", () => {
  test("no workload: the props alone decide, as before", () => {
    const c = msk({});
    expect([c.number_of_broker_nodes, c.broker_node_group_info.instance_type]).toEqual([3, "kafka.m7g.large"]);
  });

  test.each<[string, Workload, number, string]>([
    ["10K/s", K10, 3, "express.m7g.large"],
    ["100K/s", K100, 9, "express.m7g.large"],
    ["1M/s", M1, 21, "express.m7g.2xlarge"],
  ])("%s of 1 KiB: the cheapest size that fits, MSK Express, with no EBS volume", (_n, workload, brokers, type) => {
    const c = msk({ workload });
    expect([c.number_of_broker_nodes, c.broker_node_group_info.instance_type]).toEqual([brokers, type]);
    expect(c.broker_node_group_info.storage_info).toBeUndefined();
  });

  test("subnets given as a Terraform list: sized for 3 AZs", () => {
    const { stack } = newStack();
    const subnets = new TerraformVariable(stack, "subnets", { type: "list(string)" });
    new MskCluster(stack, "clicks", { ...MSK, clientSubnetIds: subnets.listValue, workload: K100 });
    expect(only(synth(stack), "aws_msk_cluster").number_of_broker_nodes).toBe(9);
  });

  test("an explicit Standard type: broker count, EBS volume and an autoscaling ceiling above the volume", () => {
    const c = msk({ workload: K100, instanceType: BrokerInstanceType.M7G_LARGE });
    expect(c.number_of_broker_nodes).toBe(24);
    expect(c.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(14420);
    const { stack } = newStack();
    new MskCluster(stack, "clicks", {
      ...MSK,
      tier: "staging",
      workload: K100,
      instanceType: BrokerInstanceType.M7G_LARGE,
    });
    const target = only(synth(stack), "aws_appautoscaling_target");
    expect(target.max_capacity).toBe(16384);
  });

  test("a volume prop rules Express out: Standard brokers are sized instead", () => {
    const c = msk({ workload: K10, volumeSizeGiB: 12000 });
    expect([c.number_of_broker_nodes, c.broker_node_group_info.instance_type]).toEqual([3, "kafka.m7g.large"]);
    expect(c.broker_node_group_info.storage_info.ebs_storage_info.volume_size).toBe(12000);
  });

  test("two subnets in dev rule Express out and size for 2 AZs", () => {
    const c = msk({ workload: K10, tier: "dev", clientSubnetIds: ["subnet-a", "subnet-b"] });
    expect(c.broker_node_group_info.instance_type).toMatch(/^kafka\./);
    expect(c.number_of_broker_nodes % 2).toBe(0);
  });

  test("an Express-only Kafka version rules Standard out", () => {
    const c = msk({ workload: K10, kafkaVersion: KafkaVersion.of("4.2.x.kraft") });
    expect(c.broker_node_group_info.instance_type).toBe("express.m7g.large");
  });

  test("explicit brokerNodes that carry the workload win; the cheapest type for that count is taken", () => {
    const c = msk({ workload: K100, brokerNodes: 6 });
    expect(c.number_of_broker_nodes).toBe(6);
    expect(c.broker_node_group_info.instance_type).toBe("express.m7g.xlarge");
  });

  test("refused: brokerNodes that cannot carry the workload (KSE-SIZE-020), with the count that would", () => {
    refused(
      () => msk({ workload: K100, brokerNodes: 3, instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE }),
      "KSE-SIZE-020",
      "Invalid brokerNodes at",
    );
    refused(
      () => msk({ workload: K100, brokerNodes: 3, instanceType: BrokerInstanceType.EXPRESS_M7G_LARGE }),
      "KSE-SIZE-020",
      "Use 9 × express.m7g.large",
    );
  });

  test("refused: an instance type that cannot carry the workload within the broker quota (KSE-SIZE-020)", () => {
    refused(
      () => msk({ workload: M1, instanceType: BrokerInstanceType.M7G_LARGE }),
      "KSE-SIZE-020",
      "Invalid instanceType",
    );
  });

  test("refused: an instance type the model does not know (KSE-SIZE-020)", () => {
    refused(
      () => msk({ workload: K10, instanceType: BrokerInstanceType.of("kafka.m8g.large") }),
      "KSE-SIZE-020",
      "kafka.m8g.large",
    );
  });

  test("refused: a volume without autoscaling too small for the retained data (KSE-SIZE-021)", () => {
    refused(
      () => msk({ workload: K10, volumeSizeGiB: 1000, storageAutoscaling: false }),
      "KSE-SIZE-021",
      "at least 11536 GiB per broker",
    );
  });

  test("refused: an autoscaling ceiling too low for the retained data (KSE-SIZE-021)", () => {
    refused(
      () =>
        msk({
          workload: K10,
          instanceType: BrokerInstanceType.M7G_LARGE,
          storageAutoscaling: { maxVolumeSizeGiB: 5000 },
        }),
      "KSE-SIZE-021",
      "storageAutoscaling.maxVolumeSizeGiB",
    );
  });

  test("refused: no MSK size carries 1M/s for 7 days on Standard brokers (KSE-SIZE-022)", () => {
    refused(() => msk({ workload: M1, volumeSizeGiB: 16384 }), "KSE-SIZE-022", "213 × kafka.m7g.large (storage)");
  });

  test("refused: an invalid workload, named as the construct's prop (KSE-SIZE-002)", () => {
    refused(
      () => msk({ workload: { ...K10, messagesPerSecond: NaN } }),
      "KSE-SIZE-002",
      "Invalid workload.messagesPerSecond at",
    );
    refused(() => msk({ workload: "lots" as never }), "KSE-SIZE-001", "Invalid workload at");
  });
});

describe("ConfluentCluster with a workload", () => {
  test("prod 10K/s: Standard with a multi-zone ceiling of 2 eCKU", () => {
    expect(confluent({ workload: K10 }).standard).toEqual([{ max_ecku: 2 }]);
  });

  test("prod 100K/s: Standard, 5 eCKU (at the high end of the price ranges it beats Enterprise by $547)", () => {
    const c = confluent({ workload: K100 });
    expect(c.standard).toEqual([{ max_ecku: 5 }]);
  });

  test("prod 1M/s: Enterprise with 18 eCKU", () => {
    expect(confluent({ workload: M1 }).enterprise).toEqual([{ max_ecku: 18 }]);
  });

  test("dev single-zone 10K/s kept 3 days: Basic, 3 eCKU", () => {
    expect(confluent({ tier: "dev", workload: { ...K10, retentionHours: 72 } }).basic).toEqual([{ max_ecku: 3 }]);
  });

  test("private link networking allows Dedicated only: 18 CKU at 1M/s", () => {
    const c = confluent({
      workload: M1,
      networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
    });
    expect(c.dedicated).toEqual({ cku: 18 });
  });

  test("an explicit type that carries the workload wins as given", () => {
    expect(
      confluent({ workload: K10, clusterType: ConfluentClusterType.enterprise({ maxEcku: 4 }) }).enterprise,
    ).toEqual([{ max_ecku: 4 }]);
  });

  test.each<[string, ConfluentClusterType, string, string]>([
    [
      "Dedicated with too few CKU",
      ConfluentClusterType.dedicated({ cku: 4 }),
      "clusterType.cku",
      "dedicated({ cku: 18 })",
    ],
    [
      "an eCKU ceiling too low",
      ConfluentClusterType.enterprise({ maxEcku: 10 }),
      "clusterType.maxEcku",
      "enterprise({ maxEcku: 18 })",
    ],
    ["a type that cannot reach the load", ConfluentClusterType.standard(), "Invalid clusterType", "Remove clusterType"],
  ])("refused: %s (KSE-SIZE-023)", (_n, clusterType, prop, fix) => {
    refused(() => confluent({ workload: M1, clusterType }), "KSE-SIZE-023", prop);
    refused(() => confluent({ workload: M1, clusterType }), "KSE-SIZE-023", fix);
  });

  test("refused: nothing the tier allows carries the workload (KSE-SIZE-024)", () => {
    refused(() => confluent({ workload: { ...M1, messagesPerSecond: 5e6 } }), "KSE-SIZE-024", "enterprise: needs");
  });
});

describe("topics with a workload", () => {
  test("MSK: partitions from the workload; a cluster workload spread over its topics", () => {
    const { stack } = newStack();
    const cluster = new MskCluster(stack, "clicks", { ...MSK, workload: M1 });
    cluster.addTopic("web.clicks", { workload: M1 });
    cluster.addTopic("web.views", { workload: { ...M1, topics: 5 } });
    cluster.addTopic("web.sized", { workload: K10, partitions: 12 });
    const data = stack.node.scope!.node.children.find((c) => c.node.id === "test-data") as any;
    const topics = Object.fromEntries(resourcesOf(synth(data), "kafka_topic").map((t) => [t.name, t.partitions]));
    expect(topics).toEqual({ "web.clicks": 105, "web.views": 21, "web.sized": 12 });
  });

  test("Confluent: partitions at Standard's 5 MB/s per partition", () => {
    const { stack } = newConfluentStack();
    const cluster = new ConfluentCluster(stack, "clicks", CFL);
    cluster.addTopic("web.clicks", { workload: K100 });
    const t = only(synth(stack), "confluent_kafka_topic");
    expect(t.partitions_count).toBe(21);
  });

  test("refused: fewer partitions than the workload needs, or workload with throughput (KSE-SIZE-025)", () => {
    const { stack } = newStack();
    const cluster = new MskCluster(stack, "clicks", MSK);
    refused(
      () => cluster.addTopic("web.clicks", { workload: M1, partitions: 50 }),
      "KSE-SIZE-025",
      "at least 105 partitions",
    );
    refused(
      () => cluster.addTopic("web.clicks", { workload: M1, throughput: { targetMBps: 10 } }),
      "KSE-SIZE-025",
      "either workload or throughput",
    );
  });
});
