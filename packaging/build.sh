#!/usr/bin/env bash
# Build the desktop app: a one-folder bundle in dist/presskit/ (start it as dist/presskit/presskit).
#
#   bash packaging/build.sh                 build
#   bash packaging/smoke_test.sh dist/presskit   then test what was built
#   bash packaging/check.sh                 both
#
# From a fresh clone this first sets up .venv the way scripts/dev does (Debian packages,
# pinned Python packages), then installs the pinned build tools
# (packaging/requirements-build.txt) into .venv. Linux only; see packaging/README.md.
# PRESSKIT_DIST and PRESSKIT_BUILD change where the bundle and the work files go
# (default: dist/ and build/ in the checkout, both ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${PRESSKIT_DIST:-dist}
work=${PRESSKIT_BUILD:-build}

# The app's own environment: Debian packages and .venv, exactly as for development.
scripts/dev presskit --version >/dev/null

# The build tools, pinned; -c keeps the app's pins (constraints.txt) as they are.
want=$(sed -n 's/^pyinstaller==//p' packaging/requirements-build.txt)
have=$(.venv/bin/python -c 'import PyInstaller; print(PyInstaller.__version__)' 2>/dev/null || true)
if [ "$have" != "$want" ]; then
  echo "Installing the build tools (packaging/requirements-build.txt) into .venv ..." >&2
  .venv/bin/python -m pip install --quiet -c constraints.txt -r packaging/requirements-build.txt
fi

# The committed icon PNGs must match their SVGs.
.venv/bin/python packaging/make_icons.py --check

started=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" packaging/presskit.spec
# Desktop integration beside the program: dist/presskit/install.sh adds it to the menu.
install -D -m 755 packaging/linux/install.sh "$dist/presskit/install.sh"
install -D -m 644 packaging/linux/io.presskit.Presskit.desktop \
  "$dist/presskit/share/applications/io.presskit.Presskit.desktop"
install -D -m 644 packaging/linux/io.presskit.Presskit.metainfo.xml \
  "$dist/presskit/share/metainfo/io.presskit.Presskit.metainfo.xml"
echo "built $dist/presskit in $(( $(date +%s) - started )) s ($(du -sh "$dist/presskit" | cut -f1))"
