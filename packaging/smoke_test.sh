#!/usr/bin/env bash
# Test a built bundle the way a user's machine runs it: headless, with a clean environment.
#
#   bash packaging/smoke_test.sh dist/presskit
#
# The bundled `presskit` runs under `env -i` with only HOME (a new temporary folder),
# PATH=/usr/bin:/bin, LANG=C.UTF-8 and QT_QPA_PLATFORM=offscreen: no virtual environment,
# no LD_LIBRARY_PATH, no PYTHONPATH. It checks that
#   - the bundle holds no Qt WebEngine and no QML/Quick, and says how big it is;
#   - `presskit export` turns the bundled example into a PDF whose text has the headline,
#     set in Presskit's own fonts;
#   - `presskit extract` gets the example's source back out of that PDF, byte for byte;
#   - `presskit FILE --screenshot` opens the editor, waits for the preview and saves a
#     1280x800 PNG;
#   - Pango, HarfBuzz, fontconfig, FreeType, GLib and Qt are loaded from inside the bundle,
#     in the editor and in its render worker (the dynamic linker's own log, LD_DEBUG=libs);
#   - the desktop file and the AppStream metadata validate, where the tools are installed
#     (desktop-file-validate, appstreamcli).
# Needs pdftotext and pdffonts (Debian: poppler-utils). Exit status 0 when all is well.
set -euo pipefail

dist=${1:?usage: smoke_test.sh DIST_DIR (e.g. dist/presskit)}
dist=$(cd "$dist" && pwd -P)
app=$dist/presskit
internal=$dist/_internal
[ -x "$app" ] || { echo "FAIL: no executable $app" >&2; exit 1; }
for tool in pdftotext pdffonts; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is needed (poppler-utils)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass() { echo "ok    $*"; }
fail() { echo "FAIL  $*" >&2; failures=$((failures + 1)); }

# Run the app in the clean environment: run_clean [VAR=VALUE...] -- ARGUMENTS...
run_clean() {
  local extra=()
  while [ "$1" != "--" ]; do extra+=("$1"); shift; done
  shift
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    "${extra[@]}" "$app" "$@"
}
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }
mkdir -p "$tmp/home" "$tmp/work" "$tmp/ld"

echo "bundle: $dist ($(du -sh "$dist" | cut -f1))"

# --- What is in the bundle ----------------------------------------------------------------
webengine=$(find "$dist" -name 'libQt6WebEngine*' -o -name 'QtWebEngineProcess*' | head -3)
[ -z "$webengine" ] && pass "no Qt WebEngine" || fail "Qt WebEngine is bundled: $webengine"
quick=$(find "$dist" -name 'libQt6Quick*' -o -name 'libQt6Qml*' | head -3)
[ -z "$quick" ] && pass "no QML/Quick" || fail "QML/Quick is bundled: $quick"
missing_data=()
for data in etc/fonts/fonts.conf presskit/resources/fonts/noto/NotoSerif-Regular.ttf \
  presskit/resources/icons/presskit-256.png spellchecker/resources/en.json.gz \
  pyphen/dictionaries/hyph_en_US.dic babel/locale-data/de.dat tzdata/zoneinfo/Europe/Berlin \
  weasyprint/css/html5_ua.css licenses/LICENSE.txt; do
  [ -e "$internal/$data" ] || missing_data+=("$data")
done
[ ${#missing_data[@]} -eq 0 ] && pass "data files: fonts, fontconfig, dictionaries, locales, time zones, licences" \
  || fail "missing in _internal/: ${missing_data[*]}"
example=$internal/presskit/resources/examples/ban-landmines
[ -f "$example/release.md" ] && pass "example release is in the bundle's resources" \
  || { fail "no example at $example"; exit 1; }
cp -R "$example/." "$tmp/work/"
cd "$tmp/work"

# --- Export, and what the PDF says --------------------------------------------------------
started=$(now_ms)
if run_clean LD_DEBUG=libs LD_DEBUG_OUTPUT="$tmp/ld/export" -- \
  export release.md --pdf release.pdf >"$tmp/export.log" 2>&1; then
  pass "export ($(seconds_since "$started") s)"
else
  fail "export failed:"; cat "$tmp/export.log" >&2
fi
headline=$(sed -n 's/^headline: *//p' release.md | head -1)
headline=${headline#[\'\"]}
headline=${headline%[\'\"]}
pdf_text=$(pdftotext -enc UTF-8 release.pdf - 2>/dev/null | tr -s '[:space:]' ' ' || true)
case "$pdf_text" in
  *"$headline"*) pass "PDF text has the headline: $headline" ;;
  *) fail "PDF text lacks the headline '$headline'" ;;
esac
fonts=$(pdffonts release.pdf 2>/dev/null | tail -n +3)
others=$(echo "$fonts" | awk '{print $1}' | grep -Ev '^[A-Z]{6}\+Presskit-' || true)
unembedded=$(echo "$fonts" | awk '{emb=$(NF-4)} emb != "yes" {print $1}')
if [ -n "$fonts" ] && [ -z "$others" ] && [ -z "$unembedded" ]; then
  pass "PDF fonts are Presskit's own, embedded ($(echo "$fonts" | wc -l) faces)"
else
  fail "PDF fonts: unexpected or not embedded: ${others:-} ${unembedded:-}"
fi

# --- Extract the source back --------------------------------------------------------------
if run_clean -- extract release.pdf -o extracted.md >"$tmp/extract.log" 2>&1 \
  && cmp -s release.md extracted.md; then
  pass "extract gives back the source byte for byte"
else
  fail "extract: the source did not come back unchanged"; cat "$tmp/extract.log" >&2
  diff release.md extracted.md | head -20 >&2 || true
fi

# --- The Word document for review, and reading it back -------------------------------------
if run_clean -- export release.md --docx release.docx >"$tmp/docx.log" 2>&1 \
  && run_clean -- review release.md release.docx --format json >"$tmp/review.json" 2>>"$tmp/docx.log" \
  && [ "$(tr -d ' \n' <"$tmp/review.json")" = "[]" ]; then
  pass "a Word document for review, read back with no changes"
else
  fail "the Word document for review:"; cat "$tmp/docx.log" "$tmp/review.json" >&2
fi

# --- The editor, with the preview ---------------------------------------------------------
started=$(now_ms)
if run_clean LD_DEBUG=libs LD_DEBUG_OUTPUT="$tmp/ld/editor" -- \
  release.md --screenshot shot.png --window-size 1280x800 >"$tmp/editor.log" 2>&1; then
  elapsed=$(seconds_since "$started")
  size=$(od -An -j16 -N8 -tu1 shot.png 2>/dev/null | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
  [ "$size" = "1280x800" ] && pass "editor screenshot is 1280x800 ($elapsed s)" \
    || fail "screenshot is ${size:-not a PNG}, not 1280x800"
else
  fail "editor --screenshot failed:"; tail -20 "$tmp/editor.log" >&2
fi

# --- Where the heavy libraries came from --------------------------------------------------
# LD_DEBUG=libs logs "calling init: PATH" for every library a process loads, one log file
# per process: the bootloader, the app, and in the editor run also the render worker.
check_loaded() {  # check_loaded LOG_PREFIX WHAT LIBRARY...
  local prefix=$1 what=$2; shift 2
  local inits outside missing=()
  inits=$(cat "$prefix".* 2>/dev/null | sed -n 's/.*calling init: //p' | sort -u)
  for lib in "$@"; do
    echo "$inits" | grep -q "/$lib" || missing+=("$lib")
  done
  outside=$(echo "$inits" | grep -E "/($(IFS='|'; echo "$*"))" | grep -v "^$internal/" || true)
  if [ ${#missing[@]} -eq 0 ] && [ -z "$outside" ]; then
    pass "$what: $* all loaded from the bundle"
  else
    [ ${#missing[@]} -eq 0 ] || fail "$what: never loaded: ${missing[*]}"
    [ -z "$outside" ] || fail "$what: loaded from outside the bundle: $outside"
  fi
}
weasy_libs=(libpango-1.0.so libpangoft2-1.0.so libharfbuzz.so libharfbuzz-subset.so
  libfontconfig.so libfreetype.so libglib-2.0.so libgobject-2.0.so)
qt_libs=(libQt6Core.so libQt6Gui.so libQt6Widgets.so libQt6Pdf.so)
check_loaded "$tmp/ld/export" "export" "${weasy_libs[@]}"
check_loaded "$tmp/ld/editor" "editor and render worker" "${weasy_libs[@]}" "${qt_libs[@]}"
workers=$(grep -l "libpangoft2" "$tmp"/ld/editor.* 2>/dev/null | wc -l)
[ "$workers" -ge 1 ] && pass "the render worker ran (Pango loaded in $workers process)" \
  || fail "no process of the editor run loaded Pango: did the render worker start?"
system_qt=$(cat "$tmp"/ld/editor.* | sed -n 's/.*calling init: //p' | grep -E '/libQt6' \
  | grep -v "^$internal/" | sort -u || true)
[ -z "$system_qt" ] || fail "Qt libraries from outside the bundle: $system_qt"

# --- Desktop integration files ------------------------------------------------------------
desktop=$dist/share/applications/io.presskit.Presskit.desktop
metainfo=$dist/share/metainfo/io.presskit.Presskit.metainfo.xml
for file in "$desktop" "$metainfo" "$dist/install.sh" "$internal/presskit/resources/icons/presskit.svg"; do
  [ -f "$file" ] || fail "missing ${file#"$dist"/}"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$desktop" && pass "desktop-file-validate" || fail "desktop-file-validate"
else
  echo "skip  desktop-file-validate is not installed (Debian: desktop-file-utils)"
fi
if command -v appstreamcli >/dev/null; then
  if appstreamcli validate --no-net "$metainfo" >"$tmp/appstream.log" 2>&1; then
    pass "appstreamcli validate: $(tail -1 "$tmp/appstream.log")"
  else
    fail "appstreamcli validate:"; cat "$tmp/appstream.log" >&2
  fi
else
  echo "skip  appstreamcli is not installed (Debian: appstream)"
fi

if [ "$failures" -gt 0 ]; then
  echo "smoke test: $failures failure(s)" >&2
  exit 1
fi
echo "smoke test: all passed"
