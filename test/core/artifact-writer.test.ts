import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { KafkaPrincipal } from "../../lib/access/kafka-principal";
import { synthLine } from "../../lib/audit/cdktf/aspect";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ArtifactWriter, BACKGROUND_MIN_FILES, type PendingFile } from "../../lib/core/artifact-writer";
import { ARTIFACTS_DIR, StackArtifacts, type ArtifactFile } from "../../lib/core/stack-artifacts";

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "writer-"));

function batch(root: string, n: number, tag = "x"): PendingFile[] {
  return Array.from({ length: n }, (_, i) => ({
    target: path.join(root, `d${i % 3}`, `f${i}.txt`),
    content: `${tag}-${i}\n`.repeat(i + 1),
  }));
}

function expectWritten(files: readonly PendingFile[]): void {
  for (const f of files) expect(fs.readFileSync(f.target, "utf8")).toBe(f.content);
}

describe("ArtifactWriter", () => {
  test("a large batch goes to the writer thread; flush() returns with every file written", () => {
    const writer = new ArtifactWriter();
    const root = tmp();
    const files = batch(root, BACKGROUND_MIN_FILES * 4);
    writer.write(files, root);
    expect(writer.running).toBe(true);
    writer.flush();
    expect(writer.pending).toBe(0);
    expectWritten(files);
    writer.close();
    expect(writer.running).toBe(false);
  });

  test("a small batch is written at once on the calling thread, without starting the thread", () => {
    const writer = new ArtifactWriter();
    const root = tmp();
    const files = batch(root, BACKGROUND_MIN_FILES - 1);
    writer.write(files, root);
    expect(writer.running).toBe(false);
    expectWritten(files);
  });

  test.each([
    ["a large batch", BACKGROUND_MIN_FILES],
    ["a small batch", 5],
  ])("batches land in order: %s after a large one overwrites it", (_, n) => {
    const writer = new ArtifactWriter();
    const root = tmp();
    const first = batch(root, BACKGROUND_MIN_FILES * 8, "first");
    const second = batch(root, n, "second");
    writer.write(first, root);
    writer.write(second, root);
    writer.close();
    expectWritten(second);
    expectWritten(first.slice(n));
  });

  test("a write error is thrown by flush() with the error code a synchronous write gives; the rest of the batch is written", () => {
    const root = tmp();
    fs.writeFileSync(path.join(root, "blocker"), "a file where a folder is needed");
    const bad = { target: path.join(root, "blocker", "inside.txt"), content: "x" };
    let expected: NodeJS.ErrnoException | undefined;
    try {
      fs.mkdirSync(path.dirname(bad.target), { recursive: true });
    } catch (e) {
      expected = e as NodeJS.ErrnoException;
    }
    expect(expected?.code).toMatch(/^E[A-Z]+$/);
    const good = batch(root, BACKGROUND_MIN_FILES);
    const writer = new ArtifactWriter();
    writer.write([bad, ...good], root);
    expect(() => writer.flush()).toThrow(expect.objectContaining({ code: expected!.code, path: expected!.path }));
    expectWritten(good);
    // Reported once: the next flush starts clean.
    expect(() => writer.flush()).not.toThrow();
    writer.close();
  });

  test("close() stops the thread after the files land; a later batch starts a new one", () => {
    const writer = new ArtifactWriter();
    const rootA = tmp();
    const a = batch(rootA, BACKGROUND_MIN_FILES);
    writer.write(a, rootA);
    writer.close();
    expectWritten(a);
    expect(writer.running).toBe(false);
    const rootB = tmp();
    const b = batch(rootB, BACKGROUND_MIN_FILES);
    writer.write(b, rootB);
    expect(writer.running).toBe(true);
    writer.close();
    expectWritten(b);
  });

  test("settle(folder) waits only when files were handed over for that folder", () => {
    const writer = new ArtifactWriter();
    const root = tmp();
    const files = batch(root, BACKGROUND_MIN_FILES * 4);
    writer.write(files, root);
    const flush = jest.spyOn(writer, "flush");
    writer.settle(path.join(root, "other"));
    expect(flush).toHaveBeenCalledTimes(0);
    writer.settle(root);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(writer.pending).toBe(0);
    expectWritten(files);
    // Flushed once: nothing is pending for the folder any more.
    writer.settle(root);
    expect(flush).toHaveBeenCalledTimes(1);
    writer.close();
  });

  test("a program that exits without flushing still leaves every file it handed over", () => {
    const root = tmp();
    const n = BACKGROUND_MIN_FILES * 10;
    const script = [
      `const { ArtifactWriter } = require(${JSON.stringify(path.resolve(__dirname, "../../lib/core/artifact-writer"))});`,
      `const w = new ArtifactWriter();`,
      `const files = Array.from({ length: ${n} }, (_, i) => ({ target: require("path").join(${JSON.stringify(root)}, "f" + i), content: "c" + i }));`,
      `w.write(files, ${JSON.stringify(root)});`,
      `if (!w.running) throw new Error("expected the writer thread");`,
    ].join("\n");
    execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], { stdio: "pipe" });
    const written = fs.readdirSync(root);
    expect(written.length).toBe(n);
    expect(fs.readFileSync(path.join(root, `f${n - 1}`), "utf8")).toBe(`c${n - 1}`);
  });
});

describe("StackArtifacts with the writer thread", () => {
  const many = (tag: string, n = BACKGROUND_MIN_FILES * 2): ArtifactFile[] =>
    Array.from({ length: n }, (_, i) => ({ path: `many/${tag}-${i}.txt`, content: `${tag} ${i}\n` }));

  function appWith(stacks: { id: string; files?: ArtifactFile[]; fail?: boolean }[], log: string[]) {
    const outdir = tmp();
    const app = new App({ outdir, skipBackendValidation: true });
    for (const s of stacks) {
      const stack = new TerraformStack(app, s.id);
      if (s.files === undefined) continue;
      StackArtifacts.of(stack).add({
        name: "many",
        produce: () => {
          log.push(`produce ${s.id}`);
          return s.files!;
        },
        verify: () => {
          if (s.fail) throw new Error(`check failed in ${s.id}`);
        },
      });
    }
    return { app, outdir };
  }

  const read = (outdir: string, stack: string, files: readonly ArtifactFile[]): string[] =>
    files.map((f) => fs.readFileSync(path.join(outdir, "stacks", stack, ARTIFACTS_DIR, f.path), "utf8"));

  test("app.synth() returns with every stack's files on disk, and the thread stopped once, after the last artifact stack", () => {
    const log: string[] = [];
    const real = ArtifactWriter.prototype.close;
    const spy = jest.spyOn(ArtifactWriter.prototype, "close").mockImplementation(function (this: ArtifactWriter) {
      log.push(`close running=${this.running}`);
      real.call(this);
    });
    try {
      const a = many("a");
      const b = many("b");
      const { app, outdir } = appWith(
        [{ id: "one", files: a }, { id: "plain" }, { id: "two", files: b }, { id: "tail" }],
        log,
      );
      app.synth();
      expect(read(outdir, "one", a)).toEqual(a.map((f) => f.content));
      expect(read(outdir, "two", b)).toEqual(b.map((f) => f.content));
      expect(log).toEqual(["produce one", "produce two", "close running=true"]);
      expect(ArtifactWriter.get().running).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  test("a check that may read the files (the default) finds every file of its stack on disk", () => {
    const outdir = tmp();
    const app = new App({ outdir, skipBackendValidation: true });
    const files = many("a", BACKGROUND_MIN_FILES * 10);
    const seen: string[] = [];
    StackArtifacts.of(new TerraformStack(app, "one")).add({
      name: "reads",
      produce: () => files,
      verify: ({ stackDir }) => {
        for (const f of files) seen.push(fs.readFileSync(path.join(stackDir, ARTIFACTS_DIR, f.path), "utf8"));
      },
    });
    app.synth();
    expect(seen).toEqual(files.map((f) => f.content));
  });

  test.each([
    [undefined, 2],
    [true, 2],
    [false, 1],
  ])("verifyReadsFiles %s: the stack waits for its files before verify (%i settle calls)", (reads, calls) => {
    const outdir = tmp();
    const app = new App({ outdir, skipBackendValidation: true });
    StackArtifacts.of(new TerraformStack(app, "one")).add({
      name: "checks",
      produce: () => many("a"),
      verify: () => undefined,
      verifyReadsFiles: reads,
    });
    const settle = jest.spyOn(ArtifactWriter.prototype, "settle");
    try {
      app.synth();
      const root = path.join(outdir, "stacks", "one", ARTIFACTS_DIR);
      expect(settle.mock.calls).toEqual(Array.from({ length: calls }, () => [root]));
    } finally {
      settle.mockRestore();
    }
  });

  test("verify gets the rendered files, once each, as paths relative to the artifacts folder", () => {
    const outdir = tmp();
    const app = new App({ outdir, skipBackendValidation: true });
    const stack = new TerraformStack(app, "one");
    const a = many("a");
    let seen: readonly string[] | undefined;
    StackArtifacts.of(stack).add({ name: "first", produce: () => [...a, { path: "./TOP.md", content: "1" }] });
    StackArtifacts.of(stack).add({
      name: "second",
      order: 1,
      produce: () => [{ path: "TOP.md", content: "2" }],
      verify: ({ files }) => {
        seen = files;
      },
      verifyReadsFiles: false,
    });
    app.synth();
    const onDisk = (dir: string, prefix = ""): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) =>
          e.isDirectory() ? onDisk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
        );
    expect([...(seen ?? [])].sort()).toEqual(onDisk(path.join(outdir, "stacks", "one", ARTIFACTS_DIR)).sort());
    expect(seen).toHaveLength(a.length + 1);
    expect(fs.readFileSync(path.join(outdir, "stacks", "one", ARTIFACTS_DIR, "TOP.md"), "utf8")).toBe("2");
  });

  test("the audit's synth line counts the files the stack rendered, not those on disk yet", () => {
    const outdir = tmp();
    const app = new App({ outdir, skipBackendValidation: true });
    const stack = new TerraformStack(app, "one");
    new AwsProvider(stack, "aws", { region: "eu-west-1" });
    const cluster = new MskCluster(stack, "c", {
      clusterName: "c",
      tier: "dev",
      vpcId: "vpc-1",
      clientSubnetIds: ["a", "b", "c"],
    });
    const topic = cluster.addTopic("orders.created", { topicClass: "events" });
    for (let i = 0; i < 60; i++) {
      const application = cluster.addApplication(`app-${i}`, { principal: KafkaPrincipal.iamRole(`app-${i}`) });
      topic.grantProduce(application);
      topic.grantConsume(application, { group: `g-${i}` });
    }
    const out: string[] = [];
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      app.synth();
    } finally {
      write.mockRestore();
    }
    const dir = path.join(outdir, "stacks", "one", ARTIFACTS_DIR);
    const count = (d: string): number =>
      fs
        .readdirSync(d, { withFileTypes: true })
        .reduce((n, e) => n + (e.isDirectory() ? count(path.join(d, e.name)) : 1), 0);
    // 60 applications × producer and consumer × Java and librdkafka, plus the reports and runbooks.
    expect(count(dir)).toBeGreaterThan(240);
    const line = out.find((l) => l.startsWith("kafka-standards audit  one "));
    expect(line).toContain(`(${count(dir)} files, AUDIT.md)`);
  });

  test.each([
    [true, "(5 files, AUDIT.md)"],
    [false, "(5 files)"],
    [undefined, "(5 files)"],
  ])("synthLine with hasAuditReport %s on a folder not written yet: %s", (has, expected) => {
    const report = { name: "one", summary: { outcome: "nothing-to-audit", resources: 0 } } as unknown as Parameters<
      typeof synthLine
    >[0];
    const line = synthLine(report, path.join(tmp(), "not-written"), 5, has);
    expect(line.endsWith(`not-written${path.sep} ${expected}`)).toBe(true);
  });

  test("a failing check fails the synth after its stack's files are written", () => {
    const log: string[] = [];
    const a = many("a");
    const { app, outdir } = appWith(
      [
        { id: "one", files: a, fail: true },
        { id: "two", files: many("b") },
      ],
      log,
    );
    expect(() => app.synth()).toThrow("check failed in one");
    expect(read(outdir, "one", a)).toEqual(a.map((f) => f.content));
    expect(ArtifactWriter.get().running).toBe(false);
  });

  test("a second synth into the same folder replaces the files and leaves none of the first behind", () => {
    const log: string[] = [];
    const { app, outdir } = appWith([{ id: "one", files: many("a", BACKGROUND_MIN_FILES * 3) }], log);
    app.synth();
    const dir = path.join(outdir, "stacks", "one", ARTIFACTS_DIR, "many");
    expect(fs.readdirSync(dir).length).toBe(BACKGROUND_MIN_FILES * 3);
    const again = new App({ outdir, skipBackendValidation: true });
    const b = many("b");
    StackArtifacts.of(new TerraformStack(again, "one")).add({ name: "many", produce: () => b });
    again.synth();
    expect(fs.readdirSync(dir).sort()).toEqual(b.map((f) => path.basename(f.path)).sort());
  });
});
