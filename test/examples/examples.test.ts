import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { EXAMPLES } from "../../examples/registry";
import { MSK_ALARM_THRESHOLDS } from "../../lib/standards/alarm-thresholds";
import { AWS_EXCERPT, ephemeralFlowProblems, ephemeralSchemaProblems } from "../providers/aws-excerpt";

/** Synthesizes every example once, the way `npm run synth` does. */
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "examples-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
app.synth();

function doc(stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
}

const STACKS = fs.readdirSync(path.join(outdir, "stacks")).sort();

test.each(EXAMPLES.map((e) => e.name))("example %s has a README that shows how to run it", (name) => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "examples", name, "README.md"), "utf8");
  expect(readme).toContain("npm run synth");
});

test("every example synthesized at least its own stack", () => {
  for (const e of EXAMPLES) expect(STACKS).toContain(e.name);
});

// No example signs its data plane in with SCRAM, so the ephemeral secret read is checked on the unit
// fixtures of test/providers/aws-excerpt.test.ts; the examples carry the ephemeral SCRAM passwords.
test("the examples emit ephemeral SCRAM passwords, so the schema checks below are not vacuous", () => {
  const types = new Set(STACKS.flatMap((s) => Object.keys(doc(s).ephemeral ?? {})));
  expect([...types]).toContain("aws_secretsmanager_random_password");
});

describe.each(STACKS)("stack %s", (stack) => {
  const d = doc(stack);
  const clusters = Object.entries<any>(d.resource?.aws_msk_cluster ?? {});
  const configurations = d.resource?.aws_msk_configuration ?? {};

  test("MSK clusters: TLS in transit, CMK at rest, authenticated, private, logged, baseline attached", () => {
    for (const [, c] of clusters) {
      expect(c.encryption_info.encryption_in_transit).toEqual({ client_broker: "TLS", in_cluster: true });
      expect(c.encryption_info.encryption_at_rest_kms_key_arn).toMatch(/^\$\{aws_kms_key\.[^.]+\.arn\}$/);
      expect(c.client_authentication.unauthenticated).toBe(false);
      expect(c.client_authentication.sasl.iam || c.client_authentication.sasl.scram).toBe(true);
      expect(c.broker_node_group_info.connectivity_info.public_access.type).toBe("DISABLED");
      const logs = c.logging_info.broker_logs;
      expect(Object.keys(logs).length).toBeGreaterThan(0);
      for (const dest of Object.values<any>(logs)) expect(dest.enabled).toBe(true);
      const confName = /^\$\{aws_msk_configuration\.([^.]+)\.arn\}$/.exec(c.configuration_info.arn)![1];
      const props = configurations[confName].server_properties as string;
      expect(props).toContain("auto.create.topics.enable=false");
      expect(props).toContain("allow.everyone.if.no.acl.found=false");
      if (!c.broker_node_group_info.instance_type.startsWith("express.")) {
        expect(props).toContain("unclean.leader.election.enable=false");
        expect(props).toContain("min.insync.replicas=2");
      }
    }
  });

  test("MSK clusters: the standard's alarms with actions on the topic of their severity, and a dashboard", () => {
    const alarms = Object.values<any>(d.resource?.aws_cloudwatch_metric_alarm ?? {});
    const topics = Object.entries<any>(d.resource?.aws_sns_topic ?? {});
    const dashboards = Object.values<any>(d.resource?.aws_cloudwatch_dashboard ?? {}).map((x) => x.dashboard_name);
    for (const [, c] of clusters) {
      const family = c.broker_node_group_info.instance_type.startsWith("express.") ? "express" : "standard";
      const mine = alarms.filter((a) => a["//"]["kafka-standards"].cluster === c.cluster_name);
      const expected = MSK_ALARM_THRESHOLDS.filter(
        (a) => a.appliesTo.includes(family) && a.dimensions !== "consumer-group-topic",
      ).map((a) => a.id);
      const groupAlarm = (a: any): boolean =>
        Boolean(a.dimensions?.["Consumer Group"]) ||
        (a.metric_query ?? []).some((q: any) => q.metric?.dimensions?.["Consumer Group"]);
      const broker = mine.filter((a) => !groupAlarm(a));
      expect([...new Set(broker.map((a) => a["//"]["kafka-standards"].alarm))].sort()).toEqual([...expected].sort());
      for (const a of mine) {
        const severity = a["//"]["kafka-standards"].severity.toLowerCase();
        const [topic] = topics.find(([, t]) => t.name === `${c.cluster_name}-alarms-${severity}`)!;
        expect(a.alarm_actions).toEqual([`\${aws_sns_topic.${topic}.arn}`]);
      }
      expect(dashboards).toContain(`kafka-${c.cluster_name}`);
    }
  });

  test("every alarm has its runbook file, linked from its description", () => {
    const all = Object.values<any>(d.resource?.aws_cloudwatch_metric_alarm ?? {});
    if (clusters.length > 0) expect(all.length).toBeGreaterThan(0);
    for (const a of all) {
      const link = /Runbook: (\S+\.md)$/.exec(a.alarm_description)![1];
      const file = path.join(outdir, "stacks", stack, link);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file, "utf8")).toContain(`\`${a.alarm_name}\``);
    }
  });

  test("every Prometheus alert's runbook_url points to a runbook file of the stack", () => {
    const dir = path.join(outdir, "stacks", stack, "kafka-standards", "monitoring");
    const rules = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith("-prometheus-rules.yml")) : [];
    const confluentClusters = Object.keys(d.resource?.confluent_kafka_cluster ?? {}).length;
    expect(rules.length).toBe(confluentClusters);
    for (const f of rules) {
      const urls = [...fs.readFileSync(path.join(dir, f), "utf8").matchAll(/runbook_url: "([^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(fs.existsSync(path.join(outdir, "stacks", stack, url))).toBe(true);
    }
  });

  test("ephemeral blocks match the hashicorp/aws schema excerpt; ephemeral values reach only write-only args and providers", () => {
    expect(ephemeralSchemaProblems(d)).toEqual([]);
    expect(ephemeralFlowProblems(d)).toEqual([]);
    if (d.ephemeral) expect(d.terraform.required_providers.aws?.version).toBe(AWS_EXCERPT["//"].version);
  });

  test("every KMS key rotates", () => {
    for (const k of Object.values<any>(d.resource?.aws_kms_key ?? {})) expect(k.enable_key_rotation).toBe(true);
  });

  test("no secret value appears as a literal", () => {
    const offenders: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`);
      else if (typeof v === "string") {
        const key = at.split(".").pop() ?? "";
        // A Terraform reference (`${…}`), or a Kafka config-provider lookup written with Terraform's
        // `$${` escape (`$${secretsmanager:<secret>:<key>}`, resolved by the MSK Connect worker): no secret.
        const reference = /^\$\{.*\}$/s.test(v) || /^\$\$\{secretsmanager:[^${}]+:[^${}]+\}$/.test(v);
        if (/(password|secret_string|api_secret|secret_key|client_key|token)$/i.test(key) && !reference) {
          offenders.push(at);
        }
      }
    };
    walk(d.resource, "resource");
    walk(d.provider ?? {}, "provider");
    walk(d.output ?? {}, "output");
    expect(offenders).toEqual([]);
    expect(JSON.stringify(d)).not.toMatch(/"secret_string"\s*:/);
  });

  test("every resource type and data source comes from a provider binding the library ships or depends on", () => {
    const known = (type: string, data: boolean): boolean => {
      if (!type.startsWith("aws_")) return false;
      const file = (data ? `data-aws-${type.slice(4)}` : type.slice(4)).replace(/_/g, "-");
      return fs.existsSync(path.join(__dirname, "..", "..", "node_modules", "@cdktf", "provider-aws", "lib", file));
    };
    const ours = (type: string, data: boolean): boolean => {
      const schema = JSON.parse(
        fs.readFileSync(
          path.join(
            __dirname,
            "..",
            "..",
            "lib",
            "providers",
            "schema",
            type.startsWith("confluent_") ? "confluent.json" : "kafka.json",
          ),
          "utf8",
        ),
      );
      const provider = Object.values<any>(schema.provider_schemas)[0];
      return type in (data ? (provider.data_source_schemas ?? {}) : provider.resource_schemas);
    };
    const builtIn = (type: string, data: boolean): boolean => data && type === "terraform_remote_state";
    const unknown = [
      ...Object.keys(d.resource ?? {}).filter(
        (t) => !known(t, false) && !(/^(kafka|confluent)_/.test(t) && ours(t, false)),
      ),
      ...Object.keys(d.data ?? {}).filter(
        (t) => !known(t, true) && !builtIn(t, true) && !(/^(kafka|confluent)_/.test(t) && ours(t, true)),
      ),
    ];
    expect(unknown).toEqual([]);
    const providers = d.terraform.required_providers;
    if (providers.aws) expect(providers.aws).toEqual({ source: "aws", version: "6.25.0" });
    if (providers.kafka) expect(providers.kafka).toEqual({ source: "Mongey/kafka", version: "~> 0.13.1" });
    if (providers.confluent)
      expect(providers.confluent).toEqual({ source: "confluentinc/confluent", version: "~> 2.83" });
  });
});
