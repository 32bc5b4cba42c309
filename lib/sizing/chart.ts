/**
 * Cost and brokers against throughput, as Mermaid `xychart-beta` diagrams (rendered by GitHub and
 * by Mermaid 11; the tests parse them with Mermaid's own parser). Pure: no cdktf import.
 */
import { sizeOffering } from "./size";
import { OFFERINGS, type OfferingId } from "./types";
import { shortCount } from "./units";
import { resolveWorkload, type Workload } from "./workload";
import { defaultRates, type ScalePlan } from "./plan";

/** One series of a chart. */
export interface ChartSeries {
  /** Line or bar. */
  readonly kind: "line" | "bar";
  /** What it shows (Mermaid's xychart has no legend in every renderer: the legend is printed beside it). */
  readonly label: string;
  /** One value per x category. */
  readonly values: readonly number[];
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

/** A Mermaid xychart from categories and series. */
export function xyChart(title: string, x: readonly string[], yTitle: string, series: readonly ChartSeries[]): string {
  const all = series.flatMap((s) => s.values);
  const lines = [
    "xychart-beta",
    `  title ${quote(title)}`,
    `  x-axis "messages/s" [${x.map(quote).join(", ")}]`,
    `  y-axis ${quote(yTitle)} 0 --> ${niceMax(all)}`,
    ...series.map((s) => `  ${s.kind} [${s.values.map((v) => String(Number(v.toFixed(1)))).join(", ")}]`),
  ];
  return lines.join("\n") + "\n";
}

/** Rates for a chart ending at `to`: 1-3-10 steps from `from` (default: a hundredth of `to`). */
export function chartRates(to: number, from: number = to / 100): number[] {
  return [from, ...defaultRates(from, to), to];
}

/**
 * Two charts over the same rates: monthly cost of every offering that fits at all of them (USD
 * thousands, high end of any price range), and the brokers or units of `offering`.
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
  const costSeries: ChartSeries[] = OFFERINGS.filter((_, i) => at.every((opts) => opts[i].fits && opts[i].cost)).map(
    (o) => {
      const i = OFFERINGS.indexOf(o);
      return { kind: "line", label: o.label, values: at.map((opts) => opts[i].cost!.totalUsdHigh / 1000) };
    },
  );
  const oi = OFFERINGS.findIndex((o) => o.id === offering);
  const unitName = at[at.length - 1][oi].unitName;
  const sizeSeries: ChartSeries[] = [
    {
      kind: "bar",
      label: `${OFFERINGS[oi].label} ${unitName} (0 where it does not fit)`,
      values: at.map((opts) => (opts[oi].fits ? (opts[oi].units ?? 0) : 0)),
    },
  ];
  const costTitle = "Monthly cost against throughput (USD thousands, high end of price ranges)";
  const sizeTitle = `${OFFERINGS[oi].label}: ${unitName} against throughput`;
  const legend = (series: readonly ChartSeries[]): string[] => series.map((s, i) => `${s.kind} ${i + 1}: ${s.label}`);
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
  const costSeries = base.cost.series.map((s) =>
    s.label === label ? { ...s, values: plan.steps.map((st) => (st.monthlyUsdHigh ?? 0) / 1000) } : s,
  );
  const unitName = base.size.yTitle;
  const sizeSeries: ChartSeries[] = [
    {
      kind: "bar",
      label: `${label} ${unitName} of the plan's configuration (0 where it does not fit)`,
      values: plan.steps.map((st) => (st.refusal === undefined ? (st.units ?? 1) : 0)),
    },
  ];
  const legend = (series: readonly ChartSeries[]): string[] => series.map((s, i) => `${s.kind} ${i + 1}: ${s.label}`);
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
