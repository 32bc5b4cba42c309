/**
 * The architecture inventory as a Mermaid `flowchart`: clusters inside their networks, with their
 * keys, log destinations and escalation topics; topics grouped per cluster; principals with
 * produce/consume edges; connectors; replication links.
 *
 * Node ids are derived from Terraform addresses and reduced to `[A-Za-z0-9_]` behind a fixed
 * prefix, so no id is a Mermaid keyword; every label is quoted and escaped with Mermaid entity
 * codes. Large documents collapse: a cluster with more than {@link MERMAID_LIMITS} topics shows one
 * count node, and so do principals beyond the limit.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html
 */
import type { Attachment, ClusterEntry, NetworkEntry, TopicEntry } from "./architecture-clusters";
import type { GrantEntry, PrincipalEntry } from "./architecture-access";
import type { Inventory } from "./architecture-inventory";
import { block, display } from "./architecture-document";

/** Limits that keep the diagram readable. */
export const MERMAID_LIMITS = Object.freeze({
  /** Topics drawn per cluster; more collapse into one count node. */
  topicsPerCluster: 50,
  /** Principals drawn; more collapse into one count node. */
  principals: 50,
});

/**
 * Escapes text for a quoted Mermaid label: `#`, quotes, angle brackets, backticks and ampersands
 * become Mermaid entity codes, line breaks become spaces.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, "#35;")
    .replace(/&/g, "#38;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/\s*[\r\n]+\s*/g, " ");
}

/** A quoted label of one or more lines. */
function label(...lines: (string | undefined)[]): string {
  return `"${lines
    .filter((l): l is string => l !== undefined && l !== "")
    .map(mermaidText)
    .join("<br/>")}"`;
}

/** Allocates Mermaid-safe, unique, stable node ids. */
export class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  /** The id of a key: `cluster_payments_Cluster_C50D53BD` for `aws_msk_cluster.payments_Cluster_C50D53BD`. */
  public id(prefix: string, key: string): string {
    const k = `${prefix}\u0000${key}`;
    const hit = this.byKey.get(k);
    if (hit) return hit;
    // Terraform addresses lose their type: the prefix already says what the node is.
    const short = /^(?:data\.)?[a-z][a-z0-9_]*\.(.+)$/.exec(key)?.[1] ?? key;
    const base = `${prefix}_${short
      .replace(/[^A-Za-z0-9_]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 60)}`;
    let id = base;
    for (let i = 2; this.used.has(id); i++) id = `${base}_${i}`;
    this.used.add(id);
    this.byKey.set(k, id);
    return id;
  }
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly arrow: "-->" | "-.->" | "==>" | "---";
  readonly labels: string[];
}

const ACCESS_ARROW: Readonly<Record<GrantEntry["access"], Edge["arrow"]>> = {
  produce: "-->",
  consume: "-->",
  manage: "-.->",
  owner: "-.->",
  admin: "-.->",
};

class MermaidWriter {
  private readonly ids = new MermaidIds();
  private readonly lines: string[] = ["flowchart LR"];
  private readonly edges = new Map<string, Edge>();
  private readonly nodes = new Set<string>();
  private readonly external: string[] = [];
  private readonly collapsed: string[] = [];
  private readonly topicNode = new Map<string, string>();
  private readonly topicGroup = new Map<string, string>();
  private principalNode: (p: PrincipalEntry) => string = (p) => this.ids.id("principal", p.key);

  constructor(private readonly inv: Inventory) {}

  public render(): string {
    this.networks();
    this.inv.clusters.forEach((c) => this.attachments(c));
    this.inv.clusters.forEach((c) => this.topics(c));
    this.principals();
    this.connectors();
    this.links();
    for (const e of this.edges.values()) {
      const text = e.labels.length > 0 ? `|${label(e.labels.join(", "))}|` : "";
      this.lines.push(`  ${e.from} ${e.arrow}${text} ${e.to}`);
    }
    if (this.external.length > 0) {
      this.lines.push("  classDef external stroke-dasharray: 5 5");
      this.lines.push(`  class ${this.external.join(",")} external`);
    }
    if (this.collapsed.length > 0) {
      this.lines.push("  classDef collapsed stroke-width: 3px");
      this.lines.push(`  class ${this.collapsed.join(",")} collapsed`);
    }
    return this.lines.join("\n") + "\n";
  }

  private clusterId(c: ClusterEntry): string {
    return this.ids.id("cluster", c.key);
  }

  private edge(from: string, arrow: Edge["arrow"], to: string, text?: string): void {
    const key = `${from} ${arrow} ${to}`;
    const e = this.edges.get(key) ?? { from, to, arrow, labels: [] };
    if (text && !e.labels.includes(text)) e.labels.push(text);
    this.edges.set(key, e);
  }

  private node(id: string, shape: string, indent = "  "): void {
    if (this.nodes.has(id)) return;
    this.nodes.add(id);
    this.lines.push(`${indent}${id}${shape}`);
  }

  private clusterNode(c: ClusterEntry, indent: string): void {
    const a = c.resource?.attrs;
    const kind = ["basic", "standard", "enterprise", "dedicated", "freight"].find((k) => a?.[k] !== undefined);
    const lines =
      c.backend === "msk"
        ? [
            `MSK · ${display(a?.number_of_broker_nodes) || "?"} × ${display(block(a, "broker_node_group_info")?.instance_type) || "?"}`,
            `Kafka ${display(a?.kafka_version) || "?"}`,
          ]
        : c.backend === "confluent"
          ? [`Confluent Cloud · ${kind ?? "?"}`, `${display(a?.cloud)} ${display(a?.region)}`.trim()]
          : ["not in this stack"];
    this.node(this.clusterId(c), `[(${label(c.name, ...lines, c.tier ? `tier ${c.tier}` : undefined)})]`, indent);
    if (c.backend === "external") this.external.push(this.clusterId(c));
  }

  /** Networks as nested subgraphs, each holding its clusters. */
  private networks(): void {
    const children = new Map<string | undefined, NetworkEntry[]>();
    const seen = new Map<string, NetworkEntry>();
    const register = (n: NetworkEntry): void => {
      if (seen.has(n.key)) return;
      seen.set(n.key, n);
      if (n.parent) register(n.parent);
      const list = children.get(n.parent?.key) ?? [];
      list.push(n);
      children.set(n.parent?.key, list);
    };
    this.inv.clusters.forEach((c) => c.network && register(c.network));
    const write = (n: NetworkEntry, depth: number): void => {
      const indent = "  ".repeat(depth);
      this.lines.push(`${indent}subgraph ${this.ids.id("net", n.key)}[${label(n.label)}]`);
      for (const child of children.get(n.key) ?? []) write(child, depth + 1);
      for (const c of this.inv.clusters.filter((x) => x.network?.key === n.key)) this.clusterNode(c, `${indent}  `);
      this.lines.push(`${indent}end`);
    };
    for (const n of children.get(undefined) ?? []) write(n, 1);
    for (const c of this.inv.clusters.filter((x) => !x.network)) this.clusterNode(c, "  ");
  }

  private attachments(c: ClusterEntry): void {
    const cid = this.clusterId(c);
    const attach = (a: Attachment, prefix: string, shape: (l: string) => string): string => {
      const id = this.ids.id(prefix, a.key);
      this.node(id, shape(label(a.label)));
      return id;
    };
    for (const k of c.keys)
      this.edge(
        attach(k, "key", (l) => `{{${l}}}`),
        "-.->",
        cid,
        "encrypts",
      );
    for (const l of c.logs)
      this.edge(
        cid,
        "-.->",
        attach(l, "logs", (x) => `[/${x}/]`),
        "broker logs",
      );
    for (const e of c.escalation) {
      const count = e.severity ? c.alarms[e.severity] : undefined;
      const text = count ? `${count} ${e.severity} alarm${count === 1 ? "" : "s"}` : "alarms";
      this.edge(
        cid,
        "-.->",
        attach(e, "alarms", (x) => `>${x}]`),
        text,
      );
    }
  }

  private topics(c: ClusterEntry): void {
    const topics = this.inv.topics.filter((t) => t.clusterKey === c.key);
    if (topics.length === 0) return;
    const group = this.ids.id("topics", c.key);
    this.topicGroup.set(c.key, group);
    this.lines.push(`  subgraph ${group}[${label(`Topics · ${c.name}`)}]`);
    if (topics.length > MERMAID_LIMITS.topicsPerCluster) {
      const id = this.ids.id("topics_all", c.key);
      const byClass = new Map<string, number>();
      for (const t of topics)
        byClass.set(t.className ?? "unclassified", (byClass.get(t.className ?? "unclassified") ?? 0) + 1);
      const classes = [...byClass.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(" · ");
      this.node(id, `[${label(`${topics.length} topics (see the table below)`, classes)}]`, "    ");
      this.collapsed.push(id);
      topics.forEach((t) => this.topicNode.set(t.key, id));
    } else {
      for (const t of topics) {
        const id = this.ids.id("topic", t.key);
        this.node(id, `[${label(t.name, topicDetail(t))}]`, "    ");
        this.topicNode.set(t.key, id);
      }
    }
    this.lines.push("  end");
    this.edge(this.clusterId(c), "---", group);
  }

  private principals(): void {
    const { principals } = this.inv;
    if (principals.length > MERMAID_LIMITS.principals) {
      const id = this.ids.id("principals_all", "all");
      const kinds = new Map<string, number>();
      for (const p of principals) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
      const detail = [...kinds.entries()].map(([k, n]) => `${k} ${n}`).join(" · ");
      this.node(id, `([${label(`${principals.length} principals (see the access table)`, detail)}])`);
      this.collapsed.push(id);
      this.principalNode = () => id;
    } else {
      for (const p of principals) this.node(this.principalNode(p), `([${label(p.label)}])`);
    }
    const byKey = new Map(principals.map((p) => [p.key, p]));
    const clusters = new Map(this.inv.clusters.map((c) => [c.key, c]));
    for (const g of this.inv.grants) {
      const p = byKey.get(g.principalKey)!;
      const cluster = clusters.get(g.clusterKey)!;
      // A pattern points at the cluster's topic group (or the cluster when it has no topics here).
      const target = g.topicKey
        ? this.topicNode.get(g.topicKey)
        : g.pattern !== undefined
          ? (this.topicGroup.get(cluster.key) ?? this.clusterId(cluster))
          : this.clusterId(cluster);
      const text = g.pattern === undefined || g.pattern === "*" ? g.access : `${g.access} ${g.pattern}`;
      if (target) this.edge(this.principalNode(p), ACCESS_ARROW[g.access], target, text);
    }
    for (const p of principals) {
      for (const cred of p.credentials) {
        const c = this.inv.clusters.find((x) => x.key === cred.clusterKey);
        if (c) this.edge(this.principalNode(p), "-.->", this.clusterId(c), cred.kind);
      }
    }
  }

  private topicByName(clusterKey: string | undefined, name: string): string | undefined {
    const t = this.inv.topics.find((x) => x.name === name && (clusterKey === undefined || x.clusterKey === clusterKey));
    return t ? this.topicNode.get(t.key) : undefined;
  }

  private connectors(): void {
    for (const c of this.inv.connectors) {
      const id = this.ids.id("connector", c.key);
      const cls = c.connectorClass?.split(".").pop();
      this.node(id, `[[${label(c.name, `${c.service} ${c.direction}`, cls)}]]`);
      const cluster = this.inv.clusters.find((x) => x.key === c.clusterKey);
      const targets = c.topics
        .map((t) => this.topicByName(c.clusterKey, t))
        .filter((t): t is string => t !== undefined);
      const fallback = cluster ? [this.clusterId(cluster)] : [];
      const ends = targets.length > 0 ? targets : fallback;
      const unresolved = targets.length === 0 && c.topics.length > 0 ? ` ${c.topics.join(", ")}` : "";
      for (const end of ends) {
        if (c.direction === "source") this.edge(id, "-->", end, `produce${unresolved}`);
        else if (c.direction === "sink") this.edge(end, "-->", id, `consume${unresolved}`);
        else this.edge(id, "---", end);
      }
    }
  }

  private links(): void {
    for (const l of this.inv.links) {
      const src = this.inv.clusters.find((c) => c.key === l.sourceKey);
      const dst = this.inv.clusters.find((c) => c.key === l.targetKey);
      if (!src || !dst) continue;
      const topics =
        l.topics.length > 0 ? `: ${l.topics.slice(0, 3).join(", ")}${l.topics.length > 3 ? ", …" : ""}` : "";
      this.edge(this.clusterId(src), "==>", this.clusterId(dst), `${l.kind} ${l.name}${topics}`);
    }
    for (const m of this.inv.topics.filter((t) => t.mirrorOf !== undefined)) {
      const link = this.inv.links.find((l) => l.targetKey === m.clusterKey && l.kind === "Cluster link");
      const source = this.topicByName(link?.sourceKey, m.mirrorOf!);
      const mirror = this.topicNode.get(m.key);
      if (source && mirror && source !== mirror) this.edge(source, "-.->", mirror, "mirror");
    }
  }
}

/** One-line summary of a topic: class, partitions, replication factor, retirement. */
function topicDetail(t: TopicEntry): string {
  const parts = [
    t.mirrorOf !== undefined ? `mirror of ${t.mirrorOf}` : undefined,
    t.className,
    t.partitions !== undefined ? `${t.partitions} partition${t.partitions === 1 ? "" : "s"}` : undefined,
    t.replicationFactor !== undefined ? `RF ${t.replicationFactor}` : undefined,
    t.retire ? "retiring" : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(" · ");
}

/** Renders the inventory as Mermaid flowchart source (without the Markdown fence). */
export function renderMermaid(inv: Inventory): string {
  return new MermaidWriter(inv).render();
}
