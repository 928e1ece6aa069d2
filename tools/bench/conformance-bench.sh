#!/usr/bin/env bash
# The conformance corpus on pylite + the torch core against python3 + PyTorch 1.13, side by side in one go
# (see docs/benchmarks.md): both warm in one process each, net of process start and `import torch`, timing one
# program in Java, then the same in Python, and so on, so that both see the same load.
#   tools/bench/conformance-bench.sh [warm-up runs] [measured runs] [corpus rounds] [program...]
# (defaults: 20 15 0, all programs; corpus rounds run the whole corpus that many times on both sides first)
# Prints the load average before and after, and a markdown table of median wall times, mean process CPU times and
# their ratios (pylite / PyTorch), sorted by the CPU ratio. JAVA_OPTS adds JVM options (e.g. a JFR recording);
# SKIP_BUILD=1 reuses the classes already compiled; JAVA_CLASSES replaces target/classes (e.g. an earlier build
# put in front of it, to time before and after).
set -euo pipefail
cd "$(dirname "$0")/../.."
warmup="${1:-20}"
measured="${2:-15}"
rounds="${3:-0}"
shift $(( $# > 3 ? 3 : $# ))
corpus=src/test/resources/conformance
java_home=/usr/lib/jvm/temurin-25-jdk-amd64
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f target/bench-classpath.txt ]]; then
    ./mvnw -B -ntp -q -Pbench -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
programs=("$@")
if (( ${#programs[@]} == 0 )); then
    for file in "$corpus"/*.py; do
        name="$(basename "$file" .py)"
        [[ -f "$corpus/$name.err" ]] || programs+=("$name")
    done
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkfifo "$out/java.in" "$out/java.out" "$out/python.in" "$out/python.out"
# shellcheck disable=SC2086
"$java_home/bin/java" ${JAVA_OPTS:-} -cp "${JAVA_CLASSES:-target/classes}:target/test-classes:$(cat target/bench-classpath.txt)" \
    dev.optimlab.bench.ConformanceBench "$corpus" "$warmup" "$measured" "$rounds" - <"$out/java.in" >"$out/java.out" &
/usr/bin/python3 -W ignore tools/bench/conformance_bench.py "$corpus" "$warmup" "$measured" "$rounds" - \
    <"$out/python.in" >"$out/python.out" &
exec 3>"$out/java.in" 4<"$out/java.out" 5>"$out/python.in" 6<"$out/python.out"
# The times a side gives for a program, skipping what else it prints (JFR's start message, for one).
answer() {
    local answered wall cpu
    while IFS=$'\t' read -r answered wall cpu <&"$2"; do
        if [[ "$answered" == "$1" ]]; then
            echo "$wall $cpu"
            return
        fi
    done
    echo "no figures for $1: the side reading fd $2 has stopped" >&2
    exit 1
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${programs[@]}"; do
    echo "$name" >&3
    read -r java_wall java_cpu < <(answer "$name" 4)
    echo "$name" >&5
    read -r python_wall python_cpu < <(answer "$name" 6)
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$java_wall" "$python_wall" "$java_cpu" "$python_cpu" | tee -a "$out/times.tsv"
done
exec 3>&- 5>&-
wait
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| program | pylite wall (ms) | PyTorch 1.13 wall (ms) | ratio | pylite CPU (ms) | PyTorch 1.13 CPU (ms) | CPU ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|"
awk -F'\t' '{ printf "%s\t%s\t%s\t%.2f\t%s\t%s\t%.2f\n", $1, $2, $3, $2 / $3, $4, $5, $4 / $5 }' "$out/times.tsv" \
    | sort -t $'\t' -k7,7g | tee "$out/ratios.tsv" \
    | awk -F'\t' '{ printf "| %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |\n", $1, $2, $3, $4, $5, $6, $7 }'
median() { sort -g | awk '{ r[NR] = $1 } END { printf "%.2f", NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }'; }
echo
echo "median ratio over $(wc -l <"$out/ratios.tsv") programs: wall $(cut -f4 "$out/ratios.tsv" | median), CPU $(cut -f7 "$out/ratios.tsv" | median)"
