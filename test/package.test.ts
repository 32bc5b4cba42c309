import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { SELF_REFERENCES } from "../scripts/self-reference";

const ROOT = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jestConfig = require("../jest.config.js");
const readSource = (rel: string): string => fs.readFileSync(path.join(ROOT, rel), "utf8");
const listTs = (dir: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listTs(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );

describe("package.json", () => {
  test("entry points: the root, ./patterns and ./providers, compiled CommonJS with declarations", () => {
    expect(pkg.main).toBe("dist/lib/index.js");
    expect(pkg.types).toBe("dist/lib/index.d.ts");
    expect(pkg.exports).toEqual({
      ".": { types: "./dist/lib/index.d.ts", default: "./dist/lib/index.js" },
      "./patterns": { types: "./dist/patterns/index.d.ts", default: "./dist/patterns/index.js" },
      "./providers": { types: "./dist/providers/index.d.ts", default: "./dist/providers/index.js" },
      "./package.json": "./package.json",
    });
    for (const src of ["lib/index.ts", "patterns/index.ts", "providers/index.ts"]) {
      expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
    }
  });

  test("typesVersions gives every subpath its types under node10 resolution (module CommonJS, the cdktf init tsconfig)", () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json");
    expect(pkg.typesVersions).toEqual({
      "*": Object.fromEntries(subpaths.map((k) => [k.slice(2), [pkg.exports[k].types.slice(2)]])),
    });
  });

  test.each([
    ["node10 (module CommonJS, the cdktf init tsconfig)", { module: ts.ModuleKind.CommonJS }],
    ["node16", { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
    ["bundler", { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  ])("TypeScript resolves every entry point to its declarations under %s resolution", (_, options) => {
    // The package as installed: this package.json and a stub for every declaration file it names.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "resolution-"));
    try {
      const installed = path.join(project, "node_modules", pkg.name);
      fs.mkdirSync(installed, { recursive: true });
      fs.writeFileSync(path.join(installed, "package.json"), JSON.stringify(pkg));
      const entries = Object.entries<any>(pkg.exports).filter(([k]) => k !== "./package.json");
      for (const [, v] of entries) {
        fs.mkdirSync(path.dirname(path.join(installed, v.types)), { recursive: true });
        fs.writeFileSync(path.join(installed, v.types), "export {};\n");
      }
      const importer = path.join(project, "main.ts");
      for (const [subpath, v] of entries) {
        const specifier = subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
        const resolved = ts.resolveModuleName(specifier, importer, options, ts.sys).resolvedModule?.resolvedFileName;
        expect([specifier, resolved]).toEqual([specifier, path.join(installed, v.types)]);
      }
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  test("repository, homepage and bugs point at the canonical repository, so README links resolve on the registry page", () => {
    const repo = "https://github.com/cdktf-kafka-standards/cdktf-kafka-standards";
    expect(pkg.repository).toEqual({ type: "git", url: `git+${repo}.git` });
    expect(pkg.homepage).toBe(`${repo}#readme`);
    expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
  });

  test("inside the repository the package name maps to the entry-point sources, the same in tsconfig, jest and the ts-node hook", () => {
    const tsconfig = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.json"), "utf8"));
    const fromExports = Object.fromEntries(
      Object.entries<any>(pkg.exports)
        .filter(([k]) => k !== "./package.json")
        .map(([k, v]) => [
          k === "." ? pkg.name : `${pkg.name}/${k.slice(2)}`,
          v.default.replace(/^\.\/dist\//, "").replace(/\.js$/, ""),
        ]),
    );
    expect(SELF_REFERENCES).toEqual(fromExports);
    expect(tsconfig.compilerOptions.paths).toEqual(
      Object.fromEntries(Object.entries(fromExports).map(([k, v]) => [k, [`./${v}.ts`]])),
    );
    const mapper = jestConfig.moduleNameMapper as Record<string, string>;
    for (const [name, target] of Object.entries(fromExports)) {
      const [pattern, mapped] = Object.entries(mapper).find(([re]) => new RegExp(re).test(name))!;
      expect([pattern, mapped]).toEqual([expect.any(String), `<rootDir>/${target}.ts`]);
    }
  });

  test("the library's own sources never import the package by name (only examples do)", () => {
    const offenders = ["lib", "patterns", "providers"]
      .flatMap((d) => listTs(d))
      // Code only: TSDoc examples do import the package by name.
      .filter((f) =>
        /from "cdktf-kafka-standards(\/[a-z]+)?"/.test(readSource(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")),
      );
    expect(offenders).toEqual([]);
  });

  test("every example imports the library by package name, never by relative path", () => {
    const examples = fs
      .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
      .filter((e) => e.isDirectory());
    expect(examples.length).toBeGreaterThan(0);
    for (const e of examples) {
      const src = readSource(path.join("examples", e.name, "main.ts"));
      expect(src).not.toMatch(/from "\.\.?\//);
      expect(src).toMatch(/from "cdktf-kafka-standards"/);
    }
  });

  test("the files whitelist ships no tests, fixtures or scripts, and does ship the CLI and the load generator", () => {
    const files: string[] = pkg.files;
    expect(files.filter((f) => /(^|\/)(test|fixtures?|scripts|examples|bench)(\/|$)/.test(f))).toEqual([]);
    expect(files).toEqual(
      expect.arrayContaining([
        "bin/kafka-standards",
        "lib/loadtest/java/pom.xml",
        "lib/loadtest/java/src/**",
        "LICENSE",
      ]),
    );
    expect(fs.existsSync(path.join(ROOT, "lib/loadtest/java/pom.xml"))).toBe(true);
  });

  test("every document the README and the declarations point to ships in the package", () => {
    const packed: string[] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" }),
    )[0].files.map((f: { path: string }) => f.path);
    const sources = ["lib", "patterns", "providers"]
      .flatMap((d) => listTs(d))
      .filter((f) => !f.startsWith("lib/providers/"));
    const fromSources = sources.flatMap(
      (f) => readSource(f).match(/\b(docs\/(guide\/)?[A-Z][\w-]*\.md|RULES\.md|CHANGELOG\.md)\b/g) ?? [],
    );
    const fromReadme = [...readSource("README.md").matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((link) => !/^[a-z]+:/.test(link));
    // Documents ship with the package; other links (examples/, .ci/) resolve through `repository` on the registry page.
    const documents = [...fromSources, ...fromReadme.filter((l) => /^(docs\/.*|[A-Z]+)\.md$|^LICENSE$/.test(l))];
    expect(fromSources).toContain("docs/STANDARDS.md");
    expect([...new Set(documents)].filter((d) => !packed.includes(d))).toEqual([]);
    for (const link of fromReadme) expect([link, fs.existsSync(path.join(ROOT, link))]).toEqual([link, true]);
  });

  test("pinned toolchain: cdktf 0.21.0, constructs 10.4.x, provider-aws 21.22.1, TypeScript 5.9.x, @types/node 20", () => {
    const dev = pkg.devDependencies;
    expect(dev.cdktf).toBe("0.21.0");
    expect(dev.constructs).toMatch(/^10\.4\.\d+$/);
    expect(dev["@cdktf/provider-aws"]).toBe("21.22.1");
    expect(dev.typescript).toMatch(/^5\.9\.\d+$/);
    expect(dev["@types/node"]).toMatch(/^20\./);
    expect(pkg.peerDependencies).toEqual({ cdktf: "0.21.0", constructs: "^10.4.4", "@cdktf/provider-aws": "21.22.1" });
  });

  test("the bin shim is executable", () => {
    expect(fs.statSync(path.join(ROOT, "bin/kafka-standards")).mode & 0o111).not.toBe(0);
  });
});
