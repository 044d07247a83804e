#include "record_output.hpp"

#include "relief/core/record/record_format.hpp"
#include "relief/core/text/json.hpp"

#include <ostream>

namespace relief::cli {

void write_records(std::ostream& out, std::string_view format,
                   const std::function<void(const RecordSink&)>& produce,
                   const std::vector<TrialEntry>* trials) {
    if (format == "csv") {
        out << csv_header() << '\n';
        produce([&](const Record& r) { out << csv_row(r); });
        return;
    }
    // JSON: {"schema": "relief.export/1", "records": [ one object per line ]}
    out << "{\"schema\": \"relief.export/1\", \"records\": [";
    bool first = true;
    produce([&](const Record& r) {
        JsonWriter json(0);
        write_record_json(json, r);
        out << (first ? "\n" : ",\n") << json.str();
        first = false;
    });
    out << (first ? "]" : "\n]");
    if (trials != nullptr && !trials->empty()) {
        out << ", \"trials\": [";
        bool first_trial = true;
        for (const TrialEntry& t : *trials) {
            JsonWriter json(0);
            write_trial_json(json, t);
            out << (first_trial ? "\n" : ",\n") << json.str();
            first_trial = false;
        }
        out << "\n]";
    }
    out << "}\n";
}

} // namespace relief::cli
