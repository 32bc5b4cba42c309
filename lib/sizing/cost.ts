/**
 * Monthly cost arithmetic: quantity × list price, with the price's source kept on every line.
 * Pure: no cdktf import.
 */
import type { ListPrice } from "../standards/pricing";
import { weakerKind, type SourceKind } from "../standards/sizing-sources";
import type { CostLine, MonthlyCost } from "./types";

/** One cost line. */
export function costLine(item: string, quantity: number, price: ListPrice): CostLine {
  return Object.freeze({
    item,
    quantity,
    price,
    monthlyUsd: quantity * price.usd,
    monthlyUsdHigh: quantity * (price.usdHigh ?? price.usd),
  });
}

/** The total of some lines (lines of zero quantity are dropped). */
export function monthlyCost(lines: readonly CostLine[]): MonthlyCost {
  const kept = lines.filter((l) => l.quantity > 0);
  let weakest: SourceKind = "vendor-doc";
  for (const l of kept) weakest = weakerKind(weakest, l.price.kind);
  return Object.freeze({
    lines: Object.freeze(kept),
    totalUsd: kept.reduce((s, l) => s + l.monthlyUsd, 0),
    totalUsdHigh: kept.reduce((s, l) => s + l.monthlyUsdHigh, 0),
    weakestSource: weakest,
  });
}

/** USD as "$4,242" or a range "$146,000–452,000" (rounded to the dollar). */
export function formatUsd(low: number, high: number = low): string {
  const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
  return Math.round(low) === Math.round(high) ? `$${fmt(low)}` : `$${fmt(low)}–${fmt(high)}`;
}

/** A cost as "$4,242" or "$3,640–4,768", with a mark when a price behind it is unverified or secondary. */
export function formatCost(cost: MonthlyCost): string {
  const mark = cost.weakestSource === "unverified" ? " (unverified)" : cost.weakestSource === "secondary" ? " *" : "";
  return `${formatUsd(cost.totalUsd, cost.totalUsdHigh)}${mark}`;
}
