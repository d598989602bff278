"""Qt glue without widgets: the document controller, the background render worker."""
