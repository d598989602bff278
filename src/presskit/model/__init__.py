"""The release model: plain typed data and its validation. No Qt, no I/O."""

from presskit.model.release import (
    DEFAULT_END_MARK,
    DEFAULT_LANGUAGE,
    DEFAULT_THEME,
    FORMAT_VERSION,
    Approval,
    Contact,
    Dateline,
    DatelineStyle,
    Link,
    Organization,
    Phone,
    Release,
    SocialHandle,
    Status,
    Translation,
)
from presskit.model.validation import Problem, validate_release

__all__ = [
    "DEFAULT_END_MARK",
    "DEFAULT_LANGUAGE",
    "DEFAULT_THEME",
    "FORMAT_VERSION",
    "Approval",
    "Contact",
    "Dateline",
    "DatelineStyle",
    "Link",
    "Organization",
    "Phone",
    "Problem",
    "Release",
    "SocialHandle",
    "Status",
    "Translation",
    "validate_release",
]
