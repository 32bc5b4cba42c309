#!/usr/bin/env bash
# Fetches the argument type declarations of the Pulumi packages bridged from the
# Terraform providers this library generates bindings for. test/providers/conformance.test.ts
# compares the committed schemas against them.
#
#   scripts/fetch-pulumi-types.sh [cache-dir]     (default: .cache/pulumi)
#
# Idempotent: a package already extracted (stamp file present) is not fetched again.
# Packages are fetched with `npm pack` (no install, no scripts run), checked against a
# pinned SHA-256, and only the .d.ts files the test reads are extracted.
#
# Pinned versions (the npm registry offers few releases of these packages):
#   @pulumi/confluentcloud 2.82.0  bridges confluentinc/confluent 2.8x (newer than the schema's 2.83.4:
#                                  it already has the provider argument user_agent_suffix added after 2.83.4)
#   @pulumi/kafka 3.13.2           bridges Mongey/kafka v0.13.1
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${1:-$repo_root/.cache/pulumi}"

# name version sha256 files...
packages=(
  "@pulumi/confluentcloud|2.82.0|4c864ff4840b45cb53962c7df32bac66d0d520b1698c17ab02f590f67a79dccd|package.json provider.d.ts environment.d.ts kafkaCluster.d.ts serviceAccount.d.ts apiKey.d.ts roleBinding.d.ts kafkaTopic.d.ts kafkaAcl.d.ts kafkaClientQuota.d.ts connector.d.ts clusterLink.d.ts kafkaMirrorTopic.d.ts schema.d.ts subjectConfig.d.ts getSchemaRegistryCluster.d.ts network.d.ts privateLinkAccess.d.ts types/input.d.ts"
  "@pulumi/kafka|3.13.2|e8cc7b6cc595f6cf034b5633c993ccb1c55bfd373e8d552bd151db2be596695d|package.json provider.d.ts topic.d.ts acl.d.ts quota.d.ts userScramCredential.d.ts types/input.d.ts"
)

sha256() {
  node -e 'const c=require("crypto").createHash("sha256");c.update(require("fs").readFileSync(process.argv[1]));process.stdout.write(c.digest("hex"))' "$1"
}

mkdir -p "$cache"
for entry in "${packages[@]}"; do
  IFS='|' read -r name version expected files <<<"$entry"
  short="${name#@pulumi/}"
  dest="$cache/$short-$version"
  stamp="$dest/.complete"
  if [[ -f "$stamp" ]]; then
    complete=1
    for f in $files; do [[ -f "$dest/$f" ]] || complete=0; done
    [[ $complete -eq 1 ]] && continue
  fi
  work="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-types.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "fetching $name@$version" >&2
  tarball="$(cd "$work" && npm pack "$name@$version" --pack-destination "$work" --silent 2>"$work/npm.log" | tail -n 1)" || true
  if [[ -z "$tarball" || ! -f "$work/$tarball" ]]; then
    echo "npm pack $name@$version failed:" >&2
    cat "$work/npm.log" >&2
    exit 1
  fi
  actual="$(sha256 "$work/$tarball")"
  if [[ "$actual" != "$expected" ]]; then
    echo "$name@$version: sha256 $actual, expected $expected" >&2
    exit 1
  fi
  members=()
  for f in $files; do members+=("package/$f"); done
  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "$work/$tarball" -C "$dest" --strip-components=1 "${members[@]}"
  for f in $files; do
    if [[ ! -f "$dest/$f" ]]; then
      echo "$name@$version: $f missing from the package" >&2
      exit 1
    fi
  done
  printf '%s@%s sha256:%s\n' "$name" "$version" "$actual" >"$stamp"
  rm -rf "$work"
  trap - EXIT
done
