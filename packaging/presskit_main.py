"""The frozen app's entry point: the ``presskit`` command (editor, export, extract, ...).

PyInstaller runs this file as ``__main__``. The render worker is this same executable
started as ``presskit --render-worker`` (see presskit.app.render_service.worker_command).
"""

import multiprocessing
import sys

from presskit.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `presskit export --jobs N` uses a process pool
    sys.exit(main())
