#!/bin/sh
# Builds the benchmarks module in the reactor (offline, without installing anything) and runs
# BenchmarkRunner with the given arguments, for example:
#   benchmarks/run-benchmarks.sh              every part in full, about 35 minutes on 2 cores
#   benchmarks/run-benchmarks.sh quick        a try of every part
#   benchmarks/run-benchmarks.sh throughput   the throughput comparison of every setup
#   benchmarks/run-benchmarks.sh profile      flight recordings of the floors and the starter's clients
# The report goes to benchmarks/target/benchmark-results.md; a full latency run also draws
# benchmarks/latency-around-expiry.svg.
set -e
cd "$(dirname "$0")/.."
./mvnw -o -B -q -Pbenchmarks -pl benchmarks -am -DskipTests package dependency:build-classpath \
	-Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xms512m -Xmx512m -XX:+UseG1GC -Dbenchmarks.chart=benchmarks/latency-around-expiry.svg \
	-cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
	com.patternhealth.boot.benchmarks.BenchmarkRunner benchmarks/target/benchmark-results.md "$@"
