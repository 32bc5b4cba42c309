/**
 * Audits of partial estates: an estate split over files or modules. Resources are judged by what they
 * say about themselves when their links are out of sight, and the reports list the checks that could
 * not be made for lack of the linked resource.
 */
import { auditDocument, type AuditReport } from "../../lib/audit/engine";
import { toCliJson } from "../../lib/audit/report/json";
import { renderAuditMarkdown } from "../../lib/audit/report/markdown";
import { formatReportText } from "../../lib/audit/report/summary";
import { secureCluster } from "./fixtures";
import { r, tfDoc } from "./helpers";

const TODAY = "2026-01-15";

/** The estate of one team, split in two files. */
const clusterResources = [
  r("aws_msk_cluster.main", secureCluster()),
  r("aws_msk_single_scram_secret_association.alice", {
    cluster_arn: "${aws_msk_cluster.main.arn}",
    secret_arn: "${aws_secretsmanager_secret.alice.arn}",
  }),
];
const secret = r("aws_secretsmanager_secret.alice", { name: "AmazonMSK_orders_alice", tags: { Environment: "prod" } });
const clusterFile = tfDoc(clusterResources, "cluster-file");
const secretsFile = tfDoc([secret], "secrets-file");
const whole = tfDoc([...clusterResources, secret], "whole");

const rulesOn = (report: AuditReport, resource: string): string[] =>
  report.findings.filter((f) => f.resource === resource).map((f) => f.rule);

describe("a SCRAM secret whose association is in another file", () => {
  test("is flagged by its name alone (MSK only associates AmazonMSK_ secrets, under a CMK)", () => {
    const report = auditDocument(secretsFile, { today: TODAY });
    expect(rulesOn(report, "aws_secretsmanager_secret.alice")).toEqual(["KS-SCRAM-001"]);
    expect(report.summary.outcome).toBe("fail");
  });

  test("the file with the association says the secret's checks could not be made", () => {
    const report = auditDocument(clusterFile, { today: TODAY });
    expect(
      report.unverified
        .filter((u) => u.resource === "aws_msk_single_scram_secret_association.alice")
        .map((u) => [u.rule, u.reason, u.missing]),
    ).toEqual([
      [
        "KS-SCRAM-001",
        "the associated secret is not in this document: its kms_key_id cannot be read",
        ["aws_secretsmanager_secret.alice"],
      ],
      ["KS-SCRAM-002", "the associated secret's name is not in this document", ["aws_secretsmanager_secret.alice"]],
    ]);
  });

  test("audited whole, the secret fails on itself and nothing about it is unverifiable", () => {
    const report = auditDocument(whole, { today: TODAY });
    expect(rulesOn(report, "aws_secretsmanager_secret.alice")).toEqual(["KS-SCRAM-001"]);
    expect(report.unverified.filter((u) => u.rule.startsWith("KS-SCRAM"))).toEqual([]);
  });
});

describe("a cluster whose key, log group and configuration are in other files", () => {
  const report = auditDocument(tfDoc([r("aws_msk_cluster.main", secureCluster())], "cluster-only"), {
    today: TODAY,
    compliance: ["gdpr", "sox"],
  });

  test("each check that needs them is not verifiable, naming what is out of sight", () => {
    expect(report.unverified.map((u) => [u.rule, u.missing])).toEqual([
      ["KS-MSK-020", ["aws_msk_configuration.baseline"]],
      ["KS-MSK-021", ["aws_msk_configuration.baseline"]],
      ["KS-MSK-022", ["aws_msk_configuration.baseline"]],
      ["KS-MSK-023", ["aws_msk_configuration.baseline"]],
      ["KS-MSK-024", ["aws_msk_configuration.baseline"]],
      ["KS-LOG-001", ["aws_cloudwatch_log_group.broker"]],
      ["KS-LOG-002", ["aws_cloudwatch_log_group.broker"]],
      ["KS-KMS-001", ["aws_kms_key.kafka"]],
      ["KS-KMS-002", ["aws_kms_key.kafka"]],
      ["KS-SOX-004", ["aws_cloudwatch_log_group.broker"]],
    ]);
    expect(report.summary.notVerifiable).toBe(10);
    expect(report.rules.find((s) => s.rule === "KS-KMS-001")).toMatchObject({ notVerifiable: 1, compliant: 0 });
    // Not verifiable is neither a pass nor a failure.
    expect(report.findings.map((f) => f.rule)).toEqual(["KS-MON-001"]);
  });

  test("AUDIT.md lists them in a table", () => {
    const md = renderAuditMarkdown(report);
    expect(md).toContain("## Not verifiable");
    expect(md).toContain(
      "| KS-KMS-001 KMS keys used by Kafka resources have rotation enabled | aws_msk_cluster.main (cluster-only/main) | its KMS key is not in this document: rotation cannot be read | aws_kms_key.kafka |",
    );
    expect(md).toContain(
      "| Errors | Warnings | Info | Suppressed | Passed checks | Not verifiable | Resources | Kafka resources | Rules |",
    );
  });

  test("audit.json carries them", () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json.schemaVersion).toBe(2);
    expect(json.unverified[7]).toEqual({
      rule: "KS-KMS-001",
      severity: "error",
      title: "KMS keys used by Kafka resources have rotation enabled",
      resource: "aws_msk_cluster.main",
      type: "aws_msk_cluster",
      path: "cluster-only/main",
      reason: "its KMS key is not in this document: rotation cannot be read",
      missing: ["aws_kms_key.kafka"],
    });
  });

  test("the CLI text and JSON list them", () => {
    expect(formatReportText(report)).toContain(
      "    not verifiable KS-LOG-001 aws_msk_cluster.main: its log group is not in this document: retention_in_days cannot be read (out of sight: aws_cloudwatch_log_group.broker)",
    );
    const cli = toCliJson([{ file: "cluster.json", report }]);
    expect(cli.notVerifiable?.[5]).toEqual({
      rule: "KS-LOG-001",
      severity: "error",
      resource: "aws_msk_cluster.main",
      reason: "its log group is not in this document: retention_in_days cannot be read",
      missing: ["aws_cloudwatch_log_group.broker"],
    });
  });
});

describe("a log group or key whose cluster is in another file is judged by itself", () => {
  test("a library key and a /aws/msk log group are in scope without their cluster", () => {
    const report = auditDocument(
      tfDoc([
        r("aws_kms_key.k", { enable_key_rotation: false, tags: { Environment: "prod" } }, { construct: "MskCluster" }),
        r("aws_cloudwatch_log_group.g", { name: "/aws/msk/orders-prod/broker", tags: { Environment: "prod" } }),
      ]),
      { today: TODAY },
    );
    expect(report.findings.map((f) => `${f.rule} ${f.resource}`).sort()).toEqual([
      "KS-KMS-001 aws_kms_key.k",
      "KS-KMS-002 aws_kms_key.k",
      "KS-LOG-001 aws_cloudwatch_log_group.g",
      "KS-LOG-002 aws_cloudwatch_log_group.g",
    ]);
  });
});
