/**
 * The cost and broker charts are Mermaid xycharts: parsed here by Mermaid 11 itself (under jsdom,
 * in a child process because mermaid is ESM-only), and the data Mermaid reads back must be the model's.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { chartRates, planCharts, sizingCharts, xyChart } from "../../lib/sizing/chart";
import { planScale } from "../../lib/sizing/plan";
import { sizeWorkload } from "../../lib/sizing/size";

const ROOT = path.join(__dirname, "..", "..");

const READ_CHARTS = `
import { JSDOM } from "jsdom";
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });
let input = "";
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const text of JSON.parse(input)) {
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const d = diagram.db.getXYChartData();
    out.push({ ok: true, type: diagram.type, x: d.xAxis.categories, yMax: d.yAxis.max,
      plots: d.plots.map((p) => ({ type: p.type, title: p.title, values: p.data.map((v) => v[1]) })) });
  } catch (e) {
    out.push({ ok: false, error: String(e && e.message ? e.message : e).split("\\n")[0] });
  }
}
process.stdout.write(JSON.stringify(out));
`;

interface Parsed {
  ok: boolean;
  type?: string;
  x?: string[];
  yMax?: number;
  plots?: { type: string; title: string; values: number[] }[];
  error?: string;
}

function readCharts(sources: readonly string[]): Parsed[] {
  for (const dep of ["mermaid", "jsdom"]) {
    if (!fs.existsSync(path.join(ROOT, "node_modules", dep, "package.json"))) {
      throw new Error(`The chart check needs the devDependency "${dep}" (npm ci installs it).`);
    }
  }
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", READ_CHARTS], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`mermaid process failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as Parsed[];
}

const WORKLOAD = { messagesPerSecond: 1_000_000, averageMessageBytes: 1024 };
const rates = chartRates(1_000_000);
const charts = sizingCharts(WORKLOAD, rates, "msk-express");
const broken = xyChart("broken", ["a"], "y", [{ kind: "line", label: "x", values: [1] }]).replace("x-axis", "x-axes");
const [cost, size, bad] = readCharts([charts.cost.mermaid, charts.size.mermaid, broken]);

test("rates run 1-3-10 from a hundredth of the target", () => {
  expect(rates).toEqual([10_000, 30_000, 100_000, 300_000, 1_000_000]);
});

test("both charts parse as Mermaid xycharts with the rates as categories", () => {
  expect(cost).toMatchObject({ ok: true, type: "xychart", x: ["10K", "30K", "100K", "300K", "1M"] });
  expect(size).toMatchObject({ ok: true, type: "xychart", x: ["10K", "30K", "100K", "300K", "1M"] });
});

test("the parser is a real check: a broken chart is refused", () => {
  expect(bad.ok).toBe(false);
});

test("cost chart: one titled line per offering that fits at one rate at least, valued at the model's monthly cost (USD thousands), 0 where refused", () => {
  const plotted = [
    "MSK Standard",
    "MSK Express",
    "MSK Serverless",
    "Confluent Standard",
    "Confluent Enterprise",
    "Confluent Dedicated",
  ];
  expect(charts.cost.series.map((s) => s.label)).toEqual(plotted);
  expect(cost.plots!.map((p) => p.type)).toEqual(plotted.map(() => "line"));
  for (const [i, label] of plotted.entries()) {
    const expected = rates.map((r) => {
      const o = sizeWorkload({ ...WORKLOAD, messagesPerSecond: r }).options.find((x) => x.label === label)!;
      return o.fits ? Number((o.cost!.totalUsdHigh / 1000).toFixed(1)) : 0;
    });
    expect(cost.plots![i].values).toEqual(expected);
  }
  // Confluent Basic fits at no rate (single zone): it is the one offering left out.
  expect(charts.cost.series.map((s) => s.label)).not.toContain("Confluent Basic");
  expect(cost.yMax).toBeGreaterThanOrEqual(Math.max(...cost.plots!.flatMap((p) => p.values)));
});

test("cost chart: Mermaid reads each plot's title (its legend), and a refused offering's title says 0 = refused", () => {
  expect(cost.plots!.map((p) => p.title)).toEqual([
    "MSK Standard (0 = refused)",
    "MSK Express",
    "MSK Serverless (0 = refused)",
    "Confluent Standard (0 = refused)",
    "Confluent Enterprise",
    "Confluent Dedicated",
  ]);
  expect(charts.cost.legend).toEqual([
    "line 1: MSK Standard (refused at 300K, 1M: plotted at 0)",
    "line 2: MSK Express",
    "line 3: MSK Serverless (refused at 300K, 1M: plotted at 0)",
    "line 4: Confluent Standard (refused at 300K, 1M: plotted at 0)",
    "line 5: Confluent Enterprise",
    "line 6: Confluent Dedicated",
  ]);
  expect(charts.cost.series[0].refused).toEqual(["300K", "1M"]);
  expect(size.plots![0].title).toBe("MSK Express brokers");
});

test("broker chart: the MSK Express broker count at each rate", () => {
  expect(size.plots).toEqual([{ type: "bar", title: "MSK Express brokers", values: [3, 3, 9, 27, 21] }]);
});

test("plan charts follow the plan's configurations (15 × 4xlarge at 1M, where the comparison alone takes 21 × 2xlarge)", () => {
  const plan = planScale(WORKLOAD, 10_000);
  const c = planCharts(plan);
  const [pc, ps] = readCharts([c.cost.mermaid, c.size.mermaid]);
  expect(ps.plots).toEqual([
    { type: "bar", title: "MSK Express brokers of the plan's configuration", values: [3, 3, 3, 9, 15] },
  ]);
  const express = pc.plots!.find((p) => p.title === "MSK Express (the plan's configurations)")!;
  expect(express.values).toEqual(plan.steps.map((s) => Number((s.monthlyUsdHigh! / 1000).toFixed(1))));
});

test("a plan with refused steps marks them in its charts: 0, and the legend names the rates", () => {
  const plan = planScale(WORKLOAD, 10_000, { offering: "msk-standard" });
  const c = planCharts(plan);
  const [pc, ps] = readCharts([c.cost.mermaid, c.size.mermaid]);
  expect(ps.plots![0]).toMatchObject({
    title: "MSK Standard brokers of the plan's configuration (0 = refused)",
    values: [3, 9, 27, 0, 0],
  });
  expect(pc.plots!.find((p) => p.title.startsWith("MSK Standard"))!.values.slice(3)).toEqual([0, 0]);
  expect(c.size.legend).toEqual([
    "bar 1: MSK Standard brokers of the plan's configuration (refused at 300K, 1M: plotted at 0)",
  ]);
});
