#!/usr/bin/env bash
# CPU time per line of the upload hot path (read lines, parse, encode for COPY) on one thread, without HTTP
# and PostgreSQL: IngestHotPathBench on the lines of ingest-http.sh. CPU time, so a busy machine hardly moves it.
# Usage: bench/ingest-cpu.sh [LINES_PER_ROUND [ROUNDS]]      (200000 7)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
./mvnw -B -q -DskipTests test-compile
[ -s bench/out/test-classpath.txt ] && [ bench/out/test-classpath.txt -nt pom.xml ] || \
  ./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=bench/out/test-classpath.txt > /dev/null
java -Xmx1g -cp "target/test-classes:target/classes:$(cat bench/out/test-classpath.txt)" \
  tmsp.ingest.internal.IngestHotPathBench "$@"
