/**
 * `kafka-standards size --rate <msg/s> --size <bytes> [options]`: the sizing model on the command line.
 * Parses the arguments and calls lib/sizing; imports nothing of the construct library, so it answers
 * without loading cdktf.
 */
import { chartRates, planCharts, sizingCharts, type SizingChart } from "../../sizing/chart";
import { planScale, type PartitionStrategy, type ScalePlan } from "../../sizing/plan";
import {
  OFFERING_LABELS,
  renderPlanMarkdown,
  renderPlanText,
  renderSizingMarkdown,
  renderSizingText,
} from "../../sizing/render";
import { resolveOffering, sizeWorkload } from "../../sizing/size";
import type { OfferingId } from "../../sizing/types";
import { parseByteSize, parseCount, parseDurationHours } from "../../sizing/units";
import type { HeadroomPolicy, Workload } from "../../sizing/workload";
import { failWith } from "../../errors";
import { parseCommandArgs } from "../args";
import { EXIT, type CliCommand, type CliIo } from "../io";
import { UsageError } from "../usage-error";

const USAGE = `Usage: kafka-standards size --rate <messages/s> --size <bytes> [options]

Sizes a workload on MSK Standard, MSK Express, MSK Serverless and Confluent Cloud (Basic, Standard,
Enterprise, Dedicated): brokers and type or eCKU/CKU, partitions, storage, network per broker, the
limiting factor and the monthly cost at list prices (each with its source and date); options that
break a limit are shown refused, with the reason. --plan-from adds the steps from a current rate.

Workload:
  --rate <n>                  average messages/s of the whole cluster, e.g. 1000000, 1M, 10K (required)
  --size <bytes>              average message size before compression, e.g. 1024, 1KiB, 1KB (required)
  --retention <duration>      retention, e.g. 7d, 72h (default 7d)
  --consumer-groups <n>       consumer groups reading every message (default 2)
  --peak <x>                  peak rate / average rate (default 1)
  --compression <x>           bytes before / after compression (default 1: none)
  --replication-factor <n>    replication factor (default 3; fixed at 3 outside MSK Standard)
  --azs <n>                   availability zones, 2 or 3 (default 3)
  --topics <n>                topics the rate is spread over (default 1)
  --connections <n>           client connections, when known
  --cross-az-consumers        consumers do not fetch from their own AZ (their traffic is charged)
  --region <region>           list prices of this region (default us-east-1, the only one priced)
Headroom:
  --standard-utilization <x>  share of a Standard broker's safe throughput to use (default 0.5)
  --express-utilization <x>   share of an Express broker's recommended throughput (default 0.75)
  --confluent-utilization <x> share of Confluent's per-unit guideline (default 1)
  --disk-headroom <x>         EBS provisioned per byte retained (default 2)
  --broker-quota <n>          most brokers per MSK cluster (default 60)
Plan and output:
  --plan-from <n>             current messages/s: print the steps from it to --rate
  --offering <id>             offering to plan for (default: the chosen one): ${OFFERING_LABELS.map((l) => l.split(" ")[0]).join(", ")}
  --partitions <strategy>     grow (default: partitions follow each step) or target (target count from the start)
  --chart                     also print the cost and broker charts (Mermaid xychart)
  --markdown                  Markdown: tables, charts, every cost line with its source and date
  --json                      JSON: the whole model output
  -h, --help                  show this help

Exit codes: 0 answered, 2 invalid arguments or workload (the message names the field and the fix).
`;

/** The forms each kind of quantity accepts, as the error names them. */
const FORMS = Object.freeze({
  count: "a number, optionally with K (thousands) or M (millions): 10000, 1e4, 10K, 1M",
  bytes: "a number of bytes, optionally with B, KB, KiB, MB, MiB, GB or GiB: 1024, 1KiB, 1KB, 1.5MiB",
  duration: "a number of hours, or a number with m/min, h, d or w: 72, 72h, 3d, 1w, 30m",
  number: "a plain number: 2, 0.75, 1.5",
});

type Form = keyof typeof FORMS;

const PARSERS: Readonly<Record<Form, (t: string) => number | undefined>> = Object.freeze({
  count: parseCount,
  bytes: parseByteSize,
  duration: parseDurationHours,
  number: (t: string) => (t.trim() === "" ? undefined : Number(t)),
});

function number(flag: string, text: string | undefined, form: Form = "number"): number | undefined {
  if (text === undefined) return undefined;
  const v = PARSERS[form](text);
  if (v === undefined || Number.isNaN(v)) {
    failWith("KSE-SIZE-015", `--${flag}`, text, FORMS[form], `Write --${flag} in one of these forms.`);
  }
  return v;
}

function workloadFrom(values: Record<string, string | boolean | undefined>): Workload {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  if (str("rate") === undefined) throw new UsageError("--rate is required (messages/s, e.g. 10000 or 1M)");
  if (str("size") === undefined) throw new UsageError("--size is required (bytes per message, e.g. 1KiB)");
  const rate = number("rate", str("rate"), "count");
  const size = number("size", str("size"), "bytes");
  const retention = number("retention", str("retention"), "duration");
  const headroom: Record<string, number | undefined> = {
    standardUtilization: number("standard-utilization", str("standard-utilization")),
    expressUtilization: number("express-utilization", str("express-utilization")),
    confluentUtilization: number("confluent-utilization", str("confluent-utilization")),
    diskHeadroomFactor: number("disk-headroom", str("disk-headroom")),
    brokerQuota: number("broker-quota", str("broker-quota")),
  };
  const given = Object.fromEntries(Object.entries(headroom).filter(([, v]) => v !== undefined)) as HeadroomPolicy;
  const optional: Record<string, unknown> = {
    retentionHours: retention,
    consumerGroups: number("consumer-groups", str("consumer-groups")),
    peakToAverage: number("peak", str("peak")),
    compressionRatio: number("compression", str("compression")),
    replicationFactor: number("replication-factor", str("replication-factor")),
    availabilityZones: number("azs", str("azs")),
    topics: number("topics", str("topics"), "count"),
    clientConnections: number("connections", str("connections"), "count"),
    rackAwareConsumers: values["cross-az-consumers"] === true ? false : undefined,
    region: str("region"),
    headroom: Object.keys(given).length > 0 ? given : undefined,
  };
  return {
    messagesPerSecond: rate as number,
    averageMessageBytes: size as number,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  } as Workload;
}

function run(args: readonly string[], io: CliIo): number {
  const s = { type: "string" } as const;
  const { values, positionals } = parseCommandArgs(args, {
    rate: s,
    size: s,
    retention: s,
    "consumer-groups": s,
    peak: s,
    compression: s,
    "replication-factor": s,
    azs: s,
    topics: s,
    connections: s,
    "cross-az-consumers": { type: "boolean" },
    region: s,
    "standard-utilization": s,
    "express-utilization": s,
    "confluent-utilization": s,
    "disk-headroom": s,
    "broker-quota": s,
    "plan-from": s,
    offering: s,
    partitions: s,
    chart: { type: "boolean" },
    markdown: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} (see --help)`);
  if (values.json && values.markdown) throw new UsageError("--json and --markdown exclude each other");
  const strategy = values.partitions;
  if (strategy !== undefined && strategy !== "grow" && strategy !== "target") {
    throw new UsageError(`--partitions ${JSON.stringify(strategy)}: use grow or target`);
  }
  const workload = workloadFrom(values);
  const report = sizeWorkload(workload);
  const offering: OfferingId | undefined =
    values.offering !== undefined ? resolveOffering(values.offering, "--offering") : undefined;
  const from = number("plan-from", values["plan-from"], "count");
  let plan: ScalePlan | undefined;
  if (from !== undefined) {
    plan = planScale(report.workload, from, {
      ...(offering ? { offering } : {}),
      ...(strategy ? { partitionStrategy: strategy as PartitionStrategy } : {}),
    });
  }
  const chartOffering = plan?.offering ?? offering ?? report.chosen;
  const wantCharts = values.chart === true || values.markdown === true || values.json === true;
  let charts: SizingChart[] = [];
  if (wantCharts && chartOffering !== undefined) {
    const c = plan
      ? planCharts(plan)
      : sizingCharts(report.workload, chartRates(report.workload.messagesPerSecond), chartOffering);
    charts = [c.cost, c.size];
  }
  if (values.json) {
    io.out(JSON.stringify({ ...report, ...(plan ? { plan } : {}), charts }, null, 2) + "\n");
    return EXIT.ok;
  }
  if (values.markdown) {
    io.out(
      plan
        ? `${renderSizingMarkdown(report)}\n${renderPlanMarkdown(plan, charts)}`
        : renderSizingMarkdown(report, charts),
    );
    return EXIT.ok;
  }
  io.out(renderSizingText(report));
  if (plan) io.out(`\n${renderPlanText(plan)}`);
  // The Mermaid source stands alone between blank lines, so that it can be pasted as it is.
  for (const c of charts) io.out(`\n${c.title}\n\n${c.mermaid}\nLegend:\n${c.legend.map((l) => `  ${l}\n`).join("")}`);
  return EXIT.ok;
}

/** The `size` command. */
export const SIZE_COMMAND: CliCommand = {
  summary: "size and price a workload on MSK and Confluent Cloud, and plan the steps between two rates",
  usage: USAGE,
  run,
};
