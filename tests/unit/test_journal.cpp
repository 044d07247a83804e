#include "relief/core/error.hpp"
#include "relief/store/journal.hpp"
#include "testutil.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace relief;

namespace {

Record checkin(const std::string& uuid, std::int64_t utc, int pain) {
    Record r;
    r.uuid = uuid;
    r.at = Instant{utc, -300};
    r.recorded_at = r.at;
    r.pain = pain;
    r.areas = {"lower-back", "neck"};
    r.note = "a note, with \"quotes\"";
    return r;
}

Record session(const std::string& uuid, std::int64_t utc) {
    Record r;
    r.type = RecordType::session;
    r.uuid = uuid;
    r.at = Instant{utc, 60};
    r.recorded_at = r.at;
    r.minutes = 60;
    r.kind = "swedish";
    r.pain_before = 6;
    return r;
}

const std::string k_a = "aaaaaaaa-0000-4000-8000-000000000001";
const std::string k_b = "bbbbbbbb-0000-4000-8000-000000000002";
const std::string k_c = "cccccccc-0000-4000-8000-000000000003";

void add(Journal& j, const Record& r) {
    j.change(StepAction::log, "log", 0, [&](JournalWriter& w) { w.insert(r); });
}

} // namespace

TEST_CASE("reading a missing journal creates nothing") {
    test::TempDir dir;
    const std::string path = dir.file("sub/journal.db");
    Journal journal = Journal::open(path, Journal::Mode::read);
    CHECK_FALSE(journal.exists());
    CHECK(journal.records(k_all_time_from, k_all_time_to).empty());
    CHECK(journal.count(RecordType::checkin) == 0);
    struct stat st {};
    CHECK(::stat(dir.file("sub").c_str(), &st) != 0);
}

TEST_CASE("a new journal is private and at the latest schema") {
    test::TempDir dir;
    const std::string path = dir.file("a/b/journal.db");
    const mode_t old = ::umask(0);
    { Journal journal = Journal::open(path, Journal::Mode::write); }
    ::umask(old);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat(dir.file("a/b").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat(dir.file("a").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    SQLite::Database db(path);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Journal::schema_version());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("records round-trip through the journal, in time order") {
    test::TempDir dir;
    Journal journal = Journal::open(dir.file("j.db"), Journal::Mode::write);
    const Record s = session(k_b, 1000);
    const Record c1 = checkin(k_c, 500, 4);
    const Record c2 = checkin(k_a, 2000, 3);
    add(journal, s);
    add(journal, c1);
    add(journal, c2);
    const auto all = journal.records(k_all_time_from, k_all_time_to);
    REQUIRE(all.size() == 3);
    CHECK(all[0] == c1);
    CHECK(all[1] == s);
    CHECK(all[2] == c2);
    CHECK(journal.records(600, 2000) == std::vector<Record>{s});
    CHECK(journal.find_by_id_prefix("bbbb") == std::vector<Record>{s});
    CHECK(journal.find_by_id_prefix("d").empty());
    CHECK(journal.count(RecordType::checkin) == 2);
    // [from, to): the start is in, the end is out; one type only.
    CHECK(journal.count(RecordType::checkin, 500, 2000) == 1);
    CHECK(journal.count(RecordType::checkin, 500, 2001) == 2);
    CHECK(journal.count(RecordType::checkin, 501, 2001) == 1);
    CHECK(journal.count(RecordType::session, 0, 2001) == 1);
    CHECK(journal.count(RecordType::session, 2000, 1000) == 0);
}

TEST_CASE("a uuid is unique across check-ins and sessions") {
    test::TempDir dir;
    Journal journal = Journal::open(dir.file("j.db"), Journal::Mode::write);
    add(journal, checkin(k_a, 10, 1));
    CHECK_THROWS_WITH_AS(
        add(journal, session(k_a, 20)),
        ("a record with id " + k_a.substr(0, 8) + " is already in the journal").c_str(),
        InputError);
    CHECK(journal.records(k_all_time_from, k_all_time_to).size() == 1);
}

TEST_CASE("a failing change writes nothing") {
    test::TempDir dir;
    Journal journal = Journal::open(dir.file("j.db"), Journal::Mode::write);
    CHECK_THROWS_AS(journal.change(StepAction::import, "import", 0,
                                   [&](JournalWriter& w) {
                                       w.insert(checkin(k_a, 10, 1));
                                       throw InputError("bad row");
                                   }),
                    InputError);
    CHECK(journal.records(k_all_time_from, k_all_time_to).empty());
    CHECK_FALSE(journal.last_step());
}

TEST_CASE("undo reverts log, edit and delete, newest first") {
    test::TempDir dir;
    Journal journal = Journal::open(dir.file("j.db"), Journal::Mode::write);
    const Record original = checkin(k_a, 10, 4);
    add(journal, original);
    add(journal, session(k_b, 20));
    Record edited = original;
    edited.pain = 7;
    journal.change(StepAction::edit, "edit", 0, [&](JournalWriter& w) { w.replace(edited); });
    journal.change(StepAction::remove, "delete", 0,
                   [&](JournalWriter& w) { w.remove(session(k_b, 20)); });
    CHECK(journal.records(k_all_time_from, k_all_time_to) == std::vector<Record>{edited});

    CHECK(journal.undo()->action == StepAction::remove);
    CHECK(journal.records(k_all_time_from, k_all_time_to).size() == 2);
    CHECK(journal.undo()->action == StepAction::edit);
    CHECK(journal.records(k_all_time_from, k_all_time_to)[0] == original);
    CHECK(journal.undo()->action == StepAction::log);
    CHECK(journal.records(k_all_time_from, k_all_time_to) == std::vector<Record>{original});
    CHECK(journal.undo()->action == StepAction::log);
    CHECK(journal.records(k_all_time_from, k_all_time_to).empty());
    CHECK_FALSE(journal.undo());

    // Redo brings each back, oldest undone first, as it was.
    CHECK(journal.next_redo()->action == StepAction::log);
    CHECK(journal.redo()->action == StepAction::log);
    CHECK(journal.redo()->action == StepAction::log);
    CHECK(journal.redo()->action == StepAction::edit);
    CHECK(journal.records(k_all_time_from, k_all_time_to)[0] == edited);
    CHECK(journal.redo()->action == StepAction::remove);
    CHECK(journal.records(k_all_time_from, k_all_time_to) == std::vector<Record>{edited});
    CHECK_FALSE(journal.redo());
    CHECK(journal.check().empty());
}

TEST_CASE("a change after an undo supersedes it; a change that changes nothing is no step") {
    test::TempDir dir;
    Journal journal = Journal::open(dir.file("j.db"), Journal::Mode::write);
    add(journal, checkin(k_a, 10, 4));
    add(journal, checkin(k_b, 20, 5));
    CHECK(journal.undo());
    add(journal, session("cccccccc-0000-4000-8000-000000000003", 30));
    CHECK_FALSE(journal.next_redo());
    CHECK_FALSE(journal.redo());
    const auto steps_before = journal.last_step()->id;
    journal.change(StepAction::import, "import", 0,
                   [&](JournalWriter& w) { w.insert_if_new(checkin(k_a, 10, 4)); });
    CHECK(journal.last_step()->id == steps_before);
    // undo takes only the step it was shown.
    CHECK_FALSE(journal.undo(steps_before - 1));
    CHECK(journal.undo(steps_before));
}

TEST_CASE("a journal from a newer relief is refused and left untouched") {
    test::TempDir dir;
    const std::string path = dir.file("j.db");
    { Journal journal = Journal::open(path, Journal::Mode::write); }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string message = "the journal " + path +
                                " was written by a newer relief (schema 99; this relief knows up "
                                "to 5); upgrade relief to use it";
    CHECK_THROWS_WITH_AS(Journal::open(path, Journal::Mode::write), message.c_str(), UnusableError);
    CHECK_THROWS_WITH_AS(Journal::open(path, Journal::Mode::read), message.c_str(), UnusableError);
    SQLite::Database db(path);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 99);
}

TEST_CASE("other SQLite files and random bytes are refused with exit 3") {
    test::TempDir dir;
    SUBCASE("someone else's database") {
        const std::string path = dir.file("other.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE t (x)");
        }
        CHECK_THROWS_AS(Journal::open(path, Journal::Mode::write), UnusableError);
    }
    SUBCASE("not a database") {
        const std::string path = dir.file("junk.db");
        test::write_file(path, std::string(4096, 'x'));
        CHECK_THROWS_AS(Journal::open(path, Journal::Mode::read), UnusableError);
    }
}

TEST_CASE("migrations: CHECK constraints mirror validation") {
    test::TempDir dir;
    const std::string path = dir.file("j.db");
    { Journal journal = Journal::open(path, Journal::Mode::write); }
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO step (id, action, summary, made_utc) VALUES (1, 'log', 'x', 0)");
    const std::string head = "INSERT INTO checkin (uuid, at_utc, at_offset, recorded_utc, "
                             "recorded_offset, pain, mood, sleep_hours, step) VALUES (";
    const std::string uuid = "'" + k_a + "', ";
    CHECK_NOTHROW(db.exec(head + uuid + "0, 0, 0, 0, 5, NULL, NULL, 1)"));
    db.exec("DELETE FROM checkin");
    for (const char* bad : {"0, 0, 0, 0, 11, NULL, NULL, 1)",    // pain > 10
                            "0, 0, 0, 0, 4.5, NULL, NULL, 1)",   // pain not whole
                            "0, 0, 0, 0, NULL, -1, NULL, 1)",    // mood < 0
                            "0, 0, 0, 0, NULL, NULL, 25, 1)",    // sleep > 24
                            "0, 0, 0, 0, NULL, NULL, NULL, 1)",  // no value at all
                            "0, 900, 0, 0, 3, NULL, NULL, 1)",   // offset beyond 14:00
                            "0, 0, 0, 0, 3, NULL, NULL, 42)"}) { // no such step
        CAPTURE(bad);
        CHECK_THROWS_AS(db.exec("PRAGMA foreign_keys = ON; " + head + uuid + bad),
                        SQLite::Exception);
    }
    CHECK_THROWS_AS(db.exec("INSERT INTO checkin (uuid, at_utc, at_offset, recorded_utc, "
                            "recorded_offset, pain, step) VALUES ('ABC', 0, 0, 0, 0, 1, 1)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("INSERT INTO session (uuid, at_utc, at_offset, recorded_utc, "
                            "recorded_offset, minutes, step) VALUES ('" +
                            k_b + "', 0, 0, 0, 0, 0, 1)"),
                    SQLite::Exception);
}
