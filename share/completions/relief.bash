# bash completion for relief                                  -*- shell-script -*-
# The commands, flags, formats and keys come from relief itself (relief
# __complete, src/cli/cmd_complete.cpp), so the relief being completed
# offers exactly what it takes; the kinds, areas and tags come from the
# journal the line names. Nothing here is ever evaluated.
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

    # The journal the line names (--db PATH or --db=PATH, typed in full
    # before the word being completed), for its names.
    local db=() j
    for ((j = 1; j < cword; j++)); do
        REPLY=""
        case ${words[j]} in
            --db)
                [[ ${words[j+1]} == = ]] && ((j++))
                ((j + 1 < cword)) && _relief_dequote "${words[j+1]}" ;;
            --db=*) _relief_dequote "${words[j]#--db=}" ;;
        esac
        [[ -n $REPLY ]] && db=(--db "${REPLY/#\~\//$HOME/}")
    done

    # _relief_ask WHAT...: the lines of relief __complete WHAT..., in answers.
    local relief=${words[0]} answers=()
    _relief_ask() {
        answers=()
        local line
        while IFS= read -r line; do
            answers+=("$line")
        done < <("$relief" "${db[@]}" __complete "$@" 2>/dev/null)
    }
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
    # _relief_offer_names: the first field of each answer ("log<TAB>record…").
    _relief_offer_names() {
        local names=() line
        for line in "${answers[@]}"; do
            [[ ${line%%$'\t'*} == ARG ]] || names+=("${line%%$'\t'*}")
        done
        _relief_offer "${names[@]}"
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
    # _relief_kind_of NAME: what NAME (an option, or ARG for the positional)
    # of the command in path takes: flag, value or file, in REPLY.
    _relief_kind_of() {
        local line rest
        REPLY=""
        _relief_ask flags "${path[@]}"
        for line in "${answers[@]}"; do
            if [[ ${line%%$'\t'*} == "$1" ]]; then
                rest=${line#*$'\t'}
                REPLY=${rest%%$'\t'*}
                return
            fi
        done
    }
    # _relief_value NAME: what the option NAME (or ARG) is given.
    _relief_value() {
        _relief_kind_of "$1"
        case $REPLY in
            file) _relief_files ;;
            value)
                _relief_ask values "${path[@]}" "$1"
                _relief_offer "${answers[@]}" ;;
        esac
    }

    # The command, and its subcommand (trial plan, config set): the first
    # word that is not an option or a global's value, then the first after
    # it that names one of its subcommands.
    local cmd="" sub="" subs=() i line
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --db|--config)
                ((i++))
                [[ ${words[i]} == = ]] && ((i++)) ;;
            -*|=) ;;
            *)
                if [[ -z $cmd ]]; then
                    cmd=${words[i]}
                    _relief_ask commands "$cmd"
                    for line in "${answers[@]}"; do subs+=("${line%%$'\t'*}"); done
                elif [[ -z $sub && " ${subs[*]} " == *" ${words[i]} "* ]]; then
                    sub=${words[i]}
                fi ;;
        esac
    done
    local path=()
    [[ -n $cmd ]] && path=("$cmd")
    [[ -n $sub ]] && path+=("$sub")
    COMPREPLY=()

    if [[ $prev == -* ]]; then
        _relief_kind_of "$prev"
        if [[ $REPLY == value || $REPLY == file ]]; then
            _relief_value "$prev"
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        _relief_ask flags "${path[@]}"
        _relief_offer_names
    elif [[ -z $cmd || $cmd == help ]]; then
        _relief_ask commands
        _relief_offer_names
    elif [[ -z $sub && ${#subs[@]} -gt 0 ]]; then
        _relief_offer "${subs[@]}"
    else
        _relief_value ARG
    fi
}
complete -F _relief relief
