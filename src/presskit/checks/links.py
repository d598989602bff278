"""Link rules: placeholder and empty targets, malformed addresses, undefined references.

Links live in four places: the body and the boilerplate (Markdown, reported with their line),
the "For more information" list, and the organization's website and social accounts. Images
are the asset rules' business (:mod:`presskit.checks.assets`).

Rule ids: ``placeholder-link``, ``local-link``, ``incomplete-url`` (a note: ``www.x.org``
gets ``https://``), ``malformed-url``, ``malformed-email``,
``malformed-phone``, ``missing-link-definition``. None of them stops an export: the outputs
print a placeholder, a path on the author's computer or a malformed address as plain text,
never as a link (:func:`presskit.model.urls.link_href`), so these are warnings.
"""

from __future__ import annotations

from urllib.parse import unquote

from presskit.checks.addresses import email_problem, phone_problem
from presskit.checks.findings import Finding, error, info, sentence, warning
from presskit.checks.markdown_scan import MarkdownLink, scan_markdown
from presskit.model.release import Release
from presskit.model.urls import (
    PLACEHOLDER_TARGETS,
    WEB_SCHEMES,
    is_anchor,
    is_local_path,
    is_placeholder,
    looks_like_host,
    url_problem,
    url_scheme,
)
from presskit.model.validation import item_path

__all__ = ["PLACEHOLDER_TARGETS", "is_placeholder", "link_findings", "markdown_link_findings"]

_PLACEHOLDER_HINT = (
    "Replace it with the page's full address, starting with https://, or remove the link"
)
_LOCAL_HINT = (
    "A link to a file on your computer would show readers your folders and work for nobody: "
    "link to the file's address on the web, starting with https://"
)


def link_findings(release: Release) -> list[Finding]:
    """Findings for every link of the release, wherever it is."""
    findings = _organization_findings(release)
    findings += markdown_link_findings(release.boilerplate, "boilerplate", release.language)
    for i in range(len(release.links)):
        findings += _listed_link_findings(release, i)
    findings += markdown_link_findings(release.body, "body", release.language)
    return findings


def markdown_link_findings(markdown: str, field: str, language: str) -> list[Finding]:
    """Findings for the links (not images) of Markdown text held in ``field``."""
    findings: list[Finding] = []
    for link in scan_markdown(markdown).links:
        if link.image:
            continue
        name = f'The link "{link.text}"' if link.text else "A link"
        if not link.defined:
            findings.append(
                warning(
                    "missing-link-definition",
                    field,
                    f"{name} refers to [{link.label}], which is not defined, so it shows as "
                    "plain text in brackets",
                    f"Add a line '[{link.label}]: https://…' below the text, or write the "
                    "address in the link: [text](https://…)",
                    link.line,
                )
            )
        elif is_placeholder(link.target):
            findings.append(
                warning(
                    "placeholder-link",
                    field,
                    f"{name} {_points_nowhere(link.target)}",
                    _PLACEHOLDER_HINT,
                    link.line,
                )
            )
        elif is_anchor(link.target.strip()):
            continue  # a place in the same document, such as a footnote
        elif finding := _address_finding(_markdown_target(link), field, language, link.line):
            findings.append(finding)
    return findings


def _markdown_target(link: MarkdownLink) -> str:
    # <someone@example.org> is an email autolink: a mailto: link without the scheme.
    if link.form == "autolink" and "@" in link.target and ":" not in link.target:
        return f"mailto:{link.target}"
    return link.target


def _points_nowhere(target: str) -> str:
    if not target.strip():
        return "has no address"
    return f"points to '{target.strip()}', a placeholder, not a real address"


def _address_finding(
    target: str, field: str, language: str, line: int | None = None
) -> Finding | None:
    """A malformed-url, -email or -phone or a local-link finding for a link target, or None
    when it is fine."""
    scheme = url_scheme(target)
    if scheme == "mailto":
        address = unquote(target.split(":", 1)[1].split("?", 1)[0])
        if why := email_problem(address):
            hint = "Check the address for typing mistakes: it should look like name@example.org"
            return error("malformed-email", field, sentence(why), hint, line)
        return None
    if scheme == "tel":
        number = unquote(target.split(":", 1)[1])
        if why := phone_problem(number, language):
            hint = "Check the digits; write the number with its country code, such as +1 …"
            return warning("malformed-phone", field, sentence(why), hint, line)
        return None
    if looks_like_host(target):
        message = f"'{target.strip()}' has no https://; the outputs add it"
        hint = "Write the address in full, starting with https://, to be sure it is the one"
        return info("incomplete-url", field, message, hint, line)
    if is_local_path(target):
        message = (
            f"'{target.strip()}' names a file on your computer; the output shows the text, "
            "not a link"
        )
        return warning("local-link", field, message, _LOCAL_HINT, line)
    if why := url_problem(target):
        hint = "Copy the full address from the browser's address bar, starting with https://"
        message = f"{sentence(why)}; it is printed as text"
        return warning("malformed-url", field, message, hint, line)
    return None


def _organization_findings(release: Release) -> list[Finding]:
    findings: list[Finding] = []
    org = release.organization
    urls = [("organization.website", org.website, "The website")]
    for i, social in enumerate(org.social):
        label = f"The {social.network} account" if social.network else "A social account"
        urls.append((item_path("organization.social", i, "url"), social.url, label))
    for field, url, label in urls:
        if not url:
            continue  # optional: leaving it out is fine
        if looks_like_host(url):
            message = f"{label}, '{url.strip()}', has no https://; the outputs add it"
            hint = "Write the address in full, starting with https://, to be sure it is the one"
            findings.append(info("incomplete-url", field, message, hint))
        elif is_placeholder(url):
            message = f"{label} {_points_nowhere(url)}; it is left out"
            findings.append(warning("placeholder-link", field, message, _PLACEHOLDER_HINT))
        elif why := url_problem(url, WEB_SCHEMES):
            hint = "Copy the full address from the browser's address bar, starting with https://"
            message = f"{sentence(why)}; it is left out"
            findings.append(warning("malformed-url", field, message, hint))
    return findings


def _listed_link_findings(release: Release, index: int) -> list[Finding]:
    link = release.links[index]
    if not link.title.strip() and not link.url.strip():
        return []  # an empty entry: the model's own validation reports it
    field = item_path("links", index, "url")
    name = f'"{link.title.strip()}"' if link.title.strip() else f"Link {index + 1}"
    if is_placeholder(link.url):
        message = f"{name} {_points_nowhere(link.url)}; it is printed as text"
        return [warning("placeholder-link", field, message, _PLACEHOLDER_HINT)]
    finding = _address_finding(link.url.strip(), field, release.language)
    return [finding] if finding else []
