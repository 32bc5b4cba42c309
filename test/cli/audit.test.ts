import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { tfDoc, r } from "../audit/helpers";
import { secureMskStack } from "../audit/fixtures";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "audit");
const INSECURE = path.join(FIXTURES, "insecure", "cdk.tf.json");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ks-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

function write(name: string, json: unknown): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}

/** Every violation planted in the insecure fixture, by resource (base pack). */
const PLANTED: Readonly<Record<string, readonly string[]>> = {
  "aws_cloudwatch_log_group.broker": ["KS-LOG-001", "KS-LOG-002"],
  "aws_iam_policy.kafka_admin": ["KS-IAM-001", "KS-IAM-002"],
  "aws_kms_key.msk": ["KS-KMS-001", "KS-KMS-002"],
  "aws_msk_cluster.half_logged": ["KS-MSK-005", "KS-MSK-011", "KS-MSK-012"],
  "aws_msk_cluster.insecure": [
    "KS-MON-001",
    "KS-MSK-001",
    "KS-MSK-002",
    "KS-MSK-003",
    "KS-MSK-004",
    "KS-MSK-006",
    "KS-MSK-007",
    "KS-MSK-008",
    "KS-MSK-009",
    "KS-MSK-010",
    "KS-MSK-013",
    "KS-MSK-014",
    "KS-MSK-015",
  ],
  "aws_msk_configuration.weak": ["KS-MSK-020", "KS-MSK-021", "KS-MSK-022", "KS-MSK-023", "KS-MSK-024"],
  "aws_mskconnect_connector.sink": [
    "KS-CONN-001",
    "KS-CONN-002",
    "KS-CONN-003",
    "KS-CONN-004",
    "KS-MSKC-001",
    "KS-MSKC-002",
    "KS-MSKC-003",
  ],
  "aws_secretsmanager_secret.scram_user": ["KS-SCRAM-001", "KS-SCRAM-002"],
  "aws_security_group.brokers": ["KS-NET-001"],
  "aws_security_group_rule.all_ipv6": ["KS-NET-001"],
  "aws_vpc_security_group_ingress_rule.zookeeper": ["KS-NET-001"],
  "confluent_api_key.user_key": ["KS-CFL-001", "KS-CFL-003"],
  "confluent_connector.source": ["KS-CONN-001", "KS-CONN-002"],
  "confluent_environment.prod": ["KS-CFL-003"],
  "confluent_kafka_acl.any_topic": ["KS-ACL-002"],
  "confluent_kafka_cluster.basic": ["KS-CFL-002", "KS-CFL-003"],
  "confluent_kafka_topic.audit_log": ["KS-TOPIC-005", "KS-TOPIC-006"],
  "kafka_acl.everyone_read": ["KS-ACL-001", "KS-ACL-002"],
  "kafka_topic.orders": [
    "KS-TOPIC-001",
    "KS-TOPIC-002",
    "KS-TOPIC-003",
    "KS-TOPIC-004",
    "KS-TOPIC-005",
    "KS-TOPIC-006",
  ],
};
/** Added by --compliance gdpr,sox. */
const PLANTED_COMPLIANCE: Readonly<Record<string, readonly string[]>> = {
  "aws_cloudwatch_log_group.broker": ["KS-SOX-003", "KS-SOX-004"],
  "aws_kms_key.msk": ["KS-SOX-003"],
  "aws_msk_cluster.insecure": ["KS-SOX-003"],
  "confluent_kafka_cluster.basic": ["KS-GDPR-002"],
  "confluent_kafka_topic.audit_log": ["KS-SOX-001", "KS-SOX-002"],
  "kafka_topic.orders": ["KS-GDPR-001"],
};

function byResource(findings: { resource: string; rule: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findings) (out[f.resource] = out[f.resource] ?? []).push(f.rule);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

describe("kafka-standards audit on the insecure fixture", () => {
  test("reports exactly the planted violations and exits 1", async () => {
    const { code, out, err } = await cli("audit", INSECURE, "--json");
    expect([code, err]).toEqual([1, ""]);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["findings"]);
    expect(byResource(json.findings)).toEqual(PLANTED);
  });

  test("each finding has exactly rule, severity, resource, message, controls", async () => {
    const json = JSON.parse((await cli("audit", INSECURE, "--json")).out);
    for (const f of json.findings)
      expect(Object.keys(f)).toEqual(["rule", "severity", "resource", "message", "controls"]);
    expect(json.findings.find((f: { rule: string }) => f.rule === "KS-MSK-001")).toEqual({
      rule: "KS-MSK-001",
      severity: "error",
      resource: "aws_msk_cluster.insecure",
      message: 'encryption_in_transit.client_broker is "TLS_PLAINTEXT", not "TLS"',
      controls: [
        "CKV_AWS_81",
        "AVD-AWS-0073",
        "6db52fa6-d4da-4608-908a-89f0c59e743e",
        "MSKClientToBrokerTLS",
        "GDPR-Art.32(1)(a)",
      ],
    });
  });

  test("--compliance gdpr,sox adds the profile rules and a scorecard", async () => {
    const { code, out } = await cli("audit", INSECURE, "--json", "--compliance", "gdpr,sox");
    expect(code).toBe(1);
    const json = JSON.parse(out);
    const expected: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(PLANTED)) expected[k] = [...v];
    for (const [k, v] of Object.entries(PLANTED_COMPLIANCE)) expected[k] = [...(expected[k] ?? []), ...v].sort();
    expect(byResource(json.findings)).toEqual(expected);
    expect(json.scorecard[0].file).toBe(INSECURE);
    expect(
      json.scorecard[0].scorecard.profiles.map((p: { profile: string; status: string }) => [p.profile, p.status]),
    ).toEqual([
      ["gdpr", "fail"],
      ["sox", "fail"],
    ]);
  });

  test("text output lists findings with fixes", async () => {
    const { code, out } = await cli("audit", INSECURE);
    expect(code).toBe(1);
    expect(out.split("\n")[0]).toMatch(
      /^kafka-standards audit {2}insecure \(.*cdk\.tf\.json\) {2}FAIL {2}\d+ errors, \d+ warnings, 0 info, 0 suppressed, 0 not verifiable \(21 resources, 55 rules\)$/,
    );
    expect(out).toContain(
      "    error   KS-NET-001    aws_vpc_security_group_ingress_rule.zookeeper: ingress allows TCP 2181-2181 from 0.0.0.0/0",
    );
  });
});

describe("kafka-standards audit exit codes", () => {
  test("0 when no unsuppressed error", async () => {
    const file = write("ok.json", tfDoc(secureMskStack()));
    const { code, out } = await cli("audit", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ findings: [] });
  });

  test("0 when the only error is suppressed; the suppression is listed", async () => {
    const stack = secureMskStack();
    stack[0] = r(
      "aws_msk_cluster.main",
      { ...stack[0].attributes, client_authentication: undefined },
      {
        suppressions: [{ id: "KS-MSK-007", reason: "network-isolated lab cluster" }],
      },
    );
    const { code, out } = await cli("audit", write("suppressed.json", tfDoc(stack)), "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      findings: [],
      suppressed: [
        {
          rule: "KS-MSK-007",
          severity: "error",
          resource: "aws_msk_cluster.main",
          message: "no client_authentication block: MSK allows unauthenticated clients",
          controls: ["MSK.6"],
          reason: "network-isolated lab cluster",
        },
      ],
    });
  });

  test("--fail-on warning turns warnings into exit 1", async () => {
    const stack = secureMskStack({ enhanced_monitoring: "PER_BROKER" });
    const file = write("warn.json", tfDoc(stack));
    expect((await cli("audit", file)).code).toBe(0);
    expect((await cli("audit", file, "--fail-on", "warning")).code).toBe(1);
  });

  test("plan input keeps module addresses", async () => {
    const { code, out } = await cli("audit", path.join(FIXTURES, "plan", "plan.json"), "--json");
    expect(code).toBe(1);
    expect(byResource(JSON.parse(out).findings)).toEqual({
      "aws_iam_policy.admin": ["KS-IAM-001", "KS-IAM-002"],
      "module.msk.aws_kms_key.this": ["KS-KMS-001"],
      "module.msk.aws_msk_cluster.this[0]": ["KS-MON-001", "KS-MSK-001", "KS-MSK-004", "KS-MSK-009"],
    });
  });

  test("several files: findings name their file", async () => {
    const ok = write("ok2.json", tfDoc(secureMskStack()));
    const { code, out } = await cli(
      "audit",
      ok,
      path.join(FIXTURES, "state", "state.json"),
      "--json",
      "--tier",
      "prod",
    );
    expect(code).toBe(1);
    const files = [...new Set(JSON.parse(out).findings.map((f: { file: string }) => f.file))];
    expect(files).toEqual([path.join(FIXTURES, "state", "state.json")]);
  });

  test.each([
    [
      "missing file",
      () => ["audit", path.join(tmp, "missing.json")],
      /^kafka-standards audit: .*missing\.json: file not found \[KSE-AUDIT-020\]\n$/,
    ],
    [
      "bad JSON",
      () => ["audit", write("bad.json", "{")],
      /^kafka-standards audit: .*bad\.json: not valid JSON \(.*\) \[KSE-AUDIT-021\]\n$/,
    ],
    [
      "not Terraform",
      () => ["audit", write("pkg.json", { name: "x", version: "1.0.0" })],
      /: not a Terraform document \(no resource, data, planned_values or values section\) \[KSE-AUDIT-022\]\n$/,
    ],
    ["a directory", () => ["audit", tmp], /: is a directory \[KSE-AUDIT-020\]\n$/],
    ["no file", () => ["audit"], /^kafka-standards audit: audit needs at least one file \(see --help\)\n$/],
    [
      "unknown option",
      () => ["audit", INSECURE, "--frobnicate"],
      /^kafka-standards audit: Unknown option '--frobnicate'/,
    ],
    [
      "bad tier",
      () => ["audit", INSECURE, "--tier", "qa"],
      /^kafka-standards audit: \[KSE-AUDIT-004\] Invalid tier: got "qa"/,
    ],
    [
      "bad profile",
      () => ["audit", INSECURE, "--compliance", "gdpr,hipaa"],
      /\[KSE-AUDIT-003\] Invalid compliance: got "hipaa"/,
    ],
    [
      "unknown command",
      () => ["lint"],
      /^kafka-standards: unknown command "lint" \(commands: audit, connectors, docs, inspect, loadtest, probe, size\)\n$/,
    ],
  ])("2 on %s, one line, no stack trace", async (_name, argv, message) => {
    const { code, out, err } = await cli(...argv());
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err.trimEnd().split("\n")).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  });

  test("help", async () => {
    const top = await cli("--help");
    expect(top.code).toBe(0);
    expect(top.out).toContain(
      "  audit       audit cdk.tf.json or terraform show -json output against the Kafka standards",
    );
    const sub = await cli("audit", "--help");
    expect(sub.code).toBe(0);
    expect(sub.out.split("\n")[0]).toBe("Usage: kafka-standards audit <file>... [options]");
  });
});

describe("kafka-standards audit: nothing to audit, and checks it could not make", () => {
  const vpcOnly = {
    resource: {
      aws_vpc: { main: { cidr_block: "10.0.0.0/16" } },
      aws_security_group: {
        web: { ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] }] },
      },
    },
  };

  test("a file without a Kafka resource: no PASS, a clear message, exit 2", async () => {
    const file = write("vpc.json", vpcOnly);
    const { code, out, err } = await cli("audit", file);
    expect(code).toBe(2);
    expect(out).toBe(
      `kafka-standards audit  ${file}  NOTHING TO AUDIT  no Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or kafka-cluster IAM policy) among 2 resources\n`,
    );
    expect(err).toBe(
      `kafka-standards audit: nothing to audit: no Kafka resource (MSK, MSK Connect, Kafka provider, Confluent, SCRAM secret or kafka-cluster IAM policy) in ${file}\n`,
    );
  });

  test("--json says so too", async () => {
    const file = write("vpc2.json", vpcOnly);
    const { code, out } = await cli("audit", file, "--json");
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({ findings: [], nothingToAudit: [file] });
  });

  test("with other files that hold Kafka resources, the exit code is theirs and the empty file is named", async () => {
    const empty = write("vpc3.json", vpcOnly);
    const ok = write("ok3.json", tfDoc(secureMskStack()));
    const { code, out } = await cli("audit", ok, empty, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ findings: [], nothingToAudit: [empty] });
  });

  test("an IAM policy with kafka-cluster actions alone is something to audit", async () => {
    const file = write("iam.json", {
      resource: {
        aws_iam_policy: {
          admin: {
            policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "kafka-cluster:*", Resource: "*" }] }),
          },
        },
      },
    });
    const { code, out } = await cli("audit", file, "--json");
    expect(code).toBe(1);
    expect(byResource(JSON.parse(out).findings)).toEqual({ "aws_iam_policy.admin": ["KS-IAM-001", "KS-IAM-002"] });
  });

  test("a cluster whose key, log group and configuration are elsewhere: the JSON lists what could not be checked", async () => {
    const file = write("cluster-only.json", tfDoc([r("aws_msk_cluster.main", secureMskStack()[0].attributes)]));
    const { code, out } = await cli("audit", file, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toEqual(["KS-MON-001"]);
    expect(json.notVerifiable.map((u: { rule: string; missing: string[] }) => [u.rule, u.missing[0]])).toEqual([
      ["KS-MSK-020", "aws_msk_configuration.baseline"],
      ["KS-MSK-021", "aws_msk_configuration.baseline"],
      ["KS-MSK-022", "aws_msk_configuration.baseline"],
      ["KS-MSK-023", "aws_msk_configuration.baseline"],
      ["KS-MSK-024", "aws_msk_configuration.baseline"],
      ["KS-LOG-001", "aws_cloudwatch_log_group.broker"],
      ["KS-LOG-002", "aws_cloudwatch_log_group.broker"],
      ["KS-KMS-001", "aws_kms_key.kafka"],
      ["KS-KMS-002", "aws_kms_key.kafka"],
    ]);
  });
});

describe("bin/kafka-standards", () => {
  test("runs from a source checkout (no dist/) and maps exit codes", () => {
    const bin = path.join(ROOT, "bin", "kafka-standards");
    const run = (...args: string[]) =>
      spawnSync(bin, args, { cwd: os.tmpdir(), encoding: "utf8", env: { ...process.env, TS_NODE_PROJECT: "" } });
    const failing = run("audit", INSECURE, "--json");
    expect(failing.status).toBe(1);
    expect(JSON.parse(failing.stdout).findings.length).toBe(Object.values(PLANTED).flat().length);
    const missing = run("audit", "nope.json");
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([
      2,
      "",
      "kafka-standards audit: nope.json: file not found [KSE-AUDIT-020]\n",
    ]);
  });
});
