#!/usr/bin/env bash
# The main job: execute every notebook headless, in order, in place (outputs kept), and
# export each to HTML next to it. Uses the paper's data when it resolves (MCA_DATA,
# data/paper/, download), else the generated DEMO dataset. A failing notebook does not
# stop the others; the job fails at the end, naming them.
set -uo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
nbs=(notebooks/[0-9][0-9]-*.ipynb)
if [ ${#nbs[@]} -eq 0 ]; then echo "run-notebooks: no notebooks yet" >&2; exit 0; fi
failed=()
start=$SECONDS
for nb in "${nbs[@]}"; do
  t0=$SECONDS
  if jupyter nbconvert --to notebook --execute --inplace --log-level=WARN \
      --ExecutePreprocessor.timeout="${MCA_CELL_TIMEOUT:-1800}" \
      --ExecutePreprocessor.kernel_name=java "$nb"; then
    jupyter nbconvert --to html --log-level=WARN "$nb" >/dev/null 2>&1 || true
    echo "run-notebooks: $nb ($((SECONDS - t0)) s)" >&2
  else
    failed+=("$nb")
    echo "run-notebooks: FAILED $nb ($((SECONDS - t0)) s)" >&2
  fi
done
echo "run-notebooks: $(( ${#nbs[@]} - ${#failed[@]} )) of ${#nbs[@]} notebooks executed in $((SECONDS - start)) s; HTML beside each; figures in plots/" >&2
if [ ${#failed[@]} -gt 0 ]; then echo "run-notebooks: failed: ${failed[*]}" >&2; exit 1; fi
