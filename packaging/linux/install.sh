#!/usr/bin/env bash
# Add Presskit to the desktop's applications menu, for you (no root needed).
#
#   ./install.sh              in the unpacked presskit folder: register this folder
#   ./install.sh --uninstall  remove what install.sh added (the folder itself stays)
#
# It adds the menu entry (with this folder's path in it), the icons and the AppStream
# metadata under ${XDG_DATA_HOME:-~/.local/share}, and a `presskit` command in ~/.local/bin.
# Move the folder first if you want it elsewhere (e.g. ~/Applications/presskit), then run
# this again. PREFIX=/usr/local (as root) installs for everyone instead.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
app_id=io.presskit.Presskit
if [ -n "${PREFIX:-}" ]; then
  data=$PREFIX/share
  bin=$PREFIX/bin
else
  data=${XDG_DATA_HOME:-$HOME/.local/share}
  bin=$HOME/.local/bin
fi
sizes="16 24 32 48 64 128 256 512"

installed_files() {
  echo "$data/applications/$app_id.desktop"
  echo "$data/metainfo/$app_id.metainfo.xml"
  echo "$data/icons/hicolor/scalable/apps/$app_id.svg"
  for size in $sizes; do echo "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"; done
  echo "$bin/presskit"
}

refresh_caches() {
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  installed_files | while read -r file; do rm -f "$file"; done
  refresh_caches
  echo "Presskit is no longer in the applications menu; $here is still there to delete."
  exit 0
fi

[ -x "$here/presskit" ] || { echo "install.sh: no presskit program in $here" >&2; exit 1; }
icons=$here/_internal/presskit/resources/icons
install -d "$data/applications" "$data/metainfo" "$data/icons/hicolor/scalable/apps" "$bin"
sed "s|^Exec=presskit|Exec=\"$here/presskit\"|; s|^TryExec=presskit|TryExec=$here/presskit|" \
  "$here/share/applications/$app_id.desktop" > "$data/applications/$app_id.desktop"
install -m 644 "$here/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
install -m 644 "$icons/presskit.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for size in $sizes; do
  install -D -m 644 "$icons/presskit-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
ln -sf "$here/presskit" "$bin/presskit"
refresh_caches
echo "Presskit is in the applications menu, and the presskit command in $bin."
