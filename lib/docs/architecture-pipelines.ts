/**
 * The "Pipelines" section of ARCHITECTURE.md: for every data pipeline of the document (connectors
 * whose metadata names a pipeline), a Mermaid flowchart source system → source connectors → topics
 * → sink connector → target system, the dead-letter topic, and a table of the pipeline's alarms.
 *
 * Like the rest of the architecture doc it reads only the synthesized document.
 */
import { TerraformDocument } from "../core/stack-artifacts";
import { DocIndex, DocResource, display, stringMap } from "./architecture-document";
import { MermaidIds, mermaidText } from "./architecture-mermaid";
import { cell } from "../audit/report/markdown";
import { compareText } from "../core/compare";

/** One connector of a pipeline, as the document shows it. */
export interface PipelineConnectorView {
  readonly name: string;
  readonly service: "MSK Connect" | "Confluent Cloud";
  readonly direction: "source" | "sink";
  readonly connectorClass: string;
  readonly tasks: string;
  readonly topics: readonly string[];
  readonly deadLetterTopic?: string;
  /** The external system: database or warehouse, as named in the configuration. */
  readonly system: string;
}

function direction(cls: string, config: Record<string, string>): "source" | "sink" {
  const short = cls.split(".").pop() ?? "";
  if (/sink/i.test(short)) return "sink";
  if (/source/i.test(short)) return "source";
  return config.topics !== undefined ? "sink" : "source";
}

/** Topics a source writes: the targets of its routing transforms, or its `topic` / `kafka.topic`. */
function sourceTopics(config: Record<string, string>): string[] {
  const out = Object.entries(config)
    .filter(([k]) => /^transforms\.[^.]+\.replacement$/.test(k))
    .map(([, v]) => v);
  for (const k of ["topic", "kafka.topic"]) if (config[k]) out.push(config[k]);
  return [...new Set(out)].sort();
}

function system(cls: string, config: Record<string, string>): string {
  if (config["snowflake.url.name"]) {
    return `Snowflake ${config["snowflake.database.name"] ?? "?"}.${config["snowflake.schema.name"] ?? "?"} (${config["snowflake.url.name"]})`;
  }
  if (config["database.hostname"]) return `Db2 ${config["database.dbname"] ?? "?"} (${config["database.hostname"]})`;
  if (config["connection.host"]) return `Db2 ${config["db.name"] ?? "?"} (${config["connection.host"]})`;
  const url = /^jdbc:db2:\/\/([^/:]+)(?::\d+)?\/([^:;]+)/.exec(config["connection.url"] ?? "");
  if (url) return `Db2 ${url[2]} (${url[1]})`;
  if (config["mq.queue.manager"]) return `IBM MQ ${config["mq.queue.manager"]}`;
  return cls.split(".").pop() ?? "external system";
}

function view(
  r: DocResource,
  config: Record<string, string>,
  service: PipelineConnectorView["service"],
): PipelineConnectorView {
  const cls = config["connector.class"] ?? "";
  const dir = direction(cls, config);
  return {
    name: display(config.name ?? r.meta.connector ?? r.name),
    service,
    direction: dir,
    connectorClass: cls,
    tasks: config["tasks.max"] ?? "1",
    topics:
      dir === "sink"
        ? (config.topics ?? "")
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean)
            .sort()
        : sourceTopics(config),
    deadLetterTopic: config["errors.deadletterqueue.topic.name"],
    system: system(cls, config),
  };
}

/**
 * Connectors of each pipeline of a document, by pipeline name (sorted). Pass the document's index
 * when one is already built (the architecture document has one).
 */
export function readPipelines(doc: TerraformDocument | DocIndex): Map<string, PipelineConnectorView[]> {
  const index = doc instanceof DocIndex ? doc : new DocIndex(doc);
  const out = new Map<string, PipelineConnectorView[]>();
  const add = (r: DocResource, v: PipelineConnectorView): void => {
    const p = r.meta.pipeline;
    if (!p) return;
    out.set(p, [...(out.get(p) ?? []), v]);
  };
  for (const r of index.of("aws_mskconnect_connector")) {
    add(r, view(r, stringMap(r.attrs.connector_configuration), "MSK Connect"));
  }
  for (const r of index.of("confluent_connector")) {
    add(r, view(r, stringMap(r.attrs.config_nonsensitive), "Confluent Cloud"));
  }
  return new Map([...out.entries()].sort(([a], [b]) => compareText(a, b)));
}

/**
 * The pipeline's alarms (CloudWatch), as table rows: its own, and the cluster's lag alarms on the
 * consumer groups of its self-managed sinks (`connect-<sink>`).
 */
function alarmRows(index: DocIndex, pipeline: string, connectors: readonly PipelineConnectorView[]): string[][] {
  const groups = connectors
    .filter((c) => c.direction === "sink" && c.service === "MSK Connect")
    .map((c) => `connect-${c.name}`);
  return index
    .of("aws_cloudwatch_metric_alarm")
    .filter(
      (a) =>
        a.meta.pipeline === pipeline || (a.meta.consumerGroup !== undefined && groups.includes(a.meta.consumerGroup)),
    )
    .map((a) => [
      display(a.attrs.alarm_name),
      a.meta.severity ?? "",
      `${String(a.attrs.comparison_operator ?? "").replace("Threshold", "")} ${display(a.attrs.threshold)} × ${display(a.attrs.evaluation_periods)}`,
      display(a.meta.runbook),
    ])
    .sort((x, y) => compareText(x[0], y[0]));
}

/** The Mermaid flowchart of one pipeline: sources on the left, the sink and its target on the right. */
export function renderPipelineMermaid(connectors: readonly PipelineConnectorView[]): string {
  const ids = new MermaidIds();
  const nodes: string[] = [];
  const edges: string[] = [];
  const q = (...parts: string[]): string => `"${parts.map(mermaidText).join("<br/>")}"`;
  const node = (line: string): void => {
    if (!nodes.includes(line)) nodes.push(line);
  };
  const ordered = [...connectors].sort((a, b) => (a.direction === b.direction ? 0 : a.direction === "source" ? -1 : 1));
  for (const c of ordered) {
    const cid = ids.id("connector", c.name);
    const sys = ids.id("system", c.system);
    node(`  ${sys}[(${q(c.system)})]`);
    node(`  ${cid}[${q(c.name, `${c.connectorClass.split(".").pop()} · ${c.service} · tasks ${c.tasks}`)}]`);
    edges.push(c.direction === "source" ? `  ${sys} --> ${cid}` : `  ${cid} --> ${sys}`);
    for (const t of c.topics) {
      const tid = ids.id("topic", t);
      node(`  ${tid}[${q(t)}]`);
      edges.push(c.direction === "source" ? `  ${cid} --> ${tid}` : `  ${tid} --> ${cid}`);
    }
    if (c.deadLetterTopic) {
      const did = ids.id("dlq", c.deadLetterTopic);
      node(`  ${did}[${q(c.deadLetterTopic, "dead-letter topic")}]`);
      edges.push(`  ${cid} -.->|${q("failed records")}| ${did}`);
    }
  }
  return ["flowchart LR", ...nodes, ...[...new Set(edges)]].join("\n");
}

/** The Pipelines section (empty when the document has no pipeline); `doc` as in {@link readPipelines}. */
export function renderPipelineSection(doc: TerraformDocument | DocIndex): string[] {
  const index = doc instanceof DocIndex ? doc : new DocIndex(doc);
  const pipelines = readPipelines(index);
  if (pipelines.size === 0) return [];
  const out: string[] = [
    "## Pipelines",
    "",
    "Source system → source connectors → topics → sink connector → target system; dashed edges carry records that failed into the dead-letter topic.",
    "",
  ];
  for (const [name, connectors] of pipelines) {
    out.push(`### Pipeline \`${name}\``, "", "```mermaid", renderPipelineMermaid(connectors), "```", "");
    out.push("| Connector | Service | Direction | Class | Tasks | Topics | Dead-letter topic | System |");
    out.push("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const c of connectors) {
      out.push(
        `| ${[
          c.name,
          c.service,
          c.direction,
          c.connectorClass,
          c.tasks,
          c.topics.join(", "),
          c.deadLetterTopic ?? "—",
          c.system,
        ]
          .map(cell)
          .join(" | ")} |`,
      );
    }
    out.push("");
    const alarms = alarmRows(index, name, connectors);
    if (alarms.length > 0) {
      out.push("| Alarm | Severity | Condition | Runbook |", "| --- | --- | --- | --- |");
      for (const a of alarms) out.push(`| ${a.map(cell).join(" | ")} |`);
      out.push("");
    } else {
      out.push(
        `Alerts: \`monitoring/${name}-pipeline-rules.yml\` (Prometheus), runbooks \`runbooks/${name}-*.md\`; sink lag and dead-letter rate from the Metrics API, source lag and end-to-end latency from the heartbeat probe.`,
        "",
      );
    }
  }
  return out;
}
