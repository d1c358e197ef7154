"""newsclean: turn raw scraped news text into clean text, and show every change it made.

>>> import newsclean
>>> newsclean.clean_text("Vladimir Putinand the North Korean leader met.\\nAdvertisement\\n")
'Vladimir Putin and the North Korean leader met.\\n'
"""

from __future__ import annotations

from .config import STAGE_NAMES, Config, ConfigError
from .model import Edit, Result, replay

__version__ = "0.1.0"
__all__ = ["STAGE_NAMES", "Config", "ConfigError", "Edit", "Result", "__version__", "clean", "clean_text", "replay"]


def clean(text: str, config: Config | None = None, **options) -> Result:
    """Clean ``text`` and explain every change: like ftfy's ``fix_and_explain``.

    Options are :class:`Config` fields (``skip=["captions"]``, ``lang="de"``); pass either a config
    or options. The result has ``.text``, ``.title``, ``.paragraphs`` and ``.edits``.
    """
    from .pipeline import run

    if options:
        if config is not None:
            raise TypeError("pass a Config or keyword options, not both")
        config = Config.from_options(**options)
    return run(text, config)


def clean_text(text: str, config: Config | None = None) -> str:
    """Clean ``text`` and return the cleaned text only: like ftfy's ``fix_text``.

    It takes no ``**options`` on purpose: harnesses such as the bench scorer pass extra keyword
    arguments to callables that accept them.
    """
    return clean(text, config).text
