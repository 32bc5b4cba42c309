import { ProgressReporter, renderProgressBar, renderProgressLine } from "../../lib/loadtest/progress";

const state = (done: number, total = 20000, elapsedMs = 2000) => ({
  label: "DURABILITY producing",
  done,
  total,
  elapsedMs,
});

describe("loadtest progress", () => {
  test("bar: fraction, counts, rate and clock within the terminal width", () => {
    expect(renderProgressBar(state(10000), 100)).toBe(
      "DURABILITY producing [################---------------]  50%  10,000/20,000  5,000 rec/s  0:02",
    );
    expect(renderProgressBar(state(0, 20000, 0), 100)).toBe(
      "DURABILITY producing [-------------------------------]   0%  0/20,000  0 rec/s  0:00",
    );
    expect(renderProgressBar(state(20000, 20000, 65000), 100)).toContain("[###############################] 100%");
    expect(renderProgressBar(state(20000, 20000, 65000), 100)).toContain("1:05");
    expect(renderProgressBar(state(25000), 100)).toContain("100%");
    for (const columns of [40, 60, 80, 120])
      expect(renderProgressBar(state(5000), columns).length).toBeLessThan(columns);
    const bar = (s: string) => /\[[#-]+\]/.exec(s)![0].length;
    expect(bar(renderProgressBar(state(1, 20000, 100), 100))).toBe(
      bar(renderProgressBar(state(19999, 20000, 99000), 100)),
    );
  });

  test("plain line", () => {
    expect(renderProgressLine(state(6000), 30)).toBe(
      "loadtest: DURABILITY producing 30% (6,000/20,000 records, 3,000 records/s)",
    );
  });

  test("not a terminal: a line when a 10 % step is passed, each step once, a new series per phase", () => {
    const out: string[] = [];
    const p = new ProgressReporter((t) => out.push(t), { tty: false });
    p.update(state(500));
    expect(out).toEqual([]);
    p.update(state(2000));
    p.update(state(2500));
    p.update(state(3000));
    p.update(state(9000));
    p.update(state(20000));
    p.update(state(20000));
    p.update({ label: "DURABILITY consuming", done: 12000, total: 20000, elapsedMs: 500 });
    p.update({ label: "DURABILITY consuming", done: 20000, total: 20000, elapsedMs: 600 });
    expect(out.map((l) => l.replace(/ \(.*\n$/, ""))).toEqual([
      "loadtest: DURABILITY producing 10%",
      "loadtest: DURABILITY producing 40%",
      "loadtest: DURABILITY producing 100%",
      "loadtest: DURABILITY consuming 60%",
      "loadtest: DURABILITY consuming 100%",
    ]);
    expect(out.every((l) => l.endsWith("\n") && !l.includes("\r") && !l.includes("\x1b"))).toBe(true);
  });

  test("terminal: the bar is redrawn in place and ended with a newline", () => {
    const out: string[] = [];
    const p = new ProgressReporter((t) => out.push(t), { tty: true, columns: 100 });
    p.update(state(5000));
    p.update(state(10000));
    p.message("loadtest: a message");
    p.update({ label: "DURABILITY consuming", done: 1, total: 2, elapsedMs: 10 });
    p.end();
    p.end();
    expect(out).toEqual([
      `\r${renderProgressBar(state(5000), 100)}\x1b[K`,
      `\r${renderProgressBar(state(10000), 100)}\x1b[K`,
      "\n",
      "loadtest: a message\n",
      `\r${renderProgressBar({ label: "DURABILITY consuming", done: 1, total: 2, elapsedMs: 10 }, 100)}\x1b[K`,
      "\n",
    ]);
  });
});
