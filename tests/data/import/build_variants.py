"""Build the corpus's Word, email and web-page variants from the real releases in sources/.

    .venv/bin/python tests/data/import/build_variants.py [--only LAYOUT ...]

Each variant holds the words of one real release (named in :data:`RELEASES`, by line ranges
of its source file) laid out the way people send releases: a Word file with the contacts on
top and the headline in the Title style, or a bold centred 16 pt headline in Normal style
with the contacts in a table at the bottom; a hard-wrapped plain-text email; an HTML email
forwarded by a colleague; a newsroom web page with navigation, cookie banner, related news
and footer; and the two Word files saved as PDF by LibreOffice (``soffice``, needed only to
build them), the second as many offices print a release: 12 pt Times at 1.5 lines, the
organization's name and "News Release" as a running header, "Page N of M" in the footer and
"- more -" at the foot of each page the release runs over; and the newsroom page printed to
PDF as a browser does (WeasyPrint standing in). The expected fields of a variant are the hand-checked fields of its release
(expected.json), with the end mark the layout writes. The files are committed; run this
again only to change the layouts.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import tempfile
import textwrap
from email.message import EmailMessage
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

HERE = Path(__file__).parent
SOURCES = HERE / "sources"
VARIANTS = HERE / "variants"


def lines(name: str, first: int, last: int) -> list[str]:
    """Paragraphs of lines first..last (from 1) of a source, hard wraps joined."""
    text = (SOURCES / name).read_text(encoding="utf-8").splitlines()[first - 1 : last]
    paragraphs, current = [], []
    for line in text:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


RELEASES = {
    "nasa-2007-depthx": {
        "source": "nasa-2007-depthx.txt", "headline": "NASA Robot Completes Test Drive of Exploration Capabilities",
        "dateline": "WASHINGTON, May 31, 2007 -", "body": ("nasa-2007-depthx.txt", 15, 45),
        "contacts": [["Dwayne Brown", "Headquarters, Washington", "202-358-1726"]],
    },
    "nasa-2007-new-horizons-jupiter": {
        "source": "nasa-2007-new-horizons-jupiter.txt",
        "headline": "NASA Spacecraft Gets Boost From Jupiter for Pluto Encounter",
        "dateline": "LAUREL, Md., Feb. 28, 2007 -", "body": ("nasa-2007-new-horizons-jupiter.txt", 19, 40),
        "contacts": [["Dwayne Brown", "Headquarters, Washington", "202-358-1726"],
                     ["Michael Buckley", "Applied Physics Laboratory, Laurel, Md.", "240-228-7536"]],
    },
    "epa-2005-beach-grants": {
        "source": "epa-2005-beach-grants.txt", "headline": "Federal Dollars Help States Improve the Nation's Beaches",
        "dateline": "(Washington, D.C.-May 25, 2005)", "body": ("epa-2005-beach-grants.txt", 13, 17),
        "contacts": [["Stacie Keller", "202-564-4355", "keller.stacie@epa.gov"]],
    },
    "epa-2007-region2-media-center": {
        "source": "epa-2007-region2-media-center.txt",
        "headline": "EPA Region 2 Launches New Online Media Center; Offers Downloadable Public Service Announcements, Podcasts and Photos",
        "dateline": "(New York, N.Y., August 20, 2007)", "body": ("epa-2007-region2-media-center.txt", 11, 15),
        "contacts": [["Chris Bennett", "(212) 637-3860"]],
    },
    "noaa-2021-spinrad-confirmed": {
        "source": "noaa-2021-spinrad-confirmed.txt", "headline": "Richard W. Spinrad confirmed to lead NOAA",
        "dateline": "WASHINGTON, June 17, 2021 —", "body": ("noaa-2021-spinrad-confirmed.txt", 11, 17),
        "contacts": [],
    },
    "census-2019-reuters-statement": {
        "source": "census-2019-reuters-statement.txt", "headline": "Census Bureau Statement on Reuters' Story",
        "dateline": "DEC. 4, 2019 -", "body": ("census-2019-reuters-statement.txt", 6, 8),
        "contacts": [],
    },
    "epa-2023-formaldehyde-peer-review": {
        "source": "epa-2023-formaldehyde-peer-review.txt",
        "headline": "National Academies of Sciences, Engineering, and Medicine Releases Peer Review Report of Draft IRIS Formaldehyde Assessment",
        "dateline": "WASHINGTON, Aug. 9, 2023 —", "body": ("epa-2023-formaldehyde-peer-review.txt", 7, 11),
        "contacts": [],
    },
}  # fmt: skip


def _seed() -> dict:
    """The bundled example (the US Campaign to Ban Landmines, 2014) as parts."""
    from presskit.storage.release_file import load_release

    path = Path(__file__).parents[3] / "resources/examples/ban-landmines/release.md"
    release = load_release(path).release
    body = [p for p in release.body.split("\n\n") if p.strip()]
    body = [re.sub(r"\[([^\]]+)\]\(#\)", r"\1", p) for p in body]
    return {
        "headline": release.headline, "subheadline": release.subheadline,
        "dateline": "(Washington DC, September 23, 2014)", "paragraphs": body,
        "about": ("About the US Campaign to Ban Landmines", release.boilerplate),
        "contacts": [
            ["Mary Wareham", "Human Rights Watch", "+1-646-203-8292 (mobile)", "wareham@hrw.org"],
            ["Mica Bevington", "Handicap International", "+1-240-450-3531", "mbevington@handicap-international.us"],
        ],
        "website": "www.banminesusa.org",
    }  # fmt: skip


def parts(name: str) -> dict:
    if name == "seed-ban-landmines":
        return _seed()
    spec = dict(RELEASES[name])
    spec["paragraphs"] = lines(*spec["body"])
    # The source's own dateline opens its first paragraph: the layouts write theirs.
    first = spec["paragraphs"][0]
    first = re.sub(r"^(\([^)]*\)|[A-Z][A-Z .,]+?[-–—]+|[A-Z]{3}\. \d+, \d{4} -)\s*", "", first)
    spec["paragraphs"][0] = first
    return spec


def expected(name: str, spec: dict, end_mark: str) -> dict:
    from presskit.importers.dates import parse_dateline

    dateline = parse_dateline(spec["dateline"] + " The")
    found = {
        "complete": True, "headline": spec["headline"], "status": "immediate",
        "body_start": " ".join(spec["paragraphs"][0].split()[:7]),
        "body_end": " ".join(spec["paragraphs"][-1].split()[-5:]),
        "end_mark": end_mark,
    }  # fmt: skip
    if spec.get("subheadline"):
        found["subheadline"] = spec["subheadline"]
    if dateline and dateline.city:
        found["dateline.city"] = dateline.city
    if dateline and dateline.date:
        found["dateline.date"] = dateline.date.isoformat()
    contacts = []
    for contact in spec["contacts"]:
        entry = {"name": contact[0]}
        for part in contact[1:]:
            if "@" in part:
                entry["email"] = part
            elif re.search(r"\d{3}.\d{4}", part):
                entry.setdefault("phones", []).append(re.sub(r"\s*\(mobile\)", "", part))
        contacts.append(entry)
    if contacts:
        found["contacts"] = contacts
    if spec.get("about"):
        found["boilerplate_start"] = " ".join(spec["about"][1].split()[:6])
    return found


def docx_title_top(spec: dict, path: Path) -> str:
    """Contacts on top, the headline in the Title style, ### at the end."""
    word = docx.Document()
    word.add_paragraph("FOR IMMEDIATE RELEASE").runs[0].bold = True
    if spec["contacts"]:
        word.add_paragraph("Media contact:" if len(spec["contacts"]) == 1 else "Media contacts:")
        for contact in spec["contacts"]:
            paragraph = word.add_paragraph()
            for i, part in enumerate(contact):
                run = paragraph.add_run(part)
                if i < len(contact) - 1:
                    run.add_break()
    word.add_paragraph(spec["headline"], style="Title")
    if spec.get("subheadline"):
        word.add_paragraph(spec["subheadline"], style="Subtitle")
    for i, paragraph in enumerate(spec["paragraphs"]):
        word.add_paragraph(f"{spec['dateline']} {paragraph}" if i == 0 else paragraph)
    word.add_paragraph("###").alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.get("about"):
        word.add_paragraph(spec["about"][0], style="Heading 2")
        for paragraph in spec["about"][1].split("\n\n"):
            word.add_paragraph(paragraph)
    word.save(path)
    return "###"


def docx_centred_table(spec: dict, path: Path) -> str:
    """A bold centred 16 pt headline in Normal style; contacts in a table at the bottom."""
    word = docx.Document()
    paragraph = word.add_paragraph()
    run = paragraph.add_run(spec["headline"])
    run.bold, run.font.size = True, Pt(16)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.get("subheadline"):
        sub = word.add_paragraph()
        sub.add_run(spec["subheadline"]).italic = True
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, text in enumerate(spec["paragraphs"]):
        word.add_paragraph(f"{spec['dateline']} {text}" if i == 0 else text)
    word.add_paragraph("-30-").alignment = WD_ALIGN_PARAGRAPH.CENTER
    if spec.get("about"):
        word.add_paragraph().add_run(spec["about"][0]).bold = True
        word.add_paragraph(spec["about"][1])
    if spec["contacts"]:
        word.add_paragraph().add_run("Press contacts").bold = True
        table = word.add_table(rows=1, cols=len(spec["contacts"]))
        for cell, contact in zip(table.rows[0].cells, spec["contacts"], strict=True):
            cell.text = "\n".join(contact)
    word.save(path)
    return "-30-"


def eml_plain(spec: dict, path: Path) -> str:
    """A plain-text email, hard-wrapped at 72 columns, contacts at the bottom."""
    out = ["FOR IMMEDIATE RELEASE", "", spec["headline"], ""]
    if spec.get("subheadline"):
        out += [spec["subheadline"], ""]
    for i, text in enumerate(spec["paragraphs"]):
        out += [*textwrap.wrap(f"{spec['dateline']} {text}" if i == 0 else text, 72), ""]
    out += ["ENDS", ""]
    if spec.get("about"):
        out += [spec["about"][0], *textwrap.wrap(spec["about"][1], 72), ""]
    if spec["contacts"]:
        out += ["Media contacts:", ""]
        for contact in spec["contacts"]:
            out += [*contact, ""]
    message = EmailMessage()
    message["From"] = "Press Office <press@example.org>"
    message["To"] = "newsdesk@example.com"
    message["Subject"] = spec["headline"]
    message["Date"] = "Tue, 02 Mar 2021 09:00:00 -0500"
    message.set_content("\n".join(out))
    path.write_bytes(bytes(message))
    return "ENDS"


def eml_forwarded_html(spec: dict, path: Path) -> str:
    """A colleague forwards the release as an HTML email (with a plain-text part)."""
    import html

    body = [f"<p>{html.escape(spec['dateline'])} {html.escape(spec['paragraphs'][0])}</p>"]
    body += [f"<p>{html.escape(p)}</p>" for p in spec["paragraphs"][1:]]
    contacts = "".join(
        "<p>" + "<br>".join(html.escape(part) for part in contact) + "</p>"
        for contact in spec["contacts"]
    )
    about = ""
    if spec.get("about"):
        about = (
            f"<p><b>{html.escape(spec['about'][0])}</b></p><p>{html.escape(spec['about'][1])}</p>"
        )
    sub = f"<p><i>{html.escape(spec['subheadline'])}</i></p>" if spec.get("subheadline") else ""
    inner = (
        f"<p><b>FOR IMMEDIATE RELEASE</b></p><h1>{html.escape(spec['headline'])}</h1>{sub}"
        + "".join(body)
        + "<p>###</p>"
        + about
        + (f"<p><b>Media contact</b></p>{contacts}" if contacts else "")
    )
    page = (
        "<html><body><div>Hi all, see the release below; it goes out at nine.</div><br>"
        '<div class="gmail_quote">---------- Forwarded message ---------<br>'
        "From: Press Office &lt;press@example.org&gt;<br>Date: Mon, 1 Mar 2021 at 17:02<br>"
        f"Subject: {html.escape(spec['headline'])}<br>To: Team &lt;team@example.org&gt;<br><br>"
        f"{inner}</div></body></html>"
    )
    message = EmailMessage()
    message["From"] = "Colleague <colleague@example.org>"
    message["To"] = "me@example.org"
    message["Subject"] = "Fwd: " + spec["headline"]
    message.set_content("Hi all, see the release below (HTML).")
    message.add_alternative(page, subtype="html")
    path.write_bytes(bytes(message))
    return "###"


def html_newsroom(spec: dict, path: Path) -> str:
    """A newsroom page: banner, navigation, search, cookie notice, related news, footer."""
    import html

    e = html.escape
    paragraphs = [f"<p>{e(spec['dateline'])} {e(spec['paragraphs'][0])}</p>"]
    paragraphs += [f"<p>{e(p)}</p>" for p in spec["paragraphs"][1:]]
    contacts = "".join(
        "<p>"
        + "<br>".join(
            f'<a href="mailto:{e(part)}">{e(part)}</a>' if "@" in part else e(part)
            for part in contact
        )
        + "</p>"
        for contact in spec["contacts"]
    )
    about = ""
    if spec.get("about"):
        about = f"<h2>{e(spec['about'][0])}</h2><p>{e(spec['about'][1])}</p>"
    sub = (
        f'<p class="subtitle"><em>{e(spec["subheadline"])}</em></p>'
        if spec.get("subheadline")
        else ""
    )
    ld = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": spec["headline"]}
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(spec["headline"])} | Newsroom</title>
<meta property="og:title" content="{e(spec["headline"])}">
<script type="application/ld+json">{ld}</script>
<script src="/analytics.js"></script><style>body {{ font-family: sans-serif }}</style></head>
<body>
<div class="usa-banner">An official website of the United States government</div>
<a class="skip" href="#main">Skip to main content</a>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/about">About</a></li><li><a href="/contact">Contact Us</a></li></ul></nav>
<form role="search"><label>Search</label><input name="q"><button>Search</button></form></header>
<div class="cookie-banner"><p>We use cookies to make this site work.</p><button>Accept all cookies</button></div>
<ol class="breadcrumb"><li>Home</li><li>News</li><li>News Releases</li></ol>
<main id="main"><article>
<p class="kicker">News Release</p>
<h1>{e(spec["headline"])}</h1>{sub}
{"".join(paragraphs)}
<p>###</p>
{about}
{("<h2>Media contact</h2>" + contacts) if contacts else ""}
<div class="share">Share <a href="https://twitter.com/share">Twitter</a> <a href="https://facebook.com/share">Facebook</a></div>
</article>
<aside class="related"><h2>Related news</h2><ul><li><a href="/n/1">Agency announces budget request</a></li>
<li><a href="/n/2">Director testifies before Congress on science priorities for next year</a></li></ul></aside>
</main>
<iframe src="https://example.com/ad"></iframe>
<footer class="site-footer"><p>Privacy Policy</p><p>Accessibility</p><p>Page Last Updated: March 1, 2021</p></footer>
</body></html>"""
    path.write_text(page, encoding="utf-8")
    return "###"


ORGANIZATIONS = {
    "nasa": "National Aeronautics and Space Administration",
    "epa": "U.S. Environmental Protection Agency",
    "noaa": "National Oceanic and Atmospheric Administration",
    "census": "U.S. Census Bureau",
    "seed": "US Campaign to Ban Landmines",
}
"""The running header's organization, by the release name's first part."""

LIBREOFFICE_PROFILE = Path(tempfile.gettempdir()) / "presskit-build-variants-lo"


def save_as_pdf(word: Path, out: Path) -> None:
    """LibreOffice's "Save as PDF" of a Word file, in a profile of its own (a LibreOffice the
    person has open is left alone)."""
    with tempfile.TemporaryDirectory(prefix="presskit-variants-") as folder:
        subprocess.run(
            ["soffice", "--headless", f"-env:UserInstallation={LIBREOFFICE_PROFILE.as_uri()}",
             "--convert-to", "pdf", "--outdir", folder, str(word)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        shutil.move(Path(folder) / f"{word.stem}.pdf", out)


def pdf_title_top(spec: dict, path: Path) -> str:
    """The Title-style Word layout, saved as PDF."""
    with tempfile.TemporaryDirectory(prefix="presskit-variants-") as folder:
        word = Path(folder) / f"{path.stem}.docx"
        end_mark = docx_title_top(spec, word)
        save_as_pdf(word, path)
    return end_mark


def pdf_letterhead(spec: dict, path: Path) -> str:
    """The centred-headline Word layout with contacts in a table, printed the traditional
    way and saved as PDF: 12 pt Times at 1.5 lines, a running header with the organization
    and "News Release", "Page N of M" in the footer, "- more -" at the foot of each page the
    release runs over."""
    with tempfile.TemporaryDirectory(prefix="presskit-variants-") as folder:
        word = Path(folder) / f"{path.stem}.docx"
        end_mark = docx_centred_table(spec, word)
        _letterhead(word, ORGANIZATIONS[path.name.split("-")[0]])
        for page in range(2, 10):  # a "- more -" at the foot of each page that runs on
            save_as_pdf(word, path)
            if not _more_before_page(word, path, page, end_mark):
                break
    return end_mark


def _letterhead(word: Path, organization: str) -> None:
    document = docx.Document(str(word))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(12)
    normal.paragraph_format.line_spacing = 1.5
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = f"{organization} – News Release"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    footer._p.append(_field("PAGE"))
    footer.add_run(" of ")
    footer._p.append(_field("NUMPAGES"))
    document.save(str(word))


def _field(instruction: str) -> object:  # a python-docx XML element
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )


def _more_before_page(word: Path, pdf: Path, page: int, end_mark: str) -> bool:
    """Puts "- more -" and a page break before the paragraph that page ``page`` of the PDF
    starts in; False when there is no such page or the release ended before it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        if page > len(document):
            return False
        text = document[page - 1].get_textpage().get_text_range()
    finally:
        document.close()
    first = [line.strip() for line in text.splitlines() if line.strip()][1]  # after the header
    word_file = docx.Document(str(word))
    paragraphs = word_file.paragraphs
    ending = next(i for i, p in enumerate(paragraphs) if p.text == end_mark)
    for i, paragraph in enumerate(paragraphs[:ending]):
        if " ".join(first.split()[:6]) in paragraph.text and i > 0:
            more = paragraph.insert_paragraph_before("- more -")
            more.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.page_break_before = True
            word_file.save(str(word))
            return True
    return False


PRINT_STYLE = """
@page { size: letter; margin: 0.6in 0.5in;
  @top-left { content: "%(title)s"; font: 8pt sans-serif }
  @top-right { content: "https://www.agency.example.gov/news/release"; font: 8pt sans-serif }
  @bottom-left { content: counter(page) " of " counter(pages); font: 8pt sans-serif }
  @bottom-right { content: "3/1/21, 9:00 AM"; font: 8pt sans-serif } }
body { font: 10.5pt sans-serif } h1 { font-size: 22pt } nav li { display: inline }
a[href]::after { content: " (" attr(href) ")" }
"""
"""A browser's print of a web page: title, address, page count and time in the margins,
and (as many government sites' print styles do) each link's address after it."""


def pdf_browser_print(spec: dict, path: Path) -> str:
    """The newsroom web page as a browser prints it to PDF (WeasyPrint stands in for the
    browser): its navigation, cookie notice and footer, the margins' title, address, page
    count and time, and each link's address printed after it."""
    from weasyprint import CSS, HTML

    with tempfile.TemporaryDirectory(prefix="presskit-variants-") as folder:
        page = Path(folder) / "page.html"
        end_mark = html_newsroom(spec, page)
        title = re.sub(r'(["\\])', r"\\\1", f"{spec['headline']} | Newsroom")
        HTML(
            string=page.read_text(encoding="utf-8"),
            base_url="https://www.agency.example.gov/news/release",
        ).write_pdf(path, stylesheets=[CSS(string=PRINT_STYLE % {"title": title})])
    return end_mark


LAYOUTS = {
    "docx-title-top": (".docx", docx_title_top),
    "docx-centred-table": (".docx", docx_centred_table),
    "eml-plain": (".eml", eml_plain),
    "eml-forwarded-html": (".eml", eml_forwarded_html),
    "html-newsroom": (".html", html_newsroom),
    "pdf-title-top": (".pdf", pdf_title_top),
    "pdf-letterhead": (".pdf", pdf_letterhead),
    "pdf-browser-print": (".pdf", pdf_browser_print),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=LAYOUTS, help="build these layouts only")
    layouts = parser.parse_args().only or list(LAYOUTS)
    VARIANTS.mkdir(exist_ok=True)
    table = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
    for name in ["seed-ban-landmines", *RELEASES]:
        spec = parts(name)
        source = RELEASES.get(name, {}).get("source", "resources/examples/ban-landmines/release.md")
        for layout in layouts:
            suffix, build = LAYOUTS[layout]
            path = VARIANTS / f"{name}.{layout}{suffix}"
            end_mark = build(spec, path)
            entry = expected(name, spec, end_mark)
            entry["heldout"] = bool(table.get(source, {}).get("heldout"))  # as its release
            entry["variant_of"] = source
            table[f"variants/{path.name}"] = entry  # in place, or added at the end
    (HERE / "expected.json").write_text(
        json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
