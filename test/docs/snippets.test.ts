import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ConfluentProvider } from "../../lib/providers/confluent/provider";
import { MskCluster } from "../../lib/msk/msk-cluster";
import { ConfluentCluster } from "../../lib/confluent/confluent-cluster";
import { ConfluentClusterType } from "../../lib/confluent/cluster-type";
import { ConfluentNetworking } from "../../lib/confluent/networking";
import { EXAMPLE_CONTEXT } from "../../bin/gen-api-doc";
import { extractSnippets, Snippet, snippetFileName, snippetModule } from "../consumer/snippets";

/**
 * Every ```ts block of README.md and docs/API.md (the TSDoc `@example`s) compiles, here against the
 * sources through tsconfig `paths`; test/consumer/ compiles the same blocks against the packed package
 * under the `cdktf init` tsconfig. The API examples also run and synthesize, in the context docs/API.md
 * describes, so none shows code the constructs or the audit would refuse.
 */
const ROOT = path.join(__dirname, "..", "..");
const DOCUMENTS = ["README.md", "docs/API.md"];

const snippets: Snippet[] = DOCUMENTS.flatMap((doc) =>
  extractSnippets(fs.readFileSync(path.join(ROOT, doc), "utf8"), doc),
);

function compile(all: readonly Snippet[]): Map<Snippet, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const options: ts.CompilerOptions = { ...config.options, noEmit: true, types: ["node"] };
  // The blocks are virtual files inside the repository, so that packages resolve from its node_modules.
  const dir = path.join(ROOT, ".snippets");
  const files = new Map(all.map((s) => [path.join(dir, snippetFileName(s)), s]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => (files.has(f) ? snippetModule(files.get(f)!) : readFile.call(host, f));
  host.getSourceFile = (f, lang, ...rest) =>
    files.has(f)
      ? ts.createSourceFile(f, snippetModule(files.get(f)!), lang, true)
      : getSourceFile.call(host, f, lang, ...rest);
  const program = ts.createProgram([...files.keys()], options, host);
  const errors = new Map<Snippet, string[]>();
  for (const [file, s] of files) {
    const sf = program.getSourceFile(file)!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    errors.set(
      s,
      diagnostics.map((d) => {
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        return `line ${line + 1}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
      }),
    );
  }
  return errors;
}

const results = compile(snippets);

test("README.md and docs/API.md have TypeScript blocks, and every @example of docs/API.md is one", () => {
  expect(snippets.filter((s) => s.file === "README.md").length).toBeGreaterThanOrEqual(4);
  expect(snippets.filter((s) => s.file === "docs/API.md").length).toBeGreaterThanOrEqual(30);
});

test.each(snippets.map((s) => [`${s.file}:${s.line}`, s] as const))("%s compiles", (_, s) => {
  expect(results.get(s)).toEqual([]);
});

/** The values docs/API.md says every example may use (EXAMPLE_CONTEXT), in a fresh app. */
function exampleContext(outdir: string) {
  const app = new App({ outdir, skipBackendValidation: true, context: { "kafka-standards:artifacts": "verify-only" } });
  const stack = new TerraformStack(app, "example");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  new ConfluentProvider(stack, "confluent", {});
  const cluster = new MskCluster(stack, "platform", {
    clusterName: "platform",
    tier: "prod",
    vpcId: "vpc-0c0",
    clientSubnetIds: ["subnet-0c1", "subnet-0c2", "subnet-0c3"],
    allowedClientSecurityGroupIds: ["sg-0c4"],
    owner: "team-platform",
  });
  const confluentCluster = new ConfluentCluster(stack, "events", {
    clusterName: "events",
    tier: "prod",
    cloud: "AWS",
    region: "eu-central-1",
    clusterType: ConfluentClusterType.dedicated({ cku: 2 }),
    networking: ConfluentNetworking.privateLink({ allowedAccounts: ["123456789012"] }),
  });
  return { app, stack, cluster, confluentCluster };
}

const apiExamples = snippets.filter((s) => s.file === "docs/API.md");

test("the API examples' context is the one docs/API.md states", () => {
  expect(new Set(apiExamples.map((s) => s.context))).toEqual(new Set([EXAMPLE_CONTEXT]));
  expect(Object.keys(exampleContext(os.tmpdir())).join(",")).toBe(
    EXAMPLE_CONTEXT.split(";")
      .map((d) => d.split(":")[0].trim())
      .join(","),
  );
});

test.each(apiExamples.map((s) => [`${s.file}:${s.line}`, s] as const))("%s runs and synthesizes", (_, s) => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "api-example-"));
  try {
    const context = exampleContext(outdir);
    const js = ts.transpileModule(snippetModule(s), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }).outputText;
    new Function("exports", "require", ...Object.keys(context), js)({}, require, ...Object.values(context));
    context.app.synth();
    expect(fs.existsSync(path.join(outdir, "stacks", "example", "cdk.tf.json"))).toBe(true);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
});
