"""The package's exceptions. Everything newsflow raises on purpose derives from NewsflowError,
so the CLI can turn a user's mistake into one clear line instead of a stack trace."""


class NewsflowError(Exception):
    """Root of every error newsflow raises deliberately."""


class InputError(NewsflowError):
    """A record or file that cannot be read as an article. `where` says which file/line/offset."""

    def __init__(self, reason: str, *, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{where}: {reason}" if where else reason)


class ConfigError(NewsflowError):
    """Settings that cannot work (bad env var, missing credentials)."""


class BrokerUnavailable(NewsflowError):
    """No Kafka broker answered at the configured bootstrap servers."""
