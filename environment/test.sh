#!/usr/bin/env bash
# Command 2: all tests. Unit tests (surefire), then the jar, then the integration tests
# that drive Jupyter, nbconvert, Chromium and the command line (failsafe). Under CI a
# missing outside program fails those tests rather than skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."
source environment/lib.sh
ensure_system_packages
mvn -B verify "$@"
