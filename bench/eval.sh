#!/usr/bin/env bash
# Print claimx's score tables for every annotated file in ../shared/eval (skips what is absent).
# Usage: bash bench/eval.sh [--json]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
eval_dir="${CLAIMX_EVAL_DIR:-$here/../shared/eval}"
if [ ! -d "$eval_dir" ]; then
  echo "no evaluation data at $eval_dir (set CLAIMX_EVAL_DIR)" >&2
  exit 0
fi
for f in ggt/dev.jsonl polnear/dev.jsonl tempeval3/train.jsonl meantime/dev.jsonl; do
  if [ -f "$eval_dir/$f" ]; then
    echo "=== $f"
    claimx eval "$eval_dir/$f" "$@"
    echo
  fi
done
