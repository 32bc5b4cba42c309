/**
 * Sizing reports and scale plans as text (a terminal), Markdown (a README, a pull request) and JSON.
 * Pure: no cdktf import.
 */
import { CLIENT_PROFILES } from "../standards/client-profiles";
import type { SizingChart } from "./chart";
import { formatCost, formatUsd } from "./cost";
import type { ScalePlan } from "./plan";
import type { SizingReport } from "./size";
import { OFFERINGS, type SizingOption } from "./types";
import { formatHours, formatNumber, shortCount } from "./units";
import { MB, MiB } from "./units";

function sizeCell(o: SizingOption): string {
  if (o.units === undefined) return "—";
  if (o.unitName === "cluster") return "1 cluster";
  if (o.unitName === "brokers") {
    return `${o.units} × ${o.size}${o.provisionedThroughputMiBps !== undefined ? ` + ${o.provisionedThroughputMiBps} MiB/s PST` : ""}`;
  }
  return `${o.units} ${o.unitName}`;
}

function partitionsCell(o: SizingOption): string {
  const p = o.partitions;
  const head = `${p.perTopic}/topic`;
  if (p.replicasPerBroker !== undefined) {
    return `${head}; ${p.replicasPerBroker} replicas/broker of ${formatNumber(p.recommendedPerBroker ?? 0)} (max ${formatNumber(p.maxPerBroker ?? 0)})`;
  }
  if (p.limitAtUnits !== undefined && p.clusterLimit !== undefined) {
    return `${head}; ${formatNumber(p.total)} of ${formatNumber(p.limitAtUnits)} at ${o.units} ${o.unitName} (type max ${formatNumber(p.clusterLimit)})`;
  }
  if (p.clusterLimit !== undefined)
    return `${head}; ${formatNumber(p.total)} of ${formatNumber(p.clusterLimit)}/cluster`;
  return head;
}

function storageCell(o: SizingOption): string {
  const s = o.storage;
  if (s.volumePerBrokerGiB !== undefined) {
    return `${formatNumber(s.volumePerBrokerGiB)} GiB/broker (data ${formatNumber(s.dataPerBrokerGiB ?? 0)}; ceiling ${formatNumber(s.autoscalingCeilingGiB ?? 0)})`;
  }
  const retained = `${formatNumber(s.retainedGiB)} GiB retained`;
  return s.limitGiB !== undefined
    ? `${retained} of ${formatNumber(s.limitGiB)}`
    : `${retained}${o.offering === "msk-express" ? " (managed)" : ""}`;
}

function networkCell(o: SizingOption): string {
  const n = o.network;
  if (!n) {
    // Cluster-wide figures: demand against the units' (or the quota's) capacity.
    const parts = o.dimensions
      .filter((x) => x.name === "ingress" || x.name === "egress")
      .map((x) => {
        const capacity = x.capacity * (o.unitName === "cluster" ? 1 : (o.units ?? 1));
        return `${x.name} ${formatNumber(x.demand)} of ${formatNumber(capacity)} MB/s (${Math.round((x.demand / capacity) * 100)} %)`;
      });
    return parts.length > 0 ? `cluster: ${parts.join(", ")}` : "—";
  }
  const pct = (x: number): string => `${Math.round(x * 100)} %`;
  const tightest = `tightest ${pct(n.utilization)}, ${pct(n.utilizationOneAzDown)} with one AZ down`;
  if (n.baselineMiBps !== undefined && n.safeInMiBps !== undefined && n.clientInPerBrokerMiBps !== undefined) {
    return (
      `per broker: client in ${formatNumber(n.clientInPerBrokerMiBps)} of ${formatNumber(n.safeInMiBps)} MiB/s safe ingress (${pct(n.clientInPerBrokerMiBps / n.safeInMiBps)}); ` +
      `network out ${formatNumber(n.outPerBrokerMiBps)} of ${formatNumber(n.baselineMiBps)} MiB/s baseline (${pct(n.outPerBrokerMiBps / n.baselineMiBps)}); ${tightest}`
    );
  }
  const rIn = n.recommendedInMiBps ?? 0;
  const rOut = n.recommendedOutMiBps ?? 0;
  return (
    `per broker: in ${formatNumber(n.inPerBrokerMiBps)} of ${formatNumber(rIn)} MiB/s recommended (${pct(n.inPerBrokerMiBps / rIn)}), ` +
    `out ${formatNumber(n.outPerBrokerMiBps)} of ${formatNumber(rOut)} (${pct(n.outPerBrokerMiBps / rOut)}); ${tightest}`
  );
}

/** The rows of the comparison table. */
export function comparisonRows(report: SizingReport): string[][] {
  const header = ["Offering", "Verdict", "Size", "Limiting factor", "Partitions", "Storage", "Network", "Monthly cost"];
  const rows = report.options.map((o) => [
    o.label,
    o.fits ? (o.offering === report.chosen ? "fits, chosen" : "fits") : "refused",
    o.fits ? sizeCell(o) : "—",
    o.fits ? (o.limitingFactor ?? "—") : "—",
    o.fits ? partitionsCell(o) : "—",
    o.fits ? storageCell(o) : "—",
    o.fits ? networkCell(o) : "—",
    o.fits && o.cost ? formatCost(o.cost) : "—",
  ]);
  return [header, ...rows];
}

function markdownTable(rows: readonly (readonly string[])[]): string {
  const esc = (c: string): string => c.replace(/\|/g, "\\|");
  const [head, ...body] = rows;
  return [
    `| ${head.map(esc).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...body.map((r) => `| ${r.map(esc).join(" | ")} |`),
  ].join("\n");
}

function textTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** One line describing the workload. */
export function workloadLine(report: SizingReport): string {
  const w = report.workload;
  const bytes =
    w.averageMessageBytes % 1024 === 0 ? `${w.averageMessageBytes / 1024} KiB` : `${w.averageMessageBytes} B`;
  return (
    `${formatNumber(w.messagesPerSecond)} messages/s × ${bytes}` +
    `${w.compressionRatio !== 1 ? `, compressed ${w.compressionRatio}:1` : ""}` +
    `, peak ×${w.peakToAverage}, RF ${w.replicationFactor}, retention ${formatHours(w.retentionHours)}` +
    `, ${w.consumerGroups} consumer group${w.consumerGroups === 1 ? "" : "s"}, ${w.availabilityZones} AZs` +
    `, ${w.topics} topic${w.topics === 1 ? "" : "s"}${w.clientConnections !== undefined ? `, ${w.clientConnections} connections` : ""}` +
    `, ${w.region} list prices`
  );
}

/** One line describing the derived load. */
export function loadLine(report: SizingReport): string {
  const l = report.load;
  return (
    `peak ingress ${formatNumber(l.peakIngressBytesPerSecond / MB)} MB/s (${formatNumber(l.peakIngressBytesPerSecond / MiB)} MiB/s), ` +
    `egress ${formatNumber(l.peakEgressBytesPerSecond / MB)} MB/s, replication ${formatNumber(l.peakReplicationBytesPerSecond / MB)} MB/s, ` +
    `broker network out ${formatNumber(l.peakBrokerNetworkOutBytesPerSecond / MB)} MB/s; ` +
    `${formatNumber(l.monthlyInGiB)} GiB in and ${formatNumber(l.monthlyOutGiB)} GiB out per month; ` +
    `${formatNumber(l.retainedGiB)} GiB retained (${formatNumber(l.retainedReplicatedGiB)} GiB with replicas)`
  );
}

function refusals(report: SizingReport): string[] {
  return report.options.filter((o) => !o.fits).map((o) => `${o.label}: ${o.refusal}`);
}

/** Every option's notes, one line per option (refused ones too: their notes say what would carry the load). */
function notes(report: SizingReport): string[] {
  return report.options.filter((o) => o.notes.length > 0).map((o) => `${o.label}: ${o.notes.join("; ")}`);
}

const PRICE_KEY =
  "Costs: list prices per month (730 h); * = a price from a secondary source; (unverified) = a price no source confirms; a range is the low and high end of a published range.";

/** The sizing report for a terminal. */
export function renderSizingText(report: SizingReport): string {
  const out = [
    `Workload: ${workloadLine(report)}`,
    `Load: ${loadLine(report)}`,
    "",
    textTable(comparisonRows(report)),
    "",
    `Chosen: ${report.choice}`,
  ];
  const refused = refusals(report);
  if (refused.length > 0) out.push("", "Refused:", ...refused.map((r) => `  ${r}`));
  const noted = notes(report);
  if (noted.length > 0) out.push("", "Notes:", ...noted.map((n) => `  ${n}`));
  out.push("", PRICE_KEY, "Sources (kafka-standards size --markdown lists each price with its source and date):");
  for (const s of report.sources) out.push(`  ${s.title} (${s.date}): ${s.url}`);
  return out.join("\n") + "\n";
}

function costBreakdown(o: SizingOption): string[] {
  if (!o.cost) return [];
  const rows = [
    ["Item", "Quantity", "Price", "Source (date, region)", "USD / month"],
    ...o.cost.lines.map((l) => [
      l.item,
      `${formatNumber(l.quantity)} ${l.price.unit}`,
      `${formatUsdPrice(l.price.usd)}${l.price.usdHigh !== undefined ? `–${formatUsdPrice(l.price.usdHigh)}` : ""}`,
      `${l.price.source} (${l.price.date}, ${l.price.region}; ${l.price.kind}${l.price.note ? `; ${l.price.note}` : ""})`,
      formatUsd(l.monthlyUsd, l.monthlyUsdHigh),
    ]),
    ["Total", "", "", "", formatUsd(o.cost.totalUsd, o.cost.totalUsdHigh)],
  ];
  return [markdownTable(rows)];
}

function formatUsdPrice(n: number): string {
  return `$${n < 0.01 ? n.toPrecision(2) : Number(n.toFixed(4))}`;
}

/** The comparison table, the chosen option, the refusals and every option's notes, as Markdown (no cost lines, charts or sources). */
export function renderComparisonMarkdown(report: SizingReport): string {
  const out = [
    `**Workload:** ${workloadLine(report)}.`,
    "",
    markdownTable(comparisonRows(report)),
    "",
    `**Chosen:** ${report.choice}.`,
  ];
  const refused = refusals(report);
  if (refused.length > 0) out.push("", ...refused.map((r) => `- refused: ${r}`));
  const noted = notes(report);
  if (noted.length > 0) out.push("", "**Notes:**", "", ...noted.map((n) => `- ${n}`));
  return out.join("\n") + "\n";
}

/** The sizing report as Markdown: tables, the chosen option, cost lines with sources, charts. */
export function renderSizingMarkdown(report: SizingReport, charts: readonly SizingChart[] = []): string {
  const out = [
    "## Sizing",
    "",
    `**Workload:** ${workloadLine(report)}.`,
    "",
    `**Load:** ${loadLine(report)}.`,
    "",
    markdownTable(comparisonRows(report)),
    "",
    `**Chosen:** ${report.choice}.`,
  ];
  const refused = refusals(report);
  if (refused.length > 0) out.push("", "**Refused:**", "", ...refused.map((r) => `- ${r}`));
  const noted = notes(report);
  if (noted.length > 0) out.push("", "**Notes:**", "", ...noted.map((n) => `- ${n}`));
  out.push("", PRICE_KEY);
  for (const chart of charts) {
    out.push(
      "",
      `### ${chart.title}`,
      "",
      "```mermaid",
      chart.mermaid.trimEnd(),
      "```",
      "",
      ...chart.legend.map((l) => `- ${l}`),
    );
  }
  out.push("", "### Cost lines");
  for (const o of report.options.filter((x) => x.fits))
    out.push("", `**${o.label}** (${sizeCell(o)})`, "", ...costBreakdown(o));
  out.push("", "### Sources", "");
  for (const s of report.sources) out.push(`- \`${s.id}\`: [${s.title}](${s.url}), ${s.date} (${s.kind})`);
  return out.join("\n") + "\n";
}

function planRows(plan: ScalePlan): string[][] {
  return [
    ["Messages/s", "Configuration", "Carries up to", "Partitions/topic", "Producer profile", "Monthly cost", "Actions"],
    ...plan.steps.map((s) => [
      shortCount(s.messagesPerSecond),
      s.configuration,
      s.carriesUpTo !== undefined
        ? `${shortCount(s.carriesUpTo)} (next step at ${shortCount(s.nextStepAt ?? 0)})`
        : "—",
      String(s.partitionsPerTopic),
      s.client.profile,
      s.monthlyUsd !== undefined ? formatUsd(s.monthlyUsd, s.monthlyUsdHigh) : "—",
      s.actions.join("; ") || "none",
    ]),
  ];
}

function planDetails(plan: ScalePlan, bullet: string): string[] {
  const out: string[] = [];
  for (const s of plan.steps) {
    out.push(
      `${bullet}${shortCount(s.messagesPerSecond)} messages/s (${formatNumber(s.peakIngressMBps)} MB/s peak): ${s.configuration}`,
    );
    const sub = bullet.replace(/\S/g, " ") + "  ";
    out.push(`${sub}client: ${s.client.profile}: ${s.client.reason}`);
    for (const a of s.alarms) {
      out.push(
        `${sub}alarm ${a.alarm}: ${a.meaning}${a.proposed ? `; to keep the first step's meaning: warning ${formatNumber(a.proposed.warning ?? 0)}, critical ${formatNumber(a.proposed.critical)}` : ""}`,
      );
    }
  }
  return out;
}

function planHead(plan: ScalePlan): string {
  return `Scale plan for ${plan.label}: ${shortCount(plan.fromMessagesPerSecond)} → ${shortCount(plan.toMessagesPerSecond)} messages/s (partitions: ${plan.partitionStrategy === "grow" ? "grow with the load" : "target count from the start"})`;
}

/** The plan for a terminal. */
export function renderPlanText(plan: ScalePlan): string {
  const out = [planHead(plan), "", textTable(planRows(plan)), "", "Per step:", ...planDetails(plan, "  - ")];
  out.push("", `Key ordering: ${plan.keyOrdering}`, "", "Notes:", ...plan.notes.map((n) => `  - ${n}`));
  const through = CLIENT_PROFILES.THROUGHPUT.producer.java;
  out.push(
    `  - THROUGHPUT producer properties: ${Object.entries(through)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
  return out.join("\n") + "\n";
}

/** The plan as Markdown. */
export function renderPlanMarkdown(plan: ScalePlan, charts: readonly SizingChart[] = []): string {
  const out = [
    `## ${planHead(plan)}`,
    "",
    markdownTable(planRows(plan)),
    "",
    "### Per step",
    "",
    ...planDetails(plan, "- "),
  ];
  out.push("", `**Key ordering.** ${plan.keyOrdering}`, "", "**Notes:**", "", ...plan.notes.map((n) => `- ${n}`));
  for (const chart of charts) {
    out.push(
      "",
      `### ${chart.title}`,
      "",
      "```mermaid",
      chart.mermaid.trimEnd(),
      "```",
      "",
      ...chart.legend.map((l) => `- ${l}`),
    );
  }
  return out.join("\n") + "\n";
}

/** Labels of every offering, for usage text. */
export const OFFERING_LABELS = Object.freeze(OFFERINGS.map((o) => `${o.id} (${o.label})`));
