import { CONFLUENT_PRICES, MSK_PRICES, type ListPrice } from "../../lib/standards/pricing";
import { SIZING_SOURCES } from "../../lib/standards/sizing-sources";

function prices(node: unknown, path: string): [string, ListPrice][] {
  if (typeof node !== "object" || node === null) return [];
  if ("usd" in node && "source" in node) return [[path, node as ListPrice]];
  return Object.entries(node).flatMap(([k, v]) => prices(v, path ? `${path}.${k}` : k));
}

const ALL = [...prices(MSK_PRICES, "msk"), ...prices(CONFLUENT_PRICES, "confluent")];

test("every price is read", () => {
  expect(ALL.length).toBeGreaterThan(20);
});

test.each(ALL)("%s carries the date of its source (one source, one date)", (_path, p) => {
  expect(p.date).toBe(SIZING_SOURCES[p.source].date);
});

test("Confluent Basic and Standard prices cite two sources with their own dates (2026-09-21, 2026-10-02)", () => {
  const basic = CONFLUENT_PRICES["us-east-1"].basic;
  const standard = CONFLUENT_PRICES["us-east-1"].standard;
  expect([basic.unitHour.source, basic.unitHour.date]).toEqual(["confluentPricing", "2026-09-21"]);
  expect([standard.unitHour.source, standard.unitHour.date]).toEqual(["confluentPricingStandard", "2026-10-02"]);
  expect([standard.networkGb.source, standard.networkGb.date]).toEqual(["confluentPricingStandard", "2026-10-02"]);
  // Standard's storage is Basic's price, assumed: it cites Basic's source and date.
  expect([standard.storageGbMonth.source, standard.storageGbMonth.date]).toEqual(["confluentPricing", "2026-09-21"]);
});
