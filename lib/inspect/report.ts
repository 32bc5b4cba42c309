/**
 * Reports of `kafka-standards inspect`: `INVENTORY.md` (versions, brokers, topics, security objects,
 * groups, rates and a Mermaid view), `inventory.json` (the raw inventory), `AUDIT.md` and `audit.json`
 * (the same renderers as the synth reports).
 */
import * as fs from "fs";
import * as path from "path";
import type { AuditReport } from "../audit/engine";
import { renderAuditJson } from "../audit/report/json";
import { cell, renderAuditMarkdown } from "../audit/report/markdown";
import { catalogEntries } from "./live-checks";
import { kafkaRelease, rates, skew, topicHealth } from "./metrics";
import type { LiveInventory } from "./types";

function table(header: readonly string[], rows: readonly (readonly unknown[])[]): string[] {
  if (rows.length === 0) return ["None.", ""];
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    "",
  ];
}

function mermaidId(prefix: string, raw: string): string {
  return `${prefix}_${raw.replace(/[^A-Za-z0-9]/g, "_")}`;
}

function mermaidLabel(text: string): string {
  return text.replace(/"/g, "'");
}

/** A Mermaid flowchart: brokers, topics with their leaders' brokers, principals with their grants, groups. */
export function renderInventoryMermaid(inv: LiveInventory): string[] {
  const out = ["```mermaid", "flowchart LR"];
  out.push(`  subgraph cluster["cluster ${mermaidLabel(inv.clusterId)} (${inv.mode})"]`);
  for (const b of inv.brokers)
    out.push(
      `    ${mermaidId("b", String(b.id))}["broker ${b.id}${b.id === inv.controller ? " (controller)" : ""}<br/>${b.host}:${b.port}${b.rack ? `<br/>rack ${mermaidLabel(b.rack)}` : ""}"]`,
    );
  out.push("  end");
  for (const t of inv.topics.filter((x) => !x.internal))
    out.push(`  ${mermaidId("t", t.name)}[("${mermaidLabel(t.name)}<br/>${t.partitions.length} partitions")]`);
  const edges = new Set<string>();
  for (const a of inv.acls ?? []) {
    if (a.resourceType !== "TOPIC") continue;
    const principal = mermaidId("p", a.principal);
    const targets =
      a.resourceName === "*" || a.patternType === "PREFIXED"
        ? inv.topics.filter((t) => !t.internal && (a.resourceName === "*" || t.name.startsWith(a.resourceName)))
        : inv.topics.filter((t) => t.name === a.resourceName);
    edges.add(`  ${principal}(["${mermaidLabel(a.principal)}"])`);
    for (const t of targets)
      edges.add(
        `  ${principal} -- "${a.permission === "DENY" ? "DENY " : ""}${a.operation}" --> ${mermaidId("t", t.name)}`,
      );
  }
  for (const g of inv.consumerGroups) {
    const id = mermaidId("g", g.groupId);
    edges.add(`  ${id}{{"group ${mermaidLabel(g.groupId)}<br/>lag ${g.lag}"}}`);
    for (const topic of new Set(g.offsets.map((o) => o.partition.slice(0, o.partition.lastIndexOf("/")))))
      edges.add(`  ${mermaidId("t", topic)} -. consumed by .-> ${id}`);
  }
  out.push(...edges, "```", "");
  return out;
}

/** Render `INVENTORY.md`. */
export function renderInventoryMarkdown(inv: LiveInventory, meta: { today: string; inspectSeconds?: number }): string {
  const release = kafkaRelease(inv);
  const msk = release
    ? catalogEntries(release, inv.mode === "kraft").map(
        (e) => `${e.version} (${e.status}${e.endOfSupport ? `, end of support ${e.endOfSupport}` : ""})`,
      )
    : [];
  const health = topicHealth(inv);
  const r = rates(inv);
  const s = skew(inv);
  const userTopics = inv.topics.filter((t) => !t.internal);
  const out: string[] = [
    `# Live inventory: cluster ${inv.clusterId}`,
    "",
    `Read ${meta.today} with read-only Admin calls${meta.inspectSeconds !== undefined ? ` in ${meta.inspectSeconds.toFixed(1)} s` : ""}; rates sampled over ${r.seconds} s.`,
    "",
    "## Versions",
    "",
    ...table(
      ["Item", "Value"],
      [
        ["Metadata mode", inv.mode === "kraft" ? "KRaft" : "ZooKeeper"],
        ["metadata.version level", inv.metadataVersionLevel ?? "—"],
        ["Kafka release", release ?? "unknown"],
        ["Matching MSK versions", msk.join(", ") || "none in the catalog"],
        ["Brokers", inv.brokers.length],
        ["Controller", inv.controller ?? "—"],
      ],
    ),
    "## Brokers",
    "",
    ...table(
      ["Id", "Endpoint", "Rack", "Replicas", "Leaders", "Messages/s (led)", "Bytes/s (all replicas)"],
      inv.brokers.map((b) => [
        b.id,
        `${b.host}:${b.port}`,
        b.rack,
        s.replicas[b.id] ?? 0,
        s.leaders[b.id] ?? 0,
        r.brokers[b.id]?.messagesPerSec ?? 0,
        r.brokers[b.id]?.bytesPerSec ?? 0,
      ]),
    ),
    `Replica skew ${Math.round(s.replicaSkew * 100)}%, leader skew ${Math.round(s.leaderSkew * 100)}% (busiest broker above the mean; internal topics excluded).`,
    "",
    "## Broker configuration (not at default)",
    "",
    ...table(
      ["Key", ...inv.brokerConfigs.map((b) => `broker ${b.broker}`)],
      [...new Set(inv.brokerConfigs.flatMap((b) => Object.keys(b.configs)))]
        .sort()
        .map((k) => [k, ...inv.brokerConfigs.map((b) => b.configs[k])]),
    ),
    "## Topics",
    "",
    ...table(
      ["Topic", "Partitions", "RF", "min ISR", "Under-replicated", "Offline", "Messages/s", "Bytes/s", "Overrides"],
      userTopics.map((t) => {
        const h = health.find((x) => x.topic === t.name)!;
        return [
          t.name,
          h.partitions,
          h.replicationFactor,
          h.minInsyncReplicas,
          h.underReplicated,
          h.offline,
          r.topics[t.name]?.messagesPerSec ?? 0,
          r.topics[t.name]?.bytesPerSec ?? 0,
          Object.entries(t.configs)
            .map(([k, v]) => `${k}=${v}`)
            .join(", "),
        ];
      }),
    ),
    `Internal topics: ${
      inv.topics
        .filter((t) => t.internal)
        .map((t) => t.name)
        .join(", ") || "none"
    }.`,
    "",
    "## ACLs",
    "",
    ...(inv.acls === null
      ? ["Not readable (see warnings).", ""]
      : table(
          ["Principal", "Permission", "Operation", "Resource", "Pattern", "Host"],
          inv.acls.map((a) => [
            a.principal,
            a.permission,
            a.operation,
            `${a.resourceType} ${a.resourceName}`,
            a.patternType,
            a.host,
          ]),
        )),
    "## SCRAM users",
    "",
    ...(inv.scramUsers === null
      ? ["Not readable (see warnings).", ""]
      : table(
          ["User", "Mechanisms"],
          inv.scramUsers.map((u) => [u.name, u.mechanisms.join(", ")]),
        )),
    "## Client quotas",
    "",
    ...(inv.quotas === null
      ? ["Not readable (see warnings).", ""]
      : table(
          ["Entity", "Values"],
          inv.quotas.map((q) => [
            Object.entries(q.entity)
              .map(([k, v]) => `${k}=${v}`)
              .join(", "),
            Object.entries(q.values)
              .map(([k, v]) => `${k}=${v}`)
              .join(", "),
          ]),
        )),
    "## Consumer groups",
    "",
    ...table(
      ["Group", "State", "Members", "Lag", "Partitions"],
      inv.consumerGroups.map((g) => [g.groupId, g.state, g.members, g.lag, g.offsets.length]),
    ),
    "## View",
    "",
    ...renderInventoryMermaid(inv),
    ...(inv.warnings.length > 0 ? ["## Warnings", "", ...inv.warnings.map((w) => `- ${w}`), ""] : []),
  ];
  return out.join("\n");
}

/** Write INVENTORY.md, inventory.json, AUDIT.md and audit.json into `dir`; returns the paths. */
export function writeInspectReports(
  dir: string,
  inv: LiveInventory,
  report: AuditReport,
  meta: { today: string; inspectSeconds?: number },
): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ["INVENTORY.md", renderInventoryMarkdown(inv, meta)],
    ["inventory.json", JSON.stringify(inv, null, 2) + "\n"],
    ["AUDIT.md", renderAuditMarkdown(report)],
    ["audit.json", renderAuditJson(report)],
  ];
  return files.map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}
