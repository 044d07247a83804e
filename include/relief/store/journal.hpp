#pragma once
// The journal: the one interface between relief and its SQLite file.
// Every write runs in one transaction and is recorded as one undo step.
#include "relief/core/record/record.hpp"
#include "relief/core/record/trial_entry.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace relief {

inline constexpr std::int64_t k_all_time_from = INT64_MIN / 2;
inline constexpr std::int64_t k_all_time_to = INT64_MAX / 2;

// What a step did; shown by `relief undo` and kept in the journal.
enum class StepAction { log, edit, remove, import, demo, trial };
std::string_view step_action_name(StepAction action) noexcept;

struct Step {
    std::int64_t id = 0;
    StepAction action = StepAction::log;
    std::string summary;
    std::int64_t made_utc = 0;
};

// What insert_if_new did with a record.
struct Insertion {
    enum class Outcome {
        added,   // the uuid was new: the record is in
        present, // the uuid was in the journal before this step: skipped
        repeated // this same step added the uuid already (twice in one file)
    };
    Outcome outcome = Outcome::added;
    // For `repeated`: the earlier record's place among the records of its
    // type that this step added (0 = the first), so a caller can name it.
    std::size_t earlier = 0;
    bool earlier_checkin = false; // ... and its type
};

// The writes of one transaction (see Journal::change).
class JournalWriter {
  public:
    virtual ~JournalWriter() = default;
    // Fails with InputError when the uuid is already in the journal.
    virtual void insert(const Record& record) = 0;
    // Adds the record when its uuid is new; says what it did.
    virtual Insertion insert_if_new(const Record& record) = 0;
    // Replaces the record with the same uuid; the old version is kept for undo.
    virtual void replace(const Record& updated) = 0;
    // Removes the record; it is kept for undo.
    virtual void remove(const Record& record) = 0;
    // Adds a trial (its start), or the stop of a running one.
    virtual void add_trial(const TrialEntry& trial) = 0;
    virtual void stop_trial(const std::string& id, DayNumber day, std::int64_t made_utc) = 0;
    // Adds a trial from an import when its id is new; true when it was added.
    virtual bool add_trial_if_new(const TrialEntry& trial) = 0;
    // Replaces the summary the step was started with (known only at the end).
    virtual void set_summary(const std::string& summary) = 0;
};

class Journal {
  public:
    enum class Mode {
        read, // a missing file reads as an empty journal; nothing is created
        write // creates the file (0600) and its folders (0700); migrates the schema
    };

    static Journal open(const std::string& path, Mode mode);
    // An empty journal in memory: what a --dry-run checks against when the
    // journal file does not exist yet.
    static Journal open_scratch();
    // An in-memory copy of the journal at `path` (read, never written: a
    // read-only file will do), brought to the current schema: what a dry
    // run changes, and then forgets. A missing journal gives open_scratch().
    static Journal open_copy_in_memory(const std::string& path);
    Journal(Journal&&) noexcept;
    Journal& operator=(Journal&&) noexcept;
    ~Journal();

    const std::string& path() const noexcept;
    bool exists() const noexcept;  // false: read mode on a missing file
    bool created() const noexcept; // this open made the file (write mode)

    // Records whose `at` lies in [from_utc, to_utc), in order of time, then
    // type (check-in first), then uuid. Reads only that range.
    void scan(std::int64_t from_utc, std::int64_t to_utc,
              const std::function<void(const Record&)>& visit) const;
    // The same, with each record's storage order (larger = stored later),
    // optionally of one type only (then only that table is read).
    void scan_stored(std::int64_t from_utc, std::int64_t to_utc,
                     const std::function<void(const Record&, std::int64_t stored)>& visit,
                     std::optional<RecordType> only = std::nullopt) const;
    // What the analysis needs of the records of one type in [from, to), in no
    // particular order: times and numbers, without uuid, areas, tags or note
    // (the report's read of a dense journal is then mostly index work).
    void scan_values(std::int64_t from_utc, std::int64_t to_utc, RecordType type,
                     const std::function<void(const Record&, std::int64_t stored)>& visit) const;
    std::vector<Record> records(std::int64_t from_utc, std::int64_t to_utc) const;
    // Records whose uuid starts with `prefix` (lower-case hex).
    std::vector<Record> find_by_id_prefix(std::string_view prefix) const;
    std::int64_t count(RecordType type) const;
    // Those of the type whose `at` lies in [from_utc, to_utc): index work only.
    std::int64_t count(RecordType type, std::int64_t from_utc, std::int64_t to_utc) const;
    // Every trial, oldest first (none in a journal older than trials).
    std::vector<TrialEntry> trials() const;
    // Every name used in the journal for one field (kinds, areas, tags or
    // therapists), sorted; what completions offer and typos are held to.
    enum class NameField { kind, area, tag, therapist };
    std::set<std::string> names(NameField field) const;
    // The earliest `at` (UTC) of any record of any type; nullopt when empty.
    std::optional<std::int64_t> earliest_at_utc() const;
    // The record of that type with the latest `at`, if any.
    std::optional<Record> latest(RecordType type) const;

    // Problems found by SQLite's integrity and foreign-key checks, the schema
    // version and a scan for values no valid record can have; empty = healthy.
    // Damage that stops the checks half-way is the last problem listed.
    std::vector<std::string> check() const;

    // A consistent copy of the journal at `target` (created 0600; must not
    // exist yet), made with SQLite's online backup while others may write.
    void backup_to(const std::string& target) const;
    // The newest step that undo would revert (not undone already).
    std::optional<Step> last_step() const;
    // The undone step that redo would bring back: the one undone last, as
    // long as no change was made after it.
    std::optional<Step> next_redo() const;

    // Runs `body` in one transaction, recorded as one step that undo reverts.
    // Nothing is written when body throws, nor with dry_run (rolled back).
    void change(StepAction action, const std::string& summary, std::int64_t made_utc,
                const std::function<void(JournalWriter&)>& body, bool dry_run = false);

    // Reverts the newest step in one transaction and keeps what it wrote for
    // redo; nullopt when there is none, or when `expected` is given and the
    // newest step is another one (a change came in between).
    std::optional<Step> undo(std::optional<std::int64_t> expected = std::nullopt);
    // Brings back the step undone last; nullopt when there is none.
    std::optional<Step> redo();

    // The schema version this build reads and writes (PRAGMA user_version).
    static int schema_version() noexcept;

  private:
    struct Impl;
    explicit Journal(std::unique_ptr<Impl> impl);
    void check_into(std::vector<std::string>& problems) const;
    void trim_wal();
    std::unique_ptr<Impl> m_impl;
};

} // namespace relief
