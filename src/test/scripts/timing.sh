# Sourced by the benchmark scripts: timed LABEL COMMAND... runs COMMAND with its output in $work/out.txt
# and prints its wall time and peak RSS (GNU time); on failure it prints the output and exits.
timed() {
    local label=$1; shift
    /usr/bin/time -f "$label: %e s wall, peak RSS %M KB" "$@" > "$work/out.txt" 2> "$work/time.txt" \
        || { cat "$work/out.txt" "$work/time.txt"; exit 1; }
    tail -1 "$work/time.txt"
}
