"""One newsroom build, from the source folders to the site folder.

The order is what keeps embargoes safe and the site whole at every moment:

1. Find and load the releases; hold back every one still under embargo (the gate).
2. Withdraw first: whatever the last build published that is not published now (held back
   again, deleted, renamed) loses its page, PDF and kit, and if anything was withdrawn the
   listings (index, archives, feeds, search, sitemap) are rewritten at once without it.
3. Render what changed: a release whose content changed gets its PDF, kit and page (PDF and
   kit first, so a page never links to a file not yet there); one whose page frame changed
   (a new language version, a new site title) gets its page only; the rest are left alone.
4. Write the listings for everything published, remove what is left over, and record the
   manifest.

Cancelling (or a release that fails to render) leaves a consistent site: a release that was
not rendered keeps the page an earlier build made, or is not listed yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from presskit.model.css_values import DEFAULT_ACCENT, normal_colour
from presskit.newsroom.entries import Entry, make_entries
from presskit.newsroom.feeds import feed_files
from presskit.newsroom.fingerprint import content_fingerprint, frame_digest
from presskit.newsroom.gate import embargo_hold
from presskit.newsroom.items import Item, content_fields, content_of, item_files, make_item
from presskit.newsroom.manifest import (
    MANIFEST_NAME,
    Manifest,
    Record,
    manifest_bytes,
    read_manifest,
)
from presskit.newsroom.options import (
    DEFAULT_TITLE,
    OptionsError,
    SiteOptions,
    check_folders,
)
from presskit.newsroom.pages import archive_pages, index_pages, search_files
from presskit.newsroom.release_page import Downloads, FrameError, frame_context, frame_page
from presskit.newsroom.render import Rendered, RenderJob, ignore_interrupts, render_release
from presskit.newsroom.site_files import SiteFileError, SiteWriter
from presskit.newsroom.sitemap import sitemap
from presskit.newsroom.sources import find_releases, shown_path
from presskit.newsroom.templates import Site
from presskit.render.themes import ThemeError, load_theme
from presskit.storage.atomic import write_atomic

Progress = Callable[[int, int, str], None]
OWN_FOLDERS = ("releases", "archive")
OWN_TOP_FILES = (
    "index.html", "search.html", "search-index.js", "assets/search.js", "feed.xml", "rss.xml",
    "sitemap.xml",
)  # fmt: skip
POOL_FROM = 3
"""Render in worker processes from this many full renders on (one costs about half a second)."""


@dataclass
class BuildReport:
    """What a build did, for the person who ran it."""

    site_dir: Path
    published: int = 0
    rendered: list[str] = field(default_factory=list)  # releases rendered (shown names)
    unchanged: int = 0
    reframed: int = 0  # pages framed anew (a language version came or went), not re-rendered
    held: list[str] = field(default_factory=list)  # "<file>: held back until …"
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    cancelled: bool = False


@dataclass
class _Plan:
    entry: Entry
    fingerprint: str
    previous: Record | None
    job: RenderJob | None = None  # None: nothing to render
    item: Item | None = None  # set once the entry's files are in place


def _frame_digest(context: dict[str, object]) -> str:
    """What a release page's frame is made of: its context and the newsroom's templates."""
    text = json.dumps(context, default=repr, sort_keys=True) + frame_digest()
    return hashlib.sha256(text.encode()).hexdigest()


def _site(options: SiteOptions, entries: list[Entry]) -> Site:
    organizations = [e.release.organization for e in entries]
    names = Counter(org.name for org in organizations if org.name)
    accents = Counter(normal_colour(org.accent) for org in organizations)
    accents.pop(None, None)  # only colours reach the CSS (model/css_values.py)
    title = options.title.strip()
    if not title and len(names) == 1:
        title = f"{names.most_common(1)[0][0]} {DEFAULT_TITLE}"
    title = title or DEFAULT_TITLE
    accent = accents.most_common(1)[0][0] if accents else DEFAULT_ACCENT
    return Site(title, options.base_url, accent)


def _newest_first(item: Item) -> tuple[float, str, str]:
    """The order of the listings (as :func:`~presskit.newsroom.entries.make_entries`')."""
    moment = dt.datetime.fromisoformat(item["published"]).timestamp()
    return (-moment, item["title"].casefold(), item["page"])


class _Build:
    def __init__(self, options: SiteOptions, progress: Progress, cancelled: Callable[[], bool]):
        self.options = options
        self.progress = progress
        self.cancelled = cancelled
        self.report = BuildReport(options.site_dir)
        self.writer = SiteWriter(options.site_dir.resolve())
        self.previous = read_manifest(options.site_dir)

    def shown(self, path: Path) -> str:
        return shown_path(path, self.options.sources)

    # 1 -------------------------------------------------------------------------------------
    def entries(self) -> list[Entry]:
        found = find_releases(self.options.sources, exclude=self.options.site_dir)
        self.report.skipped = found.skipped
        now = self.options.moment()
        published = []
        for candidate in found.releases:
            hold = embargo_hold(candidate.release, now)
            if hold is None:
                published.append(candidate)
            else:
                self.report.held.append(f"{self.shown(candidate.path)}: {hold.reason}")
        return make_entries(published)

    # 2 -------------------------------------------------------------------------------------
    def withdraw(self, entries: list[Entry], site: Site) -> None:
        """Before anything else: the site as the last build left it, less what is no longer
        published (its files, its listing entries, its manifest record)."""
        current = {e.key: e for e in entries}
        gone = [key for key in self.previous.records if key not in current]
        if not gone and self.previous.trusted:
            return
        kept = {
            key: r for key, r in self.previous.records.items()
            if key in current and r.item.get("page") == current[key].page
        }  # fmt: skip
        # The current releases' files stay until they are rendered again (a cancelled build
        # keeps them): only what belongs to nothing published now goes.
        current_files = {n for e in entries for n in (e.page, e.pdf, e.kit)}
        self.settle(site, kept, current_files)

    # 3 -------------------------------------------------------------------------------------
    def plan(self, entries: list[Entry], site: Site) -> list[_Plan]:
        plans = []
        for entry in entries:
            theme = self.options.theme or entry.release.theme
            fingerprint = content_fingerprint(entry.data, entry.release, entry.path.parent, theme)
            previous = self.previous.records.get(entry.key)
            plan = _Plan(entry, fingerprint, previous)
            job = RenderJob(entry.key, entry.release, entry.path.parent, self.options.theme)
            if not self._files_current(plan):
                plan.job = job
            else:
                assert previous is not None
                item = make_item(entry, content_of(previous.item))
                if previous.frame != self._frame(entry, site, item)[1]:
                    job.full = False
                    plan.job = job
                else:
                    plan.item = item
            plans.append(plan)
        return plans

    def _files_current(self, plan: _Plan) -> bool:
        previous = plan.previous
        return (
            previous is not None
            and previous.fingerprint == plan.fingerprint
            and self._still_there(plan)
        )

    @staticmethod
    def _frame(entry: Entry, site: Site, item: Item) -> tuple[dict[str, object], str]:
        downloads = Downloads(int(item.get("pdf_size") or 0), int(item.get("kit_size") or 0))
        context = frame_context(entry, site, downloads)
        return context, _frame_digest(context)

    def render(self, plans: list[_Plan], site: Site) -> None:
        # Pages whose frame alone changed first, and never cancelled: they are quick, and a
        # frame may still name a language version that has just been withdrawn.
        quick = [p for p in plans if p.job is not None and not p.job.full]
        for plan in quick:
            assert plan.job is not None
            self.store(plan, render_release(plan.job), site)
        self.report.reframed = len(quick)
        full = [p for p in plans if p.job is not None and p.job.full]
        total = len(full)
        for done, (plan, rendered) in enumerate(self._rendered(full), start=1):
            self.store(plan, rendered, site)
            self.progress(done, total, plan.entry.release.headline)
        self.report.unchanged = sum(1 for p in plans if p.job is None)

    def _rendered(self, plans: list[_Plan]) -> Iterator[tuple[_Plan, Rendered]]:
        by_key = {p.entry.key: p for p in plans}
        jobs = [p.job for p in plans if p.job is not None]
        if len(jobs) < POOL_FROM or self.options.jobs == 1:
            for job in jobs:
                if self.cancelled():
                    self.report.cancelled = True
                    return
                yield by_key[job.key], render_release(job)
            return
        workers = min(self.options.jobs, len(jobs))
        with ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts) as pool:
            futures: dict[Future[Rendered], str] = {
                pool.submit(render_release, job): job.key for job in jobs
            }
            for future in as_completed(futures):
                try:
                    rendered = future.result()
                except Exception as exc:  # a worker that died (killed, out of memory)
                    rendered = Rendered(futures[future], error=f"the render stopped: {exc}")
                yield by_key[rendered.key], rendered
                if self.cancelled():
                    self.report.cancelled = True
                    pool.shutdown(wait=True, cancel_futures=True)
                    return

    def store(self, plan: _Plan, rendered: Rendered, site: Site) -> None:
        entry, shown = plan.entry, self.shown(plan.entry.path)
        self.report.warnings += [f"{shown}: {w}" for w in rendered.warnings]
        if rendered.error:
            self.report.failed.append(f"{shown}: {rendered.error}")
            return
        if plan.job is not None and plan.job.full:
            self.writer.write(entry.pdf, rendered.pdf)
            self.writer.write(entry.kit, rendered.kit)
            sizes = {"pdf_size": len(rendered.pdf), "kit_size": len(rendered.kit)}
            item = make_item(entry, {**content_fields(entry.release), **sizes})
            self.report.rendered.append(shown)
        else:
            assert plan.previous is not None
            item = make_item(entry, content_of(plan.previous.item))
        context, digest = self._frame(entry, site, item)
        try:
            page = frame_page(rendered.html, context)
        except FrameError as exc:
            self.report.failed.append(f"{shown}: {exc}")
            return
        self.writer.write_text(entry.page, page)
        plan.item = item
        plan.previous = Record(plan.fingerprint, digest, item)

    # 4 -------------------------------------------------------------------------------------
    def keep_unrendered(self, plans: list[_Plan]) -> None:
        """A release not rendered now (cancelled, failed) keeps what an earlier build made."""
        for plan in plans:
            if plan.item is None and self._still_there(plan):
                assert plan.previous is not None
                plan.item = plan.previous.item

    def _still_there(self, plan: _Plan) -> bool:
        previous = plan.previous
        return (
            previous is not None
            and previous.item.get("page") == plan.entry.page
            and all((self.writer.root / n).is_file() for n in item_files(previous.item))
        )

    def write_listings(self, site: Site, items: list[Item]) -> list[str]:
        files: dict[str, bytes] = {}
        for group in (index_pages(site, items), archive_pages(site, items)):
            files.update({name: text.encode("utf-8") for name, text in group.items()})
        files.update({n: t.encode("utf-8") for n, t in search_files(site, items).items()})
        files.update(feed_files(site, items))
        if site.base_url:
            pages = [n for n in files if n.endswith(".html")]
            files["sitemap.xml"] = sitemap(site, sorted(pages), items)
        for name, data in files.items():
            self.writer.write(name, data)
        return list(files)

    def finish(self, plans: list[_Plan], site: Site) -> None:
        self.keep_unrendered(plans)
        records = {p.entry.key: p.previous for p in plans if p.item is not None and p.previous}
        self.settle(site, {k: r for k, r in records.items() if r is not None}, set())
        self.report.published = len(records)
        if not site.base_url:
            self.report.notes.append(
                "no base URL: the Atom and RSS feeds and the sitemap need absolute links and "
                "were not written (give one with --base-url)"
            )

    def settle(self, site: Site, records: dict[str, Record], spare: set[str]) -> None:
        """Make the site list exactly ``records``: write the listings, remove every other
        file the build made (except ``spare``), and record the manifest."""
        items = sorted((r.item for r in records.values()), key=_newest_first)
        pages = {item["page"] for item in items}
        for item in items:  # a language version not listed is not named either
            item["versions"] = [v for v in item["versions"] if v["page"] in pages]
        listing = self.write_listings(site, items)
        wanted = set(listing) | {n for item in items for n in item_files(item)}
        leftovers = set(self.previous.files)
        if not self.previous.trusted:
            leftovers |= set(OWN_TOP_FILES) | {
                p.name for p in self.writer.root.glob("page-*.html") if p.is_file()
            }
        leftovers |= {n for folder in OWN_FOLDERS for n in self.writer.existing(folder)}
        for name in sorted(leftovers - wanted - spare):
            self.writer.remove(name)
        manifest = Manifest(records, sorted(wanted | (spare & leftovers)))
        data, target = manifest_bytes(manifest), self.writer.root / MANIFEST_NAME
        if not SiteWriter.holds(target, data):
            write_atomic(target, data)


def build_newsroom(
    options: SiteOptions,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BuildReport:
    """Build (or update) the site; see the module docstring. Raises OptionsError for options
    it cannot run with, and SiteFileError when the site folder cannot be written."""
    check_folders(options)
    if options.theme:
        try:
            load_theme(options.theme)
        except ThemeError as exc:
            raise OptionsError(f"--theme: {exc}") from None
    try:
        options.site_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SiteFileError(f"{options.site_dir}: cannot create: {exc.strerror or exc}") from None
    build = _Build(options, progress or (lambda *_: None), cancelled or (lambda: False))
    entries = build.entries()
    site = _site(options, entries)
    build.withdraw(entries, site)
    plans = build.plan(entries, site)
    build.render(plans, site)
    build.finish(plans, site)
    report = build.report
    report.written = list(dict.fromkeys(build.writer.written))
    report.removed = list(dict.fromkeys(build.writer.removed))
    return report
