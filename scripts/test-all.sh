#!/usr/bin/env bash
# `npm test`: every test tier — unit + medium on PGlite, medium again on PostgreSQL when TEST_DATABASE_URL is set,
# then the e2e stories in Chromium — and one closing line `N passed, M failed` summed over all runs.
set -u
cd "$(dirname "$0")/.."
mkdir -p .test-results
export COUNT_FILE="$PWD/.test-results/counts.jsonl"
: > "$COUNT_FILE"
status=0
extra_failed=0

npm run --silent i18n || { echo "i18n: messages are incomplete"; extra_failed=$((extra_failed + 1)); status=1; }

TEST_TIER=unit+medium TEST_DATABASE_URL= npx vitest run || status=1
if [ -n "${TEST_DATABASE_URL:-}" ]; then
	echo "== medium tests on PostgreSQL (${TEST_DATABASE_URL%%@*}@…) =="
	TEST_TIER=medium npx vitest run || status=1
fi
if [ "${SKIP_E2E:-0}" != "1" ]; then
	TEST_TIER=e2e npx vitest run || status=1
fi

node -e '
const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean).map(JSON.parse);
const sum = lines.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 });
sum.failed += Number(process.argv[2]);
if (lines.length === 0) sum.failed += 1;
fs.writeFileSync(process.argv[1].replace(/counts.jsonl$/, "total.json"), JSON.stringify(sum));
console.log(`\n${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ""}`);
' "$COUNT_FILE" "$extra_failed"
exit $status
