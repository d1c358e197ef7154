"""Config: every option of the pipeline in one immutable record, with its defaults in one place."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from .templates import Templates

#: The stages in the order they run. The names are the ones users type (``--skip captions``), the
#: ones edits carry, and the config keys: one word for one thing. ``templates`` does nothing unless
#: the config carries templates (a folder cleaned with ``--templates``).
STAGE_NAMES = (
    "unicode",
    "templates",
    "structure",
    "joins",
    "headline",
    "captions",
    "boilerplate",
    "fragments",
    "whitespace",
)


class ConfigError(ValueError):
    """A bad option value; the message names the option."""


@dataclass(frozen=True)
class Config:
    """Options for :func:`newsclean.clean`.

    - ``skip``: stage names not to run.
    - ``only``: if not empty, run just these stages.
    - ``lang``: force the document language (a wordfreq code such as ``en`` or ``de``); ``None``
      detects it per document. A language wordfreq does not cover gets only the
      language-independent join rules (punctuation, digits, quotes).
    - ``protected_words``: words the joins stage never splits (``Zinoviev``), case-insensitive.
    - ``extra_words``: words added to the lexicon, so that a glued neighbour can be recognised
      (``Kormilitsyna``) and the word itself is never split.
    - ``templates``: the lines that the documents cleaned together repeat, found by
      :func:`newsclean.templates.find_templates` over all of them; the ``templates`` stage drops
      them. ``None`` (the default): a document is cleaned on its own.
    """

    skip: frozenset[str] = frozenset()
    only: frozenset[str] = frozenset()
    lang: str | None = None
    protected_words: frozenset[str] = frozenset()
    extra_words: frozenset[str] = frozenset()
    templates: Templates | None = None

    def __post_init__(self) -> None:
        for name in ("skip", "only", "protected_words", "extra_words"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ConfigError(f"{name}: expected a list of strings, got the string {value!r}")
            object.__setattr__(self, name, frozenset(value))
        for name in ("skip", "only"):
            unknown = sorted(getattr(self, name) - set(STAGE_NAMES))
            if unknown:
                raise ConfigError(f"{name}: unknown stage {', '.join(unknown)} (choose from {', '.join(STAGE_NAMES)})")
        if self.lang is not None and not (isinstance(self.lang, str) and self.lang.strip()):
            raise ConfigError(f"lang: expected a language code such as 'en', got {self.lang!r}")
        if self.templates is not None and not isinstance(self.templates, Templates):
            raise ConfigError(f"templates: expected newsclean.templates.Templates, got {type(self.templates).__name__}")

    def runs(self, stage: str) -> bool:
        if self.only and stage not in self.only:
            return False
        return stage not in self.skip

    @classmethod
    def from_options(cls, **options) -> Config:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise ConfigError(f"unknown option {', '.join(unknown)} (known: {', '.join(sorted(known))})")
        return replace(cls(), **options)
