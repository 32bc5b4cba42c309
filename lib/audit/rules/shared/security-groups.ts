/**
 * Ingress rules of `aws_security_group` (inline `ingress`), `aws_security_group_rule` and
 * `aws_vpc_security_group_ingress_rule`, normalized to one shape.
 */
import { KAFKA_PORT_RANGES, OPEN_CIDRS } from "../../../standards/audit-controls";
import type { AuditResource } from "../../types";
import { blocks, num, str, strings } from "../../values";

/** Resource types that carry ingress rules. */
export const INGRESS_TYPES = [
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
] as const;

/** One ingress rule. */
export interface IngressRule {
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly cidrs: readonly string[];
}

/** The ingress rules a resource declares. */
export function ingressRules(resource: AuditResource): IngressRule[] {
  const a = resource.attributes;
  switch (resource.type) {
    case "aws_security_group":
      return blocks(a.ingress).map((r) => ({
        protocol: str(r.protocol) ?? "tcp",
        fromPort: num(r.from_port),
        toPort: num(r.to_port),
        cidrs: [...strings(r.cidr_blocks), ...strings(r.ipv6_cidr_blocks)],
      }));
    case "aws_security_group_rule":
      if (str(a.type) !== "ingress") return [];
      return [
        {
          protocol: str(a.protocol) ?? "tcp",
          fromPort: num(a.from_port),
          toPort: num(a.to_port),
          cidrs: [...strings(a.cidr_blocks), ...strings(a.ipv6_cidr_blocks)],
        },
      ];
    case "aws_vpc_security_group_ingress_rule":
      return [
        {
          protocol: str(a.ip_protocol) ?? "tcp",
          fromPort: num(a.from_port),
          toPort: num(a.to_port),
          cidrs: [...strings(a.cidr_ipv4), ...strings(a.cidr_ipv6)],
        },
      ];
    default:
      return [];
  }
}

/** True when the protocol means every protocol and port. */
function allTraffic(protocol: string): boolean {
  return protocol === "-1" || protocol.toLowerCase() === "all";
}

/** Describe what an open rule exposes, or undefined when it exposes no Kafka port. */
export function kafkaExposure(rule: IngressRule): string | undefined {
  const open = rule.cidrs.filter((c) => OPEN_CIDRS.includes(c));
  if (open.length === 0) return undefined;
  const from = open.join(" and ");
  if (allTraffic(rule.protocol)) return `all traffic from ${from}`;
  if (!["tcp", "6"].includes(rule.protocol.toLowerCase())) return undefined;
  const lo = rule.fromPort ?? 0;
  const hi = rule.toPort ?? 65535;
  if (lo <= 0 && hi >= 65535) return `all TCP ports from ${from}`;
  const hits = KAFKA_PORT_RANGES.filter((r) => lo <= r.to && hi >= r.from);
  if (hits.length === 0) return undefined;
  return `TCP ${lo}-${hi} from ${from} (${hits.map((h) => h.purpose).join("; ")})`;
}
