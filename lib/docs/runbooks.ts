import { ArtifactFile, ArtifactProducer, JsonAny, TerraformDocument } from "../core/stack-artifacts";
import { RESOURCE_METADATA_KEY, ResourceMetadata } from "../standards/naming";
import { MSK_ALARM_THRESHOLDS } from "../standards/alarm-thresholds";
import { ESCALATION_MATRIX, RUNBOOKS, RunbookEntry } from "../standards/runbooks";
import { compareText } from "../core/compare";

/** One alarm resource found in a synthesized document. */
interface AlarmInstance {
  readonly address: string;
  readonly name: string;
  readonly meta: ResourceMetadata;
  readonly threshold: number;
  readonly comparison: string;
  readonly evaluationPeriods: number;
  /** Topics a consumer-lag alarm watches (its `Topic` dimensions), else empty. */
  readonly topics: readonly string[];
}

/** The `Topic` dimensions of an alarm: on the alarm, or on each metric of a metric-math alarm. */
function alarmTopics(r: Record<string, JsonAny>): string[] {
  const metrics = Array.isArray(r.metric_query)
    ? r.metric_query.map((q: Record<string, JsonAny>) => q?.metric?.dimensions)
    : [r.dimensions];
  return metrics
    .map((d: Record<string, JsonAny> | undefined) => d?.Topic)
    .filter((t: unknown) => typeof t === "string");
}

/** Alarms the library created, grouped by `<cluster>-<alarm id>` (the runbook file name). */
export function alarmsByRunbook(doc: TerraformDocument): Map<string, AlarmInstance[]> {
  const groups = new Map<string, AlarmInstance[]>();
  for (const [name, r] of Object.entries<Record<string, JsonAny>>(doc.resource?.aws_cloudwatch_metric_alarm ?? {})) {
    const meta = r["//"]?.[RESOURCE_METADATA_KEY] as ResourceMetadata | undefined;
    if (!meta?.alarm || !meta.cluster) continue;
    const key = `${meta.cluster}-${meta.alarm}`;
    const list = groups.get(key) ?? [];
    list.push({
      address: `aws_cloudwatch_metric_alarm.${name}`,
      name: r.alarm_name,
      meta,
      threshold: r.threshold,
      comparison: r.comparison_operator,
      evaluationPeriods: r.evaluation_periods,
      topics: meta.consumerGroup !== undefined ? alarmTopics(r) : [],
    });
    groups.set(key, list);
  }
  return groups;
}

function fill(text: string, cluster: string, region: string): string {
  return text
    .replace(/\{cluster\}/g, cluster)
    .replace(/\{region\}/g, region)
    .replace(/\{bootstrap\}/g, '"$BOOTSTRAP"')
    .replace(/\{broker\}/g, "$BROKER_ID")
    .replace(/\{group\}/g, '"$GROUP"')
    .replace(/\{topic\}/g, '"$TOPIC"');
}

/** What a runbook shows: where it comes from, the alarms it covers, and its content. */
export interface RunbookDocument {
  /** Title line. */
  readonly title: string;
  /** One-paragraph introduction. */
  readonly intro: string;
  /** Content. */
  readonly entry: RunbookEntry | undefined;
  /** Fallback symptom when there is no entry. */
  readonly fallbackSymptom: string;
  /** Alarm rows: name, severity, condition. */
  readonly alarms: readonly { readonly name: string; readonly severity: string; readonly condition: string }[];
  /** Consumer groups and the topics their lag alarms watch (lag alarms only). */
  readonly consumerGroups?: readonly { readonly group: string; readonly topics: readonly string[] }[];
  /** Shell lines that set the variables the commands use. */
  readonly setup: readonly string[];
  /** Fills placeholders in commands and text. */
  readonly fill: (text: string) => string;
  /** Cluster name (for escalation topic names). */
  readonly cluster: string;
}

/** Renders a runbook: symptom, impact, first checks with commands, remediation, escalation. */
export function renderRunbookDocument(d: RunbookDocument): string {
  const out: string[] = [`# ${d.title}`, "", d.intro, "", "## Symptom", ""];
  out.push(d.fill(d.entry?.symptom ?? d.fallbackSymptom).replace(/"?\$(BROKER_ID|GROUP|TOPIC)"?/g, "`$$$1`"));
  out.push("", "| Alarm | Severity | Condition |", "| --- | --- | --- |");
  for (const a of [...d.alarms].sort((x, y) => compareText(x.name, y.name))) {
    out.push(`| \`${a.name}\` | ${a.severity} | ${a.condition} |`);
  }
  if (d.consumerGroups && d.consumerGroups.length > 0) {
    out.push("", "The lag alarms of a group watch the largest lag over its topics (at most 10 topics per alarm):", "");
    out.push("| Consumer group | Topics |", "| --- | --- |");
    for (const g of d.consumerGroups) out.push(`| \`${g.group}\` | ${g.topics.map((t) => `\`${t}\``).join(", ")} |`);
  }
  out.push("", "## Impact", "", d.entry?.impact ?? "See the alarm description.", "", "## First checks", "");
  out.push("Set the variables from the alarm and the stack outputs:", "", "```bash", ...d.setup, "```", "");
  (d.entry?.checks ?? []).forEach((c, i) => {
    out.push(`${i + 1}. ${c.step}:`, "", "   ```bash", `   ${d.fill(c.command)}`, "   ```", "");
  });
  out.push("## Remediation", "");
  (d.entry?.remediation ?? ["Follow the escalation below."]).forEach((r, i) => out.push(`${i + 1}. ${d.fill(r)}`));
  out.push(
    "",
    "## Escalation",
    "",
    "| Severity | Acknowledge within | First responder | Escalate to |",
    "| --- | --- | --- | --- |",
  );
  const severities = new Set(d.alarms.map((a) => a.severity));
  for (const e of ESCALATION_MATRIX.filter((x) => severities.has(x.severity))) {
    out.push(
      `| ${e.severity} | ${e.acknowledgeWithin} | ${e.firstResponder.replace("<cluster>", d.cluster)} | ${e.escalateTo} |`,
    );
  }
  out.push("");
  return out.join("\n");
}

/**
 * Shell lines that set the variables the commands read, each with a value to replace. Valid bash as
 * pasted (no `<placeholder>` that the shell would read as a redirection); a value already exported
 * in the shell is kept.
 */
export const PLACEHOLDER_SETUP: readonly string[] = Object.freeze([
  'export BROKER_ID="${BROKER_ID:-1}"                     # the -b<N> part of the alarm name',
  'export GROUP="${GROUP:-replace-with-consumer-group}"   # lag alarms: the group in the alarm name',
  'export TOPIC="${TOPIC:-replace-with-topic}"            # lag alarms: a topic of the group (see the table above)',
]);

/** The consumer groups of lag alarms, each with the topics its alarms watch (in order, once each). */
function consumerGroupsOf(instances: readonly AlarmInstance[]): { group: string; topics: string[] }[] {
  const groups = new Map<string, Set<string>>();
  for (const a of instances) {
    if (a.meta.consumerGroup === undefined) continue;
    const topics = groups.get(a.meta.consumerGroup) ?? new Set<string>();
    for (const t of a.topics) topics.add(t);
    groups.set(a.meta.consumerGroup, topics);
  }
  return [...groups.entries()]
    .map(([group, topics]) => ({ group, topics: [...topics] }))
    .sort((x, y) => compareText(x.group, y.group));
}

/** Renders the runbook of one alarm of one MSK cluster. */
export function renderRunbook(
  cluster: string,
  alarmId: string,
  instances: readonly AlarmInstance[],
  region: string,
  bootstrapOutput = "<bootstrap-brokers-output>",
): string {
  const def = MSK_ALARM_THRESHOLDS.find((a) => a.id === alarmId);
  return renderRunbookDocument({
    title: `${cluster}: ${def?.metric ?? alarmId} (${alarmId})`,
    intro: `Generated by cdktf-kafka-standards from the alarms of cluster \`${cluster}\`. ${def?.summary ?? ""}`.trim(),
    entry: RUNBOOKS[alarmId],
    fallbackSymptom: def?.summary ?? "The alarm fired.",
    alarms: instances.map((a) => ({
      name: a.name,
      severity: a.meta.severity ?? "",
      condition: `${a.comparison.replace("Threshold", "")} ${a.threshold} for ${a.evaluationPeriods} period(s)`,
    })),
    consumerGroups: consumerGroupsOf(instances),
    setup: [`export BOOTSTRAP="$(terraform output -raw ${bootstrapOutput})"`, ...PLACEHOLDER_SETUP],
    fill: (t) => fill(t, cluster, region),
    cluster,
  });
}

/** Region of the document's AWS provider, when literal. */
export function documentRegion(doc: TerraformDocument): string {
  const aws = doc.provider?.aws;
  const region = Array.isArray(aws) ? aws[0]?.region : aws?.region;
  return typeof region === "string" && !region.includes("${") ? region : "$AWS_REGION";
}

/** Name of the output holding a cluster's bootstrap brokers (IAM first, then SCRAM, then TLS). */
export function bootstrapOutputName(doc: TerraformDocument, clusterName: string): string | undefined {
  const clusters = Object.entries<Record<string, JsonAny>>(doc.resource?.aws_msk_cluster ?? {});
  const address = clusters.find(([, c]) => c.cluster_name === clusterName)?.[0];
  if (!address) return undefined;
  // cdktf adds `cross-stack-output-…` outputs with the same value for references from other stacks; the
  // runbooks name the cluster's own output, which is stable and documented.
  const named = Object.entries<Record<string, JsonAny>>(doc.output ?? {}).filter(
    ([name]) => !name.startsWith("cross-stack-output-"),
  );
  for (const attr of ["bootstrap_brokers_sasl_iam", "bootstrap_brokers_sasl_scram", "bootstrap_brokers_tls"]) {
    const ref = `\${aws_msk_cluster.${address}.${attr}}`;
    const hit = named.find(([, o]) => o.value === ref);
    if (hit) return hit[0];
  }
  return undefined;
}

/** Writes `runbooks/<cluster>-<alarm>.md` for every alarm the library created in a stack. */
export const runbookProducer: ArtifactProducer = {
  name: "runbooks",
  order: 20,
  produce({ document }): ArtifactFile[] {
    const region = documentRegion(document);
    return [...alarmsByRunbook(document).entries()].map(([key, instances]) => ({
      path: `runbooks/${key}.md`,
      content: renderRunbook(
        instances[0].meta.cluster!,
        instances[0].meta.alarm!,
        instances,
        region,
        bootstrapOutputName(document, instances[0].meta.cluster!),
      ),
    }));
  },
};
