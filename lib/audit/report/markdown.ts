/**
 * `AUDIT.md`: the human-readable report of one document.
 */
import type { AuditReport } from "../engine";
import { SEVERITIES, type Finding } from "../types";
import { verdict } from "./summary";
import { compareText } from "../../core/compare";

/** Text made safe for a Markdown table cell: `|` escaped, line breaks as spaces. */
export function escapeCell(text: string): string {
  // Most cells hold neither: skip the two replacements (thousands of cells per document).
  return text.includes("|") || text.includes("\n") ? text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ") : text;
}

/** Escape a value for a Markdown table cell; an empty value shows as a dash. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  return escapeCell(String(value));
}

/** A Markdown table, each value rendered by `format` (default {@link cell}). */
export function table(
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
  format: (value: unknown) => string = cell,
): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(format).join(" | ")} |`),
  ];
}

function findingRows(findings: readonly Finding[]): string[] {
  return table(
    ["Rule", "Resource", "Problem", "Fix", "Controls"],
    findings.map((f) => [
      `${f.rule} ${f.title}`,
      f.path ? `${f.resource} (${f.path})` : f.resource,
      f.message,
      f.fix,
      f.controls.join(", "),
    ]),
  );
}

/** Render `AUDIT.md`. */
export function renderAuditMarkdown(report: AuditReport): string {
  const s = report.summary;
  const out: string[] = [
    `# Kafka standards audit: ${report.name}`,
    "",
    `Result: **${verdict(report)}** (fails on ${report.options.failOn}). Source: ${report.source}. Audit date: ${report.auditDate}.` +
      ` Tier default: ${report.options.tier ?? "none"}. Profiles: ${["base", ...report.options.compliance].join(", ")}.`,
    "",
  ];
  if (s.outcome === "nothing-to-audit") {
    out.push(
      `Nothing to audit: none of the ${s.resources} resources is a Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or IAM policy with kafka-cluster actions).`,
      "",
    );
  }
  out.push(
    ...table(
      [
        "Errors",
        "Warnings",
        "Info",
        "Suppressed",
        "Passed checks",
        "Not verifiable",
        "Resources",
        "Kafka resources",
        "Rules",
      ],
      [
        [
          s.error,
          s.warning,
          s.info,
          s.suppressed,
          s.compliant,
          s.notVerifiable,
          s.resources,
          s.kafkaResources,
          s.rulesRun,
        ],
      ],
    ),
    "",
    "## Findings",
    "",
  );
  const open = report.findings.filter((f) => !f.suppressed);
  if (open.length === 0) out.push("No open findings.", "");
  for (const severity of SEVERITIES) {
    const group = open.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`### ${severity} (${group.length})`, "", ...findingRows(group), "");
  }
  const suppressed = report.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0) {
    out.push(
      "### Suppressed",
      "",
      ...table(
        ["Rule", "Severity", "Resource", "Problem", "Reason"],
        suppressed.map((f) => [f.rule, f.severity, f.resource, f.message, f.suppressionReason]),
      ),
      "",
    );
  }

  out.push("## Not verifiable", "");
  if (report.unverified.length === 0) out.push("Every check that applies could be made from this document.", "");
  else {
    out.push(
      "Checks that apply but could not be made from this document: a linked resource is outside it (another file, module or stack), a value is known only after apply, or the format drops it (plans and states carry no `lifecycle`). Audit the document that holds the missing resource, or the whole estate.",
      "",
      ...table(
        ["Rule", "Resource", "Why", "Out of sight"],
        report.unverified.map((u) => [
          `${u.rule} ${u.title}`,
          u.path ? `${u.resource} (${u.path})` : u.resource,
          u.reason,
          (u.missing ?? []).join(", "),
        ]),
      ),
      "",
    );
  }

  const inv = report.inventory;
  out.push("## Inventory", "", "### Clusters", "");
  if (inv.clusters.length === 0) out.push("None.", "");
  else {
    out.push(
      ...table(
        [
          "Cluster",
          "Kind",
          "Tier",
          "Kafka version",
          "Version status",
          "End of support",
          "Broker type",
          "Brokers / type",
        ],
        inv.clusters.map((c) => [
          `${c.name ?? ""} (${c.address})`,
          c.kind,
          c.tier,
          c.kafkaVersion,
          c.versionStatus,
          c.endOfSupport,
          c.brokerType,
          c.brokers ?? [c.clusterType, c.availability].filter(Boolean).join(" "),
        ]),
      ),
      "",
    );
  }
  if (inv.brokerTypes.length > 0) {
    out.push(
      "### Broker types",
      "",
      ...table(
        ["Instance type", "Clusters", "Brokers"],
        inv.brokerTypes.map((b) => [b.instanceType, b.clusters, b.brokers]),
      ),
      "",
    );
  }
  const classes = Object.entries(inv.topics.byClass)
    .sort(([a], [b]) => compareText(a, b))
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out.push(
    "### Topics",
    "",
    `${inv.topics.total} topics${classes ? ` (${classes})` : ""}; ${inv.connectors} connectors.`,
    "",
  );
  const p = inv.principals;
  out.push(
    "### Principals",
    "",
    ...table(
      ["Kind", "Principals"],
      [
        ["SCRAM users", p.scramUsers.join(", ")],
        ["Confluent service accounts", p.serviceAccounts.join(", ")],
        ["IAM policies with kafka-cluster actions", p.iamPolicies.join(", ")],
        ["ACL / role-binding principals", p.aclPrincipals.join(", ")],
      ],
    ),
    "",
  );

  if (report.scorecard) {
    out.push("## Compliance scorecard", "");
    for (const prof of report.scorecard.profiles) {
      out.push(
        `### ${prof.profile.toUpperCase()}: ${prof.status} (${prof.score}%)`,
        "",
        ...table(
          ["Control", "Status", "Passed", "Failed", "Accepted", "Rules"],
          prof.controls.map((c) => [
            `${c.control}: ${c.title}`,
            c.status,
            c.compliant,
            c.failed,
            c.accepted,
            c.rules.join(", "),
          ]),
        ),
        "",
      );
    }
  }
  return out.join("\n");
}
