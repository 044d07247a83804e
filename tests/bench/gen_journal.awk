# Generates a relief CSV journal: awk -v days=3650 -v per_day=2 -v end=DAYNUM [-v every=7] -f gen_journal.awk
# per_day is the mean number of check-ins a day (1 or 2 at random when 1.5,
# or exactly that many when it is a whole number); a 60-minute session at
# 17:00 every `every` days (default 7). Deterministic (srand(1)). Times are UTC (+00:00).
function iso(epoch,   cmd, out) {
    return strftime("%Y-%m-%dT%H:%M:%S+00:00", epoch, 1)
}
function uuid(n) {
    return sprintf("%08x-0000-4000-8000-%012x", n % 4294967296, n)
}
BEGIN {
    srand(1)
    if (every == "") every = 7
    print "uuid,type,at,recorded_at,pain,mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,note"
    n = 0
    first = end - days + 1
    for (d = first; d <= end; d++) {
        base = d * 86400
        if ((d - first) % every == 3) {
            t = base + 17 * 3600
            printf "%s,session,%s,%s,,,,,60,deep-tissue,Ana,%d,lower-back,,\n", uuid(++n), iso(t), iso(t), 5 + int(rand() * 3)
        }
        k = per_day == int(per_day) ? per_day : 1 + (rand() < per_day - 1)
        for (i = 0; i < k; i++) {
            t = base + 6 * 3600 + int((i + rand()) * (16 * 3600 / k))
            pain = 3 + int(rand() * 5)
            printf "%s,checkin,%s,%s,%d,%d,%.1f,%d,,,,,,,\n", uuid(++n), iso(t), iso(t), pain, 4 + int(rand() * 5), 6 + int(rand() * 4) / 2, 3 + int(rand() * 6)
        }
    }
}
