"""Real releases load as people typed them, and ``presskit`` never crashes on an address
(issue 11: liberal loading, malformed URLs). Each runs the real command in its own process.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, pdf_text, squash
from tests.pdf_contents import pdf_link_targets
from tests.test_cli import presskit

LIBERAL = REPO / "tests" / "data" / "liberal"


def _copy(tmp_path: Path, name: str) -> Path:
    shutil.copytree(LIBERAL / name, tmp_path / name)
    return tmp_path / name / "release.md"


def _export_all(source: Path) -> tuple[str, str, bytes, str]:
    done = presskit("export", str(source), "--pdf", "--html", "--text")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    html = source.with_suffix(".html").read_text(encoding="utf-8")
    return (
        done.stderr,
        html,
        source.with_suffix(".pdf").read_bytes(),
        source.with_suffix(".txt").read_text(encoding="utf-8"),
    )


def test_a_website_without_https_and_social_names_without_handles(tmp_path: Path) -> None:
    """USGS 2016: contacts above the headline, ``www.usgs.gov``, Facebook and Twitter named
    without a handle or an address. Export was refused with exit 2."""
    stderr, html, pdf, text = _export_all(_copy(tmp_path, "usgs-2016-induced-maps"))
    assert "organization.website: 'www.usgs.gov' has no https://; the outputs add it" in stderr
    assert "organization.social[1]: has neither a handle nor a URL" in stderr
    assert 'href="https://www.usgs.gov"' in html
    assert "Facebook" not in html and "Twitter" not in html  # left out, not "Facebook: "
    assert "https://www.usgs.gov" in pdf_link_targets(pdf)
    assert all(not t.startswith("file:") for t in pdf_link_targets(pdf))
    assert "Website: https://www.usgs.gov" in text
    assert squash("Jessica Fitzpatrick 703-648-6624") in squash(pdf_text(pdf))


def test_social_accounts_written_as_plain_names(tmp_path: Path) -> None:
    """NOAA 2021: ``website: noaa.gov`` and ``social: [Facebook, Twitter, ...]``."""
    stderr, html, _pdf, _text = _export_all(_copy(tmp_path, "noaa-2021-spinrad-confirmed"))
    assert len(re.findall(r"organization\.social\[\d\]: has neither", stderr)) == 4
    assert 'href="https://noaa.gov"' in html
    assert "YouTube:" not in html
    assert "Connect with us on Facebook" in html  # the boilerplate itself is untouched


def test_contacts_without_a_name_and_local_links(tmp_path: Path) -> None:
    """EPA 2017: an office as a contact, a contact as one line, a relative link, an empty
    link entry: all load; the relative link is text, not a ``file:`` link."""
    source = _copy(tmp_path, "epa-2017-clean-air-settlements")
    stderr, html, pdf, text = _export_all(source)
    assert "contacts[1].name: a contact needs a name" in stderr
    assert "links[1].url: '/newsreleases/search' names a file on this computer" in stderr
    assert "EPA Press Office" in text and "press@epa.gov" in text
    assert "Jeremy Edwards, Office of Public Affairs" in text
    assert 'href="mailto:press@epa.gov"' in html
    assert "News Releases from Headquarters" in html
    assert "/newsreleases/search" not in re.findall(r'href="([^"]*)"', html)
    targets = pdf_link_targets(pdf)
    assert "mailto:press@epa.gov" in targets
    assert all(t.startswith(("https:", "mailto:", "tel:")) for t in targets), targets
    assert str(source.parent) not in pdf.decode("latin-1")


def test_check_reports_the_real_releases_without_errors() -> None:
    done = presskit("check", *(str(p) for p in sorted(LIBERAL.glob("*/release.md"))))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 errors" in done.stdout
    assert "info: organization.website: The website, 'noaa.gov', has no https://" in done.stdout


BROKEN = ["http://[broken/x", "https://[::1", "http://example.org:99999/"]


@pytest.mark.parametrize("url", BROKEN)
def test_check_and_export_report_an_unparsable_url(tmp_path: Path, url: str) -> None:
    """``urlsplit`` raises ValueError on these: ``presskit check`` died with a traceback."""
    source = tmp_path / "release.md"
    source.write_text(
        f"---\nheadline: Broken\norganization:\n  website: '{url}'\nlinks:\n"
        f"  - title: T\n    url: '{url}'\n---\nSee [x]({url}) and ![i]({url}).\n",
        encoding="utf-8",
    )
    checked = presskit("check", str(source))
    assert "Traceback" not in checked.stderr, checked.stderr
    # exit 1: the image cannot show (an error of the asset rules); the links are warnings
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "1 error, 7 warnings" in checked.stdout
    assert "malformed-url" in presskit("check", "--format", "json", str(source)).stdout
    exported = presskit("export", str(source), "--pdf", "--html")
    assert exported.returncode == 0, exported.stderr
    assert "Traceback" not in exported.stderr
    assert url not in re.findall(r'href="([^"]*)"', source.with_suffix(".html").read_text())
