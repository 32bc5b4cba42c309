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
]);
