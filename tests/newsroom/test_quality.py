"""The site's pages pass the W3C Nu HTML Checker, and its search works without a server."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from presskit.model.library_search import fold
from tests.newsroom.browser import load
from tests.newsroom.conftest import site_files
from tests.render.test_web_and_email import VNU

# The Nu checker's CSP evaluation refuses every data: image even under "img-src data:", which
# browsers allow (test_release_pages_load_their_images_under_their_policy shows Chromium does).
NU_FALSE_POSITIVE = re.compile(
    r"Resource violates Content Security Policy \(meta tag\): image “data:image/[^”]*” "
    r"blocked by “img-src” directive\."
)
BODY_WORD = "hydrogeologist"  # in the body of the Lakeshore release only
NODE_SEARCH = """
const fs = require("fs"), vm = require("vm");
const context = {URLSearchParams};
vm.createContext(context);
for (const file of process.argv.slice(1, 3)) {
  vm.runInContext(fs.readFileSync(file, "utf8"), context);
}
const search = context.PresskitSearch;
const out = {};
for (const query of JSON.parse(process.argv[3])) {
  out[query] = search.search(context.presskitSearchIndex, query).map(r => r.u);
}
out.folds = JSON.parse(process.argv[4]).map(search.fold);
console.log(JSON.stringify(out));
"""


def test_every_page_passes_the_nu_html_checker(built) -> None:
    _sources, site, _report = built
    pages = [str(p) for p in site_files(site) if p.suffix == ".html"]
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", *pages],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    messages = json.loads(done.stderr or done.stdout)["messages"]
    real = [m for m in messages if not NU_FALSE_POSITIVE.fullmatch(m.get("message", ""))]
    assert real == [], real[:5]
    assert {m["type"] for m in messages} <= {"info"}  # the false positive is a note, no error
    assert len(pages) == 11 + 1 + 7 + 1  # releases, index, archives, search


def _node_search(site: Path, queries: list[str], words: list[str]) -> dict:
    done = subprocess.run(
        ["node", "-e", NODE_SEARCH, str(site / "search-index.js"),
         str(site / "assets" / "search.js"), json.dumps(queries), json.dumps(words)],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


def test_search_finds_a_release_by_a_word_of_its_body(built) -> None:
    """The site's own search script and index, run by Node as the browser runs them."""
    _sources, site, _report = built
    lakeshore = (
        "releases/2025-01-22-lakeshore-researchers-map-groundwater-loss-beneath-the-farm.html"
    )
    found = _node_search(
        site,
        [
            BODY_WORD,
            "HYDROGEOLOGIST satellites",
            "hydrogeologist puffins",
            "Ringstraße",
            "RINGSTRASSE",
            "zyxwarbleton",
            "landmine",
        ],
        [],
    )
    assert found[BODY_WORD] == [lakeshore]
    assert found["HYDROGEOLOGIST satellites"] == [lakeshore]  # every word, any case
    assert found["hydrogeologist puffins"] == []
    german = "releases/2024-06-12-geschutzte-radwege-verkurzen-die-pendelzeit-auf-funf.html"
    assert found["Ringstraße"] == found["RINGSTRASSE"] == [german]  # folded as casefold() does
    assert found["zyxwarbleton"] == []  # the held-back release is not in the index
    assert found["landmine"][0].startswith("releases/2014-09-23-us-ban-landmine")  # title first


def test_the_search_script_folds_text_as_the_python_side_does(built) -> None:
    _sources, site, _report = built
    words = ["MÜLLER", "Straße", "ẞ", "Mu\u0308ller", "ﬁnance", "ΣΊΣΥΦΟΣ", "İstanbul", "Ǆemal"]
    found = _node_search(site, [], words)
    assert found["folds"] == [fold(word) for word in words]


def test_search_works_in_chromium_from_file_urls(built) -> None:
    """The real page in a real browser, opened as a file: the query comes from the URL."""
    _sources, site, _report = built
    loaded = load((site / "search.html").as_uri() + f"?q={BODY_WORD}")
    results = re.findall(r'<li class="card">.*?<a href="([^"]+)">([^<]+)</a>', loaded.dom, re.S)
    assert results == [
        ("releases/2025-01-22-lakeshore-researchers-map-groundwater-loss-beneath-the-farm.html",
         "Lakeshore Researchers Map Groundwater Loss Beneath the Farm Belt")
    ]  # fmt: skip
    assert "1 press release matches" in loaded.dom
    assert "Content Security Policy" not in loaded.console, loaded.console


def test_release_pages_load_their_images_under_their_policy(built) -> None:
    _sources, site, _report = built
    (page,) = (site / "releases").glob("2025-03-18-riverside*.html")
    html = page.read_text(encoding="utf-8")
    assert 'Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:;' in html
    assert '<img class="logo" src="data:image/png;base64,' in html
    loaded = load(page.as_uri())
    assert '<img class="logo" src="data:image/png' in loaded.dom
    assert "Content Security Policy" not in loaded.console, loaded.console
    # A page that breaks its policy is reported on that console: the check above can fail.
    broken = site.parent / "broken.html"
    broken.write_text(html.replace("img-src data:", "img-src &#39;none&#39;"), encoding="utf-8")
    assert "violates the following Content Security Policy" in load(broken.as_uri()).console


def test_search_works_from_a_web_server_too(built) -> None:
    """The same site served over HTTP (a real server on a free local port)."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    _sources, site, _report = built
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        loaded = load(f"http://127.0.0.1:{port}/search.html#q=puffin")
    finally:
        server.shutdown()
        server.server_close()
    assert "1 press release matches" in loaded.dom
    assert (
        'href="releases/2022-10-17-record-year-for-puffin-chicks-on-skerry-island.html"'
        in loaded.dom
    )
