#!/usr/bin/env bash
# Independent scan of the synthesized stacks with Checkov.
#
#   npm run synth && bash .ci/checkov.sh
#
# - Installs checkov==3.3.30 into .venv-checkov (PyPI) unless it is already there, or KS_CHECKOV
#   names a checkov binary. Measured on a 2-core machine: install 35-60 s (~290 MB venv); a scan of the
#   four example stacks 4-6 s.
# - Scans every cdktf.out/stacks/*/cdk.tf.json with the terraform_json framework (the plain terraform
#   framework skips *.tf.json). Set KS_CDKTF_OUT to scan another cdktf output folder.
# - Works around checkov#7454 (the terraform_json parser fails on a string terraform.required_version,
#   scans nothing and exits 0): each stack is copied to a scratch folder without that key, and any
#   parsing error fails this script.
# - Fails on any failed check that .ci/checkov-baseline.json does not accept with a reason.
set -euo pipefail

cd "$(dirname "$0")/.."
CHECKOV_VERSION="3.3.30"
VENV=".venv-checkov"
OUT="${KS_CDKTF_OUT:-cdktf.out}"
BASELINE=".ci/checkov-baseline.json"

if [ -n "${KS_CHECKOV:-}" ]; then
  CHECKOV="$KS_CHECKOV"
else
  CHECKOV="$VENV/bin/checkov"
  if [ ! -x "$CHECKOV" ] || [ "$("$CHECKOV" --version 2>/dev/null)" != "$CHECKOV_VERSION" ]; then
    echo "checkov: installing checkov==$CHECKOV_VERSION into $VENV"
    start=$(date +%s)
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
    echo "checkov: installed in $(( $(date +%s) - start )) s"
  fi
fi

shopt -s nullglob
stacks=("$OUT"/stacks/*/cdk.tf.json)
if [ ${#stacks[@]} -eq 0 ]; then
  echo "checkov: no stacks under $OUT/stacks; run 'npm run synth' first" >&2
  exit 1
fi

scan="$(mktemp -d)"
trap 'rm -rf "$scan" "$scan.json"' EXIT
TS_NODE="node_modules/.bin/ts-node"
export TS_NODE_PROJECT="tsconfig.json"

"$TS_NODE" --transpile-only test/checkov/ci-scan.ts prepare "$scan/stacks" "${stacks[@]}"
start=$(date +%s)
"$CHECKOV" --framework terraform_json -d "$scan/stacks" --skip-download --quiet --compact --soft-fail -o json > "$scan.json"
echo "checkov: scanned ${#stacks[@]} stack(s) in $(( $(date +%s) - start )) s"
"$TS_NODE" --transpile-only test/checkov/ci-scan.ts check "$scan/stacks" "$scan.json" "$BASELINE"
