# bash completion for relief                                  -*- shell-script -*-
_relief() {
    # shellcheck disable=SC2034 # split is _init_completion -s's to set
    local cur prev words cword split
    if declare -F _init_completion >/dev/null; then
        # -s: "--db=PATH" becomes prev --db and cur PATH.
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        # Plain bash breaks "--db=PATH" into "--db" "=" "PATH" (COMP_WORDBREAKS):
        # the value after "=" belongs to the option before it.
        if [[ $cur == = ]]; then
            cur=""
        elif [[ $prev == = && $cword -ge 2 ]]; then
            prev=${words[cword-2]}
        fi
    fi

    local commands=(log list edit delete undo redo export import demo report trial remind status config backup check help)
    local days=(today yesterday mon tue wed thu fri sat sun)
    local kinds=(swedish deep-tissue myofascial trigger-point sports self)
    local keys=(day_starts_at report.weeks report.relief_threshold massage.default_kind massage.default_minutes massage.every_days color)

    # The command is the first word that is not an option (or an option's value).
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db|--config)
                ((i++))
                [[ ${words[i]} == = ]] && ((i++)) ;;
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    # _relief_offer WORD...: the words that start with what is typed, as
    # candidates only. compgen -W would expand each word (a kind stored as
    # $(cmd) would run at the first Tab), so the words are compared as plain
    # text and inserted quoted (printf %q), to be typed literally.
    _relief_offer() {
        local w q seen=" "
        for w in "$@"; do
            q=$(printf '%q' "$w")
            if [[ ($w == "$cur"* || $q == "$cur"*) && $seen != *" $q "* ]]; then
                COMPREPLY+=("$q")
                seen+="$q "
            fi
        done
    }
    # _relief_dequote WORD: the word as the shell will pass it (quotes and
    # backslashes taken away, never evaluated), in REPLY.
    _relief_dequote() {
        local w=$1 out="" quote="" c i
        for ((i = 0; i < ${#w}; i++)); do
            c=${w:i:1}
            if [[ -n $quote && $c == "$quote" ]]; then
                quote=""
            elif [[ $quote == "'" ]]; then
                out+=$c
            elif [[ -z $quote && ($c == "'" || $c == '"') ]]; then
                quote=$c
            elif [[ $c == \\ ]]; then
                ((i++))
                out+=${w:i:1}
            else
                out+=$c
            fi
        done
        REPLY=$out
    }
    # _relief_files: file names, one candidate each (spaces included); bash
    # quotes them and marks folders with a trailing / (-o filenames). What is
    # typed is dequoted first: "my\ jo" looks for "my jo...".
    _relief_files() {
        if declare -F _filedir >/dev/null; then
            _filedir # bash-completion's, which does the same
            return
        fi
        local f
        _relief_dequote "$cur"
        compopt -o filenames 2>/dev/null
        while IFS= read -r f; do
            COMPREPLY+=("$f")
        done < <(compgen -f -- "$REPLY")
    }

    # Values already in the journal (relief __complete FIELD), read from the
    # journal the command line names with --db, if any: one a line, read into
    # an array, never through word splitting or expansion.
    _relief_journal_values() {
        local db=() j
        for ((j = 1; j < cword; j++)); do
            case ${words[j]} in
                --db)
                    [[ ${words[j+1]} == = ]] && ((j++))
                    _relief_dequote "${words[j+1]}"
                    db=(--db "${REPLY/#\~\//$HOME/}") ;;
                --db=*)
                    _relief_dequote "${words[j]#--db=}"
                    db=(--db "${REPLY/#\~\//$HOME/}") ;;
            esac
        done
        local value
        while IFS= read -r value; do
            journal_values+=("$value")
        done < <("${words[0]}" "${db[@]}" __complete "$1" 2>/dev/null)
    }
    local journal_values=()
    COMPREPLY=()

    case $prev in
        --db|--config|-o|--output) _relief_files; return ;;
        -k|--kind) _relief_journal_values kind; _relief_offer "${kinds[@]}" "${journal_values[@]}"; return ;;
        -a|--area) _relief_journal_values area; _relief_offer "${journal_values[@]}"; return ;;
        -t|--tag) _relief_journal_values tag; _relief_offer "${journal_values[@]}"; return ;;
        --type) _relief_offer checkin session; return ;;
        --format)
            case $cmd in
                list) _relief_offer text json csv ;;
                export|import) _relief_offer csv json ;;
                report) _relief_offer text json markdown html ;;
                status|remind|check|config) _relief_offer text json ;;
                trial)
                    local w
                    for w in "${words[@]}"; do
                        case $w in
                            plan) _relief_offer text json ics; return ;;
                            report) _relief_offer text json markdown html; return ;;
                        esac
                    done
                    _relief_offer text json ;;
            esac
            return ;;
        --at) _relief_offer now "${days[@]}"; return ;;
        --since|--until|--end|--start) _relief_offer "${days[@]}"; return ;;
        -p|--pain|--mood|--sleep-quality|--pain-before)
            _relief_offer 0 1 2 3 4 5 6 7 8 9 10; return ;;
    esac

    if [[ -z $cmd ]]; then
        _relief_offer "${commands[@]}" --db --config --help --version
        return
    fi

    local log_flags=(--pain --mood --sleep --sleep-quality --area --tag --note --at --massage --kind --therapist --pain-before --again --quiet --help)
    local flags=()
    case $cmd in
        log|edit) flags=("${log_flags[@]}") ;;
        list) flags=(--since --until --limit --format --help) ;;
        undo) flags=(--dry-run --yes --quiet --help) ;;
        redo) flags=(--dry-run --quiet --help) ;;
        delete|backup) flags=(--quiet --help) ;;
        check) flags=(--quiet --format --help) ;;
        export) flags=(--format --since --until --help) ;;
        import) flags=(--quiet --format --map --type --dry-run --help) ;;
        help) _relief_offer "${commands[@]}"; return ;;
        demo) flags=(--weeks --seed --trial --help) ;;
        trial)
            if [[ $prev == trial ]]; then
                _relief_offer start plan stop report --format --trial --help
                return
            fi
            flags=(--start --pairs --seed --worth --format --trial --exclude-backfilled --output --force --yes --help) ;;
        report) flags=(--weeks --end --seed --relief-threshold --exclude-backfilled --format --output --force --details --ascii --verbose --help) ;;
        remind) flags=(--quiet --massage --format --help) ;;
        status) flags=(--short --format --help) ;;
        config)
            if [[ $prev == config ]]; then
                _relief_offer get set path --format
            elif [[ $prev == get || $prev == set ]]; then
                _relief_offer "${keys[@]}"
            fi
            return ;;
    esac
    if [[ $cur == -* ]]; then
        _relief_offer "${flags[@]}"
    elif [[ $cmd == import || $cmd == backup ]]; then
        _relief_files
    fi
}
complete -F _relief relief
