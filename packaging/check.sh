#!/usr/bin/env bash
# Build the desktop bundle and smoke-test it: the one command for CI and for a fresh clone.
#
#   bash packaging/check.sh
#
# Same as `bash packaging/build.sh && bash packaging/smoke_test.sh dist/presskit`
# (PRESSKIT_DIST and PRESSKIT_BUILD move dist/ and build/, as for build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh
bash packaging/smoke_test.sh "${PRESSKIT_DIST:-dist}/presskit"
