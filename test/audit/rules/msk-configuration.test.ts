import { describeRule, r } from "../helpers";
import { BASELINE_PROPERTIES, secureCluster, secureMskStack } from "../fixtures";

const config = (properties: string) => [
  r("aws_msk_configuration.baseline", { name: "c", server_properties: properties }),
];
const without = (key: string) =>
  BASELINE_PROPERTIES.split("\n")
    .filter((l) => !l.startsWith(`${key}=`))
    .join("\n");
const replace = (key: string, value: string) => `${without(key)}\n${key}=${value}`;
const expressStack = (properties: string) => [
  r("aws_msk_configuration.baseline", { name: "c", server_properties: properties }),
  r(
    "aws_msk_cluster.main",
    secureCluster({ broker_node_group_info: { instance_type: "express.m7g.large", client_subnets: ["a", "b", "c"] } }),
  ),
];
const target = "aws_msk_configuration.baseline";

/** A configuration attached to a cluster of `brokers` brokers in `tier` (tier from the cluster's tag). */
const tiered = (tier: string, brokers: number, rf: string, isr: string) => [
  r("aws_msk_configuration.baseline", {
    name: "c",
    server_properties: replace("default.replication.factor", rf).replace(
      /min\.insync\.replicas=\d+/,
      `min.insync.replicas=${isr}`,
    ),
  }),
  r(
    "aws_msk_cluster.main",
    secureCluster({
      number_of_broker_nodes: brokers,
      tags: { Environment: tier },
      broker_node_group_info: {
        instance_type: "kafka.m7g.large",
        client_subnets: ["a", "b", "c"].slice(0, Math.min(3, brokers)),
      },
    }),
  ),
];
/** A cluster whose configuration is in another file. */
const clusterOnly = [
  r(
    "aws_msk_cluster.main",
    secureCluster({ configuration_info: { arn: "arn:aws:kafka:eu-west-1:1:configuration/shared/1", revision: 1 } }),
  ),
];

describeRule("KS-MSK-020", [
  { name: "baseline", resources: secureMskStack(), target, expect: "compliant" },
  {
    name: "true fails",
    resources: config(replace("unclean.leader.election.enable", "true")),
    expect: "non-compliant",
    message: "unclean.leader.election.enable is true; the baseline requires false",
  },
  {
    name: "absent fails (MSK default true)",
    resources: config(without("unclean.leader.election.enable")),
    expect: "non-compliant",
    message: "unclean.leader.election.enable is true (MSK default: key not set); the baseline requires false",
  },
  {
    name: "Express clusters fix it",
    resources: expressStack("auto.create.topics.enable=false"),
    expect: "not-applicable",
  },
  {
    name: "unresolved server_properties is not verifiable",
    resources: config('${templatefile("x", {})}'),
    expect: "not-verifiable",
  },
]);

describeRule("KS-MSK-021", [
  { name: "baseline", resources: secureMskStack(), target, expect: "compliant" },
  { name: "absent (MSK default false)", resources: config(without("auto.create.topics.enable")), expect: "compliant" },
  {
    name: "true fails",
    resources: config(replace("auto.create.topics.enable", "TRUE")),
    expect: "non-compliant",
    message: "auto.create.topics.enable is true; the baseline requires false",
  },
]);

describeRule("KS-MSK-022", [
  { name: "baseline", resources: secureMskStack(), target, expect: "compliant" },
  { name: "absent (MSK default 2)", resources: config(without("min.insync.replicas")), expect: "compliant" },
  {
    name: "1 fails",
    resources: config(replace("min.insync.replicas", "1")),
    expect: "non-compliant",
    message: "min.insync.replicas is 1; the baseline requires at least 2",
  },
  {
    name: "equal to RF fails",
    resources: config(replace("min.insync.replicas", "3")),
    expect: "non-compliant",
    message:
      "min.insync.replicas 3 > default.replication.factor 3 − 1: acks=all producers block during rolling updates",
  },
  { name: "Express clusters fix it", resources: expressStack("min.insync.replicas=1"), expect: "not-applicable" },
  {
    name: "dev cluster of two brokers: min ISR 1 (the constructs' baseline)",
    resources: tiered("dev", 2, "2", "1"),
    target,
    expect: "compliant",
  },
  {
    name: "dev cluster of three brokers: 1 fails",
    resources: tiered("dev", 3, "3", "1"),
    target,
    expect: "non-compliant",
    message: "min.insync.replicas is 1; the baseline requires at least 2",
  },
  {
    name: "staging allows no two-broker baseline",
    resources: tiered("staging", 3, "2", "1"),
    target,
    expect: "non-compliant",
    message: "min.insync.replicas is 1; the baseline requires at least 2",
  },
  {
    name: "a dev configuration whose cluster is out of sight: the dev tier's smallest cluster",
    resources: [
      r(
        "aws_msk_configuration.baseline",
        {
          name: "c",
          server_properties: replace("default.replication.factor", "2").replace(
            "min.insync.replicas=2",
            "min.insync.replicas=1",
          ),
        },
        { tier: "dev" },
      ),
    ],
    expect: "compliant",
  },
  { name: "a cluster whose configuration is in another file", resources: clusterOnly, expect: "not-verifiable" },
  { name: "a cluster whose configuration is here", resources: secureMskStack(), expect: "not-applicable" },
]);

describeRule("KS-MSK-023", [
  { name: "baseline", resources: secureMskStack(), target, expect: "compliant" },
  {
    name: "absent fails (MSK default true)",
    resources: config(without("allow.everyone.if.no.acl.found")),
    expect: "non-compliant",
    message: "allow.everyone.if.no.acl.found is true (MSK default: key not set); the baseline requires false",
  },
  {
    name: "Express clusters are checked too",
    resources: expressStack("allow.everyone.if.no.acl.found=true"),
    expect: "non-compliant",
    message: "allow.everyone.if.no.acl.found is true; the baseline requires false",
  },
]);

describeRule("KS-MSK-024", [
  { name: "baseline", resources: secureMskStack(), target, expect: "compliant" },
  { name: "absent (MSK default 3)", resources: config(without("default.replication.factor")), expect: "compliant" },
  {
    name: "2 fails",
    resources: config(replace("default.replication.factor", "2")),
    expect: "non-compliant",
    message: "default.replication.factor is 2; the baseline requires at least 3",
  },
  {
    name: "Express clusters fix it",
    resources: expressStack("default.replication.factor=2"),
    expect: "not-applicable",
  },
  {
    name: "dev cluster of two brokers: RF 2 (the constructs' baseline)",
    resources: tiered("dev", 2, "2", "1"),
    target,
    expect: "compliant",
  },
  {
    name: "dev cluster of two brokers: RF 1 fails",
    resources: tiered("dev", 2, "1", "1"),
    target,
    expect: "non-compliant",
    message: "default.replication.factor is 1; the dev baseline for 2 brokers requires at least 2",
  },
  {
    name: "prod cluster: RF 2 fails",
    resources: tiered("prod", 3, "2", "1"),
    target,
    expect: "non-compliant",
    message: "default.replication.factor is 2; the baseline requires at least 3",
  },
  { name: "a cluster whose configuration is in another file", resources: clusterOnly, expect: "not-verifiable" },
]);
