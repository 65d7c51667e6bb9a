#!/usr/bin/env bash
# The main job: execute every notebook headless, in order, in place (outputs kept), and
# export each to HTML next to it. Uses the paper's data when it resolves, else the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
nbs=(notebooks/[0-9][0-9]-*.ipynb)
if [ ${#nbs[@]} -eq 0 ]; then echo "run-notebooks: no notebooks yet" >&2; exit 0; fi
for nb in "${nbs[@]}"; do
  echo "run-notebooks: $nb" >&2
  jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.timeout="${MCA_CELL_TIMEOUT:-1800}" \
    --ExecutePreprocessor.kernel_name=java "$nb"
  jupyter nbconvert --to html "$nb" >/dev/null 2>&1
done
echo "run-notebooks: executed ${#nbs[@]} notebooks; figures in plots/" >&2
