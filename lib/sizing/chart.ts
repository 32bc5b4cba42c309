/**
 * Cost and brokers against throughput, as Mermaid `xychart-beta` diagrams (rendered by GitHub and
 * by Mermaid 11; the tests parse them with Mermaid's own parser). Pure: no cdktf import.
 */
import { sizeOffering } from "./size";
import { OFFERINGS, type OfferingId, type SizingOption } from "./types";
import { shortCount } from "./units";
import { resolveWorkload, type Workload } from "./workload";
import { defaultRates, type ScalePlan } from "./plan";

/** One series of a chart. */
export interface ChartSeries {
  /** Line or bar. */
  readonly kind: "line" | "bar";
  /**
   * What it shows: the plot's title in the Mermaid source (Mermaid 11 draws a legend from plot titles;
   * renderers without one still get the legend printed beside the chart).
   */
  readonly label: string;
  /** One value per x category (0 where `refused` says the offering does not fit). */
  readonly values: readonly number[];
  /** The x categories where the offering does not fit; its value there is 0 (xychart has no gaps). */
  readonly refused?: readonly string[];
}

/** The data of one chart, and its Mermaid source. */
export interface SizingChart {
  readonly title: string;
  /** x categories: the rates, e.g. "10K". */
  readonly x: readonly string[];
  /** Rates behind the categories, messages/s. */
  readonly rates: readonly number[];
  readonly yTitle: string;
  readonly series: readonly ChartSeries[];
  /** Mermaid source. */
  readonly mermaid: string;
  /** One line per series: which plot is which. */
  readonly legend: readonly string[];
}

function quote(s: string): string {
  return `"${s.replace(/"/g, "'")}"`;
}

function niceMax(values: readonly number[]): number {
  const max = Math.max(1, ...values);
  const p = Math.pow(10, Math.floor(Math.log10(max)));
  return Math.ceil(max / p) * p;
}

/** A plot's title in the Mermaid source: its label, and the 0 marker where it is refused. */
function plotTitle(s: ChartSeries): string {
  return s.refused && s.refused.length > 0 ? `${s.label} (0 = refused)` : s.label;
}

/** A Mermaid xychart from categories and series. */
export function xyChart(title: string, x: readonly string[], yTitle: string, series: readonly ChartSeries[]): string {
  const all = series.flatMap((s) => s.values);
  const lines = [
    "xychart-beta",
    `  title ${quote(title)}`,
    `  x-axis "messages/s" [${x.map(quote).join(", ")}]`,
    `  y-axis ${quote(yTitle)} 0 --> ${niceMax(all)}`,
    ...series.map(
      (s) => `  ${s.kind} ${quote(plotTitle(s))} [${s.values.map((v) => String(Number(v.toFixed(1)))).join(", ")}]`,
    ),
  ];
  return lines.join("\n") + "\n";
}

/** Rates for a chart ending at `to`: 1-3-10 steps from `from` (default: a hundredth of `to`). */
export function chartRates(to: number, from: number = to / 100): number[] {
  return [from, ...defaultRates(from, to), to];
}

/** Legend lines: which plot is which, and where an offering is refused (plotted at 0). */
export function chartLegend(series: readonly ChartSeries[]): string[] {
  return series.map(
    (s, i) =>
      `${s.kind} ${i + 1}: ${s.label}${s.refused && s.refused.length > 0 ? ` (refused at ${s.refused.join(", ")}: plotted at 0)` : ""}`,
  );
}

/**
 * Two charts over the same rates: monthly cost of every offering that fits at one of them at least
 * (USD thousands, high end of any price range; 0 where refused, named in the legend), and the brokers
 * or units of `offering`.
 */
export function sizingCharts(
  workload: Workload,
  rates: readonly number[],
  offering: OfferingId,
): { readonly cost: SizingChart; readonly size: SizingChart } {
  const base = resolveWorkload(workload);
  const x = rates.map(shortCount);
  const at = rates.map((r) => {
    const w = resolveWorkload({ ...base, messagesPerSecond: r });
    return OFFERINGS.map((o) => sizeOffering(o.id, w));
  });
  const fitsAt = (opts: readonly SizingOption[], i: number): boolean => opts[i].fits && opts[i].cost !== undefined;
  const costSeries: ChartSeries[] = OFFERINGS.filter((_, i) => at.some((opts) => fitsAt(opts, i))).map((o) => {
    const i = OFFERINGS.indexOf(o);
    const refused = x.filter((_, k) => !fitsAt(at[k], i));
    return {
      kind: "line",
      label: o.label,
      values: at.map((opts) => (fitsAt(opts, i) ? opts[i].cost!.totalUsdHigh / 1000 : 0)),
      ...(refused.length > 0 ? { refused } : {}),
    };
  });
  const oi = OFFERINGS.findIndex((o) => o.id === offering);
  const unitName = at[at.length - 1][oi].unitName;
  const sizeRefused = x.filter((_, k) => !at[k][oi].fits);
  const sizeSeries: ChartSeries[] = [
    {
      kind: "bar",
      label: `${OFFERINGS[oi].label} ${unitName}`,
      values: at.map((opts) => (opts[oi].fits ? (opts[oi].units ?? 0) : 0)),
      ...(sizeRefused.length > 0 ? { refused: sizeRefused } : {}),
    },
  ];
  const costTitle = "Monthly cost against throughput (USD thousands, high end of price ranges)";
  const sizeTitle = `${OFFERINGS[oi].label}: ${unitName} against throughput`;
  const legend = chartLegend;
  return {
    cost: Object.freeze({
      title: costTitle,
      x,
      rates: [...rates],
      yTitle: "USD thousands / month",
      series: costSeries,
      mermaid: xyChart(costTitle, x, "USD thousands / month", costSeries),
      legend: legend(costSeries),
    }),
    size: Object.freeze({
      title: sizeTitle,
      x,
      rates: [...rates],
      yTitle: unitName,
      series: sizeSeries,
      mermaid: xyChart(sizeTitle, x, unitName, sizeSeries),
      legend: legend(sizeSeries),
    }),
  };
}

/**
 * The charts of a scale plan: costs at the plan's rates (the plan's own offering at the cost of the
 * configuration the plan keeps), and the brokers or units of that configuration at each step.
 */
export function planCharts(plan: ScalePlan): { readonly cost: SizingChart; readonly size: SizingChart } {
  const rates = plan.steps.map((s) => s.messagesPerSecond);
  const base = sizingCharts(plan.workload, rates, plan.offering);
  const label = OFFERINGS.find((o) => o.id === plan.offering)!.label;
  const planRefused = plan.steps.filter((st) => st.refusal !== undefined).map((st) => shortCount(st.messagesPerSecond));
  const refusedPart = planRefused.length > 0 ? { refused: planRefused } : {};
  const costSeries = base.cost.series.map((s) =>
    s.label === label
      ? {
          kind: s.kind,
          label: `${label} (the plan's configurations)`,
          values: plan.steps.map((st) => (st.refusal === undefined ? (st.monthlyUsdHigh ?? 0) / 1000 : 0)),
          ...refusedPart,
        }
      : s,
  );
  const unitName = base.size.yTitle;
  const sizeSeries: ChartSeries[] = [
    {
      kind: "bar",
      label: `${label} ${unitName} of the plan's configuration`,
      values: plan.steps.map((st) => (st.refusal === undefined ? (st.units ?? 1) : 0)),
      ...refusedPart,
    },
  ];
  const legend = chartLegend;
  return {
    cost: Object.freeze({
      ...base.cost,
      series: costSeries,
      mermaid: xyChart(base.cost.title, base.cost.x, base.cost.yTitle, costSeries),
      legend: legend(costSeries),
    }),
    size: Object.freeze({
      ...base.size,
      title: `Scale plan, ${label}: ${unitName} against throughput`,
      series: sizeSeries,
      mermaid: xyChart(`Scale plan, ${label}: ${unitName} against throughput`, base.size.x, unitName, sizeSeries),
      legend: legend(sizeSeries),
    }),
  };
}
