"""Properties that hold for any input: the edits explain the output exactly, cleaning is idempotent,
space insertion changes only spaces, and the whitespace stage leaves tidy text.

Inputs mix realistic news words with the defects newsclean repairs (glued words, captions, chrome,
odd whitespace), and arbitrary Unicode from ``st.text()``.
"""

from __future__ import annotations

import difflib
import os
import sys

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import STAGE_NAMES
from newsclean.model import Document, replay
from newsclean.pipeline import RUN_ORDER
from newsclean.stages.unicode import _Matcher

#: 150 examples keep the suite fast; NEWSCLEAN_EXAMPLES=5000 makes a thorough search before a release.
EXAMPLES = int(os.environ.get("NEWSCLEAN_EXAMPLES", "150"))
property_test = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = (
    "the of and to in a said on Friday Monday Seoul Moscow Pyongyang Helsinki minister president "
    "government troops border weapons heavily talks agreement Kim Putin Zinoviev Kormilitsyna Chang "
    "McDonald iPhone YouTube DeSantis eBay U.S. e.g. 3.5 1,000 10:30 2024 COVID-19 F-16 MP3 4G 2nd "
    "example.com https://example.com/a,b jane@example.org onto cannot wherein Regierung und die sagte "
    "Straße café naïve Zoë — – … % $ (AP) (1950-1953) #MeToo @JaneDoeNews Jong-un Kim’s ’90s"
).split()
GLUED = (
    "Putinand borderheavily weaponsall aggressionset minesthe does”said us”Chang impeachment.A Hood,lost "
    "afternoon.The by30 30points said“Right Northor warsince theSenate andthe decade,and (AP)The Regierungund"
).split()
PUNCT = [",", ".", ";", ":", "?", "!", "“", "”", '"', "„", "‘", "’", "(", ")", "-", "«", "»"]
LINES = [
    "Finnish Defence Minister Aino Lehtonen (Lehtikuva/Reuters)",
    "Commuters wait at the station. (Jane Doe/AP Photo)",
    "Photo: Jane Doe",
    "Getty Images",
    "PREV Scientists find a beetle that eats plastic",
    "NEXT Storm warning for the coast",
    "For Latest Updates Follow us on Google News",
    "Advertisement",
    "Share this article",
    "Read more",
    "Anzeige",
    "Folgen Sie uns auf Instagram",
    "WASHINGTON (AP) — The Senate voted on Friday.",
    "Next week the council votes.",
    "Share prices fell.",
    "CafÃ© Europa &amp; bar",
    "Finland says it may send air defence to Moldova",
]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u200b", "\u3000"]


tokens = st.one_of(st.sampled_from(WORDS), st.sampled_from(GLUED), st.sampled_from(PUNCT))


@st.composite
def sentences(draw) -> str:
    """Words, glued words and punctuation, each followed by a space, a tab, a no-break space ..."""
    words = draw(st.lists(tokens, min_size=1, max_size=14))
    gaps = draw(st.lists(st.sampled_from(SPACES), min_size=len(words), max_size=len(words)))
    return "".join(word + gap for word, gap in zip(words, gaps))


lines = st.one_of(
    sentences(),
    st.sampled_from(LINES),
    st.sampled_from(["", "", " ", "\t", "\u00a0"]),
    st.text(max_size=30),
)


@st.composite
def documents(draw) -> str:
    body = draw(st.lists(lines, max_size=12))
    if body and draw(st.booleans()):
        body = [body[0], "", body[0], *body]  # a repeated headline
    # mostly one style per document, sometimes mixed: LF, CRLF, or a lone CR (classic Mac)
    styles = ["\n", "\n", "\r\n", "\r"]
    style = draw(st.sampled_from(styles))
    endings = [draw(st.sampled_from(styles)) if draw(st.integers(0, 9)) == 0 else style for _ in body]
    if endings and draw(st.booleans()):
        endings[-1] = ""  # no final newline
    return "".join(line + ending for line, ending in zip(body, endings))


texts = st.one_of(documents(), st.text(), st.text(alphabet=st.characters(codec="utf-8"), max_size=200))


@property_test
@given(texts)
def test_edits_replay_to_the_output(text: str):
    result = newsclean.clean(text)
    assert replay(text, result.edits) == result.text


#: A character that starts a UTF-8 sequence when the bytes are read as Latin-1: "Â", "Ã", "á" ...
_UTF8_LEAD_AS_LATIN1 = regex.compile(r"[\u00c2-\u00f4]")


def _known_idempotence_bug(text: str, first: newsclean.Result, second: newsclean.Result) -> bool:
    """The two known causes of a second run changing the text, excluded narrowly.

    1. ftfy does not always reach a fixed point itself: "\\x80ß\\xa0" -> "€ß" -> "ۧ". Excluded
       only when every change of the second run is the unicode stage's.
    2. On a text of a few words, the repairs of the first run can change the language the second
       run detects ("the e.g. Putinand andthe": Portuguese, then English). Excluded only when the
       detected language differs; with a fixed language (--lang) this cause cannot occur.
    """
    if first.lang != second.lang:
        return True
    changes = [e for e in second.edits if e.stage != "whitespace"]
    return bool(changes) and all(e.stage == "unicode" for e in changes)


@property_test
@given(texts)
def test_cleaning_is_idempotent_in_a_fixed_language(text: str):
    config = newsclean.Config(lang="en")
    first = newsclean.clean(text, config)
    second = newsclean.clean(first.text, config)
    assume(not _known_idempotence_bug(text, first, second))
    assert second.text == first.text


@property_test
@given(texts)
def test_cleaning_is_idempotent(text: str):
    first = newsclean.clean(text)
    second = newsclean.clean(first.text)
    assume(not _known_idempotence_bug(text, first, second))
    assert second.text == first.text


def test_idempotence_when_removed_lines_change_the_language():
    # the language is detected on the article lines only: the caption the first run removes must
    # not decide it, or the first run sees no language and the second sees English
    text = "Finnish Defence Minister Aino Lehtonen (Lehtikuva/Reuters)\nthe Putinand envoy\n"
    once = newsclean.clean_text(text)
    assert newsclean.clean_text(once) == once


def test_idempotence_when_a_split_exposes_a_word_glued_to_a_number():
    # joins splits the parts its splits leave: "Putinand30" -> "Putin and30" -> "Putin and 30" in one run
    config = newsclean.Config(lang="en")
    once = newsclean.clean_text("The talks with Putinand30 aides ended.\n", config)
    assert once == "The talks with Putin and 30 aides ended.\n"
    assert newsclean.clean_text(once, config) == once


def test_idempotence_when_a_split_waiting_for_evidence_shares_a_cut():
    # "PutinandFriday": the case-change cut Putinand|Friday waits for evidence (both words seen alone),
    # and must not hide the split and|Friday of the part "andFriday" that a second run would make
    config = newsclean.Config(lang="en")
    once = newsclean.clean_text("The talks with PutinandFriday ended.\n", config)
    assert newsclean.clean_text(once, config) == once


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Ο πρωθυπουργός συναντήθηκε με τον πρόεδροκαι τους υπουργούς την Παρασκευή.\n".encode().decode("latin-1"),
            id="mojibake",
        ),
        pytest.param("Putinand theSenate\n", id="glued-words"),
    ],
)
def test_idempotence_when_repairs_change_the_language(text: str):
    once = newsclean.clean(text)
    twice = newsclean.clean(once.text)
    assert (twice.lang, twice.text) == (once.lang, once.text)


@property_test
@given(texts)
def test_joins_change_only_spaces(text: str):
    result = newsclean.clean(text, only=["joins"])
    assert regex.sub(r"\s", "", result.text) == regex.sub(r"\s", "", text)
    assert all(e.after.replace(" ", "") == e.before for e in result.edits)


@property_test
@given(texts)
def test_whitespace_leaves_tidy_text(text: str):
    out = newsclean.clean_text(text)
    if not out:
        return
    assert out.endswith("\n") and not out.endswith("\n\n"), "one final newline, no trailing blank line"
    assert not out.startswith("\n"), "no leading blank line"
    assert "\n\n\n" not in out, "no run of blank lines"
    assert "\r" not in out
    for line in out.split("\n"):
        assert line == line.strip(), f"space at the edge of {line!r}"
        assert "  " not in line and "\t" not in line


def _in_run_order(stages: list[str]) -> bool:
    """True if the stages follow RUN_ORDER, each one any number of times."""
    pos = 0
    for stage in stages:
        while pos < len(RUN_ORDER) and RUN_ORDER[pos] != stage:
            pos += 1
        if pos == len(RUN_ORDER):
            return False
    return True


@property_test
@given(texts)
def test_every_edit_is_well_formed(text: str):
    result = newsclean.clean(text)
    assert _in_run_order([e.stage for e in result.edits]), "edits are listed in the order the stages ran"
    n_lines = len(Document.from_text(text).lines)
    for e in result.edits:
        assert e.stage in STAGE_NAMES and e.kind and e.reason, e
        assert 1 <= e.line <= n_lines and e.column >= 1, e
        assert 0 <= e.start <= e.end, e
        # a drop removes the line, a join merges it (with "" between "said" and ".")
        assert e.before != e.after or e.kind in ("drop-line", "join-line"), e


def test_idempotence_with_a_repeated_headline_and_a_repeated_standfirst():
    # every repeated heading near the top loses its copies in the first run, not one per run
    headline, standfirst = "Finland says it may send air defence to Moldova", "Helsinki weighs the risks of a wider war"
    text = f"{headline}\n\n{headline}\n\n{standfirst}\n\n{standfirst}\n\nThe cabinet meets on Monday.\n"
    once = newsclean.clean_text(text)
    assert once == f"{headline}\n\n{standfirst}\n\nThe cabinet meets on Monday.\n"
    assert newsclean.clean_text(once) == once


@pytest.mark.parametrize(
    "text", ["Â\t0\n", "Ã\f0\n", "á€\t0\n"], ids=["a-circumflex-tab", "a-tilde-form-feed", "three-byte-sequence"]
)
def test_idempotence_when_whitespace_changes_what_ftfy_sees(text: str):
    once = newsclean.clean_text(text)
    assert newsclean.clean_text(once) == once


@property_test
@given(texts)
def test_document_round_trips_its_input(text: str):
    doc = Document.from_text(text)
    assert doc.text == text
    assert all("\n" not in line.text and "\r" not in line.text for line in doc.lines)
    assert all(line.ending in ("\n", "\r\n", "\r") for line in doc.lines[:-1])
    assert all(line.ending in ("\n", "\r\n", "\r", "") for line in doc.lines[-1:])


@st.composite
def similar_texts(draw) -> tuple[str, str]:
    """Two texts over a few letters (so that equal substrings abound), the second mostly the first
    with a few stretches replaced, as ftfy's repairs leave a line."""
    letters = st.sampled_from("ab é&;")
    a = draw(st.text(alphabet=letters, max_size=40))
    b = a
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(b)))
        j = draw(st.integers(i, min(len(b), i + 4)))
        b = b[:i] + draw(st.text(alphabet=letters, max_size=3)) + b[j:]
    if draw(st.integers(0, 4)) == 0:
        b = draw(st.text(alphabet=letters, max_size=40))
    return a, b


@property_test
@given(similar_texts(), st.data())
def test_unicode_matcher_finds_what_difflib_finds(texts: tuple[str, str], data: st.DataObject):
    """The unicode stage's faster longest-match search gives difflib's opcodes, ties included."""
    a, b = texts
    ours = _Matcher(None, a, b, autojunk=False)
    theirs = difflib.SequenceMatcher(None, a, b, autojunk=False)
    assert ours.get_opcodes() == theirs.get_opcodes()
    alo = data.draw(st.integers(0, len(a)))
    ahi = data.draw(st.integers(alo, len(a)))
    blo = data.draw(st.integers(0, len(b)))
    bhi = data.draw(st.integers(blo, len(b)))
    assert ours.find_longest_match(alo, ahi, blo, bhi) == theirs.find_longest_match(alo, ahi, blo, bhi)


@property_test
@given(
    st.text(
        alphabet=st.sampled_from([*"aZéÉ9²", *PUNCT, *"—–-…•●▪►■/*·[](){}“”‘’«»\"'_@#:;,.!?%"]),
        max_size=12,
    )
)
def test_punctuation_trigger_hides_no_punctuation_split(token: str):
    """The joins stage runs its punctuation regex only on tokens with one of the marks its rules
    need; that is only right while no rule of the regex can match a token without one."""
    from newsclean.stages.joins import _PUNCT_SPLIT, _PUNCT_TRIGGER

    if _PUNCT_TRIGGER.search(token) is None:
        assert list(_PUNCT_SPLIT.finditer(token)) == []


@property_test
@given(st.text(alphabet=st.sampled_from([*"aZé9 .,!?", '"', "“", "”", "„", "«", "»"]), max_size=40))
def test_quote_splits_count_quotes_as_the_plain_definition_does(text: str):
    """The joins stage finds each quote's place among the line's quotes with a search over their
    offsets, counted once (a long line has thousands); the answers are those of counting the
    quotes before each one."""
    from newsclean.stages.joins import _CLOSE_THEN_LETTER, _LETTER_THEN_OPEN, _guillemet_splits, _quote_splits

    def opens(pos: int) -> bool | None:
        return None if text.count('"') % 2 else text.count('"', 0, pos) % 2 == 0

    expected = []
    if any(q in text for q in '"”“„«»'):
        expected = _guillemet_splits(text)
        for m in _CLOSE_THEN_LETTER.finditer(text):
            if not (m.group(1) == '"' and opens(m.start()) is not False):
                expected.append((m.end(), f'missing space after closing quote "{m.group(1)}"'))
        if "„" in text:
            for m in regex.finditer(r"(?<=\p{L}[\p{P}]?)(“)(?=\p{L})", text):
                if text.count("„", 0, m.start()) > text.count("“", 0, m.start()):
                    expected.append((m.end(), 'missing space after closing quote "“"'))
        for m in _LETTER_THEN_OPEN.finditer(text):
            q, o = m.group(1), opens(m.start())
            if q == '"' and not (o or (o is None and regex.match(r'[.!?]"\p{Lu}\p{Ll}', text[m.start() - 1 :]))):
                continue
            if not (q == "“" and "„" in text):
                expected.append((m.start(), f'missing space before opening quote "{q}"'))
    assert _quote_splits(text) == expected


# The inputs that break text tools: control characters, combining marks with nothing to combine
# with, very long tokens, right-to-left text and bidi controls, emoji (with joiners and skin tones).
HARD_PIECES = st.one_of(
    st.sampled_from(["\x00", "\x07", "\x1b[0m", "\x7f", "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffd"]),
    st.sampled_from(["\u0301", "\u0308\u0301", "\u20dd", "\u0e49"]),  # lone combining marks
    st.sampled_from(["שלום עולם", "مرحبا بالعالم", "\u202eevil\u202c", "\u200f", "\u061c"]),
    st.sampled_from(["😀", "👩‍👩‍👧", "👍🏽", "🇩🇪", "\u200d"]),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "Putinand", "é", "字", "-"]), st.integers(1000, 10_000)),
    tokens,
)
hard_texts = st.lists(st.one_of(HARD_PIECES, st.sampled_from([" ", "\n", "\n\n"])), max_size=20).map("".join)


@settings(max_examples=EXAMPLES if EXAMPLES > 150 else 60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hard_texts)
def test_hard_inputs_never_raise_replay_and_are_idempotent(text: str):
    result = newsclean.clean(text)
    assert replay(text, result.edits) == result.text
    again = newsclean.clean(result.text)
    assert again.text == result.text or _known_idempotence_bug(result.text, result, again)


def test_word_core_shortcut_sees_no_edge_punctuation():
    """A token that starts and ends with a letter or digit is its own core (joins._Cores skips the
    regex): no character is both alphanumeric and punctuation or a symbol."""
    edge = regex.compile(r"[\p{P}\p{S}]")
    assert not [hex(i) for i in range(sys.maxunicode + 1) if chr(i).isalnum() and edge.match(chr(i))]


#: Pieces of words for the split search: common words, rare ones, and bits of both.
SEGMENT_PIECES = (
    "the of in and a to i where wherein on onto at no vie v zi prison suspect s ed ing er "
    "together get her nation al national sequence consequence at ten tion attention war since"
).split()


@property_test
@given(st.lists(st.sampled_from(SEGMENT_PIECES), min_size=1, max_size=4).map("".join), st.sampled_from(["en", "de"]))
def test_split_search_with_a_floor_finds_the_splits_that_matter(word: str, lang: str):
    """For a known word the joins stage searches only parts that could make a winning split (above
    a floor); the best split it finds must be the full search's whenever that one wins."""
    from newsclean.stages.joins import _MAX_PART_LETTERS, KNOWN_WORD_MARGIN, _cached_segmenter

    seg = _cached_segmenter(lang, frozenset(), frozenset())
    assume(len(word) <= _MAX_PART_LETTERS)
    for whole_z in (seg.zipf(word), 0.5, 2.0, 3.0, 3.9):
        need = whole_z - 9 + KNOWN_WORD_MARGIN
        full = seg._viterbi(word)
        pruned = seg._viterbi(word, need + seg._part_floor_over_need)
        if full is not None and full[0] >= need:
            assert pruned == full
        else:
            assert pruned is None or pruned[0] < need


def _mojibake_alphabet() -> list[str]:
    """Characters of ftfy's mojibake categories and their neighbours, ASCII, and a few others."""
    from ftfy.badness import MOJIBAKE_CATEGORIES

    listed = regex.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    near = [chr(i) for i in range(0x80, 0x2600) if listed.match(chr(i))]
    return near + list("aZ09 .,;:!?'\"-\t") + list("ЂђΆö€™Ã©â€™Ð¿ÂÃ") + ["😀", "字", "\u0301"]


@property_test
@given(st.text(alphabet=st.sampled_from(_mojibake_alphabet()), max_size=12))
def test_mojibake_precheck_hides_no_badness(text: str):
    """The unicode stage runs ftfy's badness test only on a line with one of the characters every
    alternative of it needs; a line without one must never be bad."""
    from ftfy.badness import is_bad

    from newsclean.stages.unicode import _maybe_mojibake

    if _maybe_mojibake().search(text) is None:
        assert not is_bad(text)


@property_test
@given(st.text(alphabet=st.sampled_from(_mojibake_alphabet()), max_size=16))
def test_lines_the_unicode_stage_passes_over_are_left_alone_by_ftfy(text: str):
    """Wherever the unicode stage's precheck finds nothing, ftfy (with the stage's settings) would
    change nothing: the precheck only saves time."""
    from newsclean.stages.unicode import _OTHER_SPACE, _fix_line, _needs_ftfy

    probe = _OTHER_SPACE.sub(" ", text)
    if not _needs_ftfy(probe):
        assert _fix_line(probe)[0] == probe
