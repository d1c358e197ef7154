"""Markdown escaping and the unified diff: each line must render as the text it is."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.render import explain_lines, markdown_escape, to_markdown, unified_diff


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        pytest.param("# 1 in the charts", "\\# 1 in the charts", id="heading"),
        pytest.param("#MeToo spread fast.", "\\#MeToo spread fast.", id="hashtag-at-start"),
        pytest.param("- Sales rose.", "\\- Sales rose.", id="bullet"),
        pytest.param("+3 places", "\\+3 places", id="plus"),
        pytest.param("* Prices include VAT", "\\* Prices include VAT", id="star-bullet"),
        pytest.param("> 50 per cent", "\\> 50 per cent", id="block-quote"),
        pytest.param("1. Liverpool", "1\\. Liverpool", id="ordered-list"),
        pytest.param("2) Arsenal", "2\\) Arsenal", id="ordered-list-paren"),
        pytest.param("1986. A year to remember", "1986\\. A year to remember", id="year-at-start"),
        pytest.param("1234567890. Too long for a list", "1234567890. Too long for a list", id="ten-digits"),
        pytest.param("===", "\\===", id="setext-underline"),
        pytest.param("a *really* big_deal", "a \\*really\\* big\\_deal", id="emphasis"),
        pytest.param("see [sic] and `code`", "see \\[sic\\] and \\`code\\`", id="link-and-code"),
        pytest.param("play <b>three</b> dates", "play \\<b>three\\</b> dates", id="html"),
        pytest.param("Tom &amp; Jerry", "Tom \\&amp; Jerry", id="entity"),
        pytest.param("Tom & Jerry, C# and 5 > 3", "Tom & Jerry, C# and 5 > 3", id="harmless"),
    ],
)
def test_markdown_escape(line: str, escaped: str):
    assert markdown_escape(line) == escaped


def test_markdown_document():
    result = newsclean.clean("Lisbon band tops the chart\n\n1. Maré Alta\n2. The Velvet Hours\n\n- A bullet.\n")
    assert to_markdown(result) == (
        "# Lisbon band tops the chart\n\n1\\. Maré Alta\n\n2\\. The Velvet Hours\n\n\\- A bullet.\n"
    )


def test_markdown_without_title():
    result = newsclean.clean("The council met on Monday.\n")
    assert to_markdown(result) == "The council met on Monday.\n"
    assert to_markdown(newsclean.clean("")) == ""


def test_markdown_title_ending_in_a_hash_keeps_it():
    # unescaped, "# Why we love C #" would end in an ATX closing sequence and render "Why we love C"
    result = newsclean.clean("Why we love C #\n\nThe language turns 50.\n")
    assert to_markdown(result).startswith("# Why we love C \\#\n")


def test_unified_diff():
    diff = unified_diff("a\nb\n", "a\nc\n", "x.txt")
    assert diff.splitlines() == ["--- x.txt", "+++ x.txt (cleaned)", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]
    assert unified_diff("a\n", "a\n", "x.txt") == ""


def test_unified_diff_marks_a_missing_final_newline():
    assert "\\ No newline at end of file\n" in unified_diff("a", "a\n", "x.txt")


def test_unified_diff_of_line_endings():
    diff = unified_diff("a\r\nb", "a\nb\n", "x.txt")
    assert diff.splitlines(keepends=True)[2:] == [
        "@@ -1,2 +1,2 @@\n",
        "-a\r\n",
        "-b\n",
        "\\ No newline at end of file\n",
        "+a\n",
        "+b\n",
    ]


def test_explain_names_the_line_ending_edits():
    result = newsclean.clean("Title here\r\nBody.")
    headers = [text for style, text in explain_lines(result.edits, "x.txt") if style == "bold"]
    assert headers == [
        "x.txt:1:11: whitespace line-ending: line ending '\\r\\n' -> '\\n'",
        "x.txt:2:6: whitespace line-ending: missing final newline",
    ]


def test_explain_shows_a_carriage_return_escaped():
    result = newsclean.clean("Title here\r\nBody.\r")
    lines = [text for _, text in explain_lines(result.edits, "x.txt")]
    assert not any("\r" in line for line in lines)
    assert "    - \\r\\n" in lines and "    - \\r" in lines


@pytest.mark.parametrize(
    ("before", "after", "hunk"),
    [
        pytest.param("a\rb\r", "a\nb\n", "@@ -1,2 +1,2 @@", id="lone-cr-lines"),
        pytest.param("a\u2028b\n", "a b\n", "@@ -1 +1 @@", id="line-separator-inside-a-line"),
    ],
)
def test_unified_diff_splits_lines_as_the_document_does(before: str, after: str, hunk: str):
    diff = unified_diff(before, after, "x.txt")
    assert "No newline at end of file" not in diff
    assert diff.splitlines()[2] == hunk


def test_explain_shows_a_join_and_its_separator():
    from newsclean.config import Config
    from newsclean.model import Context, Document, apply_stage
    from newsclean.stages.fragments import rejoin_fragments

    doc = Document.from_text("Trump won by\n30 points\n.\n")
    _, edits = apply_stage(doc, rejoin_fragments(doc, Context(Config(), "en")))
    lines = [text for _, text in explain_lines(edits, "in.txt")]
    assert lines == [
        'in.txt:2:1: fragments join-line: continues line 1 ("Trump won by" ends mid-phrase)',
        "    + joined to the previous line with ' '",
        'in.txt:3:1: fragments join-line: continues line 1 ("Trump won by 30 points" has no sentence end; this line'
        ' starts with ".")',
        "    + joined to the previous line with ''",
    ]
