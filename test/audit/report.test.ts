import { auditDocument } from "../../lib/audit/engine";
import { kafkaVersionInfo } from "../../lib/standards/kafka-versions";
import { toCliJson } from "../../lib/audit/report/json";
import { renderAuditMarkdown } from "../../lib/audit/report/markdown";
import { formatReportText, formatSummary } from "../../lib/audit/report/summary";
import { r, tfDoc } from "./helpers";
import { secureCluster, secureMskStack } from "./fixtures";

const failing = auditDocument(
  tfDoc(
    [
      r(
        "aws_msk_cluster.main",
        secureCluster({ client_authentication: { unauthenticated: true, sasl: { iam: true } } }),
      ),
      r(
        "kafka_acl.a",
        { acl_principal: "User:*", acl_permission_type: "Allow", resource_name: "t.x", resource_type: "Topic" },
        {
          suppressions: [{ id: "KS-ACL-001", reason: "read-only demo topic, no data" }],
        },
      ),
    ],
    "payments",
  ),
  { compliance: ["gdpr"], today: "2026-02-01" },
);

describe("formatSummary", () => {
  test("one line per stack, top findings, scorecard", () => {
    expect(formatSummary(failing)).toBe(
      [
        "kafka-standards audit  payments  FAIL  1 error, 1 warning, 0 info, 1 suppressed, 9 not verifiable (2 resources, 57 rules)",
        "    error   KS-MSK-007    aws_msk_cluster.main: client_authentication.unauthenticated = true",
        '    warning KS-MON-001    aws_msk_cluster.main: no aws_cloudwatch_metric_alarm has dimension "Cluster Name" referring to this cluster',
        "    GDPR scorecard: pass (100%)",
        "",
      ].join("\n"),
    );
  });

  test("several reports, and a cap on listed findings", () => {
    const many = auditDocument(tfDoc([r("aws_msk_cluster.x", {})], "bare"));
    const text = formatSummary([auditDocument(tfDoc(secureMskStack(), "ok")), many]);
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "kafka-standards audit  ok  PASS  0 errors, 0 warnings, 0 info, 0 suppressed, 0 not verifiable (5 resources, 55 rules)",
    );
    expect(lines[1]).toMatch(/^kafka-standards audit {2}bare {2}FAIL {2}\d+ errors/);
    expect(lines.filter((l) => l.startsWith("    error") || l.startsWith("    warning"))).toHaveLength(5);
    expect(lines[lines.length - 1]).toMatch(/^ {4}… \d+ more \(see audit.json \/ AUDIT.md\)$/);
  });

  test("the CLI text lists fixes and suppressions", () => {
    const text = formatReportText(failing);
    expect(text).toContain("fix: Set client_authentication { unauthenticated = false, sasl { iam = true } }");
    expect(text).toContain("    suppressed KS-ACL-001 kafka_acl.a: read-only demo topic, no data");
  });
});

describe("AUDIT.md", () => {
  const md = renderAuditMarkdown(failing);

  test("verdict, findings by severity, suppressed with reason", () => {
    expect(md.split("\n")[0]).toBe("# Kafka standards audit: payments");
    expect(md).toContain(
      "Result: **FAIL** (fails on error). Source: cdktf. Audit date: 2026-02-01. Tier default: none. Profiles: base, gdpr.",
    );
    expect(md).toContain("### error (1)");
    expect(md).toContain(
      "| KS-MSK-007 MSK unauthenticated access is disabled | aws_msk_cluster.main (payments/main) | client_authentication.unauthenticated = true |",
    );
    expect(md).toContain(
      '| KS-ACL-001 | error | kafka_acl.a | ALLOW Topic "t.x" for principal User:* | read-only demo topic, no data |',
    );
  });

  test("inventory and scorecard", () => {
    const status = kafkaVersionInfo("3.9.x.kraft")!.status;
    expect(md).toContain(
      `| orders (aws_msk_cluster.main) | msk | prod | 3.9.x.kraft | ${status} | — | kafka.m7g.large | 3 |`,
    );
    expect(md).toContain("| ACL / role-binding principals | User:* |");
    expect(md).toContain("### GDPR: pass (100%)");
  });
});

describe("CLI JSON", () => {
  test("exactly rule, severity, resource, message, controls for one file", () => {
    const out = toCliJson([{ file: "a.json", report: failing }]);
    expect(out.findings[0]).toEqual({
      rule: "KS-MSK-007",
      severity: "error",
      resource: "aws_msk_cluster.main",
      message: "client_authentication.unauthenticated = true",
      controls: ["MSK.6"],
    });
    expect(out.suppressed?.map((s) => [s.rule, s.reason])).toEqual([["KS-ACL-001", "read-only demo topic, no data"]]);
    expect(out.scorecard?.map((s) => s.file)).toEqual(["a.json"]);
  });

  test("file is added when several files are audited", () => {
    const out = toCliJson([
      { file: "a.json", report: failing },
      { file: "b.json", report: auditDocument(tfDoc(secureMskStack())) },
    ]);
    expect(out.findings.map((f) => f.file)).toEqual(["a.json", "a.json"]);
  });
});
