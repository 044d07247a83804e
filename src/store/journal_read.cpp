// Reading a journal: records by time, id or type, counts, trials, the latest.
#include "journal_impl.hpp"
#include "relief/core/config/paths.hpp"
#include "relief/core/error.hpp"
#include "relief/core/files/files.hpp"
#include "relief/core/text/text.hpp"
#include "rows.hpp"
#include "schema.hpp"
#include "sqlite_errors.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using relief::store::k_busy_timeout_ms;

namespace relief {
void Journal::scan(std::int64_t from_utc, std::int64_t to_utc,
                   const std::function<void(const Record&)>& visit) const {
    scan_stored(from_utc, to_utc, [&](const Record& r, std::int64_t) { visit(r); });
}

void Journal::scan_stored(std::int64_t from_utc, std::int64_t to_utc,
                          const std::function<void(const Record&, std::int64_t)>& visit,
                          std::optional<RecordType> only) const {
    if (!exists() || from_utc >= to_utc) {
        return;
    }
    const auto select = [](RecordType type) {
        const bool checkin = type == RecordType::checkin;
        return fmt::format("SELECT {}, id FROM {} WHERE at_utc >= ?1 AND at_utc < ?2",
                           checkin ? store::k_checkin_columns : store::k_session_columns,
                           checkin ? "checkin" : "session");
    };
    const std::string sql = only ? select(*only) + " ORDER BY at_utc, uuid"
                                 : select(RecordType::checkin) + " UNION ALL " +
                                       select(RecordType::session) + " ORDER BY at_utc, type, uuid";
    const int id_column = store::column_count(RecordType::checkin); // the same for both
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(*m_impl->db, sql);
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        while (query.executeStep()) {
            visit(store::read_record(query), query.getColumn(id_column).getInt64());
        }
    });
}

void Journal::scan_values(std::int64_t from_utc, std::int64_t to_utc, RecordType type,
                          const std::function<void(const Record&, std::int64_t)>& visit) const {
    if (!exists() || from_utc >= to_utc) {
        return;
    }
    // The narrow read (store::Width::values): the times and the type's own
    // values, without the uuid, the names and the note.
    const std::string sql = fmt::format("SELECT {}, id FROM {} WHERE at_utc >= ?1 AND at_utc < ?2",
                                        store::select_list(type, store::Width::values),
                                        type == RecordType::checkin ? "checkin" : "session");
    const int id_column = store::column_count(type, store::Width::values);
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(*m_impl->db, sql);
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        while (query.executeStep()) {
            visit(store::read_values(query, type), query.getColumn(id_column).getInt64());
        }
    });
}

std::vector<Record> Journal::records(std::int64_t from_utc, std::int64_t to_utc) const {
    std::vector<Record> out;
    scan(from_utc, to_utc, [&](const Record& r) { out.push_back(r); });
    return out;
}

std::vector<Record> Journal::find_by_id_prefix(std::string_view prefix) const {
    std::vector<Record> out;
    if (!exists() || prefix.empty()) {
        return out;
    }
    // [prefix, prefix with its last character bumped) is an index range.
    std::string upper(prefix);
    upper.back() = static_cast<char>(upper.back() + 1);
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(
            *m_impl->db,
            fmt::format("SELECT {} FROM checkin WHERE uuid >= ?1 AND uuid < ?2 UNION ALL "
                        "SELECT {} FROM session WHERE uuid >= ?1 AND uuid < ?2 ORDER BY uuid",
                        store::k_checkin_columns, store::k_session_columns));
        query.bind(1, std::string(prefix));
        query.bind(2, upper);
        while (query.executeStep()) {
            out.push_back(store::read_record(query));
        }
    });
    return out;
}

std::int64_t Journal::count(RecordType type) const {
    if (!exists()) {
        return 0;
    }
    return store::guarded(m_impl->path, [&] {
        return m_impl->db
            ->execAndGet(type == RecordType::checkin ? "SELECT count(*) FROM checkin"
                                                     : "SELECT count(*) FROM session")
            .getInt64();
    });
}

std::set<std::string> Journal::names(NameField field) const {
    std::set<std::string> names;
    if (!exists()) {
        return names;
    }
    // Lists are stored joined by ';' (rows.cpp): the distinct joined lists
    // are few, and split here.
    const char* sql = field == NameField::kind        ? "SELECT DISTINCT kind FROM session"
                      : field == NameField::therapist ? "SELECT DISTINCT therapist FROM session"
                      : field == NameField::area
                          ? "SELECT DISTINCT areas FROM checkin UNION SELECT DISTINCT areas FROM "
                            "session"
                          : "SELECT DISTINCT tags FROM checkin UNION SELECT DISTINCT tags FROM "
                            "session";
    store::guarded(m_impl->path, [&] {
        SQLite::Statement query(*m_impl->db, sql);
        while (query.executeStep()) {
            if (query.getColumn(0).isNull()) {
                continue;
            }
            for (const std::string& name : split(query.getColumn(0).getString(), ';')) {
                if (!name.empty()) {
                    names.insert(name);
                }
            }
        }
    });
    return names;
}

std::int64_t Journal::count(RecordType type, std::int64_t from_utc, std::int64_t to_utc) const {
    if (!exists() || from_utc >= to_utc) {
        return 0;
    }
    return store::guarded(m_impl->path, [&] {
        SQLite::Statement query(
            *m_impl->db, type == RecordType::checkin
                             ? "SELECT count(*) FROM checkin WHERE at_utc >= ?1 AND at_utc < ?2"
                             : "SELECT count(*) FROM session WHERE at_utc >= ?1 AND at_utc < ?2");
        query.bind(1, from_utc);
        query.bind(2, to_utc);
        query.executeStep();
        return query.getColumn(0).getInt64();
    });
}

std::vector<TrialEntry> Journal::trials() const {
    std::vector<TrialEntry> out;
    if (!exists()) {
        return out;
    }
    store::guarded(m_impl->path, [&] {
        // Trials started before the decision rule (schema 3) had the
        // default, 1 point (migration 4).
        SQLite::Statement query(*m_impl->db,
                                "SELECT s.trial, s.day, s.pairs, s.seed, s.seed_chosen, "
                                "s.made_utc, (SELECT min(e.day) FROM trial_event e WHERE "
                                "e.trial = s.trial AND e.kind = 'stop' AND e.undone = 0), "
                                "coalesce(s.worthwhile, 1.0) "
                                "FROM trial_event s WHERE s.kind = 'start' AND s.undone = 0 "
                                "ORDER BY s.made_utc, s.id");
        while (query.executeStep()) {
            TrialEntry t;
            t.id = query.getColumn(0).getString();
            t.start = query.getColumn(1).getInt();
            t.pairs = query.getColumn(2).getInt();
            t.seed = std::stoull(query.getColumn(3).getString().substr(2), nullptr, 16);
            t.seed_chosen = query.getColumn(4).getInt() == 1;
            t.started_utc = query.getColumn(5).getInt64();
            if (!query.getColumn(6).isNull()) {
                t.stopped_on = query.getColumn(6).getInt();
            }
            t.worthwhile = query.getColumn(7).getDouble();
            out.push_back(std::move(t));
        }
    });
    return out;
}

std::optional<std::int64_t> Journal::earliest_at_utc() const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<std::int64_t> {
        // Each min() is one step down its time index.
        SQLite::Statement query(*m_impl->db, "SELECT min((SELECT min(at_utc) FROM checkin), "
                                             "(SELECT min(at_utc) FROM session)), "
                                             "(SELECT min(at_utc) FROM checkin), "
                                             "(SELECT min(at_utc) FROM session)");
        query.executeStep();
        for (int i = 0; i < 3; ++i) {
            if (!query.getColumn(i).isNull()) {
                return query.getColumn(i).getInt64();
            }
        }
        return std::nullopt;
    });
}

std::optional<Record> Journal::latest(RecordType type) const {
    if (!exists()) {
        return std::nullopt;
    }
    return store::guarded(m_impl->path, [&]() -> std::optional<Record> {
        const bool checkin = type == RecordType::checkin;
        SQLite::Statement query(
            *m_impl->db, fmt::format("SELECT {} FROM {} ORDER BY at_utc DESC, id DESC LIMIT 1",
                                     checkin ? store::k_checkin_columns : store::k_session_columns,
                                     checkin ? "checkin" : "session"));
        if (!query.executeStep()) {
            return std::nullopt;
        }
        return store::read_record(query);
    });
}

} // namespace relief
