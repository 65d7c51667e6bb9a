#!/usr/bin/env bash
# Compare `analyze all` outputs of two builds on the same data, seed and rounds: every table and
# figure must be byte-identical; the .txt summaries may differ only in their "Time:" line and
# provenance.json only in timings, dates and keys one build adds (printed, not failed).
# Usage: environment/compare-outputs.sh OLD.jar NEW.jar [DATA_DIR] [ROUNDS] [SEED]
# Exit: 0 identical, 1 a table, figure or summary differs, 2 usage or a run failed.
set -uo pipefail
old=${1:?OLD.jar}; new=${2:?NEW.jar}; data=${3:-${MCA_DATA:-}}; rounds=${4:-3}; seed=${5:-7}
[ -n "$data" ] || { echo "give DATA_DIR or set MCA_DATA" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for side in old new; do
  jar=${!side}
  echo "compare: $side = $jar: analyze all --rounds $rounds --seed $seed --data $data" >&2
  java -jar "$jar" analyze all --rounds "$rounds" --seed "$seed" --data "$data" --out "$work/$side" >"$work/$side.log" 2>&1 \
    || { cat "$work/$side.log" >&2; exit 2; }
done
status=0
while read -r f; do
  case "$f" in
    .mcalign-*|provenance.json) continue ;;
    *.txt) cmp -s <(grep -v '^Time:\|^Date:' "$work/old/$f") <(grep -v '^Time:\|^Date:' "$work/new/$f") || { echo "differs: $f"; status=1; } ;;
    *) cmp -s "$work/old/$f" "$work/new/$f" || { echo "differs: $f"; status=1; } ;;
  esac
done < <(cd "$work/old" && find . -type f | sed 's|^\./||' | sort)
diff <(cd "$work/old" && find . -type f | sort) <(cd "$work/new" && find . -type f | sort) || status=1
n=$(cd "$work/old" && find . -type f ! -name '.mcalign-*' ! -name provenance.json | wc -l)
echo "compare: provenance.json differences (informational):" >&2
diff <(grep -v 'created_utc\|seconds\|" : [0-9.]*,\?$' "$work/old/provenance.json") \
     <(grep -v 'created_utc\|seconds\|" : [0-9.]*,\?$' "$work/new/provenance.json") >&2
[ $status -eq 0 ] && echo "compare: $n files identical (tables and figures byte for byte, summaries but for their time line)"
exit $status
