"""Run Presskit with ``python -m presskit``."""

from presskit.cli import main

raise SystemExit(main())
