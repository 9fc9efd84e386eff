#!/bin/sh
# Lays the hub's jar out for a fast start and builds a class-data-sharing (CDS) archive for it: the JVM then maps
# the ~13,000 classes a start loads instead of reading and verifying them from nested jars (BENCHMARKS.md,
# "Start-up": 13 s -> 6.7 s to ready on a restart). Run it with the JVM that will run the hub, from the directory
# that holds routes/ and mappings/; the archive is refused (and the hub starts without it) by any other JVM build.
#
#   docker/class-data-archive.sh target/liaison-hub.jar /opt/liaison-hub/app
#   java -XX:SharedArchiveFile=/opt/liaison-hub/app/liaison-hub.jsa -jar /opt/liaison-hub/app/liaison-hub.jar
set -eu

jar=$1
app=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

java -Djarmode=tools -jar "$jar" extract --destination "$app"

# A training run on a data directory of its own records the classes a start loads; Spring Boot ends it once the
# application context is refreshed, before any port is opened, without stopping the embedded PostgreSQL.
java -XX:DumpLoadedClassList="$work/classes" -Dspring.context.exit=onRefresh -jar "$app/liaison-hub.jar" \
    --hub.data-dir="$work/data" --hub.mllp.port=0 --server.port=0 > "$work/training.log" 2>&1 \
    || { cat "$work/training.log" >&2; exit 1; }
if [ -f "$work/data/postgres/postmaster.pid" ]; then
    kill "$(head -n 1 "$work/data/postgres/postmaster.pid")"
    while [ -f "$work/data/postgres/postmaster.pid" ]; do sleep 0.1; done
fi

# OpenJDK 17.0.15 crashes dumping the lambda proxies of this class list (SystemDictionaryShared::
# adjust_lambda_proxy_class_dictionary): leave them out, they are generated at run time as without an archive.
grep -v '^@lambda-proxy' "$work/classes" > "$work/classes-without-lambdas"
java -Xshare:dump -XX:SharedClassListFile="$work/classes-without-lambdas" \
    -XX:SharedArchiveFile="$app/liaison-hub.jsa" -jar "$app/liaison-hub.jar" > "$work/dump.log" 2>&1 \
    || { cat "$work/dump.log" >&2; exit 1; }
echo "$app/liaison-hub.jsa"
