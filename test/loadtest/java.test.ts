import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  cacheRoot,
  ensureGenerator,
  findJava,
  generatorProjectDir,
  LoadtestError,
  projectHash,
  spawnGenerator,
} from "../../lib/loadtest/java";
import type { GeneratorMessage } from "../../lib/loadtest/types";
import { KafkaVersion } from "../../lib/standards/kafka-versions";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ks-loadtest-java-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function copyOfProject(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(generatorProjectDir(), dir, { recursive: true });
  return dir;
}

describe("the Java load generator's toolchain", () => {
  test("the project ships a pom pinning kafka-clients and aws-msk-iam-auth, and the main class", () => {
    const dir = generatorProjectDir();
    const pom = fs.readFileSync(path.join(dir, "pom.xml"), "utf8");
    // The client release that stands in for KafkaVersion.DEFAULT, as in the integration harness.
    expect(pom).toContain(`<kafka.version>${KafkaVersion.DEFAULT.info?.apacheRelease}</kafka.version>`);
    expect(pom).toMatch(/<aws-msk-iam-auth\.version>\d+\.\d+\.\d+<\/aws-msk-iam-auth\.version>/);
    expect(fs.existsSync(path.join(dir, "src/main/java/kafkastandards/loadtest/LoadTest.java"))).toBe(true);
  });

  test("cache folder: $XDG_CACHE_HOME when absolute, else ~/.cache", () => {
    expect(cacheRoot({ XDG_CACHE_HOME: "/x/cache" })).toBe(path.join("/x/cache", "kafka-standards", "loadtest"));
    expect(cacheRoot({ XDG_CACHE_HOME: "relative" })).toBe(
      path.join(os.homedir(), ".cache", "kafka-standards", "loadtest"),
    );
    expect(cacheRoot({})).toBe(path.join(os.homedir(), ".cache", "kafka-standards", "loadtest"));
  });

  test("the build is keyed by the pom and the sources", () => {
    const a = copyOfProject("hash-a");
    const h = projectHash(a);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(projectHash(copyOfProject("hash-b"))).toBe(h);
    fs.appendFileSync(path.join(a, "src/main/java/kafkastandards/loadtest/Json.java"), "\n");
    expect(projectHash(a)).not.toBe(h);
    fs.writeFileSync(path.join(a, "README.txt"), "not part of the build");
    const h2 = projectHash(a);
    fs.rmSync(path.join(a, "README.txt"));
    expect(projectHash(a)).toBe(h2);
  });

  test("java missing: one clear line", () => {
    expect(() => findJava({ PATH: path.join(tmp, "no-bin") })).toThrow(LoadtestError);
    expect(() => findJava({ PATH: path.join(tmp, "no-bin") })).toThrow(
      "java not found: install a JDK 11+ (or set JAVA_HOME); the load generator runs on the JVM",
    );
  });

  test("an old java is refused", () => {
    const home = path.join(tmp, "old-jdk");
    fs.mkdirSync(path.join(home, "bin"), { recursive: true });
    fs.writeFileSync(path.join(home, "bin", "java"), "#!/bin/sh\necho 'openjdk version \"1.8.0_402\"' >&2\n", {
      mode: 0o755,
    });
    expect(() => findJava({ JAVA_HOME: home, PATH: process.env.PATH })).toThrow(
      /is Java 8; the load generator needs Java 11\+/,
    );
  });

  test("mvn missing on first use: one clear line naming the cache", async () => {
    const cache = path.join(tmp, "cache-no-mvn");
    await expect(
      ensureGenerator({
        cacheDir: cache,
        env: { PATH: process.env.PATH, KAFKA_STANDARDS_MVN: path.join(tmp, "no-mvn") },
      }),
    ).rejects.toThrow(
      `mvn not found: Maven 3.8+ is needed once to build the load generator (cached afterwards in ${cache})`,
    );
  });

  test("a cached build is used without Maven", async () => {
    const cache = path.join(tmp, "cache-ready");
    const dir = path.join(cache, projectHash(generatorProjectDir()));
    fs.mkdirSync(path.join(dir, "project", "target", "dependency"), { recursive: true });
    fs.writeFileSync(path.join(dir, "project", "target", "kafka-standards-loadtest-0.0.0.jar"), "");
    fs.writeFileSync(path.join(dir, "ready"), "");
    const built = await ensureGenerator({ cacheDir: cache, env: { KAFKA_STANDARDS_MVN: path.join(tmp, "no-mvn") } });
    expect(built).toEqual({
      classpath: [
        path.join(dir, "project", "target", "kafka-standards-loadtest-0.0.0.jar"),
        path.join(dir, "project", "target", "dependency", "*"),
      ].join(path.delimiter),
      dir,
      built: false,
    });
  });

  test("the generator's stdout is read as JSON lines; other lines and stderr are kept apart", async () => {
    const script = [
      'process.stdout.write(\'{"type":"info","kafkaClientVersion":"3.9.1"}\\nnot json\\n{"type":"pro\');',
      'setTimeout(() => { process.stdout.write(\'gress","phase":"produce","done":1,"total":2,"elapsedMs":3}\\n{"type":"done"}\');',
      'process.stderr.write("warn 1\\nwarn 2\\n"); process.exit(3); }, 20);',
    ].join("\n");
    const messages: GeneratorMessage[] = [];
    const exit = await spawnGenerator(process.execPath, ["-e", script], process.env, (m) => messages.push(m));
    expect(messages.map((m) => m.type)).toEqual(["info", "progress", "done"]);
    expect(exit).toEqual({ status: 3, stderrTail: ["warn 1", "warn 2"] });
  });
});
