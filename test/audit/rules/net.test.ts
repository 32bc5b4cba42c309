import { describeRule, r } from "../helpers";

const sg = (ingress: Record<string, unknown>[]) => [r("aws_security_group.s", { name: "s", ingress })];
const rule = (attrs: Record<string, unknown>) => [
  r("aws_security_group_rule.s", { type: "ingress", security_group_id: "sg-1", ...attrs }),
];
const vpcRule = (attrs: Record<string, unknown>) => [
  r("aws_vpc_security_group_ingress_rule.s", { security_group_id: "sg-1", ...attrs }),
];

describeRule("KS-NET-001", [
  {
    name: "Kafka from the VPC",
    resources: sg([{ from_port: 9098, to_port: 9098, protocol: "tcp", cidr_blocks: ["10.0.0.0/16"] }]),
    expect: "compliant",
  },
  {
    name: "HTTPS from anywhere",
    resources: sg([{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }]),
    expect: "compliant",
  },
  {
    name: "UDP from anywhere on 9092",
    resources: rule({ from_port: 9092, to_port: 9092, protocol: "udp", cidr_blocks: ["0.0.0.0/0"] }),
    expect: "compliant",
  },
  {
    name: "egress rule",
    resources: rule({ type: "egress", from_port: 0, to_port: 0, protocol: "-1", cidr_blocks: ["0.0.0.0/0"] }),
    expect: "not-applicable",
  },
  { name: "no ingress", resources: sg([]), expect: "not-applicable" },
  {
    name: "inline Kafka range from 0.0.0.0/0 fails",
    resources: sg([{ from_port: 9092, to_port: 9098, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }]),
    expect: "non-compliant",
    message:
      "ingress allows TCP 9092-9098 from 0.0.0.0/0 (MSK brokers (plaintext 9092, TLS 9094, SASL/SCRAM 9096, IAM 9098))",
  },
  {
    name: "all traffic over IPv6 fails",
    resources: rule({ from_port: 0, to_port: 65535, protocol: "-1", ipv6_cidr_blocks: ["::/0"] }),
    expect: "non-compliant",
    message: "ingress allows all traffic from ::/0",
  },
  {
    name: "ZooKeeper via vpc ingress rule fails",
    resources: vpcRule({ cidr_ipv4: "0.0.0.0/0", from_port: 2181, to_port: 2181, ip_protocol: "tcp" }),
    expect: "non-compliant",
    message: "ingress allows TCP 2181-2181 from 0.0.0.0/0 (ZooKeeper (plaintext 2181, TLS 2182))",
  },
  {
    name: "vpc rule with ip_protocol -1 fails",
    resources: vpcRule({ cidr_ipv6: "::/0", ip_protocol: "-1" }),
    expect: "non-compliant",
    message: "ingress allows all traffic from ::/0",
  },
  {
    name: "all TCP ports fail",
    resources: sg([{ from_port: 0, to_port: 65535, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }]),
    expect: "non-compliant",
    message: "ingress allows all TCP ports from 0.0.0.0/0",
  },
]);
