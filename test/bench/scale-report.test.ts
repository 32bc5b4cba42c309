import {
  growth,
  renderScaleSection,
  replaceSection,
  ScaleResults,
  SECTION_BEGIN,
  SECTION_END,
} from "../../bench/scale-report";
import { parseScaleArgs } from "../../bench/scale-bench";
import { parseWorkload } from "../../bench/synth-child";
import { summarizeProfile } from "../../bench/profile-synth";
import { estatePlan } from "../../bench/estate";
import { summarize } from "../../bench/stats";
import type { TimingSummary } from "../../bench/bench-runner";

function timings(lib: number[], vo: number[], l1: number[]): TimingSummary {
  const s = summarize;
  return {
    library: s(lib),
    verifyOnly: s(vo),
    l1: s(l1),
    libraryRss: s([300]),
    verifyOnlyRss: s([290]),
    l1Rss: s([200]),
    l1LoadMs: s([50]),
    ratio: s(lib).median / s(l1).median,
    verifyOnlyRatio: s(vo).median / s(l1).median,
    cpuRatio: 1.25,
    verifyOnlyCpuRatio: 1.1,
    load1: s([0.5, 1.5]),
  };
}

const RESULTS: ScaleResults = {
  date: "2026-12-06",
  runs: 3,
  chunkSize: 20,
  host: { cpu: "Test CPU", cores: 2, memoryGiB: 24, node: "v20.0.0" },
  command: "npm run bench:scale",
  seconds: 900,
  variants: [
    {
      variant: "iam",
      sizes: [
        {
          topics: 250,
          resources: 1427,
          alarms: 129,
          artifactFiles: 300,
          programBytes: 1e6,
          timings: timings([1500, 1400, 1600], [1300, 1300, 1300], [1000, 1100, 900]),
        },
        {
          topics: 1000,
          resources: 5600,
          alarms: 429,
          artifactFiles: 900,
          programBytes: 4e6,
          timings: timings([3750], [3300], [2500]),
        },
        {
          topics: 2000,
          resources: 11200,
          alarms: 829,
          artifactFiles: 1700,
          programBytes: 8e6,
          timings: timings([6750], [6000], [4500]),
        },
      ],
    },
  ],
};

describe("scale report", () => {
  const section = renderScaleSection(RESULTS);

  test("each size is judged against the targets, wall-clock medians", () => {
    expect(section).toContain(
      "| variant | topics per cluster | every artifact, target ≤ 1.30× | verify-only, target ≤ 1.15× |",
    );
    expect(section).toContain("| MSK applications as IAM roles | 250 | 1.50× **not met** | 1.30× **not met** |");
    const met = renderScaleSection({
      ...RESULTS,
      variants: [
        { variant: "scram", sizes: [{ ...RESULTS.variants[0].sizes[0], timings: timings([1200], [1100], [1000]) }] },
      ],
    });
    expect(met).toContain("| every MSK application a SCRAM user | 250 | 1.20× met | 1.10× met |");
  });

  test("the load average is called noisy only above the core count", () => {
    expect(section).toContain("load average 0.5–1.5 during the runs (at most the core count, 2). Whole run:");
    const busy = renderScaleSection({
      ...RESULTS,
      variants: [
        {
          variant: "iam",
          sizes: [
            { ...RESULTS.variants[0].sizes[0], timings: { ...timings([1], [1], [1]), load1: summarize([1, 3.5]) } },
          ],
        },
      ],
    });
    expect(busy).toContain("load average 1.0–3.5 during the runs (above the core count: other work shared the CPU");
    expect(section).toContain("- **L1 program size**: 8.0 MB of JavaScript at 2,000 topics");
  });

  test("one row per size: medians with ranges, ratios, memory", () => {
    expect(section).toContain(
      "| 250 | 1,427 | 129 | 1,500 (1,400–1,600) | 1,300 (1,300–1,300) | 1,000 (900–1,100) | 1.50× | 1.30× | 1.25× / 1.10× | 300 / 290 / 200 |",
    );
    expect(section).toContain(
      "| 2,000 | 11,200 | 829 | 6,750 (6,750–6,750) | 6,000 (6,000–6,000) | 4,500 (4,500–4,500) | 1.50× | 1.33× |",
    );
  });

  test("growth: ms per topic, fixed cost and exponents", () => {
    expect(section).toContain("| library, every artifact | 3.00 | 750 | 1.000 |");
    const g = growth([250, 1000, 2000], [1000, 2500, 4500]);
    expect(g.msPerTopic).toBeCloseTo(2, 10);
    expect(g.fixedMs).toBeCloseTo(500, 8);
    expect(g.intervalExponents[1]).toBeCloseTo(Math.log(4500 / 2500) / Math.log(2), 10);
  });

  test("the section is marked and states what the equality check excludes", () => {
    expect(section.startsWith(SECTION_BEGIN)).toBe(true);
    expect(section.endsWith(SECTION_END)).toBe(true);
    expect(section).toContain("Excluded, and nothing else");
  });

  test("replaces its own section and nothing else; appends it when absent", () => {
    const doc = `# Title\n\nbefore\n\n${SECTION_BEGIN}\nold\n${SECTION_END}\n\nafter\n`;
    expect(replaceSection(doc, "NEW")).toBe("# Title\n\nbefore\n\nNEW\n\nafter\n");
    expect(replaceSection("# Title\n\ntext\n", "NEW")).toBe("# Title\n\ntext\n\nNEW\n");
  });
});

describe("command line and workloads", () => {
  test.each<[string[], Partial<ReturnType<typeof parseScaleArgs>>]>([
    [[], { sizes: [250, 1000, 2000], variants: ["iam", "scram"], runs: 5, writeDoc: true, quick: false }],
    [["--quick"], { sizes: [20, 40], runs: 1, writeDoc: false, quick: true }],
    [["--quick", "--doc"], { writeDoc: true }],
    [
      ["--sizes", "2000,250", "--variants", "scram", "--runs", "3", "--no-doc"],
      { sizes: [250, 2000], variants: ["scram"], runs: 3, writeDoc: false },
    ],
  ])("%p", (argv, expected) => {
    expect(parseScaleArgs(argv)).toMatchObject(expected);
  });

  test.each<[string[], string]>([
    [["--sizes", "5"], "--sizes"],
    [["--variants", "tls"], "--variants"],
    [["--runs", "0"], "--runs"],
  ])("%p is refused", (argv, message) => {
    expect(() => parseScaleArgs(argv)).toThrow(message);
  });

  test.each<[string, ReturnType<typeof parseWorkload>]>([
    ["examples:10", { kind: "examples", copies: 10, topics: 0, scram: false }],
    ["estate:250", { kind: "estate", copies: 1, topics: 250, scram: false }],
    ["estate:2000:scram", { kind: "estate", copies: 1, topics: 2000, scram: true }],
  ])("workload %s", (spec, parsed) => {
    expect(parseWorkload(spec)).toEqual(parsed);
  });

  test.each(["estate", "estate:0", "examples:2:scram", "other:3"])("workload %s is refused", (spec) => {
    expect(() => parseWorkload(spec)).toThrow("workload");
  });
});

describe("estate plan", () => {
  test("a lone application reads other topics than it writes", () => {
    const [a] = estatePlan(10).applications;
    expect(a.produces).toEqual([0, 1, 2, 3, 4]);
    expect(a.consumes).toEqual([5, 6, 7, 8, 9]);
  });

  test("T topics over the five classes, T/10 applications each producing on 5 and consuming on 5 others", () => {
    const plan = estatePlan(2000);
    expect(plan.topics).toHaveLength(2000);
    const perClass = new Map<string, number>();
    for (const t of plan.topics) perClass.set(t.topicClass, (perClass.get(t.topicClass) ?? 0) + 1);
    expect([...perClass.values()]).toEqual([400, 400, 400, 400, 400]);
    expect(plan.applications).toHaveLength(200);
    for (const a of plan.applications) {
      expect(new Set(a.produces).size).toBe(5);
      expect(new Set(a.consumes).size).toBe(5);
      expect(a.produces.filter((t) => a.consumes.includes(t))).toEqual([]);
    }
    expect(new Set(plan.topics.map((t) => t.name)).size).toBe(2000);
  });
});

describe("profile summary", () => {
  test("self time, inclusive time and phases from a CPU profile", () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0, columnNumber: 0 },
      children,
    });
    const profile = {
      nodes: [
        frame(1, "(root)", "", [2]),
        frame(2, "synth", "file:///repo/node_modules/cdktf/lib/app.js", [3, 4]),
        frame(3, "auditDocument", "file:///repo/lib/audit/engine.js"),
        frame(4, "resolve", "file:///repo/node_modules/cdktf/lib/tokens/private/resolve.js"),
      ],
      samples: [3, 3, 4, 2],
      timeDeltas: [1000, 1000, 2000, 1000],
    };
    const s = summarizeProfile(profile, "/repo", 10);
    expect(s.totalMs).toBe(5);
    expect(s.self[0]).toEqual(["auditDocument (lib/audit/engine.js:1)", 2]);
    expect(s.inclusive[0]).toEqual(["synth (node_modules/cdktf/lib/app.js:1)", 5]);
    expect(Object.fromEntries(s.phases)).toMatchObject({
      "library audit (lib/audit)": 2,
      "cdktf resolve (tokens)": 2,
    });
  });
});
