"""Config: every option of the pipeline in one immutable record, with its defaults in one place;
and the config files that give the command its options (``[tool.newsclean]`` in ``pyproject.toml``,
or ``newsclean.toml``)."""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path

import regex

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


@functools.lru_cache(maxsize=256)
def whole_line_pattern(pattern: str) -> regex.Pattern:
    """A user's line pattern, compiled once; it must match a whole line (spaces collapsed)."""
    return regex.compile(pattern, regex.VERSION1)


def matches_whole_line(patterns: tuple[str, ...], text: str) -> str | None:
    """The first of ``patterns`` that matches all of ``text`` (spaces collapsed), or None."""
    line = " ".join(text.split())
    return next((p for p in patterns if whole_line_pattern(p).fullmatch(line)), None)


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
    - ``boilerplate``: regular expressions for a site's own chrome; the boilerplate stage drops a
      line one of them matches whole (spaces collapsed, edges stripped).
    - ``keep``: regular expressions for lines no stage may drop, matched the same way (a
      newsroom's sign-off that reads like chrome, ``Reporting by Jane Roe; Editing by John Doe``).
    """

    skip: frozenset[str] = frozenset()
    only: frozenset[str] = frozenset()
    lang: str | None = None
    protected_words: frozenset[str] = frozenset()
    extra_words: frozenset[str] = frozenset()
    templates: Templates | None = None
    boilerplate: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("boilerplate", "keep"):
            value = getattr(self, name)
            if isinstance(value, str):
                raise ConfigError(f"{name}: expected a list of regular expressions, got the string {value!r}")
            object.__setattr__(self, name, tuple(value))
            for pattern in getattr(self, name):
                try:
                    whole_line_pattern(pattern)
                except (regex.error, TypeError) as exc:
                    raise ConfigError(f"{name}: {pattern!r} is not a regular expression: {exc}") from None
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


# Config files: the command's options, kept with the files they clean.

#: A file of its own, with the keys at the top level; in a folder it wins over ``pyproject.toml``.
CONFIG_FILE = "newsclean.toml"
#: ``pyproject.toml``, with the keys under ``[tool.newsclean]``.
PYPROJECT = "pyproject.toml"


def _value(value: object) -> str:
    return json.dumps(value, default=str, ensure_ascii=False)


def _strings(value: object) -> tuple[str, ...]:
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise ValueError(f"expected a list of strings, got {_value(value)}")
    return tuple(value)


def _patterns(value: object) -> tuple[str, ...]:
    patterns = _strings(value)
    for pattern in patterns:
        try:
            whole_line_pattern(pattern)
        except regex.error as exc:
            raise ValueError(f"{_value(pattern)} is not a regular expression: {exc}") from None
    return patterns


def _stages(value: object) -> tuple[str, ...]:
    names = _strings(value)
    for name in names:
        if name not in STAGE_NAMES:
            raise ValueError(f"unknown stage {_value(name)} (choose from {', '.join(STAGE_NAMES)})")
    return names


def _language(value: object) -> str:
    if not (isinstance(value, str) and value.strip()):
        raise ValueError(f'expected a language code such as "en", got {_value(value)}')
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {_value(value)}")
    return value


def _at_least(least: int) -> Callable[[object], int]:
    def check(value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ValueError(f"expected a whole number of at least {least}, got {_value(value)}")
        return value

    return check


def _name(value: object) -> str:
    if not (isinstance(value, str) and value):
        raise ValueError(f"expected a field name, got {_value(value)}")
    return value


#: The keys of a config file: the name of the command-line option each stands for (as the command
#: calls its parameter), and the check of its value. A key is the option's long name, except
#: ``words`` (``--word``, repeated).
FILE_KEYS: dict[str, tuple[str, Callable[[object], object]]] = {
    "skip": ("skip", _stages),
    "only": ("only", _stages),
    "lang": ("lang", _language),
    "protect": ("protect", _strings),
    "boilerplate": ("boilerplate", _patterns),
    "keep": ("keep", _patterns),
    "words": ("extra_words", _strings),
    "include": ("include", _strings),
    "exclude": ("exclude", _strings),
    "templates": ("use_templates", _flag),
    "template-min-docs": ("template_min_docs", _at_least(2)),
    "jobs": ("jobs", _at_least(1)),
    "text-field": ("text_field", _name),
}


def _read_toml(path: Path) -> dict:
    import tomllib  # imported here: most runs find no config file, and the parser costs 10 to 20 ms

    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _newsclean_table(path: Path, document: dict) -> dict | None:
    """The ``[tool.newsclean]`` table of a pyproject.toml (None if it has none); a whole newsclean.toml."""
    if path.name != PYPROJECT:
        return document
    table = document.get("tool", {}).get("newsclean")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.newsclean] must be a table, got {_value(table)}")
    return table


def find_config_file(start: str | Path) -> Path | None:
    """The config file nearest above ``start`` (a folder): in each folder up to the root, a
    newsclean.toml, else a pyproject.toml with a ``[tool.newsclean]`` table, as ruff looks for its own.

    A pyproject.toml without the table is passed over, so that a project's own settings for other
    tools do not hide the ones of the folder above; one without the word "newsclean" anywhere
    cannot have it and is not parsed (nor reported when it is not valid TOML: it is not ours).
    """
    folder = Path(start).absolute()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        pyproject = candidate / PYPROJECT
        if (
            pyproject.is_file()
            and _mentions_newsclean(pyproject)
            and _newsclean_table(pyproject, _read_toml(pyproject)) is not None
        ):
            return pyproject
    return None


def _mentions_newsclean(path: Path) -> bool:
    """False if the file cannot hold a newsclean table: the word is not in it. Most projects'
    pyproject.toml are passed over without importing the TOML parser (5 ms at each start)."""
    try:
        return b"newsclean" in path.read_bytes()
    except OSError:
        return True  # reading it again reports the error


def read_config_file(path: str | Path) -> dict[str, object]:
    """The options a config file sets, keyed by the command's parameter names, checked.

    A mistake is a :class:`ConfigError` of one line that names the file and the key, so that a
    misspelt key does not pass unnoticed: ``pyproject.toml: [tool.newsclean] unknown key "protected"
    (did you mean "protect"?)``.
    """
    path = Path(path)
    table = _newsclean_table(path, _read_toml(path))
    where = f"{path}: [tool.newsclean]" if path.name == PYPROJECT else f"{path}:"
    if table is None:
        raise ConfigError(f"{where} no such table")
    options: dict[str, object] = {}
    for key, value in table.items():
        if key not in FILE_KEYS:
            close = difflib.get_close_matches(key, FILE_KEYS, n=1)
            hint = f"did you mean {_value(close[0])}?" if close else f"known: {', '.join(FILE_KEYS)}"
            raise ConfigError(f"{where} unknown key {_value(key)} ({hint})")
        name, check = FILE_KEYS[key]
        try:
            options[name] = check(value)
        except ValueError as exc:
            raise ConfigError(f"{where} {key}: {exc}") from None
    return options
