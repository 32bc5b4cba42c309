const { compilerOptions } = require("./tsconfig.json");

// The package's own name resolves to its entry-point sources, as in tsconfig.json `paths`
// (examples import "cdktf-kafka-standards", "cdktf-kafka-standards/patterns" and "/providers").
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [target]]) => [
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
    `<rootDir>/${target.replace(/^\.\//, "")}`,
  ]),
);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/test/integration/"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2022" }, module: { type: "commonjs" } },
    ],
  },
  moduleNameMapper,
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  globalSetup: "<rootDir>/test/global-setup.js",
  globalTeardown: "<rootDir>/test/global-teardown.js",
  coveragePathIgnorePatterns: ["/node_modules/", "/lib/providers/", "/test/"],
  maxWorkers: 2,
};
