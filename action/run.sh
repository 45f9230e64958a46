#!/usr/bin/env bash
# The GitHub Action's steps (action.yml). Inputs arrive as RR_* environment variables and are passed
# to the CLI as separate arguments, never spliced into shell text, so no input or ref can inject a command.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin="$root/dist/bin/main.js"

# Runs on bash 3.2 (macOS runners): there, "${list[@]}" of an empty array fails under `set -u`, so every array is
# expanded as ${list[@]+"${list[@]}"}.
args=(--repo "${RR_REPO:-.}")
if [[ -n "${RR_FROM:-}" ]]; then args+=(--from "$RR_FROM"); fi
# A pull request is judged against the merge base (--base), never the base branch's newer tip.
if [[ -n "${RR_TO:-}" ]]; then args+=(--to "$RR_TO"); elif [[ -n "${RR_BASE:-}" ]]; then args+=(--base "$RR_BASE"); fi
if [[ -n "${RR_PLATFORM:-}" ]]; then args+=(--platform "$RR_PLATFORM"); fi

case "${1:-}" in
  analyse)
    gate=()
    if [[ -n "${RR_FAIL_ON:-}" ]]; then gate+=(--fail-on "$RR_FAIL_ON"); fi
    if [[ -n "${RR_MAX_SCORE:-}" ]]; then gate+=(--max-score "$RR_MAX_SCORE"); fi
    if [[ "${RR_WARN_ONLY:-false}" == true ]]; then gate+=(--warn-only); fi
    dir=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/rollback-ready.XXXXXX")
    status=0
    node "$bin" ${args[@]+"${args[@]}"} ${gate[@]+"${gate[@]}"} --output "sarif=$dir/rollback-ready.sarif" --output "json=$dir/rollback-ready.json" || status=$?
    printf 'sarif-path=%s\nexit-code=%s\n' "$dir/rollback-ready.sarif" "$status" >>"$GITHUB_OUTPUT"
    # 1 is the gate: the action fails on it after the comment is posted. Anything else fails now.
    if [[ $status -ne 0 && $status -ne 1 ]]; then exit "$status"; fi
    ;;
  comment)
    # The pull request, its head and base come from the event payload and the API, not from from/to.
    comment=(--repo "${RR_REPO:-.}")
    if [[ -n "${RR_PLATFORM:-}" ]]; then comment+=(--platform "$RR_PLATFORM"); fi
    node "$bin" comment ${comment[@]+"${comment[@]}"}
    ;;
  gate)
    echo "rollback-ready: the gate failed (the reason is in the analysis step above)" >&2
    exit 1
    ;;
  *)
    echo "usage: run.sh analyse|comment|gate" >&2
    exit 2
    ;;
esac
