import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { App, TerraformStack } from "cdktf";
import { EXAMPLES } from "../../examples/registry";
import { StackArtifacts } from "../../lib/core/stack-artifacts";
import { ARCHITECTURE_FILE, architectureProducer, renderArchitecture } from "../../lib/docs/architecture";
import { MERMAID_LIMITS, MermaidIds, mermaidText } from "../../lib/docs/architecture-mermaid";
import { PATTERN_EXPANSION_LIMIT, parsePolicy } from "../../lib/docs/architecture-access";
import { brokerBaseline } from "../../lib/standards/broker-baseline";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "docs");

/**
 * Parses Mermaid sources with the real parser: `mermaid.parse()` of the `mermaid` package under a
 * jsdom window (its sanitizer needs a DOM), in a child Node process because mermaid is ESM-only
 * and jest runs CommonJS. All diagrams go through one process to keep the test fast.
 */
const MERMAID_CHECK = `
import { JSDOM } from "jsdom";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const r = await mermaid.parse(text);
    results.push({ ok: true, type: r.diagramType });
  } catch (e) {
    results.push({ ok: false, error: String(e && e.message ? e.message : e).split("\\n").slice(0, 3).join(" ") });
  }
}
process.stdout.write(JSON.stringify(results));
`;

interface ParseResult {
  readonly ok: boolean;
  readonly type?: string;
  readonly error?: string;
}

function parseMermaid(sources: readonly string[]): ParseResult[] {
  for (const dep of ["mermaid", "jsdom"]) {
    if (!fs.existsSync(path.join(ROOT, "node_modules", dep, "package.json"))) {
      throw new Error(`The Mermaid parser check needs the devDependency "${dep}" (npm ci installs it).`);
    }
  }
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", MERMAID_CHECK], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`mermaid parser process failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as ParseResult[];
}

function mermaidBlock(markdown: string): string {
  const m = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  if (!m) throw new Error("no mermaid block");
  return m[1];
}

function fixture(name: string): any {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8"));
}

/** A document of another tool: many topics and principals, no metadata. */
function largeDocument(topics: number, principals: number): any {
  const doc: any = {
    resource: {
      aws_msk_cluster: {
        big: {
          cluster_name: "big-prod",
          kafka_version: "3.9.x",
          number_of_broker_nodes: 6,
          broker_node_group_info: {
            instance_type: "kafka.m7g.4xlarge",
            client_subnets: ["subnet-a", "subnet-b", "subnet-c"],
          },
        },
      },
      kafka_topic: {},
      kafka_acl: {},
    },
  };
  for (let i = 0; i < topics; i++) {
    doc.resource.kafka_topic[`t${i}`] = { name: `domain.topic-${i}`, partitions: 6, replication_factor: 3 };
  }
  for (let i = 0; i < principals; i++) {
    doc.resource.kafka_acl[`a${i}`] = {
      resource_name: `domain.topic-${i % topics}`,
      resource_type: "Topic",
      acl_principal: `User:app-${i}`,
      acl_host: "*",
      acl_operation: i % 2 === 0 ? "Write" : "Read",
      acl_permission_type: "Allow",
    };
  }
  return doc;
}

// Synthesize every example once, with the architecture producer registered on each stack.
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "architecture-"));
const app = new App({ outdir, skipBackendValidation: true });
for (const e of EXAMPLES) e.build(app);
// Every stack, including the data-plane stacks an example adds next to its own.
const STACKS = app.node.children
  .filter((c): c is TerraformStack => c instanceof TerraformStack)
  .map((s) => {
    StackArtifacts.of(s).add(architectureProducer);
    return s.node.id;
  });
app.synth();
const stackDoc = (stack: string): any =>
  JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
const stackArchitecture = (stack: string): string =>
  fs.readFileSync(path.join(outdir, "stacks", stack, "kafka-standards", ARCHITECTURE_FILE), "utf8");

const FIXTURE_NAMES = ["confluent", "msk-data-plane", "replication", "connectors", "hostile-names"];
const docs: Record<string, string> = {};
for (const stack of STACKS) docs[`example ${stack}`] = stackArchitecture(stack);
for (const f of FIXTURE_NAMES) docs[`fixture ${f}`] = renderArchitecture(fixture(f), f);
docs["large document"] = renderArchitecture(largeDocument(120, 60), "large");
docs["empty document"] = renderArchitecture({}, "empty");

const broken = mermaidBlock(docs["fixture hostile-names"]).replace("#quot;A#quot;", '"A"');
const NEGATIVE: Record<string, string> = {
  "unbalanced quote in a label": 'flowchart LR\n  a["x"y"] --> b',
  "unclosed subgraph": 'flowchart LR\n  subgraph s["S"]\n    a\n',
  "dangling edge": "flowchart LR\n  a --> b\n  b -->\n",
  "a generated diagram with one escape undone": broken,
  "no diagram type": "architecture of nothing",
};

const sources = [...Object.values(docs).map(mermaidBlock), ...Object.values(NEGATIVE)];
let results: ParseResult[] = [];
beforeAll(() => {
  results = parseMermaid(sources);
});
const resultOf = (text: string): ParseResult => results[sources.indexOf(text)];

describe("Mermaid diagram", () => {
  test.each(Object.keys(docs))("%s: the real Mermaid parser accepts it as a flowchart", (name) => {
    const r = resultOf(mermaidBlock(docs[name]));
    expect(r).toEqual({ ok: true, type: "flowchart-v2" });
  });

  test.each(Object.keys(NEGATIVE))("the parser rejects a broken diagram: %s", (name) => {
    const r = resultOf(NEGATIVE[name]);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/Parse error|No diagram type|Lexical error|Expecting/);
  });

  test.each(Object.keys(docs))("%s: node ids are Mermaid-safe and every label is quoted", (name) => {
    const lines = mermaidBlock(docs[name])
      .split("\n")
      .slice(1)
      .filter((l) => l.trim() !== "");
    for (const line of lines) {
      const t = line.trim();
      if (t === "end" || t.startsWith("classDef ") || t.startsWith("class ")) continue;
      const id = /^(?:subgraph )?([^\s[({>-]+)/.exec(t)![1];
      expect(id).toMatch(/^[a-z]+_[A-Za-z0-9_]+$/);
      // Inside labels, only escaped quotes: every '"' opens or closes a label.
      for (const labelText of t.match(/"[^"]*"/g) ?? []) {
        expect(labelText.slice(1, -1).replace(/<br\/>/g, "")).not.toMatch(/["<>`]/);
      }
    }
  });
});

describe.each(STACKS)("example stack %s", (stack) => {
  const doc = stackDoc(stack);
  const md = stackArchitecture(stack);
  const msk = Object.values<any>(doc.resource.aws_msk_cluster ?? {});
  const confluent = Object.values<any>(doc.resource.confluent_kafka_cluster ?? {});

  test("the producer writes ARCHITECTURE.md, equal to the pure renderer's output", () => {
    expect(md).toBe(renderArchitecture(doc, stack));
    expect(md).toMatch(new RegExp(`^# Architecture of stack \`${stack}\``));
  });

  test("every MSK cluster is in the diagram with its key, logs and escalation topics", () => {
    const diagram = mermaidBlock(md);
    for (const c of msk) {
      const name = c.cluster_name;
      expect(diagram).toContain(
        `("${name}<br/>MSK · ${c.number_of_broker_nodes} × ${c.broker_node_group_info.instance_type}`,
      );
      expect(diagram).toContain(`/aws/msk/${name}/broker`);
      expect(diagram).toMatch(/-\.->\|"encrypts"\|/);
      expect(diagram).toMatch(/\|"\d+ Critical alarms"\| alarms_\w+/);
    }
  });

  test("every Confluent cluster is in the diagram inside its environment", () => {
    const diagram = mermaidBlock(md);
    for (const c of confluent) {
      const kind = ["basic", "standard", "enterprise", "dedicated"].find((k) => c[k] !== undefined);
      expect(diagram).toContain(`("${c.display_name}<br/>Confluent Cloud · ${kind}<br/>${c.cloud} ${c.region}`);
    }
    if (confluent.length > 0) expect(diagram).toMatch(/subgraph net_env_\w+\["Confluent environment /);
  });

  test("✓ for every baseline key of every MSK cluster", () => {
    for (const c of msk) {
      const section = md.split(`### ${c.cluster_name}\n`)[1].split("\n### ")[0];
      const express = c.broker_node_group_info.instance_type.startsWith("express.");
      for (const p of brokerBaseline({ brokerNodes: c.number_of_broker_nodes, express })) {
        expect(section).toMatch(
          new RegExp(`\\| \`${p.key.replace(/\./g, "\\.")}\` \\| ${p.value} \\| [^|]+ \\| ✓ \\|`),
        );
      }
      expect(section).toContain(`| Kafka version | ${c.kafka_version} |`);
      expect(section).toMatch(/\| Encryption in transit \| client–broker TLS, in-cluster TLS \| [^|]+ \| ✓ \|/);
      expect(section).toMatch(/\| Alarms \| \d+ Critical, \d+ Warning \|/);
    }
    for (const c of confluent) expect(md).toContain(`### ${c.display_name}\n`);
  });

  test("a document without the library's metadata still shows every cluster", () => {
    const stripped = JSON.parse(JSON.stringify(doc, (k, v) => (k === "//" ? undefined : v)));
    const plain = mermaidBlock(renderArchitecture(stripped, stack));
    for (const c of msk) expect(plain).toContain(`("${c.cluster_name}<br/>`);
    for (const c of confluent) expect(plain).toContain(`("${c.display_name}<br/>`);
  });
});

describe("fixtures", () => {
  test("Confluent: environment > network > cluster, role bindings as produce/consume, API keys checked", () => {
    const md = docs["fixture confluent"];
    const d = mermaidBlock(md);
    expect(d).toMatch(
      /subgraph net_env_\w+\["Confluent environment payments"\]\n\s+subgraph net_net_\w+\["network orders-prod-privatelink · PRIVATELINK"\]\n\s+cluster_orders\[\("orders-prod/,
    );
    expect(d).toContain('principal_writer -->|"produce"| topic_created');
    expect(d).toContain('principal_reader -->|"consume"| topic_customers');
    expect(d).toContain('principal_manager -.->|"admin"| cluster_orders');
    expect(d).toContain('principal_writer -.->|"API key"| cluster_orders');
    expect(d).toContain('principal_User_sa_web123 -->|"produce"| topic_clicks');
    expect(d).not.toContain("intruder");
    expect(md).toMatch(/\| API keys \| 1 \(1 owned by users\) \| owned by service accounts \| ✗ \|/);
    expect(md).toMatch(/\| `orders\.customers` \| orders-prod \| state \|.*delete ✗ \(class: compact\) \| ✗ \|/);
    expect(md).toMatch(/\| `orders\.created` \| orders-prod \| events \| 12 \| 3 \| 2 \| 7 days \| delete \| ✓ \|/);
  });

  test("MSK data plane: ACLs (literal, prefixed, All, Deny), IAM policies (JSON and jsonencode), baseline ✗", () => {
    const md = docs["fixture msk-data-plane"];
    const d = mermaidBlock(md);
    expect(d).toContain('principal_User_collector -->|"produce"| topic_events');
    expect(d).not.toMatch(/principal_User_collector -->\|"[^"]*consume/);
    for (const t of ["topic_events", "topic_audit", "topic_raw"])
      expect(d).toContain(`principal_User_reporting -->|"consume"| ${t}`);
    expect(d).toContain('principal_User_ops -->|"produce, consume"| topic_raw');
    expect(d).toContain('principal_ingest -->|"produce, consume"| topic_raw');
    expect(d).toContain('principal_dashboards -->|"consume"| topic_events');
    expect(d).not.toContain("s3-read");
    expect(d).toContain('subgraph net_vpc_vpc_0abc1234["VPC vpc-0abc1234');
    expect(md).toMatch(/\| `auto\.create\.topics\.enable` \| true \| = false \| ✗ \|/);
    expect(md).toMatch(/\| `unclean\.leader\.election\.enable` \| true \(MSK default\) \| = false \| ✗ \|/);
    expect(md).toMatch(/\| `default\.replication\.factor` \| 3 \| ≥ 3 \| ✓ \|/);
    expect(md).toMatch(/\| Encryption in transit \| client–broker TLS_PLAINTEXT, in-cluster TLS \| [^|]+ \| ✗ \|/);
    expect(md).toMatch(
      /\| `analytics\.audit-log` \(retiring: [^)]+\) \| legacy-analytics \| audit \| 3 \| 2 ✗ \(class: ≥ 3\) \|/,
    );
    expect(md).toMatch(
      /\| `analytics\.raw` \| legacy-analytics \| none \| 6 \| 3 \| 1 \(cluster default\) \| 3 days \(cluster default\) \|/,
    );
  });

  test("replication: MSK Replicator and cluster links between clusters, mirror topics, external clusters dashed", () => {
    const d = mermaidBlock(docs["fixture replication"]);
    expect(d).toContain(
      'cluster_primary ==>|"MSK Replicator payments-to-dr: payments.*, ledger.entries"| cluster_secondary',
    );
    expect(d).toContain('cluster_east ==>|"Cluster link east-to-west"| cluster_west');
    expect(d).toMatch(
      /cluster_external_lkc_partner9 ==>\|"Cluster link from-partner \(bidirectional\)"\| cluster_west/,
    );
    expect(d).toContain('topic_orders -.->|"mirror"| topic_orders_2');
    expect(d).toContain("class cluster_external_lkc_partner9 external");
  });

  test("connectors: sinks consume topics, sources produce to them", () => {
    const d = mermaidBlock(docs["fixture connectors"]);
    expect(d).toContain('topic_orders -->|"consume"| connector_archive');
    expect(d).toContain('connector_cdc -->|"produce"| cluster_events');
    expect(d).toContain('connector_datagen -->|"produce"| topic_stock');
    expect(d).toContain('topic_stock -->|"consume"| connector_snowflake');
    expect(docs["fixture connectors"]).toContain(
      "| orders-to-s3 | MSK Connect | sink | events-prod | shop.orders, shop.returns |",
    );
  });

  test("hostile names are escaped, keywords never become ids", () => {
    const d = mermaidBlock(docs["fixture hostile-names"]);
    expect(d).toContain("Team #quot;A#quot; #lt;prod#gt; #35;1; end %% #96;x#96; #38; |y| [z] {w}");
    expect(d).toContain('cluster_end[("end<br/>');
    expect(d).not.toMatch(/^\s*end\[/m);
  });

  test("large documents collapse topics and principals into count nodes, the tables keep everything", () => {
    const md = docs["large document"];
    const d = mermaidBlock(md);
    expect(d).toContain(`120 topics (see the table below)`);
    expect(d).toContain(`60 principals (see the access table)`);
    expect(d.split("\n").length).toBeLessThan(20);
    expect(md.match(/^\| `domain\.topic-\d+` \|/gm)).toHaveLength(120);
    expect(120).toBeGreaterThan(MERMAID_LIMITS.topicsPerCluster);
  });

  test("a pattern matching more topics than PATTERN_EXPANSION_LIMIT stays one edge to the topic group", () => {
    const doc = largeDocument(PATTERN_EXPANSION_LIMIT + 2, 0);
    doc.resource.kafka_acl.auditor = {
      resource_name: "domain.",
      resource_type: "Topic",
      resource_pattern_type_filter: "Prefixed",
      acl_principal: "User:auditor",
      acl_host: "*",
      acl_operation: "Read",
      acl_permission_type: "Allow",
    };
    const md = renderArchitecture(doc, "pattern");
    expect(mermaidBlock(md)).toContain('principal_User_auditor -->|"consume domain.*"| topics_big');
    expect(mermaidBlock(md)).not.toMatch(/principal_User_auditor -->\|"consume"\| topic_/);
    expect(md).toContain("| auditor | principal | consume domain.* (big-prod) |");
  });

  test("renderArchitecture is pure", () => {
    expect(renderArchitecture(fixture("confluent"), "x")).toBe(renderArchitecture(fixture("confluent"), "x"));
  });
});

describe("helpers", () => {
  test("mermaidText escapes every character that could end or change a label", () => {
    expect(mermaidText('a"b<c>d`e#f&g\nh')).toBe("a#quot;b#lt;c#gt;d#96;e#35;f#38;g h");
  });

  test("MermaidIds: stable, unique, keyword-free ids", () => {
    const ids = new MermaidIds();
    expect(ids.id("topic", "kafka_topic.end")).toBe("topic_end");
    expect(ids.id("topic", "kafka_topic.end")).toBe("topic_end");
    expect(ids.id("topic", "confluent_kafka_topic.end")).toBe("topic_end_2");
    expect(ids.id("net", "vpc:${var.vpc-id}")).toBe("net_vpc_var_vpc_id");
  });

  test("parsePolicy reads JSON and cdktf jsonencode expressions", () => {
    expect(parsePolicy('{"Statement":[]}')).toEqual({ Statement: [] });
    expect(parsePolicy('${jsonencode({"Statement" = [{"Effect" = "Allow", "Resource" = data.x.y.arn}]})}')).toEqual({
      Statement: [{ Effect: "Allow", Resource: "${data.x.y.arn}" }],
    });
    expect(parsePolicy("${data.aws_iam_policy_document.p.json}")).toBeUndefined();
  });
});
