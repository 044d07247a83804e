# shellcheck shell=bash
# The benchmarks' floor, sourced by run.sh and by the smoke test
# (tests/cli/test_bench.sh), which checks that it computes what relief does.

# plain DB CSV: the floor's journal, the same rows in one plain table, with
# the index a window read needs.
plain() {
    sqlite3 "$1" <<SQL
CREATE TABLE record (uuid TEXT, type TEXT, at TEXT, recorded_at TEXT, pain INT, mood INT,
  sleep_hours REAL, sleep_quality INT, minutes INT, kind TEXT, therapist TEXT, pain_before INT,
  areas TEXT, tags TEXT, note TEXT);
.import --csv --skip 1 $2 record
-- .import stores an empty field as '' (which avg() counts as 0), not NULL
UPDATE record SET pain = NULLIF(pain, ''), mood = NULLIF(mood, ''),
  sleep_hours = NULLIF(sleep_hours, ''), sleep_quality = NULLIF(sleep_quality, ''),
  minutes = NULLIF(minutes, ''), pain_before = NULLIF(pain_before, '');
ALTER TABLE record ADD COLUMN at_utc INT;
UPDATE record SET at_utc = CAST(strftime('%s', at) AS INT);
CREATE INDEX record_at ON record (at_utc);
SQL
}
# aggregate WEEKS: the query of the weekly mean of daily mean pain and the
# sessions per week over the WEEKS weeks ending on day number END (days
# starting at 04:00 UTC, relief's default).
aggregate() {
    local weeks=$1 day_start=$((4 * 3600))
    local first=$((END - 7 * weeks + 1))
    echo "WITH d AS (SELECT (at_utc - $day_start) / 86400 AS day, avg(pain) AS pain, sum(type = 'session') AS s
      FROM record WHERE at_utc >= $((first * 86400 + day_start)) AND at_utc < $(((END + 1) * 86400 + day_start)) GROUP BY day)
    SELECT (day - $first) / 7 AS week, avg(pain), sum(s) FROM d GROUP BY week;"
}
