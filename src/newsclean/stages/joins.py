"""joins: put back the spaces a scraper lost where an inline tag ended.

Scrapers that join text nodes with ``''`` glue the last word of a link to the next word:
``Vladimir Putinand the North Korean leader``, ``the borderheavily fortified``, ``does”said``,
``impeachment.A``, ``by30 points``. Each rule below finds one kind of join; a token's splits become
one edit whose reason shows the evidence (the rule, and for dictionary splits the Zipf scores).

The rules are built to keep what is fine as it is: ``Zinoviev``, ``Pyongyang``, ``iPhone``,
``YouTube``, ``U.S.``, ``3.5``, ``1,000``, ``example.com``, ``COVID-19``, ``MP3``. When unsure, keep.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

import regex

from .. import lexicon, rxcache
from ..model import INSERT_SPACE, Context, Document, Edit
from .headline import headline_key
from .lines import is_chrome

STAGE = "joins"

_TOKEN = rxcache.compile(r"\S+")
_LETTERS = rxcache.compile(r"\p{L}+")
# Inside a run of letters, where a new word may start: lower then capital ("toldArs", "TheNew"),
# capitals then lower ("CEOthe"), capitals then a capitalised word ("DLLarry").
_CASE_PIECE = rxcache.compile(r"\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+")
_CASE_CHANGE = rxcache.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu}{2})(?=\p{Ll})|(?<=\p{Lu}{2})(?=\p{Lu}\p{Ll})")

# Tokens that are addresses, not prose: never touched. "example.com", "https://x.org/a,b",
# "jane@example.org", "@JaneDoeNews", "#MeToo".
# The domain endings are lower case: "Beijing.It was" is a sentence, not an Italian address.
_ADDRESS = rxcache.compile(
    r"""(?x)
      ://                               # any URL with a scheme
    | ^(?i:www)\.
    | @ | ^\#\p{L}                       # a handle or a hashtag; not "#4:This"
    | \.(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|ru|info|html?|php|aspx?)(?:\W|$)
    """
)

# Punctuation followed by a letter with no space: the language-independent joins.
_PUNCT_SPLIT = rxcache.compile(
    r"""(?x)
      (?<=\p{Ll}{2}[”“"’»)]?(?:[.!?]+(?<!\.\.)|…))(?=\p{Lu}(?:\p{Ll}|\P{L}|$))  # "afternoon.The",
                      # "attack).Buy"; not "U.S.", "e.g.", "ctypes.POINTER", nor the writer's "posted..Red"
    | (?<=(?<![\p{L}\p{N}_.])\p{L}*\p{Ll}{2}[”"’»)]?[.!?])(?=\p{Lu}{2,}+(?![\p{Ll}\p{N}_(]))  # "special.NYC";
                                           # not "U.S.A.", "e.g.UK", "android.permission.CAMERA", "ctypes.POINTER("
    | (?<=[\p{N}%]\)?[.!?])(?=\p{Lu}(?:\p{Ll}|\P{L}|$))  # "in 2016.The", "(2:12:57).His"; not "3.5", "v1.0"
    | (?<=^[—–])(?=\p{L})                   # "WASHINGTON —Science": a dash that opens a token
    | (?<=^(?:\*{2,}|·))(?=\p{Lu}\p{Ll})      # "***Obama", "·Leave a comment"; not German "und -Verteiler"
    | (?<=\p{L}{2})(?=(?:[—–]|--|//|·)$)     # "the 7 Deadly Sins– the list": a dash that closes a token
    | (?<=\p{L}[,;])(?=\p{L})                # "Hood,lost"; not "1,000"
    | (?<=\p{N},)(?=\p{L}{2})                # "in 2016,the"
    | (?<=\p{L}\)[,;])(?=\p{L})              # "(Mags),Bruno"
    | (?<=\p{L}{2}[”"’)]?:)(?=\p{Lu}(?:\p{Ll}|\P{L}|$))  # "Note:The", "said:I", "(OTA):Auch";
                                                    # not "Freund:innen", "NASDAQ:LOGI"
    | (?<=\p{Ll}\.:)(?=\p{Lu}\p{Ll})          # "11:05 p.m.:Paramedics"
    | (?<=\p{N}:)(?=\p{Lu}\p{Ll})            # "2007:Before"; not "10:30"
    | (?<=\p{L}{2}:)(?=\p{N})                # "Containers:2 Green"; not "10:30"
    | (?<=\p{Ll}:)(?=\p{Lu}{2,}+(?![\p{Ll}\p{N}_(]))  # "By:THN News"; not "NASDAQ:LOGI"
    | (?<=\p{L}{2}:)(?=\p{Ll}{2})(?!in(?:nen)?(?!\p{L}))  # "Nomophobia:anxiety"; not "Lehrer:innen"
    | (?<=\p{L}{2}[!?])(?=\p{Ll}{2})          # "Fair Play?and", "ha!ha"
    | (?<=\p{L}{2}\)[.!?])(?=\p{Lu}(?:\p{Ll}|\P{L}|$))  # "(GPSC).Up to"
    | (?<=[\p{L}.!?]{2}\))(?=\p{Lu}\p{Ll})    # "(AP)The", "shot?)Articles"; not "(s)he", "(multi)media"
    | (?<=\p{L}\])(?=\p{Lu}\p{Ll})            # "[B]In a valley"
    | (?<=\p{N}\))(?=\p{L}{2}|\p{N}|\p{Lu}(?!\p{L}))  # "(1950-1953)ended", "(May 21, 2007)209.", "11)I"
    | (?<=\p{L}{2}\))(?=\p{N})                # "(Aziz Huq)18."
    | (?<=\(\p{Lu}{2,}\))(?=--|—)             # a dateline: "BOSTON (CNN)--In the end"
    | (?<=(?<![\p{L}\p{N}_.])\p{L}*\p{L}{2})(?=\(\p{Ll}{2,}(?:[,;:]|$))  # "Rudolph(well, 12"; not "word(s)",
                                                                   # "hat(te)", "socket.socket(socket.AF_INET"
    | (?<=\p{L}{2}[.!?]?)(?=\((?!(?:R|TM|C|SM)\))(?:\p{Lu}|\p{N}))  # "Argument(Mar. 28)", "Law?(June";
                                                                # not "word(s)", "Harmony(R)", "Naruto(TM)"
    | (?<=\S)(?=[•●▪►■])|(?<=[•●▪►■])(?=\S)   # bullets: "example.•Travel"
    """
)

#: What every rule of _PUNCT_SPLIT needs, as two characters side by side or a mark at an edge of
#: the token: a sentence mark before a capital ("afternoon.The"), a colon, comma or semicolon before a
#: letter ("Note:The", "Hood,lost"), a bracket before a letter or digit or dash, a letter before an
#: opening bracket, a dash or bullet at an edge, a bullet anywhere. A search for these costs about
#: 1 µs, _PUNCT_SPLIT 15 to 60 µs on a token with inner marks ("King’s", "vice-chair", "6:02"),
#: and most tokens with inner marks have none of them. Each branch names the rules it stands for.
_PUNCT_TRIGGER = rxcache.compile(
    r"""(?x)
      [.!?…]\p{Lu}              # a sentence's end, then a capital
    | :[\p{L}\p{N}]             # a colon, then a letter or a digit
    | [!?]\p{Ll}                # "Fair Play?and"
    | [,;]\p{L}                 # "Hood,lost", "in 2016,the", "(Mags),Bruno"
    | [)\]][\p{L}\p{N}\-—]      # a closing bracket, then a word, a number or a dateline's dash
    | [\p{L}.!?]\(              # an opening bracket after a word: "Rudolph(well", "Argument(Mar."
    | ^[—–*·]                   # a dash, asterisks or a middle dot that opens the token
    | [—–·/\-]$                 # a dash, "//" or a middle dot that closes it
    | [•●▪►■]                   # a bullet
    """
)


def _punct_splits(token: str) -> Iterator[regex.Match]:
    return _PUNCT_SPLIT.finditer(token) if _PUNCT_TRIGGER.search(token) else iter(())


#: A digit, as the number rules below read one: each of them needs one.
_DIGIT = rxcache.compile(r"\p{N}")
#: A year glued to a short word: "November 10, 2012By George".
_YEAR_THEN_WORD = rxcache.compile(r"(?<![\p{N}.,:/])(?:19|20)\p{N}{2}(?=(?i:by|in|at|on|to)(?!\p{L}))")

# Digits glued to words. Both sides are checked against the lexicon in code.
_WORD_THEN_NUMBER = rxcache.compile(r"(?<![\p{L}\p{N}-])(\p{L}{2,})(?=\p{N})")  # "by30", "of20"
_NUMBER_THEN_WORD = rxcache.compile(r"(?<=\p{N})(\p{L}{3,})(?![\p{L}\p{N}])")  # "30points", "24hours"

# Words glued to the edges of an address; the address itself is never cut.
_WORD_BEFORE_URL = rxcache.compile(r"^(\p{L}{2,}?)(?=https?://|www\.)")  # "visitwww.example.com"
# "Food:food@example.com", "–https://example.com"; not "mailto:jane@example.org"
_MARK_BEFORE_ADDRESS = rxcache.compile(r"^(?!mailto:)(?:\p{L}{2,}:|[–—])(?=https?://|www\.|[\w.+-]+@)")
_DOMAIN_THEN_WORD = rxcache.compile(r"\.(?:com|org|net|gov|edu)(\p{Ll}{2,})(?=[\p{P}]*$)")  # "sec.govwith"
# "Follow@universetoday", "tag#askthepost"; not "jane@example.org" (an address has a dot after the @)
_WORD_BEFORE_HANDLE = rxcache.compile(r"^(\p{L}{2,}?)(?=[@#]\p{L}[\w]*[\p{P}]*$)")
_MARK_AFTER_ADDRESS = rxcache.compile(r"\](?=https?://|www\.|\p{Lu}\p{Ll})")  # "[1]http://", "[youtube.com]Gulag"
_BULLET_AFTER_ADDRESS = rxcache.compile(r"(?<=\S)[•●▪►■]")  # "ReligionNewsBlog.com•Monday"
_HANDLE_THEN_WORD = rxcache.compile(r"^\(@\w+\)(?=\p{Lu}\p{Ll}|\p{Ll}{2})")  # "(@NGRSenate)October"


def _address_splits(token: str, seg: _Segmenter) -> list[Split]:
    """Spaces missing at the edges of a web address, an e-mail address or a handle."""
    stop = lexicon.stopwords(seg.lang) if seg.lang else frozenset()
    out = []
    m = _WORD_BEFORE_URL.match(token)
    if m and seg.zipf(m.group(1).lower()) >= CASE_LEFT_ZIPF:
        out.append(Split((m.end(),), f'word glued to a web address: "{m.group(1)}"'))
    m = _MARK_BEFORE_ADDRESS.match(token) or _HANDLE_THEN_WORD.match(token)
    if m:
        out.append(Split((m.end(),), f'missing space after "{token[m.end() - 1]}"'))
    m = _WORD_BEFORE_HANDLE.match(token)
    if m and seg.zipf(m.group(1).lower()) >= CASE_LEFT_ZIPF:
        out.append(Split((m.end(),), f'word glued to a handle or tag: "{m.group(1)}"'))
    out += [Split((m.end(),), f'missing space after "{m.group()}"') for m in _MARK_AFTER_ADDRESS.finditer(token)]
    out += [Split((m.start(),), "missing space before a bullet") for m in _BULLET_AFTER_ADDRESS.finditer(token)]
    m = _DOMAIN_THEN_WORD.search(token)
    if m and m.group(1) in stop:
        out.append(Split((m.start(1),), f'function word glued to an address: "{m.group(1)}"'))
    return out


_SENTENCE_THEN_NUMBER = rxcache.compile(r"(?<![\p{L}\p{N}.])(\p{L}{4,})[.!?][”\"’)]?(?=\p{N})")
_NUMBER_BEFORE = rxcache.compile(r"(?<![\p{L}\p{N}.,:/-])\p{N}{2,4}$")
#: Letter parts that follow a number as a unit or suffix, not as a glued word ("100mph", "5min",
#: the British "£15million").
_UNITS = frozenset(
    "mph kph kmh mps fps rpm bpm kbps mbps gbps khz mhz ghz mah kwh mwh gwh hrs yrs mins secs sec "
    "min lbs ozs kms mln bln mio mrd tsd usd eur gbp million billion trillion".split()
)

#: Adjectives that a number starts as one word: German "27jährige", "3fach", "10prozentige".
_NUMBER_ADJECTIVE = rxcache.compile(r"(?:jährig|fach|malig|prozentig|tägig|stündig|wöchig|monatig|seitig|teilig)\p{L}*")

#: Lower-case name particles before a capital: "deGrasse", "vanDyke", "al-Assad" stay whole.
_NAME_PARTICLES = frozenset("de di da du del della des la le van von der den al el ibn bin mac mc".split())

#: Languages that write compounds as one word. There a lower-case token made of known words is
#: usually a real compound ("klimaschutzprogramm"), so a dictionary split needs a function word on
#: one side of every cut ("undder" -> "und der").
_COMPOUNDING = frozenset("de nl sv da nb no fi hu is et af lb".split())
#: Languages whose words take many endings, particles and prefixes that wordfreq's lists do not
#: hold: there an unknown lower-case word is often an inflected form ("wnieśliby", "nieudostępnienie",
#: "wyprzedzająco"), so a dictionary split of one needs every part this long ("изучаем нормативы").
_INFLECTING = frozenset("pl ru uk be cs sk sl hr sr bs bg mk lt lv fi et hu tr".split())
INFLECTING_MIN_PART_LETTERS = 4

#: Word-forming prefixes and suffixes that are also listed as words. A split that leaves one of
#: these as a part is a derivation, not a join: "connect ness", "counter suits", "out sprinting",
#: German separable verbs "nach bastelt", "wieder angebunden". A prefix followed by a function
#: word is still a join: "overthe" -> "over the".
_AFFIXES = {
    "en": (
        frozenset(
            "re un non pre anti hyper counter out over under multi nano micro mega super inter sub semi "
            "co dis mis post mid cyber eco bio geo self trans ultra mini".split()
        ),
        frozenset(
            "ness less ment ments ship ships hood dom ward wards wise able ible ful ism isms ist ists ity "
            "ize izes ized ise ised ing ings ed er ers est ly".split()
        ),
    ),
    "de": (
        frozenset(
            "ab an auf aus bei durch ein gegen hinter mit nach um unter vor weg wieder zu zurück zusammen "
            "fort her hin los miss über ver ent zer".split()
        ),
        frozenset("heit keit ung ungen schaft lich lichen isch ig igen bar los".split()),
    ),
    "es": (
        frozenset("ex anti pre pos post sub super co re des auto micro multi semi contra inter sobre".split()),
        frozenset("mente".split()),
    ),
    "fr": (
        frozenset("ex anti pré post sous super co re ré dé auto micro multi semi contre inter sur".split()),
        frozenset("ment".split()),
    ),
}

# Scoring for dictionary splits, on wordfreq's Zipf scale (log10 of frequency per billion words).
#: Tokens this frequent are never split ("onto" 4.77, "cannot" 5.2); glued junk that wordfreq
#: lists ("ofthe" 3.33, "inthe" 2.58) is far below.
NEVER_SPLIT_ZIPF = 4.5
#: A part of a split must be at least this frequent, by its length: single letters only if they are
#: words ("a", "I"), short parts only if common; most false splits are made of short rare parts
#: ("Busan" -> "Bus an", "Zinoviev" -> "Zi no vie v").
MIN_PART_ZIPF = {1: 6.5, 2: 5.0, 3: 4.0}
MIN_LONG_PART_ZIPF = 2.0
#: Each cut costs this much log-probability: the split must beat the whole word by this margin
#: per cut, which keeps "wherein" (3.78 vs where+in) and "onto" whole.
CUT_COST = 1.5
#: An unknown token of n letters scores UNKNOWN_BASE - UNKNOWN_PER_CHAR * n: long unknown strings are
#: unlikely words ("trumptweetedbefore"), short ones are likely names ("Zinoviev").
UNKNOWN_BASE = -4.0
UNKNOWN_PER_CHAR = 0.7
#: Past this many letters an unknown token pays more per letter: a name or a rare word is seldom
#: that long, a run of glued words often is ("hasbehavedverybadlytowards").
LONG_UNKNOWN_LETTERS = 12
LONG_UNKNOWN_PER_CHAR = 0.5
#: A word the lexicon knows is split only if the split wins by this much more: "ofthe" (3.33) loses
#: to "of the" by 1.3, "Abe" (3.62) beats "A be".
KNOWN_WORD_MARGIN = 1.0
#: A capitalised token is often a name the lexicon lacks ("Stonebridge"); split it only if every
#: part after the head is this common ("Putinand", "Northor"), it is not short ("Anas", "Abe"),
#: and it is not followed by another capitalised word ("Juston Burris").
CAPITALISED_TAIL_ZIPF = 5.5
CAPITALISED_MIN_LETTERS = 6
STOPWORD_HEAD_MIN_LETTERS = 8
#: ... but a function word after the head is a join ("Twitterand"); a two-letter one only after a
#: head this common ("Congresson"; not "Bergeron", "Absurdistan").
SHORT_TAIL_HEAD_ZIPF = 4.0
#: ... and so are two parts at least this long ("Instagramannouncement"; not "Stonebridge").
LONG_PARTS_LETTERS = 6
#: Two capitalised words this long glued together are a join: camel-case brands glue short words.
LONG_WORDS_LETTERS = 7
#: A name the article uses on its own, glued to a word this common: "Ogunjobialso", "Burrisand";
#: or, when the name is a word the lexicon knows, this common ("Nadalkept").
NAME_TAIL_ZIPF = 5.5
NAME_THEN_WORD_ZIPF = 4.0
COMMON_PARTS_ZIPF = 5.0
#: Words before a number must be this common: "by30", "of20" but not "mp3", "covid19".
WORD_BEFORE_NUMBER_ZIPF = 5.0
WORD_AFTER_NUMBER_ZIPF = 4.0
#: A known word this long before a number is a join however rare ("Wallpaper3."): "mp3" is short.
LONG_WORD_BEFORE_NUMBER_LETTERS = 6
#: A lower-case word glued to a capitalised one ("toldArs") must be at least this common.
CASE_LEFT_ZIPF = 3.0
#: Before a word in capitals or a one-letter word ("toldUSA", "becauseI"), it must be this common.
COMMON_LEFT_ZIPF = 4.0
#: ... unless it is this long: a long lower-case word is not the head of a brand ("infielderTyler").
CASE_LEFT_MIN_LETTERS = 6
#: A capitalised word glued after a name the lexicon lacks ("ZinovievSaid") must be this common.
NAME_THEN_TITLE_ZIPF = 3.0

#: A known noun (this common, this long) glued to a function word in a compounding language.
NOUN_HEAD_ZIPF = 3.0
NOUN_MIN_LETTERS = 4
#: The two-letter function words that may end such a token ("Prozessführungim"): other short
#: ones are also endings ("Lehrerin", "Landes", "Lehrer").
_SHORT_TAILS = frozenset("im am zu".split())
_SUFFIX_TAILS = frozenset("sein".split())

#: Month and weekday names: a capitalised one glued to a capitalised word is a date after a byline or
#: a caption ("Jane DoeNovember 5"), not part of a brand.
_CALENDAR_WORDS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag
    samstag sonntag
    janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre lunes
    martes miércoles jueves viernes sábado domingo""".split()
)


#: Inflectional endings that are also words: German "er", "es", "den" end adjectives and
#: participles ("achtlos|er", "gedeckelt|er", "aufkeimend|em"). The first set ends any word; the
#: second follows "-en", where "-end" is a present participle ("verhärten|den" is "verhärtend|en").
_INFLECTION_TAILS = {
    "de": (frozenset("e er es em en".split()), frozenset("de den dem der des".split())),
}


def _inflected(lang: str | None, parts: list[str], stop: frozenset[str]) -> bool:
    """True if the last part is an ending of the word before it, not a function word of its own:
    a function word before it ("ist|es", "für|den") is a join still."""
    if lang not in _INFLECTION_TAILS or len(parts) < 2 or parts[-2] in stop:
        return False
    endings, after_en = _INFLECTION_TAILS[lang]
    return parts[-1] in endings or (parts[-2].endswith("en") and parts[-1] in after_en)


class Split(NamedTuple):
    cuts: tuple[int, ...]  # offsets inside the token where a space goes
    why: str
    #: Evidence the split needs from the document: one of these words must stand alone in it.
    #: "Garrettand" is split only if "Garrett" appears on its own somewhere in the article.
    needs: tuple[str, ...] = ()


def insert_missing_spaces(doc: Document, ctx: Context) -> Iterator[Edit]:
    """Propose one edit per token that has lost spaces.

    >>> from newsclean.config import Config
    >>> doc = Document.from_text("Vladimir Putinand the leader said.The end")
    >>> [e.after for e in insert_missing_spaces(doc, Context(Config(), "en"))]
    ['Putin and', 'said. The']
    """
    splitter = _DocumentSplitter(_Segmenter.for_context(ctx), _word_counts(doc))
    whole = "\n".join(line.text for line in doc.lines)
    # the tokens of a line are its _TOKEN matches; str.split() finds the same ones much faster,
    # unless the text has one of the separators that only str.split() breaks at
    tokens = _TOKEN.findall if _SPLIT_ONLY.search(whole) else str.split
    # decided once per distinct token, and a line without one of them is passed over whole
    to_split = splitter.tokens_with_candidates(set(tokens(whole)))
    found = []  # (line, token match, quote splits): the tokens that may need a space
    for line in doc.lines:
        quotes = _quote_splits(line.text)
        if quotes:
            for m in _TOKEN.finditer(line.text):
                q = [Split((pos - m.start(),), why) for pos, why in quotes if m.start() < pos < m.end()]
                if q or m.group() in to_split:
                    found.append((line, m, q))
        else:
            wanted = to_split.intersection(tokens(line.text))
            if wanted:  # most lines have none
                found += [(line, m, []) for m in _matches_of(line.text, wanted)]
    # Words that stand alone in the document are the evidence some splits need. Splits add words
    # ("Hashmi Mumbai" adds "Mumbai"), which may be evidence for another: iterate to a fixed point,
    # so that cleaning the output again finds nothing new.
    seen = _evidence(splitter.counts)
    chosen: list[list[Split] | None] = [None] * len(found)
    while True:
        resolved = [splitter.resolve(m.group(), seen, q) for _, m, q in found]
        # the words of a token whose splits did not change are in seen already
        words = {
            _core(p)
            for (_, m, _), before, splits in zip(found, chosen, resolved)
            if splits != before
            for p in _apply_cuts(m.group(), splits).split()
        }
        chosen = resolved
        parts = _evidence(words)
        if parts <= seen:
            break
        seen |= parts
    for (line, m, _), splits in zip(found, chosen):
        token = m.group()
        after = _apply_cuts(token, splits)
        if after != token:
            reason = "; ".join(dict.fromkeys(s.why for s in splits))
            yield Edit(STAGE, INSERT_SPACE, line.number, m.start(), m.end(), token, after, reason)


# A word with ordinary punctuation at its edges: "said.", "(Trump", "Kim’s" is not one (inner ’).
_PLAIN_WORD = rxcache.compile(r"[(\[{\"'“‘«]*(\p{L}+)[.,;:!?)\]}\"'”’»]*")
#: Information separators: whitespace to str.split(), not to _TOKEN's \S.
_SPLIT_ONLY = rxcache.compile(r"[\x1c-\x1f]")


def _matches_of(text: str, tokens: set[str]) -> list[regex.Match]:
    """The _TOKEN matches of ``text`` that are one of ``tokens``, in order. Found with str.find:
    a line that has one is often a long paragraph, slow to match token by token."""
    matches = []
    for token in tokens:
        start = text.find(token)
        while start >= 0:
            m = _TOKEN.match(text, start)
            if m.end() == start + len(token) and (start == 0 or _TOKEN.match(text, start - 1) is None):
                matches.append(m)
            start = text.find(token, start + 1)
    return sorted(matches, key=lambda m: m.start())


def _is_common_word(token: str, seg: _Segmenter) -> bool:
    """A frequent word with at most edge punctuation: no rule could split it, so it has no
    candidates even in a line with quotes."""
    m = _PLAIN_WORD.fullmatch(token)
    if m is None:
        return False
    word = m.group(1)
    return (word.islower() or word.istitle()) and seg.zipf(word.lower()) >= NEVER_SPLIT_ZIPF


class _DocumentSplitter:
    """The splits of tokens in one document: the lexical candidates (memoised per document, since
    whether a token repeats is a fact of the document) filtered by the evidence seen so far."""

    def __init__(self, seg: _Segmenter, counts: Counter[str]):
        self.seg = seg
        self.counts = counts
        self._memo: dict[str, tuple[Split, ...]] = {}
        # resolved splits that needed no evidence, the same in every round of insert_missing_spaces
        self._settled: dict[str, list[Split]] = {}

    def tokens_with_candidates(self, tokens: set[str]) -> set[str]:
        """The tokens that have candidate splits. Most have none, and the segmenter remembers
        those: they are set aside with one set difference, and the rest looked at one by one."""
        seg = self.seg
        found = set()
        for token in tokens - seg.quiet_both:
            repeated = self._repeated(token)
            if token in seg.quiet[repeated]:
                continue
            if _is_common_word(token, seg):
                seg.remember_quiet(token, None)
            elif self.candidates(token):
                found.add(token)
            else:
                seg.remember_quiet(token, repeated)
        return found

    def candidates(self, token: str) -> tuple[Split, ...]:
        if token not in self._memo:
            self._memo[token] = self.seg.token_splits(token, self._repeated(token))
        return self._memo[token]

    def _repeated(self, token: str) -> bool:
        return self.counts.get(_core(token), 0) > 1

    def resolve(self, token: str, seen: set[str], extra: list[Split] = ()) -> list[Split]:
        """The token's splits with their evidence, then the splits of the parts they leave, and so
        on: "Putinand30" -> "Putin and30" -> "Putin and 30", what a second run would find."""
        if not extra and token in self._settled:
            return self._settled[token]
        candidates = [*extra, *self.candidates(token)]
        settled = not any(s.needs for s in candidates)
        splits = [s for s in candidates if _has_evidence(s, seen)]
        cuts = sorted({c for s in splits for c in s.cuts if 0 < c < len(token)})
        if not cuts:
            splits = []  # splits that only cut at the token's edges
        else:
            for a, b in itertools.pairwise([0, *cuts, len(token)]):
                splits += [s._replace(cuts=tuple(c + a for c in s.cuts)) for s in self.resolve(token[a:b], seen)]
                settled = settled and token[a:b] in self._settled
        if settled and not extra:
            self._settled[token] = splits
        return splits


def _unknown_score(letters: int) -> float:
    """Log-probability that an unknown token of this many letters is a word of its own."""
    return UNKNOWN_BASE - UNKNOWN_PER_CHAR * letters - LONG_UNKNOWN_PER_CHAR * max(0, letters - LONG_UNKNOWN_LETTERS)


def _word_counts(doc: Document) -> Counter[str]:
    """How often each word stands in the document's distinct article lines.

    A lost space is an accident of markup and rarely repeats itself, while a brand or a name does
    ("my6sense" six times in one article), so a repeated token gets only the structural rules.
    A line counts once however often it is repeated (a headline scraped three times) and caption
    or chrome lines do not count: the stages after this one drop them, and a second run, which no
    longer sees them, must decide the same way.
    """
    # Copies that differ in case or quote style are one line, as the headline stage sees them, and
    # so are copies that differ only in spaces: this stage inserts spaces, which can make them equal.
    lines = {headline_key(line.text).replace(" ", ""): line.text for line in doc.lines}
    words = " ".join(text for text in lines.values() if text.strip() and not is_chrome(text)).split()
    return Counter(map(_core, words))


def _has_evidence(split: Split, seen: set[str]) -> bool:
    """True if the split needs nothing, or one of its needs ("A" or "A B" for both) is seen."""
    return not split.needs or any(all(w in seen for w in need.split()) for need in split.needs)


def _apply_cuts(token: str, splits: list[Split]) -> str:
    cuts = sorted({c for s in splits for c in s.cuts if 0 < c < len(token)})
    return " ".join(token[a:b] for a, b in zip([0, *cuts], [*cuts, len(token)]))


_EDGE_PUNCT = rxcache.compile(r"^[\p{P}\p{S}]+|[\p{P}\p{S}]+$")
#: "Nadal’s" is evidence that "Nadal" is a word of the article.
_POSSESSIVE = ("'s", "’s")


def _evidence(words: Iterable[str]) -> set[str]:
    """The words that standalone ``words`` show the article uses: each of them, and "Nadal" for
    "Nadal’s"."""
    found = set(words)
    found.discard("")
    return found | {w[:-2] for w in found if w.endswith(_POSSESSIVE)}


class _Cores(dict[str, str]):
    """token -> the token without the punctuation at its edges, worked out once per token.

    A dict rather than functools.lru_cache: read through map() in _word_counts for every word of
    every document, its __getitem__ costs about half as much. Emptied when it grows past 500,000.
    """

    def __missing__(self, token: str) -> str:
        if len(self) >= 500_000:
            self.clear()
        # a letter or a digit is neither punctuation nor a symbol: most tokens have one at each
        # end and are their own core, without the regex
        plain = token[:1].isalnum() and token[-1:].isalnum()
        core = self[token] = token if plain else _EDGE_PUNCT.sub("", token)
        return core


_core = _Cores().__getitem__


def _token_splits(token: str, seg: _Segmenter, repeated: bool) -> list[Split]:
    if _ADDRESS.search(token):
        return _address_splits(token, seg)
    word = _PLAIN_WORD.fullmatch(token)
    if word and not repeated:
        # most tokens that get here are one rare word between edge marks ("Zinoviev,"): only the
        # letter rules below can split them, and they do it the same way without the other searches
        run, start = word.group(1), word.start(1)
        if len(run) < 3:
            return []
        return [s._replace(cuts=tuple(c + start for c in s.cuts)) for s in seg.letter_splits(run)]
    splits = [Split((m.start(),), f'missing space after "{token[m.start() - 1]}"') for m in _punct_splits(token)]
    # the year and number rules all need a digit: most tokens have none, and one search says so
    has_digit = _DIGIT.search(token) is not None
    if has_digit:
        splits += [Split((m.end(),), "missing space after a year") for m in _YEAR_THEN_WORD.finditer(token)]
    if repeated:
        # a brand or a name repeats, glued common words do not become one ("percentof"), nor does a
        # function word glued to a name ("theNew York Times" in a link repeated below the article)
        splits += [s for m in _LOWER_RUN.finditer(token) for s in _common_words_split(m, seg)]
        stop = lexicon.stopwords(seg.lang) if seg.lang else frozenset()
        for m in _FUNCTION_WORD_THEN_NAME.finditer(token):
            if m.group(1) in stop:
                splits.append(Split((m.end(),), f'case change: "{m.group(1)}" is a function word'))
        # nor is a date glued to the word before it: a tour list's "Raleigh, NCJune 23"
        for m in _MONTH_AFTER.finditer(token):
            splits.append(Split((m.start(),), f'case change: "{m.group()}" starts a date'))
        return splits
    for m in _WORD_THEN_NUMBER.finditer(token) if has_digit else ():
        word = m.group(1)
        z = seg.zipf(word.lower())
        # a common word ("by30"), or a long known one ("Wallpaper3."); not "mp3", "covid19"
        long_word = len(word) >= LONG_WORD_BEFORE_NUMBER_LETTERS and z >= MIN_LONG_PART_ZIPF
        if (word.islower() or word.istitle()) and (z >= WORD_BEFORE_NUMBER_ZIPF or long_word):
            splits.append(Split((m.end(),), f'word glued to number: "{word}" (zipf {z:.2f})'))
    for m in _NUMBER_THEN_WORD.finditer(token) if has_digit else ():
        word = m.group(1)
        z = seg.zipf(word.lower())
        if _NUMBER_ADJECTIVE.fullmatch(word):
            continue
        if (word.islower() or word.istitle()) and word.lower() not in _UNITS and z >= WORD_AFTER_NUMBER_ZIPF:
            splits.append(Split((m.start(),), f'number glued to word: "{word}" (zipf {z:.2f})'))
        elif word.istitle() and len(word) >= 4 and _NUMBER_BEFORE.search(token, 0, m.start()):
            # "13Katie November 13", "2017Ford": a name after a day or a year; not "3Com"
            splits.append(Split((m.start(),), f'number glued to a capitalised word: "{word}"'))
    for m in _SENTENCE_THEN_NUMBER.finditer(token) if has_digit else ():
        word = m.group(1)
        z = seg.zipf(word.lower())
        if (word.islower() or word.istitle()) and z >= MIN_LONG_PART_ZIPF + 1:
            # "dope.3. If Lance doped", "surprises.37km"; not "Hauptstr.5", "Fig.3", "v.2"
            splits.append(Split((m.end(),), f'number after the end of a sentence: "{word}" (zipf {z:.2f})'))
    for m in _LETTERS.finditer(token):
        run, start = m.group(), m.start()
        if start >= 2 and token[start - 1] in "'’" and token[start - 2].isalpha():
            # "Amazon’ssmall": the possessive or contraction ending, then a glued word
            suffix = _CONTRACTION_END.match(run)
            rest = run[suffix.end() :] if suffix else ""
            # "Amazon’ssmall", "there’sRashard": after the ending, a known word or a capitalised one
            if len(rest) >= 3 and (seg.zipf(rest.lower()) >= CASE_LEFT_ZIPF or rest.istitle()):
                cut = start + suffix.end()
                splits.append(Split((cut,), f'word glued after "{token[start - 1 : cut]}"'))
            continue
        if len(run) < 3 or (_APOSTROPHE.match(token, m.end()) and not _CONTRACTION_AFTER.match(token, m.end())):
            continue  # part of a contraction: "Ain’t", "aujourd’hui"; but "byMama’s" is split as "byMama"
        splits.extend(Split(tuple(c + start for c in s.cuts), s.why, s.needs) for s in seg.letter_splits(run))
    return splits


_MONTH_AFTER = rxcache.compile(
    # longest first; a set's order changes with each process, so ties go alphabetically (the same
    # pattern each time is what the pattern cache finds)
    r"(?<=\p{L})(?:"
    + "|".join(sorted({w.title() for w in _CALENDAR_WORDS}, key=lambda w: (-len(w), w)))
    + r")(?!\p{Ll})"
)
_FUNCTION_WORD_THEN_NAME = rxcache.compile(r"(?<!\p{L})(\p{Ll}{2,})(?=\p{Lu}\p{Ll}{2})")
_LOWER_RUN = rxcache.compile(r"(?<!\p{L})\p{Ll}{4,}(?!\p{L})")


def _common_words_split(m: regex.Match, seg: _Segmenter) -> list[Split]:
    """The dictionary split of a lower-case run, if every part is a common word."""
    split = seg._dictionary_split(m.group())
    if split is None or split.needs:
        return []
    words = _apply_cuts(m.group(), [split]).split()
    if min(seg.zipf(w) for w in words) < COMMON_PARTS_ZIPF:
        return []
    return [split._replace(cuts=tuple(c + m.start() for c in split.cuts))]


_APOSTROPHE = rxcache.compile(r"['’]\p{L}")
#: An English possessive or contraction ending after a run: "byMama’s", "moreyou’re", "foundit’ll".
_CONTRACTION_AFTER = rxcache.compile(r"['’](?:s|t|d|m|re|ve|ll)(?!\p{L})")
_CONTRACTION_END = rxcache.compile(r"(?:s|t|d|m|re|ve|ll)(?=\p{L})")


# Quotes. A closing quote glued to the next word ("does”said") or an opening quote glued to the
# previous one ("said“Right") lost a space; "“Right" at a line start did not. Which curly quote
# closes depends on the style: English “…”, German „…“ (so “ closes), Polish „…”.
_CLOSE_THEN_LETTER = rxcache.compile(r"(?<=[\p{L}\p{N}\p{P}])([”\"])(?=\p{L})")
_LETTER_THEN_OPEN = rxcache.compile(r"(?<=[\p{L}\p{N},.:;!?])([“„\"])(?=\p{L})")


def _quote_splits(text: str) -> list[tuple[int, str]]:
    """Offsets in ``text`` where a space belongs next to a quote mark, with the reason."""
    if not any(q in text for q in '"”“„«»'):
        return []
    low_open = "„" in text
    straight = _positions(text, '"')  # counted once: a long line has many quotes
    out = _guillemet_splits(text)
    for m in _CLOSE_THEN_LETTER.finditer(text):
        q = m.group(1)
        if q == '"' and _straight_quote_opens(straight, m.start()) is not False:
            continue
        out.append((m.end(), f'missing space after closing quote "{q}"'))
    if low_open:  # „Das ist gut“sagte er: here “ closes
        lows, highs = _positions(text, "„"), _positions(text, "“")
        for m in regex.finditer(r"(?<=\p{L}[\p{P}]?)(“)(?=\p{L})", text):
            if bisect.bisect_left(lows, m.start()) > bisect.bisect_left(highs, m.start()):
                out.append((m.end(), 'missing space after closing quote "“"'))
    for m in _LETTER_THEN_OPEN.finditer(text):
        q = m.group(1)
        # when the line cannot tell, a quote between a full stop and a capital opens the next
        # sentence: 'Roy said."Also we will'
        opens = _straight_quote_opens(straight, m.start())
        if q == '"' and not (opens or (opens is None and _SENTENCE_THEN_QUOTE.match(text, m.start() - 1))):
            continue
        if q == "“" and low_open:
            continue
        out.append((m.start(), f'missing space before opening quote "{q}"'))
    return out


_SENTENCE_THEN_QUOTE = rxcache.compile(r'[.!?]"\p{Lu}\p{Ll}')


def _guillemet_splits(text: str) -> list[tuple[int, str]]:
    """Spaces missing next to guillemets: French « … » ("dividends.«It", "»a déclaré") or, when the
    line's first guillemet is », German » … « ("»Das ist gut«sagte er")."""
    marks = [i for i in (text.find("«"), text.find("»")) if i >= 0]
    if not marks:
        return []
    opener = text[min(marks)]
    closer = "»" if opener == "«" else "«"
    out = [
        (m.end(), f'missing space after closing quote "{closer}"')
        for m in regex.finditer(rf"{closer}(?=\p{{L}})", text)
    ]
    out += [
        (m.start(), f'missing space before opening quote "{opener}"')
        for m in regex.finditer(rf"(?<=[\p{{L}}\p{{N}},.:;!?]){opener}", text)
    ]
    return out


def _positions(text: str, mark: str) -> list[int]:
    """The offsets of ``mark`` in ``text``, in order."""
    found = []
    i = text.find(mark)
    while i >= 0:
        found.append(i)
        i = text.find(mark, i + 1)
    return found


def _straight_quote_opens(quotes: list[int], pos: int) -> bool | None:
    """Whether the straight quote at ``pos`` opens a quotation, given the offsets of the line's
    straight ``quotes``; None when the line cannot tell.

    Quotes pair up in a line with an even number of them. With an odd number, one is unpaired (a
    quotation running over several paragraphs leaves one open), and counting from the start or
    from the end gives different answers: then we do not know, and keep the text as it is.
    """
    if len(quotes) % 2:
        return None
    return bisect.bisect_left(quotes, pos) % 2 == 0


#: How many tokens without splits a segmenter remembers, as many as it caches decisions for.
_MAX_QUIET_TOKENS = 500_000
#: The longest part a dictionary split considers.
_MAX_PART_LETTERS = 24
#: Room for the rounding of a sum of floats: a bound this close to a threshold is not trusted.
_ROUNDING = 1e-9


class _Segmenter:
    """Dictionary splits of letter runs, decided once per distinct run (the decisions are cached)."""

    def __init__(self, lang: str | None, protected: frozenset[str], extra: frozenset[str]):
        self.lang = lang if lexicon.has_frequencies(lang) else None
        self.protected = protected
        self.extra = extra
        self.letter_splits = functools.lru_cache(maxsize=200_000)(self._letter_splits)
        # what the rules propose for a token depends on the token and whether the document repeats
        # it, so it is decided once per distinct token, across documents
        self.token_splits = functools.lru_cache(maxsize=500_000)(
            lambda token, repeated: tuple(_token_splits(token, self, repeated))
        )
        # tokens known to have no candidate splits when their word stands once in the document, when
        # it repeats (quiet[repeated]), and either way: common words at once, others when met both ways
        self.quiet: tuple[set[str], set[str]] = (set(), set())
        self.quiet_both: set[str] = set()
        self._dictionary_split = functools.lru_cache(maxsize=200_000)(self._dictionary_split)
        # word -> zipf as one plain dict, shared by every segmenter of the language: the rules look up
        # every substring of every unknown token. Extra words count as known, at least as frequent
        # as a long part must be; they sit in a small dict of their own, looked at first.
        self._table = lexicon.zipf_table(self.lang) if self.lang else lexicon.NO_WORDS
        self._extra_zipf = {w: max(MIN_LONG_PART_ZIPF + 1, self._table.get(w, 0.0)) for w in extra}
        self._min_part_zipf = [MIN_PART_ZIPF.get(k, MIN_LONG_PART_ZIPF) for k in range(_MAX_PART_LETTERS + 1)]
        # The best score any split can reach: two parts, each as frequent as the language's most
        # frequent word (a third part adds its own log-probability, below 0, and another cut). A
        # known word above it less the known-word margin can never lose to a split ("prison" 4.4,
        # "suspects" 4.0 against 3.96 in English): the search for one is skipped.
        top = max([self._table.top, *self._extra_zipf.values()])
        self._best_split_score = 2 * (top - 9) - CUT_COST if top - 9 < CUT_COST else math.inf
        # With two parts or more, the other parts add at most (top - 9) - CUT_COST: a split that
        # must score ``need`` can only use parts at least this much more frequent than ``need``.
        self._part_floor_over_need = 9 - (top - 9) + CUT_COST - _ROUNDING if top - 9 < CUT_COST else -math.inf

    @classmethod
    def for_context(cls, ctx: Context) -> _Segmenter:
        protected = frozenset(w.casefold() for w in ctx.config.protected_words)
        extra = frozenset(w.casefold() for w in ctx.config.extra_words)
        return _cached_segmenter(ctx.lang, protected, extra)

    def remember_quiet(self, token: str, repeated: bool | None) -> None:
        """Record that ``token`` has no candidate splits when its word repeats or not, or (None) either way."""
        if len(self.quiet_both) + len(self.quiet[False]) + len(self.quiet[True]) > _MAX_QUIET_TOKENS:
            for tokens in (self.quiet_both, *self.quiet):
                tokens.clear()
        if repeated is not None and token not in self.quiet[not repeated]:
            self.quiet[repeated].add(token)
        else:
            for tokens in self.quiet:
                tokens.discard(token)
            self.quiet_both.add(token)

    def zipf(self, word: str) -> float:
        """Zipf value of a lower-case word (wordfreq's keys are case-folded: "ß" is "ss")."""
        return self._lookup(word.casefold(), 0.0)

    def _lookup(self, folded: str, default: float) -> float:
        if self._extra_zipf and folded in self._extra_zipf:
            return self._extra_zipf[folded]
        return self._table.get(folded, default)

    def _letter_splits(self, run: str) -> tuple[Split, ...]:
        """Splits inside a run of letters: where the case changes, then by the dictionary."""
        if run.casefold() in self.protected or run.casefold() in self.extra:
            return ()
        if not run.islower() and not self._camel_split_wins(run):
            return ()  # a known word written in camel case: "YouTube", "PowerPoint", "DeSantis"
        out: list[Split] = []
        cuts: list[int] = []
        for m in _CASE_CHANGE.finditer(run):
            left = run[cuts[-1] if cuts else 0 : m.start()]
            # the word on the right runs to the next change that leaves it two letters at least:
            # in "NCJune" the change after "NCJ" ("CEOthe") does not make "J" the right word
            nxt = _CASE_CHANGE.search(run, m.start() + 2)
            right = run[m.start() : nxt.start() if nxt else len(run)]
            split = self._case_split(left, right, m.start())
            if split:
                out.append(split)
                if m.start() in split.cuts and not split.needs:
                    cuts.append(m.start())
        # the dictionary splits the words between case changes, whether or not a case cut is made
        # there: in "JAMAPsychiatryargued" the cut after "JAMA" waits for evidence, "argued" does not
        bounds = sorted({0, *cuts, *(m.start() for m in _CASE_PIECE.finditer(run)), len(run)})
        for a, b in itertools.pairwise(bounds):
            split = self._dictionary_split(run[a:b])
            if split:
                out.append(split._replace(cuts=tuple(c + a for c in split.cuts)))
        return tuple(out)

    def _camel_split_wins(self, run: str) -> bool:
        """For a run the lexicon knows whole, whether its case pieces beat it by the known-word
        margin: "ofThe" (ofthe 3.33) splits, "YouTube" (4.66) and "PowerPoint" (3.24) stay."""
        whole_z = self.zipf(run.lower()) if self.lang else 0.0
        if whole_z < MIN_LONG_PART_ZIPF:
            return True
        pieces = [p.lower() for p in _CASE_PIECE.findall(run)]
        zs = [self.zipf(p) for p in pieces]
        if len(pieces) < 2 or min(zs) == 0:
            return False
        score = sum(z - 9 for z in zs) - CUT_COST * (len(pieces) - 1)
        return score >= whole_z - 9 + KNOWN_WORD_MARGIN

    def _case_split(self, left: str, right: str, cut: int) -> Split | None:
        """A cut where the case changes: "toldArs", "TheNew", "CEOthe", "DLLarry"."""
        why = f'case change: "{left}" + "{right}"'
        if len(left) == 1 and self.lang and left not in "iI" and right.istitle() and len(right) >= 3:
            # "aWashington", "oCalendário": a one-letter word; but "iPhone", "eBay"
            z = self.zipf(left)
            return Split((cut,), f"{why} (zipf {left} {z:.2f})") if z >= MIN_PART_ZIPF[1] else None
        stop = lexicon.stopwords(self.lang) if self.lang else frozenset()
        if self.lang and left.islower() and len(left) >= 3 and len(right) == 1:
            # "becauseI", "marketA": a one-letter word after a common one
            zl, zr = self.zipf(left), self.zipf(right.lower())
            if zl >= COMMON_LEFT_ZIPF and zr >= MIN_PART_ZIPF[1]:
                return Split((cut,), f"{why} (zipf {left} {zl:.2f}, {right} {zr:.2f})")
            return None
        if (left.lower() in _NAME_PARTICLES and left.lower() not in stop) or len(left) < 2 or len(right) < 2:
            return None  # "iPhone", "eBay", "McDonald", "deGrasse" in English, "IDs"; German "derBerlin" splits
        if self.lang is None:
            return Split((cut,), why) if left.islower() and len(left) >= 3 and right.istitle() else None
        if left.islower():  # "toldArs", "freshReuters", "andhammeredBevin"
            if right.isupper():  # "macOS", "mRNA", "watchOS" stay; "dasTHW", "theFBI", "toldUSA" split
                if left in stop:
                    return Split((cut,), f'{why} ("{left}" is a function word)')
                z = self.zipf(left)
                if len(left) >= 4 and len(right) >= 3 and z >= COMMON_LEFT_ZIPF:
                    return Split((cut,), f"{why} (zipf {left} {z:.2f})")
                return None
            z = self.zipf(left)
            inner = self._dictionary_split(left)
            if inner and len(left) - inner.cuts[-1] == 1:
                # "myiPhone", "theiPad": the last letter belongs to the brand, "my iPhone"
                return inner._replace(cuts=tuple(c + cut - len(left) for c in inner.cuts))
            if z >= CASE_LEFT_ZIPF or inner is not None or len(left) >= CASE_LEFT_MIN_LETTERS:
                return Split((cut,), f"{why} (zipf {left} {z:.2f})")
            return None
        if left.istitle():  # "TheNew", "WithOptilli"; "HashmiMumbai" if either name stands alone
            if left.lower() in stop:
                return Split((cut,), f'{why} ("{left}" is a function word)')
            if len(left) < 3 or not right.istitle():
                return None
            if self.zipf((left + right).lower()) == 0:
                # An unknown pair whose second word starts a sentence or a date ("AleppoThe",
                # "DoeNovember"), or an unknown name glued to a known word ("ZinovievSaid"): camel-case
                # brands are made of known words ("AppleInsider", "CloudSimple").
                if right.lower() in stop or right.lower() in _CALENDAR_WORDS:
                    return Split((cut,), f'{why} ("{right}" starts a sentence or a date)')
                z = self.zipf(right.lower())
                if len(right) >= 3 and self.zipf(left.lower()) == 0 and z >= NAME_THEN_TITLE_ZIPF:
                    return Split((cut,), f'{why} (unknown "{left}", zipf {right} {z:.2f})')
            if min(len(left), len(right)) >= LONG_WORDS_LETTERS:
                # two long words: "InformationPractice", "ElectronicsMoving"; brands glue short ones
                return Split((cut,), f"{why} (two long words)")
            if len(right) >= 3:
                # camel-case brands ("AppleInsider", "NetBackup") stand whole; glued names
                # ("HashmiMumbai") are split only when the article uses both words on their own
                return Split((cut,), f"{why}, both seen alone in the text", (f"{left} {right}",))
            return None
        if left.isupper() and len(left) >= 2:
            if right.islower():  # "CEOthe", "DJIfell"; not "CEOs", "IDs"
                if self.zipf(left[-1].lower() + right) >= MIN_LONG_PART_ZIPF:
                    return None  # "JPMorgan" is "JP" + "Morgan", not "JPM" + "organ"
                z = self.zipf(right)
                if z >= WORD_AFTER_NUMBER_ZIPF or self._dictionary_split(right) is not None:
                    return Split((cut,), f"{why} (zipf {right} {z:.2f})")
                return None
            if right.istitle() and right.lower() in _CALENDAR_WORDS:  # "Raleigh, NCJune 23"
                return Split((cut,), f'{why} ("{right}" starts a date)')
            if right.istitle() and len(right) >= 3:  # "DLLarry", "NFLInsider"
                return Split((cut,), f"{why}, seen alone in the text", (right,))
        return None

    def _dictionary_split(self, piece: str) -> Split | None:
        split = self._word_split(piece)
        if split is None and self.lang in _COMPOUNDING and piece.istitle() and self.zipf(piece.lower()) == 0:
            split = self._noun_then_function_word(piece)
        return split

    def _word_split(self, piece: str) -> Split | None:
        """The best split of a lower-case or capitalised piece into words, if it beats the whole."""
        if self.lang is None or len(piece) < 3 or not (piece.islower() or piece.istitle()):
            return None
        word = piece.lower()
        if word in self.protected:
            return None
        whole_z = self.zipf(word)
        if whole_z >= NEVER_SPLIT_ZIPF:
            return None
        whole = whole_z - 9 if whole_z > 0 else _unknown_score(len(word))
        if whole_z > 0:
            # a known word matters only if a split beats it by the margin (see below): when none
            # can, the search is skipped, and otherwise it looks only at parts that could
            need = whole + KNOWN_WORD_MARGIN
            if self._best_split_score + _ROUNDING < need:
                return None
            best = self._viterbi(word, need + self._part_floor_over_need)
        else:
            best = self._viterbi(word)
        if best is None:
            return self._name_then_word(piece) if piece.istitle() and whole_z == 0 else None
        score, parts = best
        zs = [self.zipf(p) for p in parts]
        # an unknown token made only of common words is a join however many cuts it takes ("hegaveto")
        all_common = whole_z == 0 and min(zs) >= COMMON_PARTS_ZIPF
        if len(parts) < 2 or (score < whole + (KNOWN_WORD_MARGIN if whole_z > 0 else 0.0) and not all_common):
            if not (piece.istitle() and whole_z == 0):
                return None
            # "Nadalkept", "Romneydon’t": the split loses to a name, unless the article uses the
            # name on its own and a common word follows it
            if (
                len(parts) == 2
                and len(parts[0]) >= 4  # not "He" + "nick" in "Henick", "May" + "don" in "Maydon"
                and parts[0] not in lexicon.stopwords(self.lang)
                and zs[1] >= NAME_THEN_WORD_ZIPF
                and self.lang not in _COMPOUNDING
            ):
                return _name_split(piece, len(parts[0]), zs[1])
            return self._name_then_word(piece)
        if self.lang in _INFLECTING and piece.islower() and min(map(len, parts)) < INFLECTING_MIN_PART_LETTERS:
            return None
        stop = lexicon.stopwords(self.lang)
        prefixes, suffixes = _AFFIXES.get(self.lang, ((), ()))
        if parts[-1] in suffixes or (len(parts) == 2 and parts[0] in prefixes and parts[1] not in stop):
            return None  # a derivation, not two words: "connectness", "hyperpersonalized", "nachbastelt"
        if self.lang == "en" and piece.islower() and "i" in parts[:-1]:
            return None  # "ithere", "incorporeal|i|ties"; a lower-case "i" ends a piece: "thei|Phone"
        if _inflected(self.lang, parts, stop):
            return None  # "gedeckelter", "verhärtenden": an ending, not a glued article or pronoun
        if self.lang in _COMPOUNDING:
            if piece.istitle() and any(p not in stop for p in parts[1:]):
                return None  # "Gesundheitsversorgungseinrichtungen"; but "Regierungund"
            if any(a not in stop and b not in stop for a, b in itertools.pairwise(parts)):
                return None  # "klimaschutzprogramm" is one word; but "undder"
        needs: tuple[str, ...] = ()
        if (
            piece.istitle()
            # "Manyriders", "Thisweek": a sentence starts with a common word; but short names such
            # as "Menear" and "Fordo" also start with one
            and (parts[0] not in stop or len(piece) < STOPWORD_HEAD_MIN_LETTERS)
            # "Twitterand", "Congressabout": a word then a function word is a join, a name rarely ends
            # so; two letters are too short to tell ("Absurdistan", "Bergeron") unless the head is
            # a common word ("Astronomyon", "Taylorin")
            and (parts[-1] not in stop or (len(parts[-1]) < 3 and zs[0] < SHORT_TAIL_HEAD_ZIPF) or parts[0] in stop)
            # two long words are a join ("Instagramannouncement"); names glue short ones ("Stonebridge")
            and not (len(parts) == 2 and min(len(parts[0]), len(parts[1])) >= LONG_PARTS_LETTERS)
            and (
                min(zs[1:]) < CAPITALISED_TAIL_ZIPF
                or len(piece) < CAPITALISED_MIN_LETTERS
                or len(parts[-1]) <= 2  # "Absurdistan" is not "Absurdist an"; "Northor" needs "North"
            )
        ):
            # "Stonebridge", "Juston" are more likely names, unless the head stands alone in the
            # article: "Garrettand" where "Garrett" is mentioned elsewhere.
            needs = (piece[: len(parts[0])],)
        cuts, pos = [], 0
        for p in parts[:-1]:
            pos += len(p)
            cuts.append(pos)
        shown = " + ".join(f"{p} {z:.2f}" for p, z in zip(parts, zs))
        seen = f', "{needs[0]}" seen alone in the text' if needs else ""
        return Split(tuple(cuts), f'glued words: zipf {shown} vs "{word}" {whole_z:.2f}{seen}', needs)

    def _noun_then_function_word(self, piece: str) -> Split | None:
        """In a compounding language, a known noun glued to a function word: "Sauerstoffund",
        "Prozessführungim". The noun may itself be a compound, so only the function word at the end
        is looked for; endings that are also noun suffixes ("-in", "-es", "-er", "-sein") are not."""
        word = piece.lower()
        stop = lexicon.stopwords(self.lang)
        for k in range(min(7, len(word) - NOUN_MIN_LETTERS), 1, -1):
            tail, head = word[-k:], word[:-k]
            if tail not in stop or (k == 2 and tail not in _SHORT_TAILS) or tail in _SUFFIX_TAILS:
                continue
            z = self.zipf(head)
            if z >= NOUN_HEAD_ZIPF:
                cut = len(word) - k
                reason = f'noun glued to a function word: "{piece[:cut]}" (zipf {z:.2f}) + "{piece[cut:]}"'
                return Split((cut,), reason)
        return None

    def _name_then_word(self, piece: str) -> Split | None:
        """A name the lexicon lacks glued to a common word: "Ogunjobialso", "Burrisand".

        Only with evidence: the name must stand alone elsewhere in the article.
        """
        word = piece.lower()
        # a short tail must be very common; a longer one common ("Poslusznydropped"), but not where
        # compounds are written as one word ("Korkenreste")
        long_tail_zipf = NAME_TAIL_ZIPF if self.lang in _COMPOUNDING else NAME_THEN_WORD_ZIPF
        for cut in range(3, len(word) - 1):  # the longest common tail wins: "Burris" + "and"
            z = self.zipf(word[cut:])
            if z >= (NAME_TAIL_ZIPF if len(word) - cut < 4 else long_tail_zipf) and len(word) - cut >= 2:
                return _name_split(piece, cut, z)
        return None

    def _viterbi(self, word: str, floor: float = 0.0) -> tuple[float, list[str]] | None:
        """The best cut of ``word`` into two or more parts the lexicon knows well enough for their
        length (MIN_PART_ZIPF): the highest sum of log-probabilities, less CUT_COST per cut.

        It runs for every rare word and unknown name, so it is written for speed: plain dict
        lookups, each reachable offset extended forward, and an early exit when no ending of the
        word is a known part (most names). Ties go to the earliest start of the last part.

        With a ``floor``, parts less frequent than it are left out: a caller that needs a split
        scoring at least some bound passes the floor no part of such a split can be below. The
        best cut is then the same whenever it reaches the bound (every part of it, and of any cut
        that ties with a beginning of it, clears the floor), and is one below the bound or None
        otherwise. In English, a split of "wherein" (3.78) could only use parts above 7.55 ("the"
        7.73): "where" (6.0) and "in" (7.27) are not looked at, and the search ends at once.
        """
        n = len(word)
        min_z = self._min_part_zipf if floor <= 0 else [max(z, floor) for z in self._min_part_zipf]
        if self._extra_zipf or word != word.casefold():
            lookup = lambda w, d: self._lookup(w.casefold(), d)  # noqa: E731 - the rare slow path
        else:
            lookup = self._table.get
        if not any(lookup(word[j:], 0.0) >= min_z[n - j] for j in range(max(1, n - _MAX_PART_LETTERS), n)):
            return None
        # best[i]: the score of the best cut of word[:i] and where its last part starts
        best: list[tuple[float, int] | None] = [None] * (n + 1)
        best[0] = (0.0, 0)
        for j in range(n):
            if best[j] is None:
                continue
            head = best[j][0]
            cost = CUT_COST if j > 0 else 0.0
            for i in range(j + 1, min(n, j + _MAX_PART_LETTERS) + 1):
                if i - j == n:
                    continue  # the whole word is not a cut
                z = lookup(word[j:i], 0.0)
                if z < min_z[i - j]:
                    continue
                score = head + (z - 9) - cost
                if best[i] is None or score > best[i][0]:
                    best[i] = (score, j)
        if best[n] is None:
            return None
        parts, i = [], n
        while i > 0:
            j = best[i][1]
            parts.append(word[j:i])
            i = j
        return best[n][0], parts[::-1]


def _name_split(piece: str, cut: int, tail_zipf: float) -> Split:
    """A name glued to a word, split at ``cut`` if the article uses the name on its own."""
    head, tail = piece[:cut], piece[cut:].lower()
    reason = f'name glued to a word: "{head}" + "{tail}" (zipf {tail_zipf:.2f}), "{head}" seen alone'
    return Split((cut,), reason, (head,))


@functools.lru_cache(maxsize=32)
def _cached_segmenter(lang: str | None, protected: frozenset[str], extra: frozenset[str]) -> _Segmenter:
    # Decisions depend only on (token, language, word lists), never on earlier documents, so
    # sharing the cache across documents changes speed, not results.
    return _Segmenter(lang, protected, extra)
