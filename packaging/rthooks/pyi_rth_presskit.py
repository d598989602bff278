"""PyInstaller runtime hook: the frozen Presskit's environment, set before any of its code.

It runs in the editor and in its render worker alike (both are the same executable):

- fontconfig reads FONTCONFIG_FILE when Qt or WeasyPrint first asks it for fonts, so
  setting it here is early enough. The bundle's configuration (_internal/etc/fonts/fonts.conf,
  from packaging/fontconfig/) never reads /etc/fonts.
- On Linux the bootloader restarts the app with LD_LIBRARY_PATH pointing into the bundle:
  that is how WeasyPrint's ``dlopen("libpango-1.0.so.0")`` finds the bundled Pango. The
  dynamic linker has read it by now, so it is put back as it was, and programs the app
  starts (xdg-open for "Open folder", a file manager) do not load the bundle's libraries.
- On Windows (untested), WeasyPrint loads its DLLs with LOAD_LIBRARY_SEARCH_DEFAULT_DIRS,
  which searches directories added with os.add_dll_directory, so the bundle's is added.
- The render worker is this executable again (``presskit --render-worker``). Left to
  itself its bootloader would take it for the restarted app, trust the LD_LIBRARY_PATH it
  inherits, now the user's, and WeasyPrint would load the system's Pango.
  PYINSTALLER_RESET_ENVIRONMENT=1 makes it start as a new instance, which sets
  LD_LIBRARY_PATH afresh (packaging/smoke_test.sh checks where the worker's libraries
  come from).

The spec leaves out PyInstaller's own PySide6 runtime hook, which imports QtCore in every
process (150 ms, also in ``presskit export`` and the render worker, which never use Qt) and
points QT_PLUGIN_PATH into the bundle for every program started from it. PySide6's QtCore
registers its own qt.conf when the editor imports it, which finds the bundled plugins.
"""

import os
import sys


def _use_bundled_fontconfig() -> None:
    fonts = os.path.join(sys._MEIPASS, "etc", "fonts")  # type: ignore[attr-defined]
    os.environ["FONTCONFIG_FILE"] = os.path.join(fonts, "fonts.conf")
    os.environ["FONTCONFIG_PATH"] = fonts


def _restore_library_path() -> None:
    if not sys.platform.startswith("linux"):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
    os.environ["PYINSTALLER_RESET_ENVIRONMENT"] = "1"


def _windows_dll_directory() -> None:
    if sys.platform == "win32":
        os.add_dll_directory(sys._MEIPASS)  # type: ignore[attr-defined]


_use_bundled_fontconfig()
_restore_library_path()
_windows_dll_directory()
