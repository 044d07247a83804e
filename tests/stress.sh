#!/usr/bin/env bash
# The reliability checks at the counts issues #8 and #15 name (CI runs them smaller):
# 8 writers x 250 logs beside a report loop, and 50 kill -9 rounds each of an
# import of 100,000 rows, a log and an edit. Usage: tests/stress.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[ -x "$build/src/relief" ] || ./dev build
export RELIEF="$PWD/$build/src/relief"
WRITERS=8 LOGS_EACH=250 bash tests/cli/test_concurrency.sh
KILLS=50 IMPORT_ROWS=100000 bash tests/cli/test_crash.sh
# Issue #15: 100 paired concurrent edits with no lost update, 100 kill -9
# during backup with no file at the target unless it is complete, report -o
# over the journal refused.
EDIT_PAIRS=100 BACKUP_KILLS=100 bash tests/cli/test_safety.sh
# Issue #29: undo and redo against a linear model of history, 50 random sequences.
SEQUENCES=50 STEPS=20 bash tests/cli/test_undo.sh
# Issue #29: report -o raced by a file created meanwhile (85 rounds), 5 concurrent
# config set of different keys (80 rounds: 400 sets), 55 kill -9 each of report -o,
# backup and config set (165), then no temporary file left.
RACE_ROUNDS=85 TEMP_KILLS=55 bash tests/cli/test_races.sh
