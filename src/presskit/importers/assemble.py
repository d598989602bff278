"""Blocks with roles -> a Release, with the source lines of every field.

A pure function of the document and its roles, so the Import Review can reassign a block
and assemble again at once. What fits no field is never dropped: it is left in the body or
listed as not placed (see :meth:`ImportResult.not_placed`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presskit.importers.contacts import contacts_in_sentence, parse_contacts
from presskit.importers.dates import find_date, parse_dateline, parse_embargo
from presskit.importers.features import (
    EMAIL,
    HANDLE,
    URL,
    bare_headline,
    phrase_cues,
    trailing_date,
    without_trailing_date,
)
from presskit.importers.language import release_language
from presskit.importers.model import (
    Block,
    BlockKind,
    FieldSource,
    ImportResult,
    Role,
    SourceDocument,
)
from presskit.model.release import (
    Dateline,
    Link,
    Organization,
    Release,
    SocialHandle,
    Status,
)
from presskit.model.wording import counted

SOCIAL_SITES = {
    "facebook.com": "facebook", "twitter.com": "twitter", "x.com": "x",
    "linkedin.com": "linkedin", "instagram.com": "instagram", "youtube.com": "youtube",
    "bsky.app": "bluesky", "threads.net": "threads", "tiktok.com": "tiktok",
    "flickr.com": "flickr", "mastodon.social": "mastodon",
}  # fmt: skip
_ABOUT = re.compile(
    r"^(?:about|über|à propos (?:de|du|des|d['’])|a propos (?:de|du|des|d['’])|acerca del?|sobre)"
    r"\s+(?P<name>.{2,80}?)\s*(?:[:.\-–]\s*|$)",
    re.IGNORECASE,
)
_MD_SPECIAL = re.compile(r"^(\s*)([#>+*-]|\d+[.)])(\s)")


def assemble(
    document: SourceDocument,
    roles: list[Role],
    confidence: list[float],
    chosen: frozenset[int] = frozenset(),
) -> ImportResult:
    """The release the roles describe, with provenance and warnings. ``chosen``: the blocks
    whose role the person gave in the Import Review (their dateline comes first)."""
    by_role: dict[Role, list[Block]] = {role: [] for role in Role}
    for block, role in zip(document.blocks, roles, strict=True):
        by_role[role].append(block)
    text = "\n".join(b.text for b in document.blocks if not b.chrome)
    release = Release(language=release_language(document.language, text))
    result = ImportResult(release, document, list(roles), list(confidence), chosen=chosen)
    result.warnings.extend(document.warnings)
    sources = _Sources(result)

    _headlines(release, by_role, sources)
    _release_line(release, by_role[Role.RELEASE_LINE], document, sources, result.warnings)
    body = _dateline(release, by_role, document, sources, chosen)
    release.body = _markdown(body)
    sources.add("body", body)
    _boilerplate(release, by_role[Role.BOILERPLATE], sources)
    _contacts(release, by_role[Role.CONTACT], sources)
    if not release.contacts:  # "Media planning to attend should contact A at 202-358-1730"
        _contacts_in_prose(release, by_role[Role.BODY] + by_role[Role.NOT_PLACED], sources)
    _links(release, by_role[Role.LINKS], sources)
    _social(release, by_role, sources)
    if by_role[Role.END_MARK]:
        release.end_mark = by_role[Role.END_MARK][0].text.strip()
        sources.add("end_mark", by_role[Role.END_MARK][:1])
    if not release.organization.name and document.site_name:
        release.organization.name = document.site_name
    unplaced = result.not_placed()
    if unplaced:
        lines = sum(b.lines[1] - b.lines[0] + 1 for b in unplaced)
        verb = "fits no field; it is" if lines == 1 else "fit no field; they are"
        result.warnings.append(
            f"{counted(lines, 'line')} of the source {verb} listed as not placed"
        )
    return result


class _Sources:
    """Collects each field's source lines and confidence."""

    def __init__(self, result: ImportResult):
        self.result = result

    def add(self, name: str, blocks: Iterable[Block]) -> None:
        blocks = list(blocks)
        if not blocks:
            return
        ranges = sorted(b.lines for b in blocks)
        merged: list[tuple[int, int]] = []
        for first, last in ranges:
            if merged and first <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
            else:
                merged.append((first, last))
        sure = min(self.result.confidence[b.index] for b in blocks)
        self.result.fields[name] = FieldSource(merged, sure)


def _headlines(release: Release, by_role: dict[Role, list[Block]], sources: _Sources) -> None:
    if by_role[Role.HEADLINE]:  # one block; several when the person chose a broken line
        heads = by_role[Role.HEADLINE]
        headline = " ".join(" ".join(b.text.split()) for b in heads)
        release.headline = bare_headline(headline)
        sources.add("headline", heads)
    if by_role[Role.SUBHEADLINE]:
        sub = without_trailing_date(
            " ".join(" ".join(b.text.split()) for b in by_role[Role.SUBHEADLINE])
        )
        release.subheadline = sub.strip(" —–") if sub[:1] in "—–" else sub  # "—Turns 20—"
        sources.add("subheadline", by_role[Role.SUBHEADLINE])


def _release_line(
    release: Release,
    blocks: list[Block],
    document: SourceDocument,
    sources: _Sources,
    warnings: list[str],
) -> None:
    if not blocks:
        return
    sources.add("status", blocks)
    embargoed = [b for b in blocks if "embargo" in phrase_cues(b.text)]
    if not embargoed:
        return
    line = " ".join(b.text for b in blocks)
    found = parse_embargo(line, _local_zone())
    following = document.blocks[embargoed[-1].index + 1 : embargoed[-1].index + 2]
    if found.when is None and following and find_date(following[0].text):
        line = f"{line} {following[0].text}"  # "EMBARGOED UNTIL" / "April 20, 2006"
        found = parse_embargo(line, _local_zone())
        embargoed.append(following[0])
    if found.when is None:
        warnings.append(
            f"the release is embargoed ('{line.strip()[:80]}') but gives no date: set the "
            "embargo in the editor"
        )
        return
    release.status = Status.EMBARGOED
    release.embargo = found.when
    release.timezone = found.zone if found.zone != "UTC" else ""
    if found.zone_missing:
        release.timezone = _local_zone() if _local_zone() != "UTC" else ""
        warnings.append(
            f"the embargo '{line.strip()[:80]}' names no time zone; it was taken as "
            f"{_local_zone()} (this computer's): check it before sending"
        )
    sources.add("embargo", embargoed)


def _local_zone() -> str:
    import datetime as dt  # noqa: PLC0415

    from presskit.importers.dates import ZONES  # noqa: PLC0415

    name = dt.datetime.now().astimezone().tzname() or "UTC"
    return ZONES.get(name.lower(), "UTC")


def _dateline(
    release: Release,
    by_role: dict[Role, list[Block]],
    document: SourceDocument,
    sources: _Sources,
    chosen: frozenset[int] = frozenset(),
) -> list[Block]:
    """Fill the dateline; returns the body blocks with the dateline taken off the first (and
    the text after a dateline block's own place and date, which stays in the body)."""
    body = list(by_role[Role.BODY])
    found = None
    source: list[Block] = []
    lines = sorted(by_role[Role.DATELINE], key=lambda b: b.index not in chosen)
    first = next((b for b in body if b.kind is not BlockKind.HEADING), None)
    match = parse_dateline(first.text) if first else None
    if lines and lines[0].index in chosen and parse_dateline(lines[0].text) is not None:
        match = None  # the person named the dateline: the lead keeps its text
    if first is not None and match is not None and len(first.text) - match.end > 20:
        found, source = match, [first]
        rest = first.text[match.end :]
        body[body.index(first)] = _replace(first, rest, _strip_prefix(first.md, rest))
    for block in lines:
        own = parse_dateline(block.text)
        if own is not None and len(block.text) - own.end > 20:  # a lead with its dateline
            rest = block.text[own.end :]
            body.append(_replace(block, rest, _strip_prefix(block.md, rest)))
            body.sort(key=lambda b: b.index)
        date = own.date if own is not None else (find_date(block.text) or (None,))[0]
        if found is None and own is not None:
            found, source = own, [block]
        elif found is not None and found.date is None and date is not None:
            found.date = date
            source.append(block)
        elif found is None and date is not None:
            release.dateline.date = date
            source = [block]
    if found is not None:
        release.dateline = Dateline(found.city, found.date or release.dateline.date, found.style)
    if release.dateline.date is None:
        release.dateline.date = _fallback_date(document, by_role)
    if not release.dateline.is_empty():
        sources.add("dateline", source or by_role[Role.DATELINE])
    return body


def _fallback_date(document: SourceDocument, by_role: dict[Role, list[Block]]):
    """A date written on its own near the headline (a "Release Date:" line, a contact line
    with the date), nearest first; else one ending the headline's or the subheadline's line; else
    the metadata's."""
    import datetime as dt  # noqa: PLC0415

    head = by_role[Role.HEADLINE][0].index if by_role[Role.HEADLINE] else 0
    near = sorted(
        by_role[Role.NOT_PLACED] + by_role[Role.CONTACT] + by_role[Role.RELEASE_LINE],
        key=lambda b: abs(b.index - head),
    )  # "FOR IMMEDIATE RELEASE: October 6, 1998" gives the date too
    for block in by_role[Role.DATELINE] + [b for b in near if abs(b.index - head) <= 8]:
        if block.chrome or "chrome" in phrase_cues(block.text):  # "… last updated on …"
            continue
        if (date := find_date(block.text)) and len(block.text) < 120:
            return date[0]
    for block in by_role[Role.HEADLINE][:1] + by_role[Role.SUBHEADLINE][:1]:
        if (dated := trailing_date(block.text)) is not None:
            return dated[0]
    if document.published:
        try:
            return dt.date.fromisoformat(document.published[:10])
        except ValueError:
            return None
    return None


def _strip_prefix(markdown: str, rest: str) -> str:
    """``markdown`` from where the plain text ``rest`` begins."""
    probe = rest.strip()[:12]
    at = markdown.find(probe) if probe else -1
    return markdown[at:] if at >= 0 else rest.strip()


def _replace(block: Block, text: str, markdown: str) -> Block:
    from dataclasses import replace  # noqa: PLC0415

    return replace(block, text=text.strip(), markdown=markdown if block.markdown else "")


def _markdown(blocks: list[Block]) -> str:
    """Body blocks as Markdown: paragraphs, lists, sub-headings, inline links."""
    parts: list[str] = []
    previous: Block | None = None
    for block in blocks:
        text = " ".join(block.md.split()) if block.kind is not BlockKind.LINE else block.md.strip()
        if not text:
            continue
        if block.kind is BlockKind.LIST_ITEM:
            mark = "1." if block.ordered else "-"
            indent = "    " * max(0, block.level - 1)
            item = f"{indent}{mark} {text}"
            if previous is not None and previous.kind is BlockKind.LIST_ITEM:
                parts[-1] += "\n" + item
            else:
                parts.append(item)
        elif block.kind is BlockKind.HEADING:
            parts.append(f"{'#' * max(2, min(block.level, 4))} {text}")
        else:
            parts.append(_MD_SPECIAL.sub(r"\1\\\2\3", text))
        previous = block
    return "\n\n".join(parts)


def _boilerplate(release: Release, blocks: list[Block], sources: _Sources) -> None:
    parts: list[str] = []
    for block in blocks:
        text = " ".join(block.md.split())
        about = _ABOUT.match(block.text.strip()) if "about" in phrase_cues(block.text) else None
        heading_only = (
            about is not None
            and len(block.text.split()) <= 12
            and not block.text.rstrip().endswith(".")
        )
        if about and not release.organization.name:
            name = about["name"].strip(" :")
            release.organization.name = name[4:] if name.startswith("the ") else name
            sources.add("organization.name", [block])
            if heading_only:
                continue
            text = (
                _strip_prefix(text, block.text[about.end() :])
                if block.text[about.end() :].strip()
                else text
            )
        elif heading_only or ("about" in phrase_cues(block.text) and len(block.text.split()) <= 8):
            parts.append(f"**{text.rstrip(':')}**")
            continue
        parts.append(text)
    release.boilerplate = "\n\n".join(parts)
    sources.add("boilerplate", blocks)


def _contacts(release: Release, blocks: list[Block], sources: _Sources) -> None:
    for number, parsed in enumerate(parse_contacts(blocks, release.language), start=1):
        release.contacts.append(parsed.contact)
        sources.add(f"contacts[{number}]", parsed.blocks)


def _contacts_in_prose(release: Release, blocks: list[Block], sources: _Sources) -> None:
    """A release with no contact block that names one in a sentence ("... contact Kim
    Mitchell at 612-725-3276"): that person becomes its contact; the sentence stays."""
    for block in blocks:
        for parsed in contacts_in_sentence(block, release.language):
            if all(c.name != parsed.contact.name for c in release.contacts):
                release.contacts.append(parsed.contact)
                sources.add(f"contacts[{len(release.contacts)}]", parsed.blocks)


def _links(release: Release, blocks: list[Block], sources: _Sources) -> None:
    for block in blocks:
        found = list(block.links) or [
            (block.text.replace(url, " "), url) for url in URL.findall(EMAIL.sub(" ", block.text))
        ]
        for title, url in found:
            title = " ".join(title.split()).strip(" :-–—•")  # noqa: PLW2901
            url = _web_url(url)  # noqa: PLW2901
            if title.lower() == url.lower() or not re.search(r"\w", title):
                title = ""  # noqa: PLW2901
            release.links.append(Link(title or url, url))
            sources.add(f"links[{len(release.links)}]", [block])


def _social(release: Release, by_role: dict[Role, list[Block]], sources: _Sources) -> None:
    """Website and social accounts: from their own lines, else from the boilerplate's text."""
    organization: Organization = release.organization
    candidates = by_role[Role.SOCIAL] + by_role[Role.BOILERPLATE]
    for block in candidates:
        urls = [u for _, u in block.links] or URL.findall(EMAIL.sub(" ", block.text))
        for url in urls:
            url = _web_url(url)  # noqa: PLW2901
            network = next((n for site, n in SOCIAL_SITES.items() if site in url.lower()), "")
            if network:
                if all(s.url != url for s in organization.social):
                    organization.social.append(SocialHandle(network=network, url=url))
                    sources.add(f"organization.social[{len(organization.social)}]", [block])
            elif not organization.website and (block in by_role[Role.SOCIAL] or _visit(block.text)):
                organization.website = url
                sources.add("organization.website", [block])
        if block in by_role[Role.SOCIAL]:
            for handle in HANDLE.findall(block.text):
                handle = handle.strip(" (")  # noqa: PLW2901
                network = _network_named(block.text) or "twitter"
                if all(s.handle != handle for s in organization.social):
                    organization.social.append(SocialHandle(network=network, handle=handle))
                    sources.add(f"organization.social[{len(organization.social)}]", [block])


def _visit(text: str) -> bool:
    return bool(
        re.search(
            r"\b(visit|website|web site|online at|on the web|besuchen|site|sitio)\b", text, re.I
        )
    )


def _network_named(text: str) -> str:
    lowered = text.lower()
    for network in (
        "mastodon",
        "bluesky",
        "instagram",
        "linkedin",
        "facebook",
        "threads",
        "twitter",
    ):
        if network in lowered:
            return network
    return "x" if re.search(r"\bx\b", lowered) else ""


def _web_url(url: str) -> str:
    url = url.strip().rstrip(".,;:")
    if url.lower().startswith("www."):
        return "https://" + url
    if not re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
        return "https://" + url
    return url
