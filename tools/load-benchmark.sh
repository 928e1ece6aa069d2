#!/usr/bin/env bash
# A classroom at full load (see docs/benchmarks.md): 120 learners, 600 submissions in 60 s.
#   tools/load-benchmark.sh [options]               against the packaged app through the HTTP grading API
#                                                   (dev.optimlab.load.LoadBenchmark: --learners --submissions
#                                                   --seconds --hostile --heap --warmup --port --work --app-arg)
#   tools/load-benchmark.sh --in-process [options]  straight into the run queue and the grader in a -Xmx1g JVM
#                                                   (dev.optimlab.load.QueueLoadBenchmark: --learners
#                                                   --submissions --seconds --hostile --warmup --memory-mb
#                                                   --slice-ms --baseline --no-slices)
# Add `--hostile 30` for the scenario with busy loops and memory bombs. The jar is built when missing
# (REBUILD=1 forces it).
set -euo pipefail
cd "$(dirname "$0")/.."
java_home="${JAVA_HOME:-}"
if [[ -z "$java_home" || ! -x "$java_home/bin/java" ]] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_home=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ "${1:-}" == "--in-process" ]]; then
    shift
    ./mvnw -B -ntp -q -Pbench -DskipTests test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
    exec "$java_home/bin/java" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
        dev.optimlab.load.QueueLoadBenchmark "$@"
fi
if [[ ! -f target/optimlab.jar || "${REBUILD:-0}" == 1 ]]; then
    ./mvnw -B -ntp -q -DskipTests package
fi
exec "$java_home/bin/java" src/bench/java/dev/optimlab/load/LoadBenchmark.java --jar target/optimlab.jar --content content "$@"
