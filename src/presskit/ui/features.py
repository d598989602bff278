"""The editor's features beyond editing one release: each installs its own menu actions.

The main window builds the menus and the panes; a feature (import, sending, review, history,
translation, newsroom, press kit, team library) is one module of ``ui`` with a function
``install(window) -> None`` that adds its actions (at the window's named anchors, see
``MainWindow.anchors``) and its docks or dialogs, and one line in :data:`FEATURES`. So the main
window stays thin however many features the editor grows.
"""

from __future__ import annotations

import importlib
from typing import Any

FEATURES: tuple[str, ...] = (
    "presskit.ui.import_flow:install",
    "presskit.ui.newsroom_publish:install",
    "presskit.ui.send_ui:install",
    "presskit.ui.review_ui:install",
    "presskit.ui.approval_ui:install",
    "presskit.ui.kit_feature:install",
    "presskit.ui.translation_ui:install",
    "presskit.ui.contact_sync_ui:install",
    "presskit.ui.shared_folder_ui:install",
    "presskit.ui.templates_ui:install",
    "presskit.ui.print_flow:install",
    "presskit.ui.find_replace:install",
    "presskit.ui.help_ui:install",
)
"""``"module:function"`` of each feature's installer, in menu order."""


def install_features(window: Any) -> None:
    """Run every feature's installer on ``window`` (a MainWindow)."""
    for entry in FEATURES:
        module, _, function = entry.partition(":")
        getattr(importlib.import_module(module), function)(window)
