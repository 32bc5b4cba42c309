import { COMMANDS, runCli } from "../../lib/cli/main";
import type { CliIo } from "../../lib/cli/io";
import { sizeWorkload } from "../../lib/sizing/size";

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await runCli(argv, io);
  return { code, out, err };
}

const ONE_M = ["size", "--rate", "1000000", "--size", "1KiB", "--retention", "7d"];

describe("kafka-standards size", () => {
  test("is listed in the command list", async () => {
    const r = await cli("--help");
    expect(r.out).toMatch(/^ {2}size {2,}size and price a workload/m);
  });

  test("--help explains the options; exit 0", async () => {
    const r = await cli("size", "--help");
    expect(r.code).toBe(0);
    for (const flag of ["--rate", "--size", "--retention", "--plan-from", "--json", "--markdown", "--chart"]) {
      expect(r.out).toContain(flag);
    }
  });

  test("1M/s × 1 KiB: a comparison of every offering and the chosen one", async () => {
    const r = await cli(...ONE_M);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain(
      "Workload: 1,000,000 messages/s × 1 KiB, peak ×1, RF 3, retention 7d, 2 consumer groups, 3 AZs",
    );
    expect(r.out).toMatch(/^MSK Express +fits, chosen +21 × express\.m7g\.2xlarge +ingress .* \$141,176$/m);
    expect(r.out).toMatch(/^Confluent Enterprise +fits +18 eCKU .* \$145,561–451,646 \(unverified\)$/m);
    expect(r.out).toMatch(/^MSK Standard +refused/m);
    expect(r.out).toContain("Chosen: MSK Express: the cheapest option that fits");
    expect(r.out).toContain(
      "MSK Standard: no Standard size fits: the fewest brokers is 213 × kafka.m7g.large (storage)",
    );
    expect(r.out).toContain("Confluent Standard: needs 41 eCKU (ingress), above the type's maximum of 10");
  });

  test("units are read as written: 1M, 1KiB, 168h equal 1000000, 1024, 7d", async () => {
    const a = await cli("size", "--rate", "1M", "--size", "1024", "--retention", "168h", "--json");
    const b = await cli(...ONE_M, "--json");
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out));
  });

  test("--json is the model's report, with the charts", async () => {
    const r = await cli(...ONE_M, "--json");
    const json = JSON.parse(r.out);
    const report = sizeWorkload({ messagesPerSecond: 1_000_000, averageMessageBytes: 1024, retentionHours: 168 });
    expect(json.chosen).toBe("msk-express");
    expect(json.options).toEqual(JSON.parse(JSON.stringify(report.options)));
    expect(json.charts.map((c: { title: string }) => c.title)).toHaveLength(2);
  });

  test("--markdown has the tables, every cost line with its source and date, and Mermaid charts", async () => {
    const r = await cli(...ONE_M, "--markdown");
    expect(r.out).toContain(
      "| Offering | Verdict | Size | Limiting factor | Partitions | Storage | Network | Monthly cost |",
    );
    expect(r.out).toContain(
      "| broker-hours (express.m7g.2xlarge) | 15,330 broker-hour | $1.632 | awsSizingScript (2026-06-23, us-east-1; vendor-code) | $25,019 |",
    );
    expect(r.out.match(/```mermaid\nxychart-beta/g)).toHaveLength(2);
    expect(r.out).toContain("- `confluentPricingRanges`:");
  });

  test("--plan-from prints the steps after the comparison", async () => {
    const r = await cli(...ONE_M, "--plan-from", "10K");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Scale plan for MSK Express: 10K → 1M messages/s (partitions: grow with the load)");
    expect(r.out).toMatch(
      /^100K +3 × express\.m7g\.2xlarge +128K \(next step at 102\.4K\) +12 +THROUGHPUT +\$15,190 +change the broker type/m,
    );
    expect(r.out).toContain("Key ordering: adding partitions changes hash(key) % partitions");
  });

  const WHY =
    "the plan's last step (15 × express.m7g.4xlarge) is not the comparison's answer at 1M messages/s (21 × express.m7g.2xlarge): each step is sized for its rate ÷ 0.8";

  test("the plan says why its last step is not the comparison's choice: in text, Markdown and JSON", async () => {
    const text = await cli(...ONE_M, "--plan-from", "10K");
    expect(text.out).toMatch(/^MSK Express +fits, chosen +21 × express\.m7g\.2xlarge/m);
    expect(text.out).toContain(`Notes:\n  - ${WHY}`);
    expect(text.out).toContain("it keeps one AZ's loss within the recommended throughput (Express at most 67 % of it");
    const md = await cli(...ONE_M, "--plan-from", "10K", "--markdown");
    expect(md.out).toContain(`**Notes:**\n\n- ${WHY}`);
    const json = JSON.parse((await cli(...ONE_M, "--plan-from", "10K", "--json")).out);
    expect(json.plan.comparisonNote.startsWith(WHY)).toBe(true);
    expect(json.plan.notes[0]).toBe(json.plan.comparisonNote);
  });

  test("--plan-from with --offering and --partitions target", async () => {
    const r = await cli(
      ...ONE_M,
      "--plan-from",
      "10000",
      "--offering",
      "confluent-enterprise",
      "--partitions",
      "target",
      "--markdown",
    );
    expect(r.out).toContain(
      "## Scale plan for Confluent Enterprise: 10K → 1M messages/s (partitions: target count from the start)",
    );
    expect(r.out).toContain("Scale plan, Confluent Enterprise: eCKU against throughput");
  });

  test("--chart prints the Mermaid charts after the text", async () => {
    const r = await cli(...ONE_M, "--chart");
    // The Mermaid source stands between blank lines, the legend after "Legend:": pasting the block works.
    const block = r.out.split("Monthly cost against throughput (USD thousands, high end of price ranges)\n\n")[1];
    expect(block.startsWith("xychart-beta\n")).toBe(true);
    const mermaid = block.slice(0, block.indexOf("\n\n"));
    expect(mermaid.split("\n").every((l) => l === "xychart-beta" || l.startsWith("  "))).toBe(true);
    expect(mermaid).toContain('  line "MSK Express" [');
    expect(block.slice(block.indexOf("\n\n"))).toMatch(
      /^\n\nLegend:\n {2}line 1: MSK Standard \(refused at 300K, 1M: plotted at 0\)\n {2}line 2: MSK Express\n/,
    );
  });

  test.each<[string, string[], string]>([
    ["no --rate", ["size", "--size", "1KiB"], "kafka-standards size: --rate is required"],
    ["no --size", ["size", "--rate", "10"], "kafka-standards size: --size is required"],
    [
      "a rate that is not a number",
      ["size", "--rate", "lots", "--size", "1KiB"],
      '[KSE-SIZE-015] Invalid --rate: got "lots". Allowed: a number, optionally with K (thousands) or M (millions): 10000, 1e4, 10K, 1M.',
    ],
    [
      "a size unit it does not know",
      ["size", "--rate", "10", "--size", "1KiBs"],
      '[KSE-SIZE-015] Invalid --size: got "1KiBs". Allowed: a number of bytes, optionally with B, KB, KiB, MB, MiB, GB or GiB: 1024, 1KiB, 1KB, 1.5MiB.',
    ],
    [
      "a retention unit it does not know",
      ["size", "--rate", "10", "--size", "1", "--retention", "3y"],
      '[KSE-SIZE-015] Invalid --retention: got "3y". Allowed: a number of hours, or a number with m/min, h, d or w: 72, 72h, 3d, 1w, 30m.',
    ],
    [
      "a retention of 3x",
      ["size", "--rate", "10", "--size", "1", "--retention", "3x"],
      '[KSE-SIZE-015] Invalid --retention: got "3x". Allowed: a number of hours, or a number with m/min, h, d or w: 72, 72h, 3d, 1w, 30m. Fix: Write --retention in one of these forms.',
    ],
    [
      "a factor that is not a number",
      ["size", "--rate", "10", "--size", "1", "--peak", "2x"],
      '[KSE-SIZE-015] Invalid --peak: got "2x". Allowed: a plain number: 2, 0.75, 1.5.',
    ],
    [
      "a current rate that is not a count",
      [...ONE_M, "--plan-from", "10Q"],
      '[KSE-SIZE-015] Invalid --plan-from: got "10Q". Allowed: a number, optionally with K (thousands) or M (millions)',
    ],
    ["an unknown option", ["size", "--rate", "10", "--size", "1", "--rates", "1"], "Unknown option '--rates'"],
    ["a positional argument", ["size", "extra", "--rate", "10", "--size", "1"], 'unexpected argument "extra"'],
    ["--json with --markdown", [...ONE_M, "--json", "--markdown"], "--json and --markdown exclude each other"],
    [
      "a partition strategy it does not know",
      [...ONE_M, "--plan-from", "10", "--partitions", "some"],
      "use grow or target",
    ],
    ["a zero rate", ["size", "--rate", "0", "--size", "1KiB"], "[KSE-SIZE-002] Invalid messagesPerSecond: got 0"],
    ["a negative size", ["size", "--rate", "10", "--size", "-1"], "Option '--size' argument is ambiguous"],
    ["a negative size with =", ["size", "--rate", "10", "--size=-1"], '[KSE-SIZE-015] Invalid --size: got "-1"'],
    [
      "one AZ",
      ["size", "--rate", "10", "--size", "1", "--azs", "1"],
      "[KSE-SIZE-009] Invalid availabilityZones: got 1",
    ],
    ["a region without prices", ["size", "--rate", "10", "--size", "1", "--region", "eu-west-1"], "[KSE-SIZE-012]"],
    ["a plan from above the target", [...ONE_M, "--plan-from", "2M"], "[KSE-SIZE-030]"],
    [
      "an unknown offering",
      [...ONE_M, "--plan-from", "10", "--offering", "kinesis"],
      "[KSE-SIZE-031] Invalid --offering",
    ],
  ])("refuses %s: exit 2, one line", async (_n, argv, fragment) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.err).toContain(fragment);
  });
});

describe("the command list", () => {
  test.each<[string, string, string]>([
    ["audit", "../../lib/cli/commands/audit", "AUDIT_COMMAND"],
    ["docs", "../../lib/cli/commands/docs", "DOCS_COMMAND"],
    ["loadtest", "../../lib/cli/commands/loadtest", "LOADTEST_COMMAND"],
    ["size", "../../lib/cli/commands/size", "SIZE_COMMAND"],
  ])("%s: the listed summary is the module's, and load() gives its command", async (name, module, exported) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const command = require(module)[exported];
    expect(COMMANDS[name].summary).toBe(command.summary);
    expect(await COMMANDS[name].load()).toBe(command);
  });
});
