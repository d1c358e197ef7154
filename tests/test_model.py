"""The edit contract: apply_edits / apply_stage / replay / original_column, Document and Result.

Cases are built by hand and check exact offsets and columns, so a change to the arithmetic shows.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.model import (
    DROP_LINE,
    FIX_UNICODE,
    INSERT_SPACE,
    JOIN_LINE,
    LINE_ENDING,
    NORMALIZE_SPACE,
    Document,
    Edit,
    EditConflict,
    Line,
    apply_edits,
    apply_stage,
    original_column,
    replay,
)


def ins(line: int, start: int, end: int, before: str, after: str, stage: str = "joins") -> Edit:
    return Edit(stage, INSERT_SPACE, line, start, end, before, after, "test")


def drop(line: int, text: str, stage: str = "captions") -> Edit:
    return Edit(stage, DROP_LINE, line, 0, len(text), text, "", "test")


def join(line: int, sep: str = " ", stage: str = "fragments") -> Edit:
    return Edit(stage, JOIN_LINE, line, 0, 0, "", sep, "test")


def eol(line: int, at: int, before: str, after: str = "\n") -> Edit:
    return Edit("whitespace", LINE_ENDING, line, at, at, before, after, "test")


# Document.from_text


@pytest.mark.parametrize(
    ("text", "lines", "endings"),
    [
        pytest.param("", (), (), id="empty"),
        pytest.param("\n", ("",), ("\n",), id="one-blank-line"),
        pytest.param("a", ("a",), ("",), id="no-final-newline"),
        pytest.param("a\n", ("a",), ("\n",), id="final-newline-ends-the-line"),
        pytest.param("a\nb", ("a", "b"), ("\n", ""), id="two-lines-no-final-newline"),
        pytest.param("a\n\n", ("a", ""), ("\n", "\n"), id="trailing-blank-line-kept"),
        pytest.param("a\r\nb\r\n", ("a", "b"), ("\r\n", "\r\n"), id="crlf"),
        pytest.param("a\rb\r", ("a", "b"), ("\r", "\r"), id="lone-cr-is-a-line-break"),
        pytest.param("\r", ("",), ("\r",), id="one-blank-line-cr"),
        pytest.param("a\r\nb\rc", ("a", "b", "c"), ("\r\n", "\r", ""), id="mixed-endings"),
        pytest.param("a\r\r\nb", ("a", "", "b"), ("\r", "\r\n", ""), id="cr-then-crlf"),
        pytest.param("a\n\rb", ("a", "", "b"), ("\n", "\r", ""), id="lf-then-cr-is-two-breaks"),
        pytest.param("a\u2028b\fc\n", ("a\u2028b\fc",), ("\n",), id="line-separator-is-not-a-break"),
    ],
)
def test_document_from_text(text: str, lines: tuple[str, ...], endings: tuple[str, ...]):
    doc = Document.from_text(text)
    assert tuple(line.text for line in doc.lines) == lines
    assert tuple(line.ending for line in doc.lines) == endings
    assert tuple(line.number for line in doc.lines) == tuple(range(1, len(lines) + 1))
    assert doc.text == text, "the document keeps every terminator: it round-trips its input exactly"


def test_line_ending_defaults_to_lf():
    assert Line(1, "x") == Line(1, "x", "\n")
    assert Document((Line(1, "a"), Line(2, "b"))).text == "a\nb\n"


# apply_edits


def test_insert_space():
    doc = Document.from_text("Putinand Kim\n")
    new, applied = apply_stage(doc, [ins(1, 0, 8, "Putinand", "Putin and")])
    assert new.text == "Putin and Kim\n"
    assert [e.column for e in applied] == [1]
    assert doc.text == "Putinand Kim\n", "the input document is never changed"


def test_no_edits_returns_the_same_document():
    doc = Document.from_text("a\n")
    assert apply_stage(doc, []) == (doc, [])


def test_several_edits_on_one_line_all_refer_to_the_same_text():
    doc = Document.from_text("by30 and Putinand\n")
    new = apply_edits(doc, [ins(1, 9, 17, "Putinand", "Putin and"), ins(1, 0, 4, "by30", "by 30")])
    assert new.text == "by 30 and Putin and\n"


def test_adjacent_edits_are_not_a_conflict():
    doc = Document.from_text("abcd\n")
    assert apply_edits(doc, [ins(1, 0, 2, "ab", "AB"), ins(1, 2, 4, "cd", "CD")]).text == "ABCD\n"


def test_drop_line_keeps_other_line_numbers():
    doc = Document.from_text("Title\nPhoto: Jane Doe\nBody.\n")
    new = apply_edits(doc, [drop(2, "Photo: Jane Doe")])
    assert new.lines == (Line(1, "Title"), Line(3, "Body."))


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([ins(1, 0, 5, "Putin", "P"), ins(1, 3, 8, "inand", "x")], id="overlapping-spans"),
        pytest.param([ins(1, 0, 8, "Putinand", "a"), ins(1, 0, 8, "Putinand", "b")], id="same-span-twice"),
        pytest.param([ins(1, 2, 10, "Putinand", "Putin and")], id="before-does-not-match"),
        pytest.param([drop(1, "Putinand Kim is here")], id="drop-line-before-mismatch"),
        pytest.param([drop(1, "Putinand Kim"), ins(1, 0, 8, "Putinand", "Putin and")], id="drop-and-edit-same-line"),
        pytest.param([drop(1, "Putinand Kim"), drop(1, "Putinand Kim")], id="line-dropped-twice"),
        pytest.param([ins(7, 0, 1, "x", "y")], id="line-not-in-document"),
        pytest.param([eol(1, 12, "\r\n")], id="line-ending-before-mismatch"),
        pytest.param([eol(1, 12, "\n", "\r\n"), eol(1, 12, "\n", "")], id="line-ending-twice"),
    ],
)
def test_conflicting_edits_raise(edits: list[Edit]):
    doc = Document.from_text("Putinand Kim\n")
    with pytest.raises(EditConflict):
        apply_edits(doc, edits)


def test_edits_for_a_dropped_line_raise_in_a_later_stage():
    doc = apply_edits(Document.from_text("a\nb\n"), [drop(2, "b")])
    with pytest.raises(EditConflict, match=r"\[2\]"):
        apply_edits(doc, [ins(2, 0, 1, "b", "B")])


# Line endings: a LINE_ENDING edit replaces a line's terminator, not its text.


def test_line_ending_edits_replace_the_terminators():
    doc = Document.from_text("a\r\nbc\rd")
    new, applied = apply_stage(doc, [eol(1, 1, "\r\n"), eol(2, 2, "\r"), eol(3, 1, "")])
    assert new.text == "a\nbc\nd\n"
    assert [line.text for line in new.lines] == ["a", "bc", "d"]
    assert [e.column for e in applied] == [2, 3, 2], "the column where the terminator stands in the input"
    assert doc.text == "a\r\nbc\rd", "the input document is never changed"


def test_line_ending_and_in_line_edits_on_one_line():
    doc = Document.from_text("Putinand Kim \r\n")
    trailing = Edit("whitespace", NORMALIZE_SPACE, 1, 12, 13, " ", "", "edge")
    new, applied = apply_stage(doc, [trailing, eol(1, 13, "\r\n")])
    assert new.text == "Putinand Kim\n"
    assert [(e.kind, e.column) for e in applied] == [(LINE_ENDING, 14), (NORMALIZE_SPACE, 13)]


def test_line_ending_column_after_an_earlier_lengthening_edit():
    # "Putinand Kim\r\n": joins makes the text one longer, the terminator still stands at column 13
    doc = Document.from_text("Putinand Kim\r\n")
    doc, _ = apply_stage(doc, [ins(1, 0, 8, "Putinand", "Putin and")])
    doc, applied = apply_stage(doc, [eol(1, 13, "\r\n")])
    assert doc.text == "Putin and Kim\n"
    assert [e.column for e in applied] == [13]


def test_line_ending_of_a_dropped_line_is_gone_with_it():
    doc = Document.from_text("Body.\r\nAdvertisement\r\n")
    assert apply_edits(doc, [drop(2, "Advertisement")]).text == "Body.\r\n"


def test_line_ending_edit_of_a_dropped_line_is_a_conflict():
    doc = Document.from_text("Body.\nAdvertisement\r\n")
    with pytest.raises(EditConflict):
        apply_edits(doc, [drop(2, "Advertisement"), eol(2, 13, "\r\n")])


# Columns: where an edit stands in the *original* input line, after earlier stages changed it.


def test_column_after_an_earlier_shortening_edit():
    # "CafÃ© Putinand": the unicode stage turns 5 characters into 4, so "Putinand" moves from
    # offset 6 to offset 5; its column must still be 7, where the user sees it in the input file.
    doc = Document.from_text("CafÃ© Putinand\n")
    doc, applied = apply_stage(doc, [Edit("unicode", FIX_UNICODE, 1, 0, 5, "CafÃ©", "Café", "test")])
    assert doc.lines[0].text == "Café Putinand"
    assert [e.column for e in applied] == [1]
    doc, applied = apply_stage(doc, [ins(1, 5, 13, "Putinand", "Putin and")])
    assert doc.lines[0].text == "Café Putin and"
    assert [(e.start, e.column) for e in applied] == [(5, 7)]


def test_column_after_an_earlier_lengthening_edit():
    # "a\tb  Putinand\t": tab -> space keeps length; "  " -> " " shortens by one.
    line = "a\tb  Putinand\t"
    doc = Document.from_text(line)
    doc, _ = apply_stage(doc, [ins(1, 5, 13, "Putinand", "Putin and")])  # +1 at offset 5
    assert doc.lines[0].text == "a\tb  Putin and\t"
    space = [
        Edit("whitespace", NORMALIZE_SPACE, 1, 1, 2, "\t", " ", "tab"),
        Edit("whitespace", NORMALIZE_SPACE, 1, 3, 5, "  ", " ", "run"),
        Edit("whitespace", NORMALIZE_SPACE, 1, 14, 15, "\t", "", "edge"),
    ]
    doc, applied = apply_stage(doc, space)
    assert doc.lines[0].text == "a b Putin and"
    # the trailing tab is at offset 14 now, 13 in the input: column 14
    assert [e.column for e in applied] == [2, 4, 14]
    assert line.index("\t", 2) + 1 == 14


def test_column_of_a_position_inside_an_earlier_edit_maps_to_its_start():
    doc = Document.from_text("CafÃ© Putinand\n")
    doc, _ = apply_stage(doc, [ins(1, 6, 14, "Putinand", "Putin and")])
    # "and" now starts at offset 12, inside the text the joins edit produced (6..15): column 7
    doc, applied = apply_stage(doc, [Edit("x", FIX_UNICODE, 1, 12, 15, "and", "AND", "test")])
    assert [e.column for e in applied] == [7]


def test_column_after_two_edits_of_one_stage():
    # Stage 1 applies two edits to "ab.Cd,ef gh": each inserts one space. Stage 2 edits "gh",
    # which stands at offset 9 in the input and at 11 after stage 1: column 10.
    doc = Document.from_text("ab.Cd,ef gh\n")
    doc, applied = apply_stage(doc, [ins(1, 0, 4, "ab.C", "ab. C"), ins(1, 4, 8, "d,ef", "d, ef")])
    assert doc.lines[0].text == "ab. Cd, ef gh"
    assert [e.column for e in applied] == [1, 5]
    doc, applied = apply_stage(doc, [Edit("x", FIX_UNICODE, 1, 11, 13, "gh", "GH", "test")])
    assert [e.column for e in applied] == [10]
    assert "ab.Cd,ef gh".index("gh") + 1 == 10


@pytest.mark.parametrize(
    ("history", "pos", "column"),
    [
        pytest.param((), 0, 1, id="no-history"),
        pytest.param((), 7, 8, id="no-history-later"),
        pytest.param((Edit("u", FIX_UNICODE, 1, 0, 5, "CafÃ©", "Café", ""),), 5, 7, id="after-shortening"),
        pytest.param((Edit("u", FIX_UNICODE, 1, 3, 5, "Ã©", "é", ""),), 2, 3, id="before-the-edit-unchanged"),
        pytest.param((Edit("u", FIX_UNICODE, 1, 3, 5, "Ã©", "é", ""),), 3, 4, id="at-the-edit-start"),
        pytest.param((ins(1, 0, 8, "Putinand", "Putin and"),), 9, 9, id="after-lengthening"),
        pytest.param((ins(1, 0, 8, "Putinand", "Putin and"),), 6, 1, id="inside-maps-to-start"),
        pytest.param((ins(1, 0, 4, "ab.C", "ab. C"), ins(1, 6, 10, "d,ef", "d, ef")), 11, 10, id="two-edits-in-order"),
    ],
)
def test_original_column(history: tuple[Edit, ...], pos: int, column: int):
    assert original_column(history, pos) == column


# replay


def test_replay_applies_stage_by_stage():
    text = "Putinand Kim\nPutinand Kim\nPhoto: Jane Doe\n"
    edits = [
        ins(1, 0, 8, "Putinand", "Putin and"),
        ins(2, 0, 8, "Putinand", "Putin and"),
        Edit("headline", DROP_LINE, 2, 0, 13, "Putin and Kim", "", "repeat"),
        drop(3, "Photo: Jane Doe"),
    ]
    assert replay(text, edits) == "Putin and Kim\n"


@pytest.mark.parametrize("text", ["a\nb\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "a\r\nb\rc"])
def test_replay_without_edits_is_the_input(text: str):
    assert replay(text, []) == text


def test_replay_of_a_real_result():
    headline = "Seoul warns Moscow over arms deal"
    text = f"{headline}\n\n{headline}\n\nVladimir Putinand the envoy met.\nAdvertisement\n"
    result = newsclean.clean(text, lang="en")
    assert replay(text, result.edits) == result.text
    assert [e.stage for e in result.edits] == sorted(
        (e.stage for e in result.edits), key=newsclean.STAGE_NAMES.index
    ), "edits are listed in stage order"


def test_replay_rejects_edits_that_do_not_fit():
    with pytest.raises(EditConflict):
        replay("Putin and Kim\n", [ins(1, 0, 8, "Putinand", "Putin and")])


# Result, Edit


def test_empty_text():
    result = newsclean.clean("")
    assert (result.text, result.title, result.paragraphs, result.edits) == ("", None, (), ())
    assert not result.changed
    assert result.stats.lines_in == result.stats.lines_out == 0


@pytest.mark.parametrize(
    "text",
    ["\n", "\n\n\n", "   \n\t\n", "\u00a0", "\r", "\r\n\r\n", " \r\t"],
    ids=["lf", "lf-run", "spaces-tab", "nbsp", "cr", "crlf-run", "cr-between-spaces"],
)
def test_blank_text_becomes_empty(text: str):
    result = newsclean.clean(text)
    assert result.text == ""
    assert result.changed
    assert replay(text, result.edits) == ""


def test_adding_the_final_newline_is_an_edit():
    result = newsclean.clean("Hello world.")
    assert result.text == "Hello world.\n"
    assert result.changed
    assert [(e.stage, e.kind, e.line, e.column, e.before, e.after, e.reason) for e in result.edits] == [
        ("whitespace", LINE_ENDING, 1, 13, "", "\n", "missing final newline")
    ]


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        pytest.param("One.\r\nTwo.\r\n", ["line ending '\\r\\n' -> '\\n'"] * 2, id="crlf"),
        pytest.param("One.\rTwo.\r", ["line ending '\\r' -> '\\n'"] * 2, id="lone-cr"),
        pytest.param(
            "One.\r\nTwo.\rThree.",
            ["line ending '\\r\\n' -> '\\n'", "line ending '\\r' -> '\\n'", "missing final newline"],
            id="mixed",
        ),
        pytest.param("One.\nTwo.\n", [], id="lf-is-already-right"),
    ],
)
def test_one_line_ending_edit_per_line_that_needs_it(text: str, reasons: list[str]):
    result = newsclean.clean(text)
    assert [e.reason for e in result.edits if e.kind == LINE_ENDING] == reasons
    assert result.changed == bool(reasons)
    assert "\r" not in result.text and result.text.endswith("\n")
    assert replay(text, result.edits) == result.text


def test_edit_to_dict():
    e = Edit("joins", INSERT_SPACE, 3, 5, 13, "Putinand", "Putin and", "glued words", column=7)
    assert e.to_dict() == {
        "stage": "joins",
        "kind": "insert-space",
        "line": 3,
        "column": 7,
        "start": 5,
        "end": 13,
        "before": "Putinand",
        "after": "Putin and",
        "reason": "glued words",
    }
    assert Edit(**e.to_dict()) == e


def test_stats():
    text = "A headline of five words\n\nPutinand the envoy met.\nAdvertisement\n"
    result = newsclean.clean(text, lang="en")
    assert result.stats.lines_in == 4
    assert result.stats.lines_out == 3
    assert result.stats.chars_in == len(text)
    assert result.stats.chars_out == len(result.text)
    assert result.stats.edits_by_stage == {"joins": 1, "boilerplate": 1}


def test_stats_count_lines_at_every_kind_of_break():
    result = newsclean.clean("One.\rTwo.\r\n\nThree.")
    assert (result.stats.lines_in, result.stats.lines_out) == (4, 4)
    assert result.text == "One.\nTwo.\n\nThree.\n"
    assert result.paragraphs == ("One.", "Two.", "Three.")


# join-line


def test_join_line_appends_the_line_to_the_previous_one():
    doc = Document.from_text("said at\na rally\r\nNext.\n")
    new, applied = apply_stage(doc, [join(2)])
    assert new.lines == (Line(1, "said at a rally", "\r\n"), Line(3, "Next."))
    assert [(e.line, e.column) for e in applied] == [(2, 1)]


def test_a_chain_of_joins_makes_one_line():
    doc = Document.from_text("Trump won by\n30 points\n.\n")
    new = apply_edits(doc, [join(2), join(3, "")])
    assert new.text == "Trump won by 30 points.\n"
    assert [line.number for line in new.lines] == [1]


def test_join_after_in_line_edits_of_the_same_stage_on_the_previous_line():
    doc = Document.from_text("Putinand\nKim\n")
    assert apply_edits(doc, [ins(1, 0, 8, "Putinand", "Putin and", "fragments"), join(2)]).text == "Putin and Kim\n"


@pytest.mark.parametrize(
    "edits",
    [
        pytest.param([join(1)], id="first-line-has-nothing-to-join"),
        pytest.param([drop(1, "ab", "fragments"), join(2)], id="previous-line-dropped-in-the-same-stage"),
        pytest.param([join(2), ins(2, 0, 1, "c", "C", "fragments")], id="joined-line-has-other-edits"),
        pytest.param([join(2), join(2)], id="joined-twice"),
        pytest.param([Edit("fragments", JOIN_LINE, 2, 0, 1, "c", " ", "test")], id="join-replaces-text"),
        pytest.param([join(5)], id="line-not-in-document"),
    ],
)
def test_conflicting_joins_raise(edits: list[Edit]):
    with pytest.raises(EditConflict):
        apply_edits(Document.from_text("ab\ncd\n"), edits)


def test_a_joined_line_is_gone_for_later_stages():
    doc = apply_edits(Document.from_text("a\nb\n"), [join(2)])
    with pytest.raises(EditConflict, match=r"\[2\]"):
        apply_edits(doc, [ins(2, 0, 1, "b", "B")])


def test_column_in_a_merged_line_counts_through_the_joined_originals():
    # "Trump" + " " + "tweeted": the t of "tweeted" is column 7 of line 1
    doc = apply_edits(Document.from_text("Trump\ntweeted\n"), [join(2)])
    _, applied = apply_stage(doc, [ins(1, 6, 7, "t", "T", "whitespace")])
    assert [(e.line, e.column) for e in applied] == [(1, 7)]


def test_column_in_a_merged_line_undoes_the_edits_made_before_the_join():
    # line 1 lost two characters and line 2 gained four before the join; the virtual original is
    # "a  b" + " " + "Putinand x" and "x" stands at column 15 of it
    doc = Document.from_text("a  b\nPutinand x\n")
    doc = apply_edits(doc, [Edit("whitespace", NORMALIZE_SPACE, 1, 1, 3, "  ", " ", "test")])
    doc = apply_edits(doc, [ins(2, 0, 8, "Putinand", "Putin and")])
    doc = apply_edits(doc, [join(2)])
    assert doc.lines[0].text == "a b Putin and x"
    _, applied = apply_stage(doc, [ins(1, 14, 15, "x", "X", "captions"), ins(1, 4, 9, "Putin", "P", "captions")])
    assert sorted((e.before, e.column) for e in applied) == [("Putin", 6), ("x", 15)]


def test_replay_with_joins_and_later_edits():
    text = "Trump\ntweeted\nbefore  Election Day\n"
    edits = [
        join(2),
        join(3),
        Edit("whitespace", NORMALIZE_SPACE, 1, 20, 22, "  ", " ", "test"),
    ]
    assert replay(text, edits) == "Trump tweeted before Election Day\n"


def test_replay_of_the_fragments_stage_then_a_later_stage():
    from newsclean.config import Config
    from newsclean.model import Context
    from newsclean.stages.fragments import rejoin_fragments
    from newsclean.stages.whitespace import normalize_whitespace

    text = "Kentucky Democrats beat Gov. Matt Bevin in a state Trump won by\n30  points\nin 2016.\n"
    ctx = Context(Config(), "en")
    doc, joins = apply_stage(Document.from_text(text), rejoin_fragments(Document.from_text(text), ctx))
    doc, spaces = apply_stage(doc, normalize_whitespace(doc, ctx))
    assert [e.kind for e in joins] == [JOIN_LINE, JOIN_LINE]
    assert doc.text == "Kentucky Democrats beat Gov. Matt Bevin in a state Trump won by 30 points in 2016.\n"
    assert [(e.line, e.column) for e in spaces] == [(1, 67)]
    assert replay(text, joins + spaces) == doc.text
