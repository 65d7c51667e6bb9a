#!/usr/bin/env bash
# Command 2: all tests. Unit tests (surefire), then the jar, then the integration tests
# that drive Jupyter, nbconvert, Chromium and the command line (failsafe). Among them,
# NotebooksIT executes every notebook through the 'java' kernel with the main job
# (environment/run-notebooks.sh): all on the DEMO dataset, and 07-12 on the paper's data
# when it resolves (MCA_DATA), into target/it-notebooks/; it fails on any error output, a
# figure without a caption naming its interval, a raw Java value in an output, or a number
# in the prose that the outputs do not show, and screenshots each notebook's HTML at
# 1280 px into test-artifacts/notebooks/. Under CI a missing outside program or missing
# paper data fails those tests rather than skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."
source environment/lib.sh
ensure_system_packages
start=$SECONDS
mvn -B verify "$@"
echo "test: done in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s" >&2
