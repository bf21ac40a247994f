#!/usr/bin/env bash
# Proves the repository stands alone: copies its files (tracked, and new ones not ignored) into an empty
# folder with nothing beside it, and runs the unit tests there. A test or script that reads outside the
# repository (the report from a sibling folder, say) fails here, even on a machine where that folder exists.
# Arguments go to vitest (scripts/test-all.sh asks for a JSON report; an --outputFile must be absolute).
set -euo pipefail
cd "$(dirname "$0")/.."
alone=$(mktemp -d)
trap 'rm -rf "$alone"' EXIT
mkdir "$alone/repo"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && printf '%s\0' "$f"
done | xargs -0 cp --parents -t "$alone/repo"
# The installed packages are not the project's files; linking them saves a second install.
ln -s "$PWD/node_modules" "$alone/repo/node_modules"
cd "$alone/repo"
if [ $# -eq 0 ]; then set -- --reporter=dot; fi
npx vitest run "$@"
