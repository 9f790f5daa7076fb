#!/usr/bin/env bash
# Development only, until the first release lands: regenerates drizzle/ as one initial migration from the schema.
# (Once a migration has landed on main it is never edited: use `npm run db:generate -- --name <change>` instead.)
set -eu
cd "$(dirname "$0")/.."
exec 9>/tmp/vocea-migrations.lock
flock 9
rm -rf drizzle
npx drizzle-kit generate --name init >/dev/null
echo "drizzle/ regenerated: $(ls drizzle/*.sql)"
