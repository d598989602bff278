"""The newsroom: a folder of releases published as a static web site.

    report = build_newsroom(SiteOptions(sources=[Path("releases")], site_dir=Path("site"),
                                        base_url="https://example.org/news/"))

finds every release file under the source folders, holds back what is still under embargo
(:mod:`~presskit.newsroom.gate`), renders each published release through the output registry
(the web page, the PDF, the press kit: :mod:`~presskit.newsroom.render`), and writes the
index pages, the yearly archives, the search page and its index, the Atom and RSS feeds and
the sitemap around them. A rebuild re-renders only what changed (the manifest,
:mod:`~presskit.newsroom.manifest`) and removes what an earlier build published that must no
longer be there. Every file is written atomically. Nothing here imports Qt.
"""

from presskit.newsroom.build import BuildReport, SiteOptions, build_newsroom
from presskit.newsroom.options import OptionsError

__all__ = ["BuildReport", "OptionsError", "SiteOptions", "build_newsroom"]
