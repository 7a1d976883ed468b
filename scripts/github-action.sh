#!/usr/bin/env bash
# The step of the GitHub Action (action.yml): `minutes check --format github` on the given
# paths. Problems become annotations on the pull request's files, every one of them goes to
# the job summary ($GITHUB_STEP_SUMMARY: GitHub shows only ten annotations of each kind per
# step), and the step fails when there are errors (or warnings, with strict: true).
#   MINUTES_PATHS    files, folders or globs, separated by spaces or new lines (default: .)
#   MINUTES_STRICT, MINUTES_OVERDUE   "true" adds --strict, --overdue
#   MINUTES_VERSION  the minutes-cli to fetch when the repository does not install one
set -euo pipefail
set -f # globs reach minutes as written: it expands them, skipping what the configuration ignores

if [ -x node_modules/.bin/minutes ]; then
    minutes=(node_modules/.bin/minutes)
else
    minutes=(npx --yes --package "minutes-cli@${MINUTES_VERSION:?set MINUTES_VERSION or install minutes-cli}" -- minutes)
fi

args=(check --format github)
if [ "${MINUTES_STRICT:-false}" = "true" ]; then args+=(--strict); fi
if [ "${MINUTES_OVERDUE:-false}" = "true" ]; then args+=(--overdue); fi
IFS=$' \t\n' read -r -d '' -a paths <<< "${MINUTES_PATHS:-.}" || true
if [ "${#paths[@]}" -eq 0 ]; then paths=(.); fi

# V8's young generation at its Node 20 and 22 size under Node 24 too, whose larger one made a
# check of 1,000 files 12% slower and 85 MB larger (docs/performance.md, "Less compiling"); a
# size the workflow sets stands.
case " ${NODE_OPTIONS:-} " in
    *" --max-semi-space-size="*) ;;
    *) export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--max-semi-space-size=16" ;;
esac

exec "${minutes[@]}" "${args[@]}" "${paths[@]}"
