"""The WeasyPrint URL fetcher for every render: :class:`~presskit.render.sandbox.Sandbox`
policy (data: URLs, bundled resources, images in the release folder), nothing else.
"""

from __future__ import annotations

import os

from presskit.render.sandbox import Sandbox
from presskit.render.weasy import URLFetcher, URLFetcherResponse


class SandboxedFetcher(URLFetcher):
    """A WeasyPrint fetcher that reads only what :class:`Sandbox` allows; never the network."""

    def __init__(
        self,
        release_dir: str | os.PathLike[str] | None = None,
        theme_dir: str | os.PathLike[str] | None = None,
    ):
        super().__init__(allowed_protocols=("data", "file"))
        self.sandbox = Sandbox(release_dir, theme_dir)

    @property
    def refused(self) -> list[str]:
        return self.sandbox.refused

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        data, mime = self.sandbox.read(url)  # FetchRefused: WeasyPrint warns and goes on
        return URLFetcherResponse(url, data, headers={"Content-Type": mime})
