#!/usr/bin/env bash
# The main job: execute every notebook (notebooks/NN*-*.ipynb, in name order, e.g. 05 before
# 05b before 06) headless through the 'java' kernel, and export each to HTML.
#
# With the paper's data (MCA_DATA, data/paper/, or a download at the pinned commit) the
# notebooks are executed in place: their committed outputs are the paper's, refreshed (no
# timing metadata, so an unchanged result leaves no diff); the HTML goes to out/notebooks/.
# Without it, or with MCA_DEMO=1, they run on the generated DEMO dataset and the committed
# notebooks are left untouched: the executed copies and their HTML go to out/DEMO-notebooks/.
#
# Options:
#   --out DIR      write executed copies and HTML to DIR instead (never in place)
#   --only NN ...  run only the notebooks whose names start with these prefixes (e.g. --only 07 12)
#   --demo         use the DEMO dataset even where the paper's data exists (as MCA_DEMO=1)
#   --no-html      skip the HTML export
# Exit status: 0 every notebook executed without an error output; 1 some failed (named on
# stderr, with the cell's error); 2 bad usage or no kernel/jar.
set -uo pipefail
cd "$(dirname "$0")/.."

out="" only=() html=1
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    --only) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do only+=("$1"); shift; done ;;
    --demo) export MCA_DEMO=1; shift ;;
    --no-html) html=0; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-notebooks: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ ! -f target/mcalign.jar ]; then
  echo "run-notebooks: no target/mcalign.jar; run environment/setup.sh first" >&2; exit 2
fi
if ! jupyter kernelspec list 2>/dev/null | grep '^ *java ' >/dev/null; then  # not grep -q: with pipefail, jupyter's SIGPIPE would fail the test
  echo "run-notebooks: the 'java' kernel is not installed; run environment/setup.sh first" >&2; exit 2
fi

# Which dataset: the notebooks choose the same way (Analyses.dataset()); MCA_DEMO=1 makes the
# choice explicit for them too, so a download that succeeds later cannot mix the two.
if [ "${MCA_DEMO:-}" != 1 ]; then
  if ! java -jar target/mcalign.jar data info >/dev/null 2>&1; then
    echo "run-notebooks: the paper's data is not here; trying the download at the pinned commit" >&2
    java -jar target/mcalign.jar data fetch >/dev/null 2>&1 || true
  fi
  if java -jar target/mcalign.jar data info >/dev/null 2>&1; then dataset=paper; else dataset=demo; export MCA_DEMO=1; fi
else
  dataset=demo
fi

if [ -n "$out" ]; then
  mode=copy; htmldir="$out"
elif [ "$dataset" = paper ]; then
  mode=inplace; htmldir=out/notebooks
else
  mode=copy; out=out/DEMO-notebooks; htmldir="$out"
fi
mkdir -p "$htmldir" ${out:+"$out"}
[ -n "$out" ] && out=$(cd "$out" && pwd)
htmldir=$(cd "$htmldir" && pwd)

shopt -s nullglob
nbs=()
while IFS= read -r nb; do
  name=$(basename "$nb")
  if [ ${#only[@]} -gt 0 ]; then
    keep=0
    for p in "${only[@]}"; do case "$name" in "$p"*) keep=1 ;; esac; done
    [ $keep = 1 ] || continue
  fi
  nbs+=("$nb")
done < <(printf '%s\n' notebooks/[0-9][0-9]*-*.ipynb | LC_ALL=C sort)
if [ ${#nbs[@]} -eq 0 ]; then echo "run-notebooks: no notebooks match" >&2; exit 2; fi

echo "run-notebooks: ${#nbs[@]} notebooks on the $( [ $dataset = paper ] && echo "paper's data" || echo "DEMO dataset"), $( [ $mode = inplace ] && echo "in place" || echo "into ${out#$PWD/}/")" >&2
failed=()
start=$SECONDS
for nb in "${nbs[@]}"; do
  t0=$SECONDS
  name=$(basename "$nb" .ipynb)
  if [ $mode = inplace ]; then
    args=(--inplace "$nb"); executed="$nb"
  else
    args=(--output-dir "$out" "$nb"); executed="$out/$name.ipynb"
  fi
  # nbconvert starts the kernel in the notebook's folder, as Jupyter does
  execute() {
    jupyter nbconvert --to notebook --execute --log-level=WARN \
      --ExecutePreprocessor.timeout="${MCA_CELL_TIMEOUT:-1800}" --ExecutePreprocessor.kernel_name=java \
      --ExecutePreprocessor.record_timing=False "${args[@]}" 2> "$htmldir/$name.log"
  }
  ok=0
  if execute; then ok=1
  elif grep -q "Kernel died before replying to kernel_info" "$htmldir/$name.log"; then
    # the kernel died before any cell ran: Jupyter picks free ports, writes them into the connection
    # file and lets them go, so another process starting at the same moment can take one first
    # (jupyter_client's known race). Nothing ran, so starting it again changes no result; it is said.
    why=$(grep -m1 "^kernel: could not start" "$htmldir/$name.log" || echo "no reason given")
    echo "run-notebooks: $name: the kernel died while starting ($why); starting it again" >&2
    if execute; then ok=1; fi
  fi
  if [ $ok = 1 ]; then
    if [ $html = 1 ]; then
      jupyter nbconvert --to html --log-level=WARN --output-dir "$htmldir" "$executed" >/dev/null 2>> "$htmldir/$name.log" \
        || echo "run-notebooks: HTML export of $name failed (see $htmldir/$name.log)" >&2
    fi
    echo "run-notebooks: $name ($((SECONDS - t0)) s)" >&2
    rm -f "$htmldir/$name.log"
  else
    failed+=("$name")
    echo "run-notebooks: FAILED $name ($((SECONDS - t0)) s):" >&2
    grep -E "Error|Exception" "$htmldir/$name.log" | tail -5 | sed 's/^/    /' >&2
  fi
done
echo "run-notebooks: $(( ${#nbs[@]} - ${#failed[@]} )) of ${#nbs[@]} notebooks executed in $((SECONDS - start)) s;" \
  "$( [ $mode = inplace ] && echo "notebooks/ updated, HTML in ${htmldir#$PWD/}/" || echo "executed copies and HTML in ${out#$PWD/}/")" >&2
if [ ${#failed[@]} -gt 0 ]; then echo "run-notebooks: failed: ${failed[*]} (logs in ${htmldir#$PWD/}/)" >&2; exit 1; fi
