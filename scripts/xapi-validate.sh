#!/usr/bin/env bash
# Runs Learning Locker's own xAPI statement validator (npm xapi-validation, pinned) over a file of statements, as
# `class-report --xapi` writes them (a JSON array). Needs Node.js and npm; installs the validator once into a cache.
# Usage: scripts/xapi-validate.sh [FILE]   (default: target/xapi/fixture-statements.json, written by `mvn verify`)
#        scripts/xapi-validate.sh --install  (only installs the validator, e.g. before tests that use it)
# Exit: 0 every statement is valid, 1 some are not (each problem is printed), 2 bad usage.
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-target/xapi/fixture-statements.json}
CACHE=${XAPI_VALIDATION_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rapport-xapi-validation}
if [ ! -f "$CACHE/node_modules/xapi-validation/package.json" ]; then
  mkdir -p "$CACHE"
  (cd "$CACHE" && npm install --silent --no-audit --no-fund xapi-validation@2.1.4 >/dev/null)
fi
[ "$FILE" = "--install" ] && { echo "xapi-validate: xapi-validation 2.1.4 is in $CACHE"; exit 0; }
[ -f "$FILE" ] || { echo "xapi-validate: no such file: $FILE (run mvn verify first, or give a file)" >&2; exit 2; }
NODE_PATH="$CACHE/node_modules" node - "$FILE" <<'JS'
const fs = require('fs');
const validate = require('xapi-validation').default;
const file = process.argv[2];
const statements = JSON.parse(fs.readFileSync(file, 'utf8'));
if (!Array.isArray(statements)) { console.error(file + ': not a JSON array of statements'); process.exit(2); }
let bad = 0;
statements.forEach((s, i) => {
  const warnings = validate(s);
  if (warnings.length) {
    bad++;
    warnings.forEach(w => console.log(`statement ${i + 1} (${s.id}): ${w.path ? w.path.join('.') + ': ' : ''}${w.constructor.name} ${JSON.stringify(w.data === undefined ? '' : w.data).slice(0, 120)}`));
  }
});
console.log(`${statements.length} statements checked with Learning Locker's xapi-validation: ${statements.length - bad} valid, ${bad} with problems.`);
process.exit(bad ? 1 : 0);
JS
