"""The editor's widgets: main window, form sections, body editor, preview, dialogs."""
