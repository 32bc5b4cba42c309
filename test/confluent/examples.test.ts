import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { auditDocument } from "../../lib/audit/engine";
import * as confluentBasic from "../../examples/confluent-basic/main";
import * as confluentComplete from "../../examples/confluent-complete/main";

/** The Confluent examples, synthesized once the way `npm run synth` does, then audited. */
const EXAMPLES = [
  { name: "confluent-basic", build: confluentBasic.build },
  { name: "confluent-complete", build: confluentComplete.build },
];
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "confluent-examples-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
app.synth();

function doc(stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
}

test("confluent-basic creates exactly the documented resources", () => {
  const d = doc("confluent-basic");
  const names = Object.entries<any>(d.resource).flatMap(([type, rs]) =>
    Object.values<any>(rs).map((r) => `${type}:${r.display_name ?? r.role_name}`),
  );
  expect(names.sort()).toEqual([
    "confluent_api_key:orders-prod-manager-kafka",
    "confluent_api_key:orders-prod-orders-api-kafka",
    "confluent_environment:orders-prod",
    "confluent_kafka_cluster:orders-prod",
    "confluent_role_binding:CloudClusterAdmin",
    "confluent_service_account:orders-prod-manager",
    "confluent_service_account:orders-prod-orders-api",
  ]);
});

describe.each(EXAMPLES.map((e) => e.name))("example %s", (stack) => {
  const d = doc(stack);

  test("has a README that shows how to run it", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "examples", stack, "README.md"), "utf8");
    expect(readme).toContain("npm run synth");
  });

  test("every resource type comes from the generated Confluent bindings; provider pinned", () => {
    const dir = path.join(__dirname, "..", "..", "lib", "providers", "confluent");
    for (const type of Object.keys(d.resource)) {
      expect(fs.existsSync(path.join(dir, type.replace(/^confluent_/, "").replace(/_/g, "-")))).toBe(true);
    }
    expect(d.terraform.required_providers).toEqual({
      confluent: { source: "confluentinc/confluent", version: "~> 2.83" },
    });
    expect(d.provider.confluent).toEqual([{}]);
  });

  test("no credential is a literal; outputs that expose a secret are sensitive", () => {
    const text = JSON.stringify(d);
    expect(text).not.toMatch(/"(secret|[a-z_]*api_secret|[a-z_]*api_key|key)"\s*:\s*"(?!\$\{)[^"]+"/);
    for (const o of Object.values<any>(d.output ?? {})) {
      if (/\.secret\}$/.test(o.value)) expect(o.sensitive).toBe(true);
    }
  });

  test("API keys belong to service accounts and are scoped to a cluster", () => {
    for (const k of Object.values<any>(d.resource.confluent_api_key)) {
      expect(k.owner.kind).toBe("ServiceAccount");
      expect(k.managed_resource).toMatchObject({ kind: "Cluster", api_version: "cmk/v2" });
    }
  });

  test("the audit finds nothing to fix", () => {
    const report = auditDocument(d, { name: stack, today: "2026-01-15" });
    expect(report.findings.map((f) => `${f.rule} ${f.resource}: ${f.message}`)).toEqual([]);
    const confluentRules = report.rules.filter((r) => r.rule.startsWith("KS-CFL-"));
    expect(confluentRules.length).toBeGreaterThan(0);
    for (const r of confluentRules) expect([r.rule, r.compliant > 0]).toEqual([r.rule, true]);
  });
});
