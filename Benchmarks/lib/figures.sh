# shellcheck shell=bash
# Sourced by the benchmark scripts: the figures they read off processes and runs.
# cpu_ticks_of calls the script's fail().

# utime + stime, fields 14 and 15 of /proc/PID/stat, in clock ticks. They cover
# every thread of the process. The command name (field 2) may contain spaces,
# so split after its closing parenthesis, where field 3 starts.
cpu_ticks_of() {
    local stat fields
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || fail "cannot read /proc/$1/stat; did the process exit?"
    read -r -a fields <<<"${stat##*) }"
    echo $((fields[11] + fields[12]))
}

# The median of a list of numbers ("n/a" stays "n/a").
median() {
    [[ $1 == n/a ]] && { echo n/a; return; }
    tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ values[NR] = $1 } END {
        if (NR % 2) print values[(NR + 1) / 2]; else print (values[NR / 2] + values[NR / 2 + 1]) / 2 }'
}
