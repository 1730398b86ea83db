"""newsflow: streaming news ingestion with entity, place, date and casualty enrichment."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsflow")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+local"
