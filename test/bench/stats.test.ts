import { growthExponent, linearFit, median, summarize } from "../../bench/stats";

describe("median and summary", () => {
  test.each<[number[], number]>([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])("median of %p is %p", (xs, m) => {
    expect(median(xs)).toBe(m);
  });

  test("summary has median, range and count", () => {
    expect(summarize([7, 1, 4])).toEqual({ median: 4, min: 1, max: 7, n: 3 });
  });

  test("an empty list has no median", () => {
    expect(() => median([])).toThrow("median of an empty list");
  });
});

describe("fits", () => {
  test("a line is recovered exactly", () => {
    const fit = linearFit([250, 1000, 2000], [250 * 2.2 + 900, 1000 * 2.2 + 900, 2000 * 2.2 + 900]);
    expect(fit.slope).toBeCloseTo(2.2, 10);
    expect(fit.intercept).toBeCloseTo(900, 8);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  test.each<[string, (x: number) => number, number]>([
    ["linear", (x) => 3 * x, 1],
    ["quadratic", (x) => 0.5 * x * x, 2],
    ["cubic", (x) => x ** 3, 3],
  ])("growth exponent of %s growth", (_n, f, k) => {
    const xs = [100, 200, 400, 800];
    expect(growthExponent(xs, xs.map(f)).slope).toBeCloseTo(k, 10);
  });

  test.each<[string, () => unknown, string]>([
    ["one point", () => linearFit([1], [1]), "at least two"],
    ["same x", () => linearFit([2, 2], [1, 3]), "distinct x"],
    ["zero time", () => growthExponent([1, 2], [0, 1]), "positive values"],
  ])("%s is refused", (_n, f, message) => {
    expect(f).toThrow(message);
  });
});
