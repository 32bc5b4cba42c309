/**
 * The estate inventory of a report: clusters with versions and end-of-support dates, broker types,
 * topics and principals.
 */
import { isPastEndOfSupport, kafkaVersionInfo } from "../../standards/kafka-versions";
import type { EnvironmentTier } from "../../standards/tiers";
import type { AuditDocument } from "../document";
import { aclView, ACL_TYPES } from "../rules/shared/acls";
import { IAM_POLICY_TYPES, coversKafkaCluster, policyStatements } from "../rules/shared/iam-policy";
import { scramSecrets } from "../rules/shared/kms";
import { TOPIC_TYPES, topicView } from "../rules/shared/topics";
import type { AuditResource } from "../types";
import { block, blocks, num, str } from "../values";
import { compareText } from "../../core/compare";

/** One cluster of the estate. */
export interface ClusterInventory {
  readonly address: string;
  readonly kind: "msk" | "msk-serverless" | "confluent";
  readonly name?: string;
  readonly tier?: EnvironmentTier;
  /** MSK: `kafka_version`. */
  readonly kafkaVersion?: string;
  /** MSK: catalog status (`recommended`, `supported`, `end-of-support`, `past-end-of-support`, `unknown`). */
  readonly versionStatus?: string;
  /** MSK: end-of-support date, when published. */
  readonly endOfSupport?: string;
  /** MSK: broker instance type. */
  readonly brokerType?: string;
  /** MSK: number of broker nodes. */
  readonly brokers?: number;
  /** Confluent: basic, standard, enterprise, dedicated or freight. */
  readonly clusterType?: string;
  /** Confluent: availability. */
  readonly availability?: string;
}

/** Broker type usage across clusters. */
export interface BrokerTypeCount {
  readonly instanceType: string;
  readonly clusters: number;
  readonly brokers: number;
}

/** Principals that can reach Kafka. */
export interface PrincipalInventory {
  /** SCRAM users: names of associated Secrets Manager secrets and Kafka SCRAM credentials. */
  readonly scramUsers: readonly string[];
  /** Confluent service accounts (display names). */
  readonly serviceAccounts: readonly string[];
  /** IAM policies granting kafka-cluster actions (addresses). */
  readonly iamPolicies: readonly string[];
  /** Principals named in ACLs and Confluent role bindings. */
  readonly aclPrincipals: readonly string[];
}

/** The inventory section of a report. */
export interface Inventory {
  readonly clusters: readonly ClusterInventory[];
  readonly brokerTypes: readonly BrokerTypeCount[];
  readonly topics: {
    readonly total: number;
    readonly byType: Readonly<Record<string, number>>;
    readonly byClass: Readonly<Record<string, number>>;
  };
  readonly connectors: number;
  readonly principals: PrincipalInventory;
}

const label = (r: AuditResource, attr: string): string => str(r.attributes[attr]) ?? r.address;
const sortedUnique = (values: string[]): string[] => [...new Set(values)].sort();

function mskCluster(r: AuditResource, tier: EnvironmentTier | undefined, today: string): ClusterInventory {
  const version = str(r.attributes.kafka_version);
  const info = version ? kafkaVersionInfo(version) : undefined;
  const group = block(r.attributes, "broker_node_group_info");
  const brokers = num(r.attributes.number_of_broker_nodes);
  return {
    address: r.address,
    kind: "msk",
    name: label(r, "cluster_name"),
    ...(tier ? { tier } : {}),
    ...(version ? { kafkaVersion: version } : {}),
    versionStatus: info ? (isPastEndOfSupport(info, today) ? "past-end-of-support" : info.status) : "unknown",
    ...(info?.endOfSupport ? { endOfSupport: info.endOfSupport } : {}),
    ...(str(group?.instance_type) ? { brokerType: str(group?.instance_type) } : {}),
    ...(brokers !== undefined ? { brokers } : {}),
  };
}

function confluentCluster(r: AuditResource, tier: EnvironmentTier | undefined): ClusterInventory {
  const type = ["basic", "standard", "enterprise", "dedicated", "freight"].find(
    (t) => blocks(r.attributes[t]).length > 0,
  );
  return {
    address: r.address,
    kind: "confluent",
    name: label(r, "display_name"),
    ...(tier ? { tier } : {}),
    ...(type ? { clusterType: type } : {}),
    ...(str(r.attributes.availability) ? { availability: str(r.attributes.availability) } : {}),
  };
}

/** Build the inventory of a document. */
export function buildInventory(
  doc: AuditDocument,
  tierOf: (r: AuditResource) => EnvironmentTier | undefined,
  today: string,
): Inventory {
  const clusters: ClusterInventory[] = [
    ...doc.ofType("aws_msk_cluster").map((r) => mskCluster(r, tierOf(r), today)),
    ...doc.ofType("aws_msk_serverless_cluster").map((r): ClusterInventory => {
      const tier = tierOf(r);
      return { address: r.address, kind: "msk-serverless", name: label(r, "cluster_name"), ...(tier ? { tier } : {}) };
    }),
    ...doc.ofType("confluent_kafka_cluster").map((r) => confluentCluster(r, tierOf(r))),
  ];

  const brokerTypes = new Map<string, { clusters: number; brokers: number }>();
  for (const c of clusters) {
    if (!c.brokerType) continue;
    const entry = brokerTypes.get(c.brokerType) ?? { clusters: 0, brokers: 0 };
    entry.clusters++;
    entry.brokers += c.brokers ?? 0;
    brokerTypes.set(c.brokerType, entry);
  }

  const byType: Record<string, number> = {};
  const byClass: Record<string, number> = {};
  let total = 0;
  for (const type of TOPIC_TYPES) {
    for (const t of doc.ofType(type)) {
      total++;
      byType[type] = (byType[type] ?? 0) + 1;
      const cls = topicView(t).className ?? "unclassified";
      byClass[cls] = (byClass[cls] ?? 0) + 1;
    }
  }

  const aclPrincipals: string[] = [];
  for (const type of ACL_TYPES) {
    for (const a of doc.ofType(type)) {
      const p = aclView(a).principal;
      if (p) aclPrincipals.push(p);
    }
  }
  for (const b of doc.ofType("confluent_role_binding")) {
    const p = str(b.attributes.principal);
    if (p) aclPrincipals.push(p);
  }

  const iamPolicies = IAM_POLICY_TYPES.flatMap((type) =>
    doc
      .ofType(type)
      .filter((p) => (policyStatements(p, doc) ?? []).some((s) => s.allow && s.actions.some(coversKafkaCluster)))
      .map((p) => p.address),
  );

  return {
    clusters,
    brokerTypes: [...brokerTypes.entries()]
      .map(([instanceType, v]) => ({ instanceType, ...v }))
      .sort((a, b) => compareText(a.instanceType, b.instanceType)),
    topics: { total, byType, byClass },
    connectors: doc.ofType("aws_mskconnect_connector").length + doc.ofType("confluent_connector").length,
    principals: {
      scramUsers: sortedUnique([
        ...scramSecrets(doc).map((s) => label(s, "name")),
        ...doc.ofType("kafka_user_scram_credential").map((u) => label(u, "username")),
      ]),
      serviceAccounts: sortedUnique(doc.ofType("confluent_service_account").map((s) => label(s, "display_name"))),
      iamPolicies: sortedUnique(iamPolicies),
      aclPrincipals: sortedUnique(aclPrincipals),
    },
  };
}
