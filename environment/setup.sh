#!/usr/bin/env bash
# Set-up from a fresh clone: the programs the project needs (Jupyter, and Chromium for
# the browser checks), the build, and the Java kernel spec. Idempotent: a second run only
# rebuilds. Users with conda or pip instead of Debian: see environment/environment.yml
# and set MCA_SKIP_APT=1.
set -euo pipefail
cd "$(dirname "$0")/.."
source environment/lib.sh

ensure_system_packages
build_jar
install_kernel
echo "setup: done (kernel 'java' installed; jar at target/mcalign.jar)" >&2
