/**
 * Writes docs/PERFORMANCE.md from the raw results of bench-kafka.sh.
 *
 *   ts-node --transpile-only test/integration/bench-report.ts RESULTS.tsv META.properties OUT.md
 *
 * RESULTS.tsv: one row per ProducerPerformance run (mode, config, round, records, records/s, MB/s,
 * avg, max, p50, p95, p99, p99.9 latency in ms, % of the host's CPU other processes used meanwhile).
 * META.properties: the run's facts (versions, host, counts). test/integration/bench-notes.md, when present, is appended as hand-written notes.
 */
import * as fs from "fs";
import * as path from "path";
import { CLIENT_PROFILES, CLIENT_PROFILE_NAMES, ClientProfileName } from "../../lib/standards/client-profiles";

const METRICS = ["records", "rps", "mbps", "avg", "max", "p50", "p95", "p99", "p999", "other"] as const;
type Metric = (typeof METRICS)[number];
type Mode = "saturation" | "rate";

interface Run {
  readonly mode: Mode;
  readonly config: string;
  readonly round: number;
  readonly values: Readonly<Record<Metric, number>>;
}

/** Thresholds of the targets the profiles are held to. */
const THROUGHPUT_TARGET = 2;

function readRuns(file: string): Run[] {
  const [header, ...rows] = fs.readFileSync(file, "utf8").trim().split("\n");
  if (!header.startsWith("mode\tconfig\tround")) throw new Error(`${file}: unexpected header`);
  return rows.map((row) => {
    const [mode, config, round, ...numbers] = row.split("\t");
    if (mode !== "saturation" && mode !== "rate") throw new Error(`${file}: unknown mode ${mode}`);
    if (numbers.length !== METRICS.length) throw new Error(`${file}: expected ${METRICS.length} numbers in "${row}"`);
    const values = Object.fromEntries(METRICS.map((m, i) => [m, Number(numbers[i])])) as Record<Metric, number>;
    return { mode, config, round: Number(round), values };
  });
}

function readMeta(file: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) meta[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return meta;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function fmt(x: number, digits = 0): string {
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(x: number, base: number): string {
  return base > 0 ? `${(x / base).toFixed(2)}×` : "n/a";
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function profileProps(config: string, meta: Readonly<Record<string, string>>): string {
  if (!(CLIENT_PROFILE_NAMES as readonly string[]).includes(config)) {
    return `none: the Kafka ${meta.kafka} client's defaults (${meta.client_defaults})`;
  }
  const props = Object.entries(CLIENT_PROFILES[config as ClientProfileName].producer.java)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  return config === "EXACTLY_ONCE" ? `${props}, plus a transactional.id` : props;
}

function main(argv: readonly string[]): void {
  if (argv.length !== 3) throw new Error("usage: bench-report.ts RESULTS.tsv META.properties OUT.md");
  const [resultsFile, metaFile, outFile] = argv;
  const runs = readRuns(resultsFile);
  const meta = readMeta(metaFile);
  const configs = [...new Set(runs.map((r) => r.config))];
  if (!configs.includes("default")) throw new Error("no runs of the client defaults");

  const med = (mode: Mode, config: string, metric: Metric): number =>
    median(runs.filter((r) => r.mode === mode && r.config === config).map((r) => r.values[metric]));
  const range = (mode: Mode, config: string, metric: Metric, digits = 0): string => {
    const xs = runs.filter((r) => r.mode === mode && r.config === config).map((r) => r.values[metric]);
    return `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;
  };

  const baseRps = med("saturation", "default", "rps");
  const baseP99 = med("rate", "default", "p99");
  const tputRatio = med("saturation", "THROUGHPUT", "rps") / baseRps;
  const latP99 = med("rate", "LATENCY", "p99");
  const tputMet = tputRatio >= THROUGHPUT_TARGET;
  const latMet = latP99 <= baseP99;

  const saturation = table(
    [
      "Configuration",
      "records/s (median)",
      "records/s (range)",
      "MB/s",
      "avg ms",
      "p50 ms",
      "p99 ms",
      "p99.9 ms",
      "other CPU",
      "records/s vs default",
    ],
    configs.map((c) => [
      c === "default" ? "client defaults" : c,
      fmt(med("saturation", c, "rps")),
      range("saturation", c, "rps"),
      fmt(med("saturation", c, "mbps"), 1),
      fmt(med("saturation", c, "avg"), 1),
      fmt(med("saturation", c, "p50")),
      fmt(med("saturation", c, "p99")),
      fmt(med("saturation", c, "p999")),
      `${fmt(med("saturation", c, "other"))} %`,
      ratio(med("saturation", c, "rps"), baseRps),
    ]),
  );
  const rate = table(
    [
      "Configuration",
      "records/s achieved",
      "avg ms",
      "p50 ms",
      "p95 ms",
      "p99 ms (median)",
      "p99 ms (range)",
      "p99.9 ms",
      "max ms",
      "other CPU",
      "p99 vs default",
    ],
    configs.map((c) => [
      c === "default" ? "client defaults" : c,
      fmt(med("rate", c, "rps")),
      fmt(med("rate", c, "avg"), 1),
      fmt(med("rate", c, "p50")),
      fmt(med("rate", c, "p95")),
      fmt(med("rate", c, "p99")),
      range("rate", c, "p99"),
      fmt(med("rate", c, "p999")),
      fmt(med("rate", c, "max")),
      `${fmt(med("rate", c, "other"))} %`,
      ratio(med("rate", c, "p99"), baseP99),
    ]),
  );
  const raw = table(
    [
      "Mode",
      "Configuration",
      "Round",
      "records",
      "records/s",
      "MB/s",
      "avg ms",
      "p50",
      "p95",
      "p99",
      "p99.9",
      "max",
      "other CPU",
    ],
    runs.map((r) => [
      r.mode,
      r.config,
      String(r.round),
      fmt(r.values.records),
      fmt(r.values.rps, 1),
      fmt(r.values.mbps, 2),
      fmt(r.values.avg, 2),
      fmt(r.values.p50),
      fmt(r.values.p95),
      fmt(r.values.p99),
      fmt(r.values.p999),
      fmt(r.values.max),
      `${fmt(r.values.other)} %`,
    ]),
  );
  const profiles = table(
    ["Configuration", "Producer properties"],
    configs.map((c) => [c === "default" ? "client defaults" : c, profileProps(c, meta)]),
  );
  const targets = table(
    ["Target", "Measured", "Verdict"],
    [
      [
        `THROUGHPUT records/s ≥ ${THROUGHPUT_TARGET}× client defaults (saturation)`,
        `${tputRatio.toFixed(2)}× (${fmt(med("saturation", "THROUGHPUT", "rps"))} vs ${fmt(baseRps)} records/s)`,
        tputMet ? "met" : "**missed**",
      ],
      [
        `LATENCY p99 ≤ client defaults p99 (at ${fmt(Number(meta.rate))} records/s)`,
        `${fmt(latP99)} ms vs ${fmt(baseP99)} ms`,
        latMet ? "met" : "**missed**",
      ],
    ],
  );

  const notesFile = path.join(__dirname, "bench-notes.md");
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, "utf8").trim() : "";

  const doc = `# Producer performance of the client profiles

Measured with \`npm run bench:kafka\` (\`test/integration/bench-kafka.sh\`) on ${meta.date}; the tables
below are rewritten by each run. Apache Kafka ${meta.kafka} (the release standing in for
\`KafkaVersion.DEFAULT\`), three KRaft brokers on one host with the broker baseline \`MskCluster\`
attaches. The numbers compare profiles with each other on this host; they are not MSK capacity
figures.

## Targets

${targets}

## Throughput at saturation

${fmt(Number(meta.records))} records of 1 KiB per run, sent as fast as the producer can
(\`--throughput -1\`). Median of ${meta.rounds} runs per configuration.

${saturation}

## Latency at a fixed rate

${fmt(Number(meta.rate_records))} records of 1 KiB per run at ${fmt(Number(meta.rate))} records/s
(\`--throughput ${meta.rate}\`), well below what any configuration sustains here, so the latencies
measure the path of a record rather than a queue. Median of ${meta.rounds} runs per configuration.

${rate}

## Method

- **Cluster**: \`test/integration/cluster.sh\`: three combined broker+controller KRaft nodes on
  127.0.0.1, 512 MiB heap each, with the \`server.properties\` baseline from
  \`bin/print-baseline.ts --brokers 3\` plus local listener, quorum and storage settings.
- **Topic**: a fresh topic per run, 3 partitions, replication factor 3, \`min.insync.replicas=2\`,
  deleted after the run.
- **Load**: Apache Kafka's \`org.apache.kafka.tools.ProducerPerformance\` (kafka-tools ${meta.kafka}),
  \`--producer-props\` set to the profile's \`CLIENT_PROFILES[name].producer.java\` properties, or none
  for the client defaults (see "Configurations"). EXACTLY_ONCE gets a \`--transactional-id\`, as an
  application would, and commits a transaction every 3 s (the tool's default).
- **Records**: 1,024-byte JSON-like events (fixed field names, random ids, amounts and words), drawn
  at random from 10,000 distinct records generated with a fixed seed (\`BenchPayloads.java\`).
  Kafka's lz4 codec compresses 128 KiB runs of them ${meta.lz4_ratio}:1; real payloads compress
  more or less than this, which moves the compressed profiles' results accordingly.
- **Warm-up**: the brokers first take ${fmt(Number(meta.warmup_records))} records, unrecorded, so
  that their code is JIT-compiled before anything is measured. Every run then starts, in the same
  JVM, with an unrecorded warm-up of the same configuration (${fmt(Number(meta.client_warmup_records))}
  records at saturation, ${fmt(Number(meta.rate_client_warmup_records))} at the fixed rate;
  \`WarmProducerPerformance.java\`): otherwise class loading, JIT compilation, connections and the
  first metadata request fill the tail of a short run's latencies.
- **Order**: in each of ${meta.rounds} rounds every configuration runs once, in turn (saturation
  rounds first, then fixed-rate rounds), so drift on the shared host spreads across all
  configurations; tables show the median per metric.
- **Other work on the host**: before each run the script waits until at most ${meta.quiet_pct} % of
  the CPU is busy (idle brokers use a few per cent), for at most ${meta.quiet_wait_s} s per run and
  ${meta.quiet_budget_s} s in all. "Other CPU" is the share of the host's CPU time that processes
  other than the brokers and the producer used during a run; where it is high, the run measured
  that contention as much as the profile.
- **Latency**: as ProducerPerformance reports it: from \`send()\` to the acknowledgement callback,
  including time in the producer's batch (\`linger.ms\`) and the wait for replicas (\`acks\`), in whole
  milliseconds; at the fixed rate each run's p99 comes from ${fmt(Number(meta.rate_records))} records. At saturation this is mostly time spent queued in the producer's buffer, which is
  why the latency target is judged at a fixed rate.
- **Host**: ${meta.cpu}, ${meta.cores} cores, ${meta.memory_gib} GiB memory, ${meta.java}. The three
  brokers and the producer share these cores (and on a shared machine, other work), and replication
  runs over loopback; absolute numbers are far below a real cluster's, and runs of one configuration
  can differ widely (see the ranges and "Every run"): compare medians, not single runs.
- **Duration**: ${fmt(Number(meta.seconds))} s for the whole benchmark, cluster start included.

## Configurations

${profiles}

## Every run

${raw}
${notes ? `\n## Notes\n\n${notes}\n` : ""}`;
  fs.writeFileSync(outFile, doc + keptSections(outFile));
  process.stdout.write(
    `THROUGHPUT ${tputRatio.toFixed(2)}× default records/s (${tputMet ? "met" : "missed"}); ` +
      `LATENCY p99 ${fmt(latP99)} ms vs ${fmt(baseP99)} ms (${latMet ? "met" : "missed"})\n`,
  );
}

/**
 * Everything from the first section another benchmark generates into the same file (a line
 * `<!-- <name>: … begin … -->`, e.g. the sizing and synth-at-scale sections) to the end, kept as it
 * is so that this report does not delete those sections or the notes that follow them.
 */
function keptSections(file: string): string {
  if (!fs.existsSync(file)) return "";
  const text = fs.readFileSync(file, "utf8");
  const first = /^<!-- [a-z0-9-]+:[^\n]*begin[^\n]*-->$/m.exec(text);
  return first ? `\n${text.slice(first.index)}` : "";
}

main(process.argv.slice(2));
