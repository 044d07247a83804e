# fish completion for relief
set -l commands log list edit delete undo redo export import demo report trial remind status config backup check help

# Files only where a value is a file (-F); every other value is -x (-r, no files).
complete -c relief -f
complete -c relief -l db -r -F -d 'journal file'
complete -c relief -l config -r -F -d 'config file'
complete -c relief -l help -d 'show help'
complete -c relief -l version -d 'show the version'

complete -c relief -n "not __fish_seen_subcommand_from $commands" -a log -d 'record a check-in, a session, or both'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a list -d 'show records with their ids'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a edit -d 'change the values of a record'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a delete -d 'remove records'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a undo -d 'revert the last change'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a redo -d 'bring back the change undone last'
complete -c relief -n "__fish_seen_subcommand_from undo redo" -s n -l dry-run -d 'only say what'
complete -c relief -n "__fish_seen_subcommand_from undo" -s y -l yes -d 'also a change older than 10 minutes'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a export -d 'write records as CSV or JSON'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a import -d 'add records from CSV or JSON'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a demo -d 'fill an empty journal with synthetic weeks'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a trial -d 'a 16-week randomised trial: does massage help you?'
complete -c relief -n "__fish_seen_subcommand_from trial; and not __fish_seen_subcommand_from start plan stop report" -a "start plan stop report"
complete -c relief -n "__fish_seen_subcommand_from trial" -l start -x -d 'first day'
complete -c relief -n "__fish_seen_subcommand_from trial" -l pairs -x -d 'pairs of weeks, 6-12'
complete -c relief -n "__fish_seen_subcommand_from trial" -l worth -x -d 'points lower that make massage worth it, 0.5-3'
complete -c relief -n "__fish_seen_subcommand_from trial" -l trial -x -d 'an earlier trial'
complete -c relief -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from report" -s o -l output -r -F -d 'write to a new file'
complete -c relief -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from report" -l force -d 'replace an existing output file'
complete -c relief -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from stop" -s y -l yes -d 'stop with fewer than 6 complete pairs'
complete -c relief -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from plan" -l format -x -a "text json ics"
complete -c relief -n "__fish_seen_subcommand_from trial; and __fish_seen_subcommand_from report" -l format -x -a "text json markdown html"
complete -c relief -n "__fish_seen_subcommand_from demo" -l trial -d 'a finished 16-week trial'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a report -d 'does massage help, how long, how often'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a remind -d 'for cron: no check-in today?'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a status -d 'today at a glance'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a config -d 'show, get or set settings'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a backup -d 'copy the journal to a new file'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a check -d 'check the journal for damage'
complete -c relief -n "not __fish_seen_subcommand_from $commands" -a help -d 'what a command does'
complete -c relief -n "__fish_seen_subcommand_from help" -a "$commands"

# Values already in the journal (relief __complete FIELD), from the --db typed.
function __relief_journal_values
    set -l words (commandline -opc)
    set -l db
    for i in (seq (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db --db $words[(math $i + 1)]
        end
    end
    $words[1] $db __complete $argv[1] 2>/dev/null
end

# The usual kinds and the journal's, each once.
function __relief_kinds
    begin
        printf '%s\n' swedish deep-tissue myofascial trigger-point sports self
        __relief_journal_values kind
    end | sort -u
end

# log and edit
for flag in pain mood sleep sleep-quality note massage therapist pain-before
    complete -c relief -n "__fish_seen_subcommand_from log edit" -l $flag -x
end
complete -c relief -n "__fish_seen_subcommand_from log edit" -l at -x -a "now today yesterday mon tue wed thu fri sat sun"
complete -c relief -n "__fish_seen_subcommand_from log edit" -s a -l area -x -a "(__relief_journal_values area)" -d 'body area'
complete -c relief -n "__fish_seen_subcommand_from log edit" -s t -l tag -x -a "(__relief_journal_values tag)" -d 'tag'
complete -c relief -n "__fish_seen_subcommand_from log edit" -s k -l kind -x -a "(__relief_kinds)" -d 'kind of session'
complete -c relief -n "__fish_seen_subcommand_from log" -l again -d 'log a repeat of the last 10 minutes anyway'
complete -c relief -n "__fish_seen_subcommand_from log edit delete undo redo import backup check remind" -s q -l quiet -d 'quiet'
# formats
complete -c relief -n "__fish_seen_subcommand_from list" -l format -x -a "text json csv"
complete -c relief -n "__fish_seen_subcommand_from export import" -l format -x -a "csv json"
complete -c relief -n "__fish_seen_subcommand_from report" -l format -x -a "text json markdown html"
complete -c relief -n "__fish_seen_subcommand_from report" -s o -l output -r -F -d 'write to a file'
complete -c relief -n "__fish_seen_subcommand_from status remind check config" -l format -x -a "text json"
# the rest
complete -c relief -n "__fish_seen_subcommand_from list export" -l since -x
complete -c relief -n "__fish_seen_subcommand_from list export" -l until -x
complete -c relief -n "__fish_seen_subcommand_from list" -l limit -x
complete -c relief -n "__fish_seen_subcommand_from import" -l dry-run
complete -c relief -n "__fish_seen_subcommand_from import" -l map -x -d 'your own columns: Header=column,...'
complete -c relief -n "__fish_seen_subcommand_from import" -l type -x -a "checkin session" -d 'the type of every row'
complete -c relief -n "__fish_seen_subcommand_from import backup" -F
complete -c relief -n "__fish_seen_subcommand_from demo report" -l weeks -x
complete -c relief -n "__fish_seen_subcommand_from demo report" -l seed -x
complete -c relief -n "__fish_seen_subcommand_from report" -l end -x
complete -c relief -n "__fish_seen_subcommand_from report" -l relief-threshold -x
complete -c relief -n "__fish_seen_subcommand_from report" -l exclude-backfilled
complete -c relief -n "__fish_seen_subcommand_from report" -l force -d 'replace an existing output file'
complete -c relief -n "__fish_seen_subcommand_from report" -l details -d 'the statistics, each term explained'
complete -c relief -n "__fish_seen_subcommand_from report" -l ascii
complete -c relief -n "__fish_seen_subcommand_from report" -s v -l verbose
complete -c relief -n "__fish_seen_subcommand_from remind" -l massage
complete -c relief -n "__fish_seen_subcommand_from status" -s s -l short
complete -c relief -n "__fish_seen_subcommand_from config" -a "get set path"
