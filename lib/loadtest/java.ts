/**
 * The Java load generator: finding `java` and `mvn`, building `lib/loadtest/java` once into a cache
 * folder keyed by a hash of its pom and sources, and running it with its output read as JSON lines.
 */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../cli/usage-error";
import type { GeneratorMessage } from "./types";

/** A problem with the environment or the cluster that the user can fix: one line, exit code 2. */
export class LoadtestError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = "LoadtestError";
  }
}

/** The oldest JVM kafka-clients 3.9 runs on (the generator is compiled for it). */
export const MIN_JAVA_MAJOR = 11;
/** Main class of the generator. */
export const GENERATOR_MAIN = "kafkastandards.loadtest.LoadTest";

/** The package root: the nearest folder above `from` with this package's package.json. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      try {
        if (JSON.parse(fs.readFileSync(file, "utf8")).name === "cdktf-kafka-standards") return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new LoadtestError(`cannot find the cdktf-kafka-standards package above ${from}`);
    dir = parent;
  }
}

/** This package's version. */
export function packageVersion(): string {
  try {
    return String(JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version);
  } catch {
    return "unknown";
  }
}

/** The generator's Maven project as shipped (`lib/loadtest/java`). */
export function generatorProjectDir(): string {
  return path.join(packageRoot(), "lib", "loadtest", "java");
}

/** `$XDG_CACHE_HOME/kafka-standards/loadtest`, or `~/.cache/kafka-standards/loadtest`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), ".cache");
  return path.join(base, "kafka-standards", "loadtest");
}

/** The pom and every file under src, relative to `dir`, sorted. */
function projectFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  if (!fs.existsSync(path.join(dir, "pom.xml")))
    throw new LoadtestError(`the load generator's project is missing: ${dir}/pom.xml`);
  if (fs.existsSync(path.join(dir, "src"))) walk("src");
  return ["pom.xml", ...out.sort()];
}

/** First 16 hex digits of SHA-256 over the pom and sources (paths and contents). */
export function projectHash(dir: string): string {
  const hash = crypto.createHash("sha256");
  for (const rel of projectFiles(dir)) {
    hash
      .update(rel)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, rel)))
      .update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function commandMissing(result: { error?: Error }): boolean {
  return (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/** The `java` to run: $JAVA_HOME/bin/java when it exists, else `java` on PATH; checked for version 11+. */
export function findJava(env: NodeJS.ProcessEnv = process.env): { java: string; version: string } {
  const fromHome = env.JAVA_HOME
    ? path.join(env.JAVA_HOME, "bin", process.platform === "win32" ? "java.exe" : "java")
    : undefined;
  const java = fromHome && fs.existsSync(fromHome) ? fromHome : "java";
  const result = spawnSync(java, ["-version"], { encoding: "utf8", env, timeout: 30_000 });
  if (commandMissing(result))
    throw new LoadtestError(
      `java not found: install a JDK ${MIN_JAVA_MAJOR}+ (or set JAVA_HOME); the load generator runs on the JVM`,
    );
  const text = `${result.stderr ?? ""}${result.stdout ?? ""}`;
  const m = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(text);
  if (result.status !== 0 || !m)
    throw new LoadtestError(`${java} -version failed: ${text.split("\n")[0] || `exit ${result.status}`}`);
  const major = m[1] === "1" ? Number(m[2]) : Number(m[1]);
  if (major < MIN_JAVA_MAJOR)
    throw new LoadtestError(
      `${java} is Java ${major}; the load generator needs Java ${MIN_JAVA_MAJOR}+ (set JAVA_HOME)`,
    );
  return { java, version: /version "([^"]+)"/.exec(text)![1] };
}

/** Where a built generator lives. */
export interface BuiltGenerator {
  /** Classpath for `java -cp`. */
  readonly classpath: string;
  /** Folder of this build. */
  readonly dir: string;
  /** Whether this call built it. */
  readonly built: boolean;
  /** Build time, when built. */
  readonly buildMs?: number;
}

function classpathOf(dir: string): string | undefined {
  const target = path.join(dir, "project", "target");
  if (!fs.existsSync(path.join(dir, "ready"))) return undefined;
  const jars = fs.existsSync(target) ? fs.readdirSync(target).filter((f) => f.endsWith(".jar")) : [];
  if (jars.length !== 1) return undefined;
  return [path.join(target, jars[0]), path.join(target, "dependency", "*")].join(path.delimiter);
}

function copyProject(from: string, to: string): void {
  for (const rel of projectFiles(from)) {
    fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
    fs.copyFileSync(path.join(from, rel), path.join(to, rel));
  }
}

/**
 * Builds the generator unless this version is in the cache. The project is copied to a new folder
 * and built there (`mvn -q -B package dependency:copy-dependencies`), then renamed into place, so
 * concurrent first runs do not see half a build. `log` receives one line when a build starts.
 */
export async function ensureGenerator(options: {
  projectDir?: string;
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<BuiltGenerator> {
  const env = options.env ?? process.env;
  const projectDir = options.projectDir ?? generatorProjectDir();
  const root = options.cacheDir ?? cacheRoot(env);
  const hash = projectHash(projectDir);
  const dir = path.join(root, hash);
  const cached = classpathOf(dir);
  if (cached) return { classpath: cached, dir, built: false };

  const mvn = env.KAFKA_STANDARDS_MVN || "mvn";
  const probe = spawnSync(mvn, ["-v"], { encoding: "utf8", env, timeout: 60_000 });
  if (commandMissing(probe))
    throw new LoadtestError(
      `mvn not found: Maven 3.8+ is needed once to build the load generator (cached afterwards in ${root})`,
    );
  if (probe.status !== 0) throw new LoadtestError(`${mvn} -v failed (exit ${probe.status})`);

  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `${hash}.tmp-`));
  const log = path.join(root, `build-${hash}.log`);
  copyProject(projectDir, path.join(work, "project"));
  options.log?.(
    `building the load generator with Maven (first use; fetches kafka-clients from Maven Central) into ${dir}`,
  );
  const started = Date.now();
  const status = await new Promise<number>((resolve) => {
    const out = fs.openSync(log, "w");
    const child = spawn(
      mvn,
      ["-q", "-B", "-f", path.join(work, "project", "pom.xml"), "package", "dependency:copy-dependencies"],
      { env, stdio: ["ignore", out, out] },
    );
    child.on("error", () => resolve(-1));
    child.on("close", (code) => {
      fs.closeSync(out);
      resolve(code ?? -1);
    });
  });
  if (status !== 0) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new LoadtestError(`building the load generator with Maven failed (exit ${status}); see ${log}`);
  }
  fs.writeFileSync(path.join(work, "ready"), `${new Date().toISOString()}\n`);
  try {
    fs.renameSync(work, dir);
  } catch {
    // Another run finished first: use its build.
    fs.rmSync(work, { recursive: true, force: true });
  }
  const classpath = classpathOf(dir);
  if (!classpath)
    throw new LoadtestError(`the load generator build in ${dir} is incomplete; delete that folder and run again`);
  return { classpath, dir, built: true, buildMs: Date.now() - started };
}

/** JVM options of the generator. Client log lines below ERROR are dropped (connection retries are expected). */
export const GENERATOR_JVM_OPTIONS: readonly string[] = Object.freeze([
  "-Xms256m",
  "-Xmx1g",
  "-Djava.awt.headless=true",
  "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
  "-Dorg.slf4j.simpleLogger.logFile=System.err",
]);

/** How one generator run ended. */
export interface GeneratorExit {
  /** Exit status (-1 when killed by a signal or not started). */
  readonly status: number;
  /** The last lines of its stderr. */
  readonly stderrTail: readonly string[];
}

/** Runs a command and hands every JSON line of its stdout to `onMessage`; the generator's transport. */
export type GeneratorSpawner = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onMessage: (message: GeneratorMessage) => void,
) => Promise<GeneratorExit>;

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      onLine(buffer.slice(0, nl).replace(/\r$/, ""));
      buffer = buffer.slice(nl + 1);
    }
  });
  stream.on("end", () => {
    if (buffer.length > 0) onLine(buffer);
  });
}

/** Spawns the generator's JVM. SIGINT/SIGTERM of this process reach it (same process group). */
export const spawnGenerator: GeneratorSpawner = (command, args, env, onMessage) =>
  new Promise((resolve) => {
    const tail: string[] = [];
    const child = spawn(command, [...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    lines(child.stdout, (line) => {
      if (!line.startsWith("{")) return;
      try {
        onMessage(JSON.parse(line) as GeneratorMessage);
      } catch {
        // not a protocol line
      }
    });
    lines(child.stderr, (line) => {
      if (line.trim().length === 0) return;
      tail.push(line);
      if (tail.length > 20) tail.shift();
    });
    child.on("error", (e) => {
      tail.push(e.message);
      resolve({ status: -1, stderrTail: tail });
    });
    child.on("close", (code) => resolve({ status: code ?? -1, stderrTail: tail }));
  });
