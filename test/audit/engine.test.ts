import { auditDocument, failingFindings } from "../../lib/audit/engine";
import { KafkaStandardsError } from "../../lib/errors";
import { r, tfDoc } from "./helpers";
import { secureCluster, secureMskStack } from "./fixtures";

describe("auditDocument", () => {
  test("a compliant stack passes with no findings", () => {
    const report = auditDocument(tfDoc(secureMskStack()), { today: "2026-01-15" });
    expect(report.findings).toEqual([]);
    expect(report.summary).toEqual({
      outcome: "pass",
      resources: 5,
      kafkaResources: 2,
      rulesRun: 55,
      error: 0,
      warning: 0,
      info: 0,
      suppressed: 0,
      compliant: report.summary.compliant,
      notVerifiable: 0,
      passed: true,
    });
    expect(report.unverified).toEqual([]);
    expect(report.summary.compliant).toBeGreaterThan(20);
    expect(report.name).toBe("test");
    expect(report.auditDate).toBe("2026-01-15");
    expect(report.options).toEqual({ compliance: [], failOn: "error" });
    expect(report.scorecard).toBeUndefined();
  });

  test("findings are sorted: unsuppressed first, then severity, rule id and address", () => {
    const resources = [
      r("aws_msk_cluster.b", secureCluster({ enhanced_monitoring: "DEFAULT" })),
      r("aws_msk_cluster.a", secureCluster({ encryption_info: { encryption_in_transit: { client_broker: "TLS" } } }), {
        suppressions: [{ id: "KS-MSK-003", reason: "key arrives with the platform account" }],
      }),
    ];
    const report = auditDocument(tfDoc(resources));
    expect(report.findings.map((f) => [f.rule, f.resource, f.suppressed])).toEqual([
      ["KS-MON-001", "aws_msk_cluster.a", false],
      ["KS-MON-001", "aws_msk_cluster.b", false],
      ["KS-MSK-008", "aws_msk_cluster.b", false],
      ["KS-MSK-003", "aws_msk_cluster.a", true],
    ]);
    expect(report.findings.find((f) => f.rule === "KS-MSK-008")).toMatchObject({
      severity: "warning",
      path: "test/b",
      tier: "prod",
      controls: ["MSK.2"],
      fix: 'Set enhanced_monitoring to the tier policy level ("PER_TOPIC_PER_BROKER" in staging and prod).',
    });
    expect(report.summary).toMatchObject({ error: 0, warning: 3, suppressed: 1, passed: true });
  });

  test("failOn decides what fails the run", () => {
    const doc = tfDoc([r("aws_msk_cluster.main", secureCluster({ enhanced_monitoring: "PER_BROKER" }))]);
    expect(auditDocument(doc).summary.passed).toBe(true);
    const strict = auditDocument(doc, { failOn: "warning" });
    expect(strict.summary.passed).toBe(false);
    expect(failingFindings(strict).map((f) => f.rule)).toEqual(["KS-MON-001", "KS-MSK-008"]);
    const insecure = tfDoc([r("aws_msk_cluster.main", secureCluster({ client_authentication: undefined }))]);
    expect(auditDocument(insecure, { failOn: "never" }).summary.passed).toBe(true);
    expect(auditDocument(insecure).summary.passed).toBe(false);
  });

  test("a suppression with a short reason or another rule id is not honoured", () => {
    const doc = tfDoc([
      r("aws_msk_cluster.main", secureCluster({ client_authentication: undefined }), {
        suppressions: [
          { id: "KS-MSK-007", reason: "short" },
          { id: "KS-MSK-001", reason: "wrong rule for this finding" },
        ],
      }),
    ]);
    const f = auditDocument(doc).findings.find((x) => x.rule === "KS-MSK-007");
    expect(f?.suppressed).toBe(false);
    expect(f?.suppressionReason).toBeUndefined();
  });

  test("per-rule statistics", () => {
    const report = auditDocument(
      tfDoc([
        r("aws_msk_cluster.a", secureCluster()),
        r("aws_msk_cluster.b", secureCluster({ lifecycle: undefined, tags: { Environment: "dev" } })),
      ]),
    );
    expect(report.rules.find((s) => s.rule === "KS-MSK-015")).toEqual({
      rule: "KS-MSK-015",
      compliant: 1,
      nonCompliant: 0,
      suppressed: 0,
      notApplicable: 1,
      notVerifiable: 0,
    });
    expect(report.rules.find((s) => s.rule === "KS-MON-001")).toEqual({
      rule: "KS-MON-001",
      compliant: 0,
      nonCompliant: 2,
      suppressed: 0,
      notApplicable: 0,
      notVerifiable: 0,
    });
  });

  test.each([
    [{ compliance: ["pci"] }, "KSE-AUDIT-003"],
    [{ tier: "qa" }, "KSE-AUDIT-004"],
    [{ failOn: "fatal" }, "KSE-AUDIT-005"],
    [{ today: "31/01/2026" }, "KSE-AUDIT-006"],
  ])("invalid option %j", (options, code) => {
    expect(() => auditDocument(tfDoc([]), options as never)).toThrow(KafkaStandardsError);
    expect(() => auditDocument(tfDoc([]), options as never)).toThrow(`[${code}]`);
  });
});

describe("inventory", () => {
  const report = auditDocument(
    tfDoc([
      ...secureMskStack({ kafka_version: "3.6.0" }),
      r(
        "aws_msk_cluster.legacy",
        secureCluster({ cluster_name: "legacy", kafka_version: "2.8.1", number_of_broker_nodes: 6 }),
      ),
      r(
        "confluent_kafka_cluster.c",
        { display_name: "events", availability: "MULTI_ZONE", standard: [{}] },
        { tier: "staging" },
      ),
      r("kafka_topic.a", { name: "a.b", replication_factor: 3 }, { class: "events" }),
      r("confluent_kafka_topic.b", { topic_name: "c.d" }),
      r("kafka_acl.x", { acl_principal: "User:orders", acl_permission_type: "Allow", resource_name: "a.b" }),
      r("confluent_role_binding.rb", { principal: "User:sa-1", role_name: "DeveloperRead", crn_pattern: "crn://x" }),
      r("confluent_service_account.sa", { display_name: "orders-app" }),
      r("aws_secretsmanager_secret.u", { name: "AmazonMSK_alice" }),
      r("aws_msk_single_scram_secret_association.u", {
        cluster_arn: "x",
        secret_arn: "${aws_secretsmanager_secret.u.arn}",
      }),
      r("aws_iam_policy.p", {
        policy: JSON.stringify({
          Statement: [{ Effect: "Allow", Action: "kafka-cluster:Connect", Resource: "arn:x" }],
        }),
      }),
      r("aws_iam_policy.s3", {
        policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }),
      }),
    ]),
    { today: "2026-07-01" },
  );

  test("clusters with versions and end of support", () => {
    expect(report.inventory.clusters).toEqual([
      {
        address: "aws_msk_cluster.main",
        kind: "msk",
        name: "orders",
        tier: "prod",
        kafkaVersion: "3.6.0",
        versionStatus: "past-end-of-support",
        endOfSupport: "2026-06-01",
        brokerType: "kafka.m7g.large",
        brokers: 3,
      },
      {
        address: "aws_msk_cluster.legacy",
        kind: "msk",
        name: "legacy",
        tier: "prod",
        kafkaVersion: "2.8.1",
        versionStatus: "past-end-of-support",
        endOfSupport: "2024-09-11",
        brokerType: "kafka.m7g.large",
        brokers: 6,
      },
      {
        address: "confluent_kafka_cluster.c",
        kind: "confluent",
        name: "events",
        tier: "staging",
        clusterType: "standard",
        availability: "MULTI_ZONE",
      },
    ]);
    expect(report.inventory.brokerTypes).toEqual([{ instanceType: "kafka.m7g.large", clusters: 2, brokers: 9 }]);
  });

  test("topics and principals", () => {
    expect(report.inventory.topics).toEqual({
      total: 2,
      byType: { kafka_topic: 1, confluent_kafka_topic: 1 },
      byClass: { events: 1, unclassified: 1 },
    });
    expect(report.inventory.principals).toEqual({
      scramUsers: ["AmazonMSK_alice"],
      serviceAccounts: ["orders-app"],
      iamPolicies: ["aws_iam_policy.p"],
      aclPrincipals: ["User:orders", "User:sa-1"],
    });
  });
});

describe("scorecard", () => {
  test("counts passed, failed and accepted checks per control", () => {
    const report = auditDocument(
      tfDoc([
        ...secureMskStack(),
        r(
          "kafka_topic.p",
          { name: "crm.people", replication_factor: 3, config: { "retention.ms": "-1" } },
          { class: "personal" },
        ),
        r(
          "kafka_topic.q",
          { name: "crm.leads", replication_factor: 3, config: { "retention.ms": "-1" } },
          {
            class: "personal",
            suppressions: [{ id: "KS-GDPR-001", reason: "legal hold until case 42 closes" }],
          },
        ),
      ]),
      { compliance: ["gdpr", "sox"] },
    );
    const gdpr = report.scorecard!.profiles.find((p) => p.profile === "gdpr")!;
    expect(gdpr.controls.find((c) => c.control === "GDPR-Art.5(1)(e)")).toEqual({
      control: "GDPR-Art.5(1)(e)",
      title: "Storage limitation: personal data kept no longer than necessary",
      rules: ["KS-GDPR-001"],
      compliant: 0,
      failed: 1,
      accepted: 1,
      status: "fail",
    });
    expect(gdpr.controls.find((c) => c.control === "GDPR-Art.32(1)(a)")).toMatchObject({ status: "pass", failed: 0 });
    expect(gdpr.status).toBe("fail");
    const sox = report.scorecard!.profiles.find((p) => p.profile === "sox")!;
    expect(sox.controls.map((c) => [c.control, c.status])).toEqual([
      ["SOX-404", "pass"],
      ["SOX-802", "not-assessed"],
    ]);
    expect(sox.score).toBe(100);
  });
});
