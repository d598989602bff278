"""The kit web page and the fact sheet's HTML: one context, two Jinja2 templates
(``resources/kit/``), rendered in Jinja2's sandbox with autoescaping.

Markdown (description, history, bios) goes through the release's sanitizing renderer; every
address a template puts in ``href`` went through :func:`~presskit.model.urls.link_href`.
Every ``<img>`` carries alt text: the kit's own, or, when the author left it out (the
``image-alt-missing`` check warns), the caption or the person's name.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

from presskit import __version__
from presskit.bundled import resource_path
from presskit.kit.labels import kit_labels
from presskit.kit.model import Kit
from presskit.kit.publish import FACT_SHEET_NAME, ImageFile, KitBundle
from presskit.model.css_values import DEFAULT_ACCENT, css_colour, css_page_size
from presskit.model.release import Contact
from presskit.model.urls import WEB_SCHEMES, display_url, link_href
from presskit.model.wording import file_size
from presskit.render.context import page_size
from presskit.render.markdown_body import markdown_to_html as _markdown
from presskit.render.theme_templates import bundled_environment
from presskit.render.themes import load_theme

NAV = ("about", "facts", "people", "photos", "logos", "quotes", "awards", "videos", "releases",
       "contacts")  # fmt: skip


@cache
def _environment() -> jinja2.Environment:
    env = bundled_environment("kit")
    env.filters["display_url"] = display_url
    return env


def markdown_to_html(text: str) -> Markup:
    """Sanitized HTML (nh3, in the release's renderer), marked safe for the templates."""
    return Markup(_markdown(text))  # noqa: S704 - nh3 has cleaned it


def _image_view(found: ImageFile) -> dict[str, Any]:
    return {
        "full": found.full, "web": found.web, "original": found.original,
        "width": found.width, "height": found.height,
        "web_width": found.web_width, "web_height": found.web_height,
        "size": file_size(found.full_bytes), "web_data_url": found.web_data_url,
    }  # fmt: skip


def _contact_view(contact: Contact) -> dict[str, Any]:
    role = ", ".join(p for p in (contact.title, contact.organization, contact.city) if p.strip())
    phones = [
        {"number": p.number, "label": p.label, "href": "tel:" + re.sub(r"[^0-9+]", "", p.number)}
        for p in contact.phones
        if p.number.strip()
    ]
    return {"name": contact.name, "role": role, "phones": phones, "email": contact.email.strip()}


def _people(bundle: KitBundle) -> list[dict[str, Any]]:
    views = []
    for person, photo in zip(bundle.kit.people, bundle.people, strict=True):
        views.append({
            "name": person.name, "role": person.role, "bio_html": markdown_to_html(person.bio),
            "photo": _image_view(photo) if photo else None,
            "alt": person.photo_alt.strip() or person.name.strip() or "Portrait",
        })  # fmt: skip
    return views


def _images(bundle: KitBundle, photo_label: str) -> list[dict[str, Any]]:
    views = []
    for i, (image, found) in enumerate(zip(bundle.kit.images, bundle.images, strict=True), 1):
        if found is None:
            continue
        alt = image.alt.strip() or image.caption.strip() or f"{photo_label} {i}"
        views.append({
            "file": _image_view(found), "caption": image.caption, "credit": image.credit,
            "license": image.license, "alt": alt,
        })  # fmt: skip
    return views


def _accent(kit: Kit) -> str:
    """The house colour, through the one check for values written into CSS."""
    try:
        theme_accent = load_theme(kit.theme).accent
    except LookupError:
        theme_accent = DEFAULT_ACCENT
    return css_colour(kit.organization.accent, theme_accent)


def kit_context(bundle: KitBundle, *, fact_sheet: bool = True) -> dict[str, Any]:
    """What both templates receive."""
    kit = bundle.kit
    labels = kit_labels(kit.language)
    logos = [
        {"name": logo.name, "variant": logo.variant, "data_url": logo.data_url,
         "type": logo.name.rsplit(".", 1)[-1].upper()}
        for logo in bundle.logos if logo is not None
    ]  # fmt: skip
    context: dict[str, Any] = {
        "lang": kit.language or "en",
        "labels": labels,
        "title": kit.title,
        "accent": _accent(kit),
        "page_size": css_page_size(page_size(kit.language)),
        "version_string": f"Presskit {__version__}",
        "org": {"website": link_href(kit.organization.website, schemes=WEB_SCHEMES)},
        "masthead_logo": logos[0] if logos else None,
        "description_html": markdown_to_html(kit.description),
        "history_html": markdown_to_html(kit.history),
        "facts": [f for f in kit.facts if f.label.strip() or f.value.strip()],
        "people": _people(bundle),
        "images": _images(bundle, labels["photo"]),
        "logos": logos,
        "videos": [
            {"title": v.title, "url": link_href(v.url, schemes=WEB_SCHEMES)} for v in kit.videos
        ],
        "quotes": [
            {"text": q.text, "source": q.source, "url": link_href(q.url, schemes=WEB_SCHEMES)}
            for q in kit.quotes
            if q.text.strip()
        ],
        "awards": [a for a in kit.awards if a.title.strip()],
        "releases": bundle.releases,
        "contacts": [_contact_view(c) for c in kit.contacts if c.name.strip()],
        "vcard": bundle.vcard,
        "fact_sheet": FACT_SHEET_NAME if fact_sheet else "",
    }
    sections = {"about": context["description_html"] or context["history_html"],
                "photos": context["images"]}  # fmt: skip
    context["nav"] = [
        (key, labels["gallery" if key == "photos" else key])
        for key in NAV
        if sections.get(key, context.get(key))
    ]
    return context


def render_page(bundle: KitBundle, *, fact_sheet: bool = True) -> str:
    """The kit's standalone web page (``index.html``): stylesheet inline, images beside it."""
    context = kit_context(bundle, fact_sheet=fact_sheet)
    css = resource_path("kit", "page.css").read_text(encoding="utf-8")
    context["css"] = Markup(css)  # noqa: S704 - our own bundled stylesheet
    return _environment().get_template("page.html.j2").render(context)


def render_fact_sheet_html(bundle: KitBundle) -> str:
    """The fact sheet as HTML for WeasyPrint: images embedded as ``data:`` URLs."""
    return _environment().get_template("factsheet.html.j2").render(kit_context(bundle))
