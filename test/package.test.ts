import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

describe("package.json", () => {
  test("entry points: the root and ./patterns, compiled CommonJS with declarations", () => {
    expect(pkg.main).toBe("dist/lib/index.js");
    expect(pkg.types).toBe("dist/lib/index.d.ts");
    expect(pkg.exports["."]).toEqual({ types: "./dist/lib/index.d.ts", default: "./dist/lib/index.js" });
    expect(pkg.exports["./patterns"]).toEqual({
      types: "./dist/patterns/index.d.ts",
      default: "./dist/patterns/index.js",
    });
    for (const src of ["lib/index.ts", "patterns/index.ts"]) expect(fs.existsSync(path.join(ROOT, src))).toBe(true);
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
