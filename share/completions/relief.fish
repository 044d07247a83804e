# fish completion for relief. The commands, flags, formats and keys come
# from relief itself (relief __complete, src/cli/cmd_complete.cpp), so the
# relief being completed offers exactly what it takes; the kinds, areas and
# tags come from the journal the line names (--db). Files only where a
# value is a file.

# relief __complete ARGS…, with the --db of the line typed so far.
function __relief_ask
    set -l words (commandline -opc)
    set -l db
    for i in (seq 2 (count $words))
        if test "$words[$i]" = --db; and test $i -lt (count $words)
            set db --db $words[(math $i + 1)]
        else if string match -q -- '--db=?*' $words[$i]
            set db --db (string replace -- '--db=' '' $words[$i])
        end
    end
    $words[1] $db __complete $argv 2>/dev/null
end

# The command and its subcommand typed so far ("trial" "plan"), one a line.
function __relief_path
    set -l words (commandline -opc)
    set -l cmd
    set -l subs
    set -l skip 0
    for w in $words[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $w
            case --db --config
                set skip 1
            case '-*'
            case '*'
                if test -z "$cmd"
                    set cmd $w
                    set subs (__relief_ask commands $cmd | string replace -r '\t.*' '')
                else if contains -- $w $subs
                    printf '%s\n' $cmd $w
                    return
                end
        end
    end
    test -n "$cmd"; and printf '%s\n' $cmd
end

# What NAME (an option, or ARG for the positional) of the command at PATH…
# takes: flag, value or file.
function __relief_kind_of
    set -l name $argv[1]
    for line in (__relief_ask flags $argv[2..-1])
        set -l fields (string split \t -- $line)
        if test "$fields[1]" = "$name"
            echo $fields[2]
            return
        end
    end
end

# What NAME at PATH… is given: files, or the values relief lists.
function __relief_value
    switch (__relief_kind_of $argv)
        case file
            __fish_complete_path (commandline -ct)
        case value
            __relief_ask values $argv[2..-1] $argv[1]
    end
end

function __relief_candidates
    set -l path (__relief_path)
    set -l before (commandline -opc)
    set -l prev $before[-1]
    set -l cur (commandline -ct)
    if string match -q -- '-*' $prev
        switch (__relief_kind_of $prev $path)
            case file value
                __relief_value $prev $path
                return
        end
    end
    if string match -q -- '-*' $cur
        __relief_ask flags $path | string match -v -r '^ARG\t' | string replace -r '^([^\t]*)\t[^\t]*\t' '$1\t'
        return
    end
    if test (count $path) -eq 0; or test "$path[1]" = help
        __relief_ask commands
        return
    end
    if test (count $path) -eq 1
        set -l subs (__relief_ask commands $path[1])
        if test (count $subs) -gt 0
            printf '%s\n' $subs
            return
        end
    end
    __relief_value ARG $path
end

complete -c relief -f -a '(__relief_candidates)'
