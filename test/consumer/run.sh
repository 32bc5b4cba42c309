#!/usr/bin/env bash
# Consumer test: the library as its users get it. Builds and packs it, creates a fresh project with the
# tsconfig `cdktf init --template=typescript` (cdktf 0.21.0) writes and the cdktf.json app command it
# writes, installs the tarball and the peer dependencies with npm, then runs test/consumer/check.ts:
# README and API examples compiled there, type checks under node10 / node16 / bundler resolution, the
# app of test/consumer/app synthesized with the installed package, and assertions on its cdk.tf.json.
#
#   bash test/consumer/run.sh          (npm run test:consumer)
#   KEEP=1 bash test/consumer/run.sh   keep the project and print its path
#
# Prints PASS/FAIL lines and a closing "N passed, N failed" (.ci/run adds it to its total); exit 1 on a FAIL.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
started=$(date +%s)
note() { echo "-- $1 ($(($(date +%s) - started)) s)"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/kafka-standards-consumer.XXXXXX")"
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $work/project"; else rm -rf "$work"; fi; }
trap cleanup EXIT

note "build and pack"
# A clean build; dist/ is removed again afterwards unless it was there before (bin/kafka-standards
# prefers dist/ over the sources, so a stale copy must not stay behind).
had_dist=0
[ -d dist ] && had_dist=1
rm -rf dist
# `npm pack` builds through the package's prepack script, as `npm publish` does.
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -1)"
[ "$had_dist" = 1 ] || rm -rf dist

project="$work/project"
mkdir -p "$project"
# What `cdktf init --template=typescript` writes (packages/@cdktf/cli-core/templates/typescript, v0.21.0):
# the tsconfig verbatim, the app command of cdktf.json, a private CommonJS package. Its dependencies: the
# tarball and the peers the package declares; its dev tools at the versions this repository pins.
cp test/consumer/cdktf-init/tsconfig.json "$project/tsconfig.json"
TARBALL="$tarball" node -e '
  const pkg = require("./package.json");
  const pin = (name) => pkg.devDependencies[name];
  const project = {
    name: "kafka-estate",
    version: "1.0.0",
    main: "main.js",
    types: "main.ts",
    license: "MPL-2.0",
    private: true,
    scripts: { build: "tsc", synth: "cdktf synth" },
    dependencies: {
      [pkg.name]: `file:${process.env.TARBALL}`,
      cdktf: pkg.peerDependencies.cdktf,
      constructs: pin("constructs"),
      "@cdktf/provider-aws": pkg.peerDependencies["@cdktf/provider-aws"],
    },
    devDependencies: Object.fromEntries(["typescript", "ts-node", "@types/node", "@types/jest"].map((n) => [n, pin(n)])),
  };
  process.stdout.write(JSON.stringify(project, null, 2) + "\n");
' >"$project/package.json"
cat >"$project/cdktf.json" <<'JSON'
{
  "language": "typescript",
  "app": "npx ts-node main.ts",
  "projectId": "00000000-0000-4000-8000-000000000000",
  "sendCrashReports": "false",
  "terraformProviders": [],
  "terraformModules": [],
  "context": {}
}
JSON
cp test/consumer/app/main.ts test/consumer/app/refusals.ts "$project/"

note "npm install: $(node -p "const d = require('$project/package.json'); Object.entries({ ...d.dependencies, ...d.devDependencies }).map(([n, v]) => n + '@' + v.replace(/^file:.*\\//, '')).join(' ')")"
(cd "$project" && npm install --no-audit --no-fund --prefer-offline --loglevel=error)

note "checks"
cd "$ROOT"
status=0
node_modules/.bin/ts-node --transpile-only test/consumer/check.ts "$project" || status=$?
note "done"
exit "$status"
