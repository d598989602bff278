"""PyInstaller hook for WeasyPrint, replacing pyinstaller-hooks-contrib's.

The contributed hook copies the build machine's /etc/fonts into the bundle and finds the
native libraries by ``ctypes.util.find_library``. Presskit's spec adds the libraries itself
(they are found by soname and fail the build when missing) and ships its own fontconfig
configuration (packaging/fontconfig/fonts.conf), so this hook only collects WeasyPrint's
data files (the user-agent stylesheets).
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("weasyprint")
