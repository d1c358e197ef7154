"""The structure stage: the headlines under a "Related stories" heading go, the article stays.

Cases run through ``newsclean.clean`` with the language forced; the positive cases run the whole
pipeline (the heading itself is a boilerplate line), the negative ones check that article lines
survive both the stage alone and the whole pipeline.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.model import Line, replay
from newsclean.stages import structure

PARAGRAPH = (
    "The city council approved the new budget on Tuesday after a long and heated debate that "
    "lasted well into the night.\n"
)
CLOSING = "Officials said the first payments would reach the districts before the end of the year.\n"


def clean(text: str, **options) -> newsclean.Result:
    result = newsclean.clean(text, lang="en", **options)
    assert replay(text, result.edits) == result.text
    assert newsclean.clean(result.text, lang="en", **options).edits == (), "not idempotent"
    return result


def dropped(result: newsclean.Result, stage: str = "structure") -> list[str]:
    return [e.before for e in result.edits if e.stage == stage]


# What the stage drops: (text, the lines it drops)

DROPS = {
    "related-at-the-end": (
        PARAGRAPH + "Related Stories\nMayor opens new bridge\nFloods close the ring road\n",
        ["Mayor opens new bridge", "Floods close the ring road"],
    ),
    "headline-and-byline-pairs": (
        PARAGRAPH + "More from The Gazette\nWhat the new budget means for you\nAug 2012 by Jane Roe - 12 comments\n",
        ["What the new budget means for you", "Aug 2012 by Jane Roe - 12 comments"],
    ),
    "box-between-paragraphs": (
        PARAGRAPH + "Read more:\nCouncil delays vote on parking fees\n" + CLOSING,
        ["Council delays vote on parking fees"],
    ),
    "german": (
        "Der Stadtrat hat den neuen Haushalt am Dienstag nach einer langen und hitzigen Debatte bis in "
        "die Nacht hinein beschlossen.\nLesen Sie auch:\nNeue Brücke in der Altstadt eröffnet\n",
        ["Neue Brücke in der Altstadt eröffnet"],
    ),
    "french": (
        "Le conseil municipal a adopté mardi le nouveau budget après un long débat animé qui a duré "
        "jusque tard dans la nuit.\nLire aussi\nLe maire inaugure le nouveau pont\n",
        ["Le maire inaugure le nouveau pont"],
    ),
}


@pytest.mark.parametrize(("text", "lines"), DROPS.values(), ids=DROPS.keys())
def test_drops_the_related_links(text: str, lines: list[str]):
    result = clean(text)
    assert dropped(result) == lines
    heading = text.splitlines()[1]
    assert result.text.splitlines() == [line for line in text.splitlines() if line not in [heading, *lines]]
    for e in result.edits:
        if e.stage == "structure":
            assert e.kind == "drop-line"
            assert "related-links list under" in e.reason and "no sentence end" in e.reason


def test_the_heading_goes_with_the_boilerplate_stage():
    result = clean(PARAGRAPH + "Related Stories\nMayor opens new bridge\n")
    assert dropped(result, "boilerplate") == ["Related Stories"]
    assert result.text == PARAGRAPH


def test_the_run_stops_at_the_first_sentence():
    text = PARAGRAPH + "Related Stories\nMayor opens new bridge\n" + CLOSING + "Short closing line\n"
    result = clean(text)
    assert dropped(result) == ["Mayor opens new bridge"]
    assert result.text == PARAGRAPH + CLOSING + "Short closing line\n"


def test_reason_names_the_heading_and_the_features():
    result = clean(PARAGRAPH + "Related Stories\nMayor opens new bridge\nFloods close the ring road\n")
    reasons = [e.reason for e in result.edits if e.stage == "structure"]
    assert reasons == [
        'related-links list under "Related Stories" (line 2): 4 words, no sentence end (1 of 2 short lines)',
        'related-links list under "Related Stories" (line 2): 5 words, no sentence end (2 of 2 short lines)',
    ]


# Article lines that must stay: (text); nothing of it may be dropped by any stage.

KEEPS = {
    "no-heading-short-lines": PARAGRAPH + "Who: Wright State at Loyola\nWhen: 8 p.m., Saturday\n",
    "subheadings-and-list": PARAGRAPH + "What happens next\nThe council meets again in May.\n" + CLOSING,
    "heading-before-the-article": ("Most popular\nCouncil approves budget\nBy Jane Roe\n" + PARAGRAPH),
    "sentence-broken-across-lines": (
        PARAGRAPH + "Latest headlines\nBrown's late basket gave the visitors a\n76-72 lead, which left the hosts\n"
        "needing a miracle in the final seconds of the game.\n"
    ),
    "paragraph-after-heading": PARAGRAPH + "See also\n" + CLOSING,
    "table-after-the-article": PARAGRAPH + "Results\nBlue Jays 4\nRays 1\n",
    "cjk-without-heading": PARAGRAPH + "東京\n大阪\n",
}


@pytest.mark.parametrize("text", KEEPS.values(), ids=KEEPS.keys())
def test_keeps_article_lines(text: str):
    assert clean(text, only=["structure"]).edits == ()
    result = clean(text)
    article = [line for line in text.splitlines() if line not in ("Most popular", "Latest headlines", "See also")]
    # every article line is there, in order; the fragments stage may have joined a broken sentence
    assert result.text.split() == " ".join(article).split()


def test_skip_structure_keeps_the_list():
    text = PARAGRAPH + "Related Stories\nMayor opens new bridge\n"
    result = clean(text, skip=["structure"])
    assert "Mayor opens new bridge" in result.text


def test_a_document_without_prose_is_left_alone():
    text = "Related Stories\nMayor opens new bridge\nFloods close the ring road\n"
    assert dropped(clean(text)) == []


# A page's navigation: many menu lines before the article's first paragraph.

MENU = [f"{section} section" for section in "World Business Sport Culture Science Travel Style Food Money Tech".split()]
MENU += [f"{city} news" for city in "Leeds York Bath Hull Derby Luton Poole Wigan Crewe Ely Ripon Wells Truro".split()]
MENU += ["Morning briefing", "Our podcasts"]  # 25 lines


def test_drops_a_page_menu_and_keeps_the_headline_and_byline():
    head = [*MENU, "Harbour town votes to keep its old ferry", "By Ana Ribeiro", "June 3, 2024"]
    result = clean("\n".join(head) + "\n" + PARAGRAPH + CLOSING)
    drops = [e for e in result.edits if e.stage == "structure"]
    assert [e.before for e in drops] == MENU[:-7]  # the last 10 short lines stay: 7 of the menu, 3 more
    assert drops[0].reason == (
        "navigation before the article: 28 short lines without a sentence end before its first paragraph;"
        " the last 10 stay"
    )
    assert "Harbour town votes to keep its old ferry\nBy Ana Ribeiro\nJune 3, 2024\n" in result.text
    assert newsclean.clean(result.text).edits == ()


def test_a_page_menu_in_pieces_is_found_through_the_joined_paragraph():
    # a page has a line per inline tag: the first paragraph is a paragraph once its pieces are joined
    pieces = "The council of\nEastbridge\nvoted on Monday to keep the ferry that has crossed the bay since 1954.\n"
    result = clean("\n".join(MENU) + "\n" + pieces)
    assert sum(e.stage == "structure" for e in result.edits) == len(MENU) - 10
    assert newsclean.clean(result.text).edits == ()


NAV_KEEPS = {
    "a-few-lines-before-the-article": "\n".join(MENU[:20]) + "\n" + PARAGRAPH,
    "a-table-before-the-article": "\n".join(f"{n}\nDriver {n}\n{100 - n}" for n in range(1, 12)) + "\n" + PARAGRAPH,
    "no-paragraph-at-all": "\n".join(MENU) + "\n",
}


@pytest.mark.parametrize("text", NAV_KEEPS.values(), ids=NAV_KEEPS.keys())
def test_keeps_lines_that_are_not_a_menu(text: str):
    assert clean(text, only=["structure"]).edits == ()


# A page's tail: after the article, a run of short lines, then comments, story links and a footer.

HEAD = ["Harbour town votes to keep its old ferry", "By Ana Ribeiro", "June 3, 2024", "Opinion", "Local", "Politics"]
HEAD += ["Weather", "Listen live"]  # 8 lines before the article
ARTICLE = [
    "The council of Eastbridge voted on Monday to keep the ferry that has crossed the bay since 1954.",
    "Residents had collected more than four thousand signatures against the plan to close the service.",
    "The mayor said the town would look for a new operator before the contract ends next spring.",
]
STORIES = ["Floods close the ring road", "Mayor opens new bridge", "School wins chess cup", "New bakery on Quay Street"]
STORIES += ["Bus fares to rise in May"]
FOOTER = ["Share this article", "Copyright 2024 The Eastbridge Gazette. All rights reserved."]


def page(article=ARTICLE, tail=STORIES + FOOTER, head=HEAD) -> str:
    return "\n".join([*head, *article, *tail]) + "\n"


def test_drops_the_rest_of_a_page_after_the_article():
    result = clean(page())
    drops = [e for e in result.edits if e.stage == "structure"]
    assert [e.before for e in drops] == STORIES + FOOTER
    assert drops[0].reason == (
        "after the article on a page (its last paragraph is line 11, 8 lines stand before it): a run of 5"
        " or more short lines starts at line 12; the rest of the page goes (comments, story links, footer)"
    )
    assert all(line in result.text for line in ARTICLE)


def test_a_text_longer_than_a_page_keeps_its_end(monkeypatch):
    # articles put together in one file: the densest is not "the article" of a page, and what
    # follows it is not its page's tail
    letters = sum(len("".join(ch for ch in line if ch.isalnum())) for line in ARTICLE)
    monkeypatch.setattr(structure, "PAGE_MAX_LETTERS", letters - 1)
    assert [e for e in clean(page()).edits if e.stage == "structure"] == []
    monkeypatch.setattr(structure, "PAGE_MAX_LETTERS", letters)
    assert [e.before for e in clean(page()).edits if e.stage == "structure"] == STORIES + FOOTER


# Two long articles, the first the longer, for the page tail rule's guard against cutting the second
FERRY = [
    *ARTICLE,
    "The ferry carries about nine hundred passengers on a summer weekday and fewer than two hundred in the "
    "winter months, when the crossing is often cancelled because of storms. The council had argued that the "
    "losses of the service, which reached half a million euros last year, could no longer be carried by a "
    "town of twelve thousand people without cutting the budget of the schools and the library.",
    "Shopkeepers on the island side of the bay said that closing the service would have cut them off from "
    "most of their customers, and several of them spoke at the meeting. One of them, who has sold fish at "
    "the harbour for thirty years, said the ferry was the reason her family had stayed on the island at all, "
    "and that her children would leave if the only way to the mainland was the long road around the bay.",
    "The vote was twenty-one to four. The four councillors who voted against keeping the ferry said they "
    "were not against the service itself, but against paying for it from the town budget alone, and they "
    "asked the regional government to share the cost, as it already does for the bus routes that link the "
    "villages in the hills to the hospital and to the railway station in the valley below the town.",
    "The council will now look for a company to run the ferry from next spring, when the contract with the "
    "present operator ends. Three companies have said they are interested, among them the one that runs the "
    "ferries between the islands further north, and the mayor said a choice would be made by the autumn.",
    "Until then the timetable stays as it is: six crossings a day in the summer and four in the winter, the "
    "first at seven in the morning and the last at eight in the evening, with an extra crossing on market days "
    "and during the harbour festival in August, when the town expects more than twenty thousand visitors.",
]
SECOND_ARTICLE = [
    "Bus fares in Eastbridge will rise by ten percent in May, the transport authority announced on Friday, the "
    "first increase since the company that runs the routes was bought by the region four years ago. The "
    "authority said costs had risen faster than its income in every one of those years, mostly because of the "
    "price of fuel and the wages of the drivers, which were raised after a strike two winters ago.",
    "The money will pay for twelve new electric buses, which are due to arrive in the autumn, and for longer "
    "evening services on the three routes that serve the hospital and the college. The authority said that "
    "the new buses would also be quieter and cheaper to run, and that the savings would go towards keeping "
    "the price of a single ticket below two euros for at least the next three years, whatever fuel costs.",
    "Passenger groups called the rise unfair to the people who depend on the buses most, and asked the "
    "council to keep the cheaper weekly ticket for pensioners, students and anyone out of work. A petition "
    "against the rise has collected two thousand signatures in a week, and its organisers said they would "
    "hand it to the authority's board at its next meeting, which is open to the public, in the town hall.",
    "A spokeswoman for the authority said the weekly ticket would stay at its current price until the end of "
    "the summer, and that a review of all the reduced fares would be published before the new routes open. "
    "She said the board would read the petition, and that the authority had no plan to cut any of the routes "
    "that the town's older people and students depend on, in the hills or in the valley below the town.",
    "The new fares will be shown at every stop and on the authority's website from the middle of April, and "
    "drivers will still sell tickets on the buses, although the authority hopes that most passengers will "
    "soon pay with their phones or their bank cards, which it says will make the journeys quicker for all.",
]


def test_a_run_followed_by_another_article_is_not_the_tail():
    # articles put together in one file: the first one's story links and share buttons, then the
    # second one's headline and byline, more lines than stand between two paragraphs of one article
    more = ["Ferry timetable for the summer", "Harbour festival returns", "Lifeboat crew rescues two", "Weather"]
    more += ["New lights for the pier", "Sports", "Opinion"]
    between = [*STORIES, *FOOTER, *more, "Bus fares to rise in May", "By Tom Hale", "June 4, 2024", "Transport"]
    assert len(between) - len(FOOTER) > structure.BLOCK_GAP  # the footer is chrome: it does not count
    result = clean(page(article=FERRY, tail=[*between, *SECOND_ARTICLE, *STORIES, *FOOTER]))
    assert all(line in result.text for line in FERRY + SECOND_ARTICLE)
    # the second article's tail still goes
    assert [e.before for e in result.edits if e.stage == "structure"] == STORIES + FOOTER


def test_another_article_is_paragraphs_in_a_row():
    # a page's story links with their summaries, or comments under their headers, have one
    # paragraph at a time between short lines: they are the tail, not another article
    def lines(texts):
        return [Line(n, text) for n, text in enumerate(texts, 1)]

    in_a_row = lines(["Most read", *SECOND_ARTICLE, "Share this article"])
    assert structure._another_article(in_a_row, 0, len(in_a_row))
    summaries = lines([line for pair in zip(STORIES, SECOND_ARTICLE) for line in pair])
    assert not structure._another_article(summaries, 0, len(summaries))
    headers = lines([line for pair in zip(["June 4, 2024 at 9:12 am"] * 4, SECOND_ARTICLE) for line in pair])
    assert not structure._another_article(headers, 0, len(headers))
    # and a short one is not an article
    assert not structure._another_article(in_a_row[:3], 0, 3)


def test_chrome_lines_count_in_the_run():
    # "View article on single page" and "Share this article" are chrome: the line rules drop them,
    # and a run does not get shorter for it
    chrome = ["View article on single page", "Share this article"]
    result = clean(page(tail=[*chrome, *STORIES[:3], *FOOTER]))
    assert [e.before for e in result.edits if e.stage == "structure"] == STORIES[:3] + FOOTER
    assert newsclean.clean(result.text).edits == ()
    # three short lines alone are no run
    assert [e for e in clean(page(tail=[*STORIES[:3], *FOOTER])).edits if e.stage == "structure"] == []


def test_comments_after_the_run_go_too():
    comments = [
        "Jo Bloggs",
        "June 3, 2024 at 9:12 am",
        "I have taken that ferry every day for twenty years and I am glad it stays.",
    ]
    more = [f"{story} ({place})" for story in STORIES for place in ("Leeds", "York", "Hull")]  # past the article's gap
    result = clean(page(tail=more + comments + FOOTER))
    assert all(line not in result.text for line in comments)


TAIL_KEEPS = {
    # a container: the headline, a byline and a date before the article, not a page's chrome
    "few-lines-before-the-article": page(head=HEAD[:3]),
    # the article announces the list that follows it
    "an-announced-list": page(article=[*ARTICLE[:-1], ARTICLE[-1][:-1] + " at these stops:"]),
    "a-numbered-list": page(tail=[f"{n}. {stop}" for n, stop in enumerate(STORIES, 1)] + FOOTER),
    "a-table": page(tail=[cell for n in range(1, 5) for cell in (f"Stop {n}", f"{n * 7}")] + FOOTER),
    # nothing a site adds (share buttons, a copyright line) after the run: the article's own list
    "no-chrome-after-the-run": page(tail=STORIES),
    # as much running text after the run as the article has: a thread, or a blog's posts
    "as-much-text-after-the-run": page(tail=STORIES + ARTICLE[::-1] + FOOTER),
    # a sentence the scraper broke at inline tags is the article going on
    "code": page(
        tail=["import socket", "s = socket.socket()", "s.connect((host, 80))", "data = s.recv(1024)", *FOOTER]
    ),
    "pieces-of-a-sentence": page(
        tail=["Councillor Ruth Okafor", "and", "the harbour master", "both", "backed the plan", *FOOTER]
    ),
}


@pytest.mark.parametrize("text", TAIL_KEEPS.values(), ids=TAIL_KEEPS.keys())
def test_keeps_what_may_be_the_article_after_its_last_paragraph(text: str):
    result = clean(text, only=["structure"])
    assert [e.before for e in result.edits] == []


# A container (a headline, a byline, a date, then the article) that ends with its widgets: a
# longer run than a page needs, and chrome from there on.

CONTAINER_HEAD = HEAD[:3]
WIDGETS = [*STORIES, "Weather"]  # six short lines


def test_drops_a_containers_widgets_after_its_last_paragraph():
    result = clean(page(head=CONTAINER_HEAD, tail=["Print", "Email", *WIDGETS, *FOOTER]))
    drops = [e for e in result.edits if e.stage == "structure"]
    assert [e.before for e in drops] == WIDGETS + FOOTER
    assert drops[0].reason == (
        "after the last paragraph (line 6): a run of 6 short lines starts at line 9, with 2"
        " chrome lines from there on; the rest goes (tags, share buttons, story links)"
    )
    assert all(line in result.text for line in CONTAINER_HEAD + ARTICLE)


CONTAINER_KEEPS = {
    "a-short-run": page(head=CONTAINER_HEAD, tail=[*WIDGETS[1:], *FOOTER]),
    "one-chrome-line": page(head=CONTAINER_HEAD, tail=[*WIDGETS, FOOTER[1]]),
    # a paragraph after the run: the run is the article's
    "a-paragraph-after-the-run": page(head=CONTAINER_HEAD, tail=[*WIDGETS, CLOSING.strip(), *FOOTER]),
    "an-announced-list": page(
        head=CONTAINER_HEAD, article=[*ARTICLE[:-1], ARTICLE[-1][:-1] + " at these stops:"], tail=WIDGETS + FOOTER
    ),
    "a-table": page(
        head=CONTAINER_HEAD, tail=[cell for n in range(1, 5) for cell in (f"Stop {n}", f"{n * 7}")] + FOOTER
    ),
}


@pytest.mark.parametrize("text", CONTAINER_KEEPS.values(), ids=CONTAINER_KEEPS.keys())
def test_keeps_what_may_be_the_containers_article(text: str):
    assert [e.before for e in clean(text, only=["structure"]).edits] == []


# A comment section: a series of comment headers with a comment between each two.

COMMENTS = [
    "Jo Bloggs",
    "June 3, 2024 at 9:12 am",
    "I have taken that ferry every day for twenty years and I am glad it stays.",
    "Sam Patel says:",
    "June 3, 2024 at 10:40 am",
    "Good news for the island.",
    "Ruth",
    "June 4, 2024 at 8:05 am",
    "Now fix the bus timetable too.",
]


def test_drops_a_comment_section_after_the_article():
    result = clean(page(tail=COMMENTS))
    drops = [e for e in result.edits if e.stage == "structure"]
    assert [e.before for e in drops] == COMMENTS
    assert drops[0].reason == (
        "comment section of a page, after the article (its last paragraph is line 11): 4 comment headers"
        ' (a date and time, "says:") from line 12; the rest of the page goes'
    )


COMMENT_KEEPS = {
    # datelines under the headline are headers with nothing between them
    "published-and-updated": page(
        tail=[
            "Published:",
            "June 3, 2024 at 9:12 am",
            "Updated:",
            "June 3, 2024 at 10:40 am",
            "June 4, 2024 at 8:05 am",
        ]
    ),
    # more running text in the comments than in the article before them: a forum thread
    "a-thread": page(article=ARTICLE[:1], tail=COMMENTS + [ARTICLE[1], ARTICLE[2]] * 4),
}


@pytest.mark.parametrize("text", COMMENT_KEEPS.values(), ids=COMMENT_KEEPS.keys())
def test_keeps_what_is_not_surely_a_comment_section(text: str):
    assert [e.before for e in clean(text, only=["structure"]).edits] == []


def test_a_long_tail_makes_a_page_too():
    # few lines before the article, but 80 after it: a page whose menus came after the article
    places = "Leeds York Hull Bath Ely Wells Truro Ripon Derby Luton Poole Wigan".split()
    links = [f"{story} ({place})" for story in STORIES for place in places[:8]]
    links += [f"{place} {section}" for section in ("weather", "jobs", "sport", "traffic") for place in places]
    result = clean(page(head=HEAD[:3], tail=links + FOOTER))
    assert len(links) >= 80
    assert [e.before for e in result.edits if e.stage == "structure"] == links + FOOTER
