#!/usr/bin/env bash
# Writes src/main/resources/org/mcalign/cli/analyze-classes.txt: the classes of the jar that
# `analyze all` loads, in the order the JVM first loads them (ClassPreload loads them on a
# background thread at start-up). Run it after changes that make analyze load other classes;
# MCA_DATA should name the paper's data so that the run is the paper's. Usage:
#   MCA_DATA=/path/to/paper-data bash environment/update-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
log=$(mktemp) out=$(mktemp -d)
trap 'rm -rf "$log" "$out"' EXIT
java -Dmcalign.preload=false -Xlog:class+load:file="$log" -jar target/mcalign.jar analyze all --out "$out" >/dev/null 2>&1
list=src/main/resources/org/mcalign/cli/analyze-classes.txt
{
  echo "# Classes of the jar that 'analyze all' loads, in load order (environment/update-classlist.sh; ClassPreload)."
  # hidden classes (lambdas) cannot be loaded by name
  grep 'source: file:' "$log" | awk '{print $2}' | grep -v -e '\$\$Lambda' -e '/0x'
} > "$list"
echo "update-classlist: $(grep -vc '^#' "$list") classes in $list"
