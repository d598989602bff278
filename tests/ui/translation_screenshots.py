"""A screenshot of the Translation panel for docs/translation.md, headless: the example, its
German version made with ``presskit translate``, the English headline changed since, and the
German version open with its outdated headline marked.

    PYTHONPATH=. .venv/bin/python tests/ui/translation_screenshots.py
"""

from __future__ import annotations

from tests.ui.screenshot_session import screenshot_session


def main() -> None:
    with screenshot_session() as session:
        from presskit.storage import load_release, save_release
        from presskit.translation.linking import default_output, make_translation

        path = session.release
        english = load_release(path).release
        german_path = default_output(path, "de-DE")
        german = make_translation(english, path, german_path, "de-DE")
        german.headline = "USA: Landminen überall verbieten, auch in Korea"
        german.subheadline = (
            "20. Jahrestag von Präsident Clintons Aufruf zur „endgültigen Beseitigung“"
        )
        save_release(german, german_path)
        english.headline = "US: Ban Landmine Use Everywhere, Korea Included, Now"
        save_release(english, path)

        window = session.window(german_path)
        window.translation.show()
        session.wait_for_preview(window)
        session.save(window, "translation-panel-1280x900.png")


if __name__ == "__main__":
    main()
