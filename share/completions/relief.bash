# bash completion for relief                                  -*- shell-script -*-
_relief() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="log list edit delete undo redo export import demo report trial remind status config backup check help"
    local days="today yesterday mon tue wed thu fri sat sun"
    local kinds="swedish deep-tissue myofascial trigger-point sports self"
    local keys="day_starts_at report.weeks report.relief_threshold massage.default_kind massage.default_minutes massage.every_days color"

    # The command is the first word that is not an option (or an option's value).
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db|--config) ((i++)) ;;
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    # Values already in the journal (relief __complete FIELD), read from the
    # journal the command line names with --db, if any.
    _relief_journal_values() {
        local db=() j
        for ((j = 1; j < cword; j++)); do
            case ${words[j]} in
                --db) db=(--db "${words[j+1]}") ;;
                --db=*) db=("${words[j]}") ;;
            esac
        done
        "${words[0]}" "${db[@]}" __complete "$1" 2>/dev/null
    }

    case $prev in
        --db|--config|-o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        -k|--kind) COMPREPLY=($(compgen -W "$kinds $(_relief_journal_values kind)" -- "$cur")); return ;;
        -a|--area) COMPREPLY=($(compgen -W "$(_relief_journal_values area)" -- "$cur")); return ;;
        -t|--tag) COMPREPLY=($(compgen -W "$(_relief_journal_values tag)" -- "$cur")); return ;;
        --type) COMPREPLY=($(compgen -W "checkin session" -- "$cur")); return ;;
        --format)
            case $cmd in
                list) COMPREPLY=($(compgen -W "text json csv" -- "$cur")) ;;
                export|import) COMPREPLY=($(compgen -W "csv json" -- "$cur")) ;;
                report) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")) ;;
                status) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
                trial)
                    local w
                    for w in "${words[@]}"; do
                        case $w in
                            plan) COMPREPLY=($(compgen -W "text json ics" -- "$cur")); return ;;
                            report) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")); return ;;
                        esac
                    done
                    COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
            esac
            return ;;
        --at) COMPREPLY=($(compgen -W "now $days" -- "$cur")); return ;;
        --since|--until|--end|--start) COMPREPLY=($(compgen -W "$days" -- "$cur")); return ;;
        -p|--pain|--mood|--sleep-quality|--pain-before)
            COMPREPLY=($(compgen -W "0 1 2 3 4 5 6 7 8 9 10" -- "$cur")); return ;;
    esac

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --db --config --help --version" -- "$cur"))
        return
    fi

    local log_flags="--pain --mood --sleep --sleep-quality --area --tag --note --at --massage --kind --therapist --pain-before --again --quiet --help"
    local flags
    case $cmd in
        log|edit) flags=$log_flags ;;
        list) flags="--since --until --limit --format --help" ;;
        undo) flags="--dry-run --yes --quiet --help" ;;
        redo) flags="--dry-run --quiet --help" ;;
        delete|backup|check) flags="--quiet --help" ;;
        export) flags="--format --since --until --help" ;;
        import) flags="--quiet --format --map --type --dry-run --help" ;;
        help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
        demo) flags="--weeks --seed --trial --help" ;;
        trial)
            if [[ $prev == trial ]]; then
                COMPREPLY=($(compgen -W "start plan stop report --format --trial --help" -- "$cur"))
                return
            fi
            flags="--start --pairs --seed --format --trial --exclude-backfilled --help" ;;
        report) flags="--weeks --end --seed --relief-threshold --exclude-backfilled --format --output --force --details --ascii --verbose --help" ;;
        remind) flags="--quiet --massage --help" ;;
        status) flags="--short --format --help" ;;
        config)
            if [[ $prev == config ]]; then
                COMPREPLY=($(compgen -W "get set path" -- "$cur"))
            elif [[ $prev == get || $prev == set ]]; then
                COMPREPLY=($(compgen -W "$keys" -- "$cur"))
            fi
            return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    elif [[ $cmd == import || $cmd == backup ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -F _relief relief
