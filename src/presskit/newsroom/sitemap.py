"""``sitemap.xml`` (sitemaps.org 0.9) with every page, and each release's language versions as
``xhtml:link`` alternates, as search engines read them. Written only with a base URL: a
sitemap lists absolute addresses.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from presskit.newsroom.items import Item
from presskit.newsroom.templates import Site


def sitemap(site: Site, pages: list[str], items: list[Item]) -> bytes:
    """The sitemap of ``pages`` (the site's own) and the items' release pages."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    lines += [f"<url><loc>{escape(site.base_url + page)}</loc></url>" for page in pages]
    for item in items:
        lines.append(f"<url><loc>{escape(site.base_url + item['page'])}</loc>")
        lines.append(f"<lastmod>{item['day']}</lastmod>")
        if item["versions"]:
            versions = [{"lang": item["lang"], "page": item["page"]}, *item["versions"]]
            lines += [
                f'<xhtml:link rel="alternate" hreflang={quoteattr(v["lang"])} '
                f"href={quoteattr(site.base_url + v['page'])}/>"
                for v in versions
            ]
        lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")
