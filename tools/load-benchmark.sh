#!/usr/bin/env bash
# A classroom at full load against the packaged app (see docs/benchmarks.md): 120 learners, 600 submissions in
# 60 s through the HTTP grading API; add `--hostile 30` for the scenario with busy loops and memory bombs.
# Options go to dev.optimlab.load.LoadBenchmark (--learners --submissions --seconds --hostile --heap --warmup
# --port --work --app-arg). Builds target/optimlab.jar first when it is missing; REBUILD=1 forces it.
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${JAVA_HOME:-}"
if [[ -z "$java_home" || ! -x "$java_home/bin/java" ]] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_home=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ ! -f target/optimlab.jar || "${REBUILD:-0}" == 1 ]]; then
    ./mvnw -B -ntp -q -DskipTests package
fi
exec "$java_home/bin/java" src/bench/java/dev/optimlab/load/LoadBenchmark.java --jar target/optimlab.jar --content content "$@"
