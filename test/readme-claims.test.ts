/**
 * The README's security claims, each as a named test over everything the examples synthesize (every
 * stack, every artifact). If a claim stops being true for any example, its test fails.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { EXAMPLES } from "../examples/registry";
import { KafkaStandardsAudit } from "../lib/audit/cdktf/aspect";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "claims-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
KafkaStandardsAudit.forApp(app, { print: false });
app.synth();

const stacks = fs.readdirSync(path.join(outdir, "stacks")).sort();
const docs = stacks.map((s) => ({
  stack: s,
  doc: JSON.parse(fs.readFileSync(path.join(outdir, "stacks", s, "cdk.tf.json"), "utf8")),
}));

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function resources(type: string): { stack: string; name: string; r: any }[] {
  return docs.flatMap(({ stack, doc }) =>
    Object.entries<any>(doc.resource?.[type] ?? {}).map(([name, r]) => ({ stack, name, r })),
  );
}

/** A claim is tested only while the README still makes it. */
function claim(text: string): void {
  expect(README.replace(/\s+/g, " ")).toContain(text);
}

test("the examples cover both backends, SCRAM, mutual TLS and the data plane", () => {
  expect(resources("aws_msk_cluster").length).toBeGreaterThan(3);
  expect(resources("confluent_kafka_cluster").length).toBeGreaterThan(3);
  expect(resources("kafka_acl").length).toBeGreaterThan(5);
  expect(resources("aws_secretsmanager_secret_version").length).toBeGreaterThan(2);
});

describe("README: no password is in the synthesized JSON, the plan or the state", () => {
  test("no password-bearing data source anywhere (data sources are stored in state)", () => {
    claim("no password is in the synthesized JSON, the plan or the state");
    for (const { doc } of docs) {
      expect(doc.data?.aws_secretsmanager_random_password).toBeUndefined();
      expect(doc.data?.aws_secretsmanager_secret_version).toBeUndefined();
    }
  });

  test("SCRAM secret versions are write-only, from an ephemeral password", () => {
    for (const { r } of resources("aws_secretsmanager_secret_version")) {
      expect(r.secret_string).toBeUndefined();
      expect(r.secret_string_wo).toMatch(/ephemeral\.aws_secretsmanager_random_password\.[^.]+\.random_password/);
    }
  });

  test("the data-plane SCRAM admin password is read through an ephemeral block, never a literal", () => {
    claim("through an ephemeral `aws_secretsmanager_secret_version`");
    for (const { doc } of docs) {
      for (const p of doc.provider?.kafka ?? []) {
        if (p.sasl_password !== undefined) {
          expect(p.sasl_password).toMatch(/^\$\{jsondecode\(ephemeral\.aws_secretsmanager_secret_version\./);
        }
      }
    }
  });
});

describe("README: secrets referenced from the environment, never inlined (client properties)", () => {
  const props = stacks.flatMap((s) =>
    files(path.join(outdir, "stacks", s, "kafka-standards", "clients")).filter((f) => f.endsWith(".properties")),
  );

  test("every SASL password and API secret in a rendered client file is an environment reference", () => {
    claim("secrets referenced from the environment, never inlined");
    expect(props.length).toBeGreaterThan(10);
    for (const file of props) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/password="([^"]*)"/g)) expect(m[1]).toMatch(/^\$\{env:[A-Z_]+\}$/);
      for (const m of text.matchAll(/^(sasl\.password|ssl\.key\.password|ssl\.keystore\.password)=(.*)$/gm)) {
        // `${env:NAME}` (Java's EnvVarConfigProvider) or `${NAME}` (substituted from the environment for librdkafka)
        expect(m[2]).toMatch(/^\$\{(env:)?[A-Z_]+\}$/);
      }
    }
  });
});

describe("README: no wildcard principal, topic or group", () => {
  test("Kafka ACLs name one principal and one resource, never *", () => {
    claim("No wildcard principal, topic or group.");
    for (const { r } of resources("kafka_acl")) {
      expect(r.acl_principal).not.toMatch(/\*/);
      expect(r.resource_name).not.toBe("*");
    }
    for (const { r } of resources("confluent_kafka_acl")) {
      expect(r.principal).not.toMatch(/\*/);
      expect(r.resource_name).not.toBe("*");
    }
  });

  test("Confluent role bindings are scoped to a named topic, group or transactional-id prefix", () => {
    for (const { r } of resources("confluent_role_binding")) {
      if (r.role_name === "CloudClusterAdmin") continue;
      expect(String(r.crn_pattern)).toMatch(/\/(topic|group|transactional-id|subject)=[^*/]+\*?$/);
    }
  });
});

describe("README: grants are least-privilege (IAM)", () => {
  test("application IAM policies: kafka-cluster actions only, on exact topic, group and transactional-id ARNs", () => {
    claim("**Grants are least-privilege**");
    const policies = resources("aws_iam_policy").filter(({ r }) => /-kafka$/.test(r.name ?? ""));
    expect(policies.length).toBeGreaterThan(2);
    for (const { r } of policies) {
      const text = String(r.policy);
      expect(text).not.toMatch(/"Action":\s*"\*"|"kafka-cluster:\*"|"Resource":\s*"\*"/);
      for (const m of text.matchAll(/"Action":\[([^\]]*)\]/g)) {
        for (const a of m[1].split(",")) expect(a).toMatch(/^"kafka-cluster:[A-Za-z]+"$/);
      }
      for (const m of text.matchAll(/:(topic|group)\/"\)\}\/([^"]*)"/g)) expect(m[2]).not.toBe("*");
    }
  });
});

describe("README: TLS in transit, CMK at rest, no unauthenticated or public access (MSK)", () => {
  test("every MSK cluster of every example", () => {
    claim("TLS client↔broker and in-cluster written");
    for (const { r } of resources("aws_msk_cluster")) {
      expect(r.encryption_info.encryption_in_transit).toEqual({ client_broker: "TLS", in_cluster: true });
      expect(r.encryption_info.encryption_at_rest_kms_key_arn).toMatch(/^\$\{aws_kms_key\./);
      expect(r.client_authentication.unauthenticated).toBe(false);
      expect(r.broker_node_group_info.connectivity_info.public_access.type).toBe("DISABLED");
    }
  });
});
