"""Every caption and boilerplate line pattern, compiled once, each with the text that motivated it.

A pattern judges one whole line (whitespace collapsed, edges stripped) and must match all of it, so
a rule cannot cut a sentence in half. Each carries examples it must match and lines it must leave
alone; ``tests/test_patterns.py`` checks both lists, so the data documents and tests itself (as
codespell's dictionaries carry their reasons).

Patterns are deliberately narrow. A missing removal costs a reader a second; a removed article line
is lost text. English, German, Spanish and French chrome is covered.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from . import rxcache


class Pattern(NamedTuple):
    name: str
    regex: regex.Pattern
    reason: str
    matches: tuple[str, ...]
    keeps: tuple[str, ...]
    #: The lengths of the lines the pattern can match, when it opens with a length test
    #: ``^(?=.{MIN,MAX}$)``; None when it does not.
    lengths: range | None = None


#: A pattern's opening length test, which judges a line of one line's text (no "\n", as the line
#: rules read it) by its length alone: a line too long for it is passed over without the regex
#: search, which reads up to MAX characters before it fails (10 µs on a paragraph).
_LENGTH_TEST = rxcache.compile(r"\^\(\?=\.\{(\d*),(\d+)\}\$\)")


#: The patterns are compiled as regex's VERSION0: with VERSION1, IGNORECASE folds case fully ("ß"
#: matches "ss"), which made compiling them cost twice as long (about 80 ms against 40, most of
#: newsclean's start-up before the pattern cache, newsclean.rxcache, made it a first run's cost),
#: and no pattern here needs it: they are only ever matched, and hold no letter whose case folds to
#: more than one. (A user's --boilerplate pattern is VERSION1.)
def _p(name: str, pattern: str, reason: str, matches: tuple[str, ...], keeps: tuple[str, ...]) -> Pattern:
    compiled = rxcache.compile(pattern, regex.VERBOSE | regex.VERSION0)
    test = _LENGTH_TEST.match(pattern)
    lengths = range(int(test[1] or 0), int(test[2]) + 1) if test else None
    return Pattern(name, compiled, reason, matches, keeps, lengths)


# Picture agencies and credit words seen in captions. "(Yonhap/Reuters)", "(AP Photo/Evan Vucci)",
# "(Jane Roe, TASS, Pool Photo via AP)", "Foto: dpa".
_AGENCY = r"""(?:
    AP | AFP | Reuters | REUTERS | EPA | EFE | Yonhap | Sputnik | Xinhua | Kyodo | TASS | Anadolu | ANP | AAP
  | Bloomberg | Getty(?:\ Images)? | Shutterstock | iStock(?:photo)? | Alamy | Imago | IMAGO | dpa | DPA | PA
  | NurPhoto | ZUMA(?:\ Press)? | SOPA | SIPA | ABACA | Unsplash | Pexels | Wikimedia(?:\ Commons)? | Pool
  | picture[ -]alliance | Keystone | Xinhua | UPI | NASA
)"""
_CREDIT_WORD = (
    r"(?:Photo|Photos|Photograph|Foto|Fotos|Bild|Image|Images|Picture|Credit|Crédito|Crédit|Illustration|Video|Vídeo)"
)
# A parenthesised credit: an agency or credit word inside, or "Name/Agency".
_CREDIT_PARENS = rf"""\(
    (?=[^()]{{2,120}}\))
    (?: [^()]*? (?<![\p{{L}}]){_AGENCY}(?![\p{{L}}]) [^()]*
      | [^()]*? \b{_CREDIT_WORD}\b [^()]* )
\)"""
# A sentence that ends by naming its source, "... since March (Reuters).", is article text.
# A single agency in parentheses after the sentence's full stop, or followed by one, is a source.
_ONE_AGENCY = r"\((?:AP|AFP|Reuters|REUTERS|dpa|EFE|Xinhua|TASS|Bloomberg|Yonhap)\)"
_SOURCE_ATTRIBUTION = rf"(?:[.!?][”\"]?\s*{_ONE_AGENCY}\.?|{_ONE_AGENCY}\.)$"

#: The most words a caption before its credit may have.
CAPTION_MAX_WORDS = 20

CAPTIONS: tuple[Pattern, ...] = (
    _p(
        "caption-with-credit",
        # A caption is short: a long sentence that ends in a credit is prose the publisher ran as
        # part of the article (news sites' gold keeps "President X speaks at ... (AP Photo/Y)").
        rf"""^(?=.{{3,400}}$) (?!.*[.!?][”\"]?\s+\p{{Lu}}.*[.!?][”\"]?\s+\p{{Lu}}) (?!.*{_SOURCE_ATTRIBUTION})
            (?:\S+\s+){{0,{CAPTION_MAX_WORDS - 1}}}?\S*? \s* (?P<evidence>{_CREDIT_PARENS}) \.?$""",
        "photo caption ending in a picture credit",
        (
            "Finance minister Mira Santos arrives at the summit (Yonhap/Reuters)",
            "The two leaders sign the accord in Minsk. (Jane Roe, TASS, Pool Photo via AP)",
            "The aircraft carrier anchored in Busan, South Korea (Song Kyung-Seok/REUTERS)",
            "Demonstrators in Paris on Saturday. (Photo by Jane Doe/Getty Images)",
        ),
        (
            "The figures were revised on Tuesday (Source: Financial Times)",
            "He said he would decide by Friday (and/or Monday). Then he left. Nobody followed him.",
            "He joined the company in 2019 (then called Smith/Jones).",
            "Shares have fallen by a third since March (Reuters).",
            "Prices rose 5% (year on year).",
            "The minister speaks to reporters outside parliament on Tuesday, a day after the vote on the"
            " budget that split her party and cost her two allies. (Photo by Jane Doe/Getty Images)",
        ),
    ),
    _p(
        "credit-line",
        rf"""^(?:
            \(?(?:{_CREDIT_WORD}(?:\s+(?:credit|source|by))?|Quelle|Fuente|Source)\s*[:|©]\s*[^.!?]{{1,80}}\)?
          | \(?(?:©|Copyright\s+©?)\s*(?:\d{{4}}\s*)?[^.!?]{{1,60}}\)?
          | \(?(?:[\p{{L}}.'’ -]{{2,60}}\s*/\s*)?{_AGENCY}(?:\s+(?:via|/)\s+{_AGENCY})?(?:\s+{_CREDIT_WORD})?\)?
          | \(?{_AGENCY}\s+{_CREDIT_WORD}\s*/\s*[\p{{L}}.'’ -]{{2,60}}\)?
          | \(?{_CREDIT_WORD}\s+(?:by|von|de|par)\s+[^.!?]{{2,80}}\)?
          | (?:Image|Media)\s+(?:source|caption),\s*.{{1,200}}
        )$""",
        "picture credit line",
        (
            "Photo: Jane Doe",
            "Foto: dpa",
            "Getty Images",
            "AFP via Getty Images",
            "John Smith/Getty Images",
            "(AP Photo/Evan Vucci)",
            "© Reuters",
            "Image source, Getty Images",
            "Photo by Jane Doe on Unsplash",
        ),
        (
            "Photographers gathered outside the court.",
            "Reuters reported the deal on Monday, citing two sources.",
            "Credit card debt rose again in March.",
        ),
    ),
)

#: Social networks and bookmarking services whose names stand alone as share buttons ("Digg",
#: "StumbleUpon", "del.icio.us", "Post to Newsvine"), alone or several on one line.
_SOCIAL = r"""(?:
    digg | stumbleupon | delicious | del\.icio\.us | newsvine | reddit | tumblr | google\+? | google\s+plus
  | facebook | twitter | linkedin | pinterest | e-?mail | print | rss | myspace | technorati | fark | mixx
  | yahoo!?\s+buzz | buzz\s+up!? | furl | whatsapp | xing | share | tweet | flipboard | telegram | pocket | instapaper
)"""
_SOCIAL_ITEM = rf"(?:(?:post\s+to|digg\s+this|add\s+to|share\s+(?:on|via|to))\s+)?{_SOCIAL}(?:\s+(?:this|it))?!?"

# A comment's header, as blogs and news sites print it over or under each comment: a date with a
# time, a bare time of day, "says:", "2 hours ago". One such line proves nothing (an article has a
# dateline); the structure stage looks for a series of them after the article. No word boundaries:
# the structure stage reads lines before the joins stage ("Cowardwrites:", "at6:24 am").
_MONTH = r"""(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli
    |oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre
    |enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)[a-z]*\.?"""
_DATE = rf"""(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?
    | \d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?\d{{4}}
    | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}} | \d{{4}}-\d{{2}}-\d{{2}})"""
# After the time: "EDT", "|Permalink", "Reply", not a sentence going on; not a colon either, which
# makes the line a heading of the text below it ("Nachtrag 22.04.2020 10:30 Uhr:").
_AFTER_TIME = r"(?:\s*[^\s.!?:]+){0,2}[^\w:]*"
_TIME = r"\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr)?"
COMMENT_HEADER = _p(
    "comment-header",
    rf"""^(?ix:
        [^.!?]{{0,60}}?{_DATE}[^.!?]{{0,12}}?{_TIME}{_AFTER_TIME}
      | [^.!?]{{0,60}}?{_TIME}[^.!?]{{0,12}}?{_DATE}{_AFTER_TIME}
      | (?:\S+\s+){{0,3}}\S*?(?:says|said|wrote|writes|schreibt|schrieb|sagt|dit|a\s+écrit|dice|escribió)\s*:?
      | \S*\s*\d{{1,2}}:\d{{2}}\s*[ap]\.?m\.?
      | [^.!?]{{0,30}}\b(?:\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago
          | vor\s+\d+\s+(?:minuten|stunden|tagen))\b[^.!?]{{0,20}}
    )$""",
    "comment header (a date and time, a commenter's verb, an age)",
    (
        "October 15, 2012 at 6:24 am",
        "Blake Hall says:",
        "Jan 10, 2008 4:49:12 PM",
        "Will Critchlow on April 16, 2012 at 7:52 am.",
        "2 days ago at 07:52 am",
        "12. März 2019 um 14:05 Uhr",
        "a different dave wrote:",
        "byAnonymous Cowardwrites:",
        "by Pieroxy (222434) writes: on Tuesday July 24, @10:34AM (#40749375) Homepage",
    ),
    (
        "10:50 p.m.:",
        "5km - 15:23, projecting 2:09:49",
        "As you may recall, Colon writes: the words are chosen with care.",
        "The meeting on June 3, 2024 ended at 9:12 am with a vote.",
        "Saturday, January 19, 2008",
        "Nachtrag 22.04.2020 10:30 Uhr:",
    ),
)

# The headings that name a list of links to other stories. Widget labels seen in scraped
# containers: "Related Stories", "More from DRaysBay", "You may also like", "Most popular",
# "Lesen Sie auch", "Mehr zum Thema", "Lire aussi", "Te puede interesar". The structure stage also
# drops the run of headlines under one; the heading itself is chrome, dropped here.
RELATED_HEADING = _p(
    "related-heading",
    r"""^(?i:
        related(?:\s+(?:articles?|stories|posts?|content|coverage|news|links|reading|items|videos?|topics))?
      | related\s+(?:articles?|stories|posts|content|coverage|links)\s+(?:also\s+tagged|from\s*[^!?]{1,40}:)
      | explore\s+related\s+(?:content|topics|stories|articles)
      | other\s+news(?:\s+in\s+[^.!?,;]{1,30})?
      | (?:more|other|latest|recent|popular|similar|top|further)\s+(?:\S+\s+){0,3}
          (?:stories|articles|posts|news|headlines|links|reading|videos|galleries|reviews)(?:\s+from\s*[^!?]{1,40}:)?
      | posts\s+related\s+to\s+[^.!?]{1,60}
      | more\s+from\s+.{1,40} | more\s+on\s+[^.!?,;]{1,40}
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like(?:\s+to\s+read)?|enjoy|be\s+interested\s+in)
      | (?:we\s+)?recommend(?:ed)?(?:\s+for\s+you)?
      | most\s+(?:read|popular|viewed|shared|emailed|commented)
      | trending(?:\s+now)? | top\s+stories | also\s+read | read\s+(?:more|also|next) | see\s+also
      | (?:from\s+)?around\s+the\s+web | elsewhere\s+on\s+.{1,40}
      | lesen\s+sie\s+auch | mehr\s+zum\s+thema | das\s+könnte\s+sie\s+(?:auch\s+)?interessieren
      | weitere\s+artikel | ähnliche\s+artikel | meistgelesen
      | lire\s+aussi | à\s+lire\s+aussi | sur\s+le\s+même\s+sujet
      | te\s+puede\s+interesar | lee\s+también | noticias\s+relacionadas | más\s+noticias
    )\s*[:.!»›]?$""",
    "heading of a related-stories list",
    (
        "Related Stories",
        "More from DRaysBay",
        "You might also like",
        "Most popular",
        "Latest headlines",
        "Lesen Sie auch:",
        "Lire aussi",
        "Te puede interesar",
        "See also",
        "Related content from NBCNews.com:",
        "Related coverage fromHow to Do Everything: Money:",
        "Related Articles Also Tagged:",
        "Explore Related Content",
        "Other News in Technology",
        "You may like to read:",
        "More world stories from NBC News:",
        "More galleries",
        "Posts Related to Lancia Delta Review",
    ),
    (
        "Related charges were dropped in May.",
        "Related coverage from the BBC was censored.",
        "Other news: the mayor resigned.",
        "More reviews from critics came in on Friday.",
        "More on that later, she said.",
        "More than 40 outlets ran the story.",
        "Other news outlets reported the same figures.",
        "Most read the report as a warning.",
    ),
)

BOILERPLATE: tuple[Pattern, ...] = (
    _p(
        "prev-next",
        r"""^(?:
            (?:PREV|PREVIOUS|NEXT)\b(?!\s+\p{Ll}).{0,300}
          | [«‹<←]\s*(?i:previous|prev|next|zurück|weiter|anterior|siguiente|précédent|suivant)\b.{0,200}
          | (?i:previous|next|zurück|weiter|anterior|siguiente|précédent|suivant)\s*[»›>→]
          | (?i:(?:previous|next)\s+(?:article|post|story|page|slide)|(?:vorheriger|nächster)\s+artikel
               |artículo\s+(?:anterior|siguiente)|article\s+(?:précédent|suivant))\b.{0,200}
          | ←\s*(?i:older|newer)\s+(?i:story|post|entry|posts|entries)
          | (?i:older|newer)\s+(?i:story|post|entry|posts|entries)\s*→
          | (?i:prev(?:ious)?\s*next)
        )$""",
        "previous/next navigation",
        (
            "PREV Harbour town votes to keep its ferry",
            "NEXT Storm closes the coast road for a week",
            "Next article",
            "« Previous",
            "Weiter »",
            "←Older Story",
            "PrevNext",
        ),
        (
            "Next week the council will vote again.",
            "Previous attempts to pass the bill failed.",
            "NEXTera Energy shares fell.",
            "NEXT month the company will report its earnings.",
        ),
    ),
    _p(
        "back-link",
        r"""^(?=.{0,80}$)\[?\s*(?i:
            (?:back|return)\s+to\s+(?:the\s+)?
              (?:index|home(?:\s*page)?|main\s+page|[^!?\[\]]{1,40}?(?:home\s*page|homepage|index|front\s+page))
            \s*\]?\s*[»›]?
          | (?:back|return)\s+to\s+[^.!?]{1,40}?\s*[»›]
        )$""",
        "link back to the site's pages",
        ("Back to index", "Back to The Blaze »", "[Back To TMCnet.com's Homepage]", "Return to the front page"),
        ("Back to the drawing board, the council said.", "Back to school", "Return to sender"),
    ),
    _p(
        "follow-prompt",
        r"""^(?=.{0,160}$)(?i:
            (?:for\s+(?:the\s+)?(?:latest|more)\s+(?:news\s+and\s+)?updates?,?\s+)?follow\s+(?:us|@\w+)\s+on\s+
              (?:(?:google\s+news|twitter|x|facebook|instagram|linkedin|youtube|tiktok|telegram|whatsapp|threads
                 |bluesky|mastodon|flipboard|pinterest|snapchat|social\s+media)(?:\s*(?:,|and|&)\s*|\s*[.!]?\s*$))+
          | (?:like|find)\s+us\s+on\s+facebook.*
          | folgen\s+sie\s+(?:uns|\w+)\s+(?:auf|bei)\s+.+
          | s[ií]gue(?:nos)?\s+en\s+.+
          | suivez[- ]nous\s+sur\s+.+
          | (?:join|subscribe\s+to)\s+(?:us\s+on|our)\s+(?:whatsapp|telegram|youtube|google\s+news)\b.*
          | follow\s*@\w+.{0,80}(?:news|updates|headlines)\.?
          | connect\s+with\s+us\s+on\s+(?:twitter|facebook|linkedin|instagram|google\+?) | follow\s+us:?
        )$""",
        "follow-us prompt",
        (
            "For Latest Updates Follow us on Google News",
            "Follow us on Twitter and Facebook",
            "Folgen Sie uns auf Instagram",
            "Síguenos en Twitter",
            "Suivez-nous sur Facebook",
            "Follow@nytimesworldfor international breaking news and headlines.",
            "Connect with us on Twitter",
        ),
        (
            "We follow the rules on the ground, the minister said.",
            "Follow the money, she told reporters.",
            "Follow us on the journey as we cross the Atlantic, the crew wrote on Instagram.",
        ),
    ),
    _p(
        "subscribe-prompt",
        r"""^(?=.{0,200}$)(?i:
            (?:sign\s+up|subscribe|register)\s+(?:now\s+)?(?:for|to)\s+(?:our|the|a\s+free)\b.*(?:newsletter|updates|alerts|email|briefing|digest).*
          | (?:get|receive)\s+(?:our|the)\s+.{0,60}(?:newsletter|briefing)\b.*
          | .{0,60}\bnewsletter\s*(?:abonnieren|bestellen|anmelden)\b.*
          | (?:jetzt\s+)?(?:kostenlos\s+)?(?:registrieren|abonnieren)\s*[.!]?
          | suscr[ií]bete\b.*|abonnez-vous\b.*|inscrivez-vous\b.*
          | subscribe\s+(?:by|via)\s+rss | get\s+our\s+top\s+stories
          | please\s+enter\s+(?:a\s+valid|your)\s+e-?mail(?:\s+address)?\.?
          | please\s+check\s+your\s+inbox\s+for\s+a\s+confirmation\s+e-?mail\.?
        )$""",
        "newsletter or subscription prompt",
        (
            "Sign up for our weekly newsletter",
            "Subscribe to our newsletter for the latest updates",
            "Get our free morning briefing in your inbox",
            "Jetzt Newsletter abonnieren",
            "Suscríbete a nuestro boletín",
            "Please enter a valid email address.",
        ),
        ("Subscribers to the service pay $10 a month.", "He signed up for the army in 1942."),
    ),
    _p(
        "share-prompt",
        r"""^(?=.{0,80}$)(?i:
            share\s+(?:this|on)(?:\s+(?:article|story|post|page|facebook|twitter|x|linkedin|whatsapp|email))*[.!:]?
          | (?:click|tap)\s+(?:here\s+)?to\s+(?:share|tweet|email|print|comment|subscribe|follow|read\s+more).*
          | (?:artikel\s+)?(?:teilen|drucken|versenden)(?:\s+(?:auf|per)\s+\w+)?
          | compartir(?:\s+en\s+\w+)?|partager(?:\s+sur\s+\w+)?|imprimir|imprimer
          | share\s+this\s+with\s+(?:your\s+)?(?:friends|a\s+friend) | share\s+this\s+article\s*what\s+is\s+this\??
          | email\s*this\s*blogthis!?\s*(?:share\s*to\s*(?:twitter|facebook|pinterest)\s*)+
          | pin\s+it | add\s+to\s+circles? | stumble\s+it!? | bookmark\s+(?:to|this)\s*:?
          | e-?mail\s+(?:this|to\s+a\s+friend)(?:\s+(?:post|article|story|page))?
          | \W*if\s+you\s+(?:enjoyed|liked)\s+this\s+(?:article|post|story),?\s+(?:please\s+)?share\s+it(?:\s+on)?\s*:?
        )$""",
        "share prompt",
        (
            "Share this article",
            "Share on Facebook",
            "Click to share on Twitter",
            "Artikel teilen",
            "Partager sur Facebook",
            "Share this with friends",
            "Email ThisBlogThis!Share to TwitterShare to Facebook",
            "Pin It",
            "Email to a friend",
            "♥If you enjoyed this article, please share it on:",
        ),
        ("Share prices fell 3% on Monday.", "Shares of the company rose.", "Pin it on the wall, she said."),
    ),
    _p(
        "chrome-word",
        r"""^(?i:
            advertisement|advertising|sponsored(?:\s+content)?|promoted|anzeige|werbung|publicidad|publicité
          | read\s+more|read\s+next|read\s+the\s+full\s+(?:story|article)|continue\s+reading
          | show\s+more|load\s+more|see\s+more
          | weiterlesen|mehr\s+lesen|mehr\s+zum\s+thema|leer\s+m[áa]s|lire\s+la\s+suite|lire\s+aussi|à\s+lire\s+aussi
          | lesen\s+sie\s+auch|auch\s+interessant|te\s+puede\s+interesar|lee\s+tambi[ée]n
          | related(?:\s+(?:articles?|stories|posts|content|coverage|news))?|recommended(?:\s+for\s+you)?
          | most\s+(?:read|popular|viewed)
          | trending(?:\s+now)?|top\s+stories|you\s+may\s+also\s+like|more\s+from\s+.{1,40}|more\s+stories|also\s+read
          | skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|zum\s+inhalt\s+springen|nach\s+oben
          | tweet|email|e-mail|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|flipboard|copy\s+link
          | messenger|telegram
          | (?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?advertisement)?
          | (?:advertisement\s+)?(?:scroll|continue)\s+(?:down\s+)?to\s+(?:continue|read)(?:\s+reading)?
          | loading(?:\.\.\.|…)?|cargando(?:\.\.\.|…)?|wird\s+geladen(?:\.\.\.|…)?
          | (?:advertise\s*\|\s*)?adchoices | view\s+(?:article|story)\s+on\s+(?:a\s+)?single\s+page
          | skip\s+to\s+next\s+paragraph | see\s+more\s+videos? | also\s+see | like
          | (?:click\s+)?(?:photo|image|picture)\s+to\s+enlarge | enlarge\s+(?:photo|image|picture)
          | [‹«<]\s*back\s+to\s+(?:story|article) | text\s+size | font(?:\s+size)?(?=:)
          | printer[\s-]friendly(?:\s+(?:version|format|page))? | do\s+you\s+like\s+this\s+(?:story|article|post)\?
          | posted\s+on\s+this\s+day,\s+other\s+years | be\s+the\s+first\s+to\s+like\s+this
          | →?\s*more\s+tags(?:\.\.\.|…)? | log\s*in\s*learn\s+more | ↑\s*top\s+of\s+(?:page|comments)
          | don[’']t\s+miss
          | this\s+video\s+is\s+(?:playable\s+across\s+all\s+supported\s+devices
              |unavailable\s+in\s+the\s+format\s+required\s+for\s+your\s+device/os)
        )[.:!]?\s*[»›→]?$""",
        "site chrome (a single menu or widget label)",
        (
            "Advertisement",
            "ADVERTISEMENT",
            "Read more",
            "Story continues below advertisement",
            "Anzeige",
            "Lire aussi",
            "Related Articles",
            "Advertise|AdChoices",
            "View article on single page",
            "This video is playable across all supported devices.",
            "Click photo to enlarge",
            "Printer friendly version",
            "Text size:",
        ),
        (
            "Advertisement revenue fell by a third.",
            "Read more books, the minister urged.",
            "Printing presses ran all night.",
            "Like many others, she left.",
            "Also see the note below.",
            "Text messages were read out in court.",
            "Font makers met in Berlin.",
            "What is this?",
        ),
    ),
    _p(
        "cookie-notice",
        r"""^(?=.{0,400}$)(?i:
            (?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies\b.*
          | (?:by\s+(?:continuing|using)\s+(?:to\s+(?:use|browse)\s+)?(?:this|our)\s+(?:web)?site).*cookies.*
          | (?:diese\s+(?:website|webseite|seite)|wir)\s+(?:verwendet|verwenden|nutzt|nutzen)\s+cookies\b.*
          | (?:utilizamos|usamos|este\s+sitio\s+(?:web\s+)?utiliza)\s+cookies\b.*
          | (?:nous\s+utilisons|ce\s+site\s+utilise)\s+(?:des\s+)?cookies\b.*
          | (?:accept|allow)\s+(?:all\s+)?cookies|cookie\s+(?:settings|policy|preferences)
        )$""",
        "cookie notice",
        (
            "We use cookies to improve your experience on our site.",
            "Diese Website verwendet Cookies und Analysewerkzeuge.",
            "Accept all cookies",
        ),
        ("Cookies were served at the reception, the report says.",),
    ),
    _p(
        "copyright",
        r"""^(?=.{0,200}$)(?i:
            (?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\b.*
          | all\s+rights\s+reserved\.?
          | alle\s+rechte\s+vorbehalten\.?|todos\s+los\s+derechos\s+reservados\.?|tous\s+droits\s+réservés\.?
        )$""",
        "copyright notice",
        (
            "© 2024 Example News Ltd. All rights reserved.",
            "Copyright 2019 The Associated Press",
            "Alle Rechte vorbehalten.",
        ),
        ("Copyright law changed in 1998.",),
    ),
    _p(
        "social-links",
        rf"""^(?i:(?:digg\s+(?:this|it)|{_SOCIAL_ITEM})(?:\s*[|,/•·]?\s*{_SOCIAL_ITEM})*)[:.]?$""",
        "share or bookmark buttons (social network names only)",
        ("Digg", "StumbleUpon", "del.icio.us", "Post to Newsvine", "Twitter Facebook", "Digg this", "Reddit | Tumblr"),
        ("Twitter said it would appeal.", "Facebook shares fell 4% on Friday.", "Print editions will end in May."),
    ),
    _p(
        "comment-widget",
        r"""^(?i:
            reply | reply\s+to\s+this(?:\s+\w+)? | report\s+(?:post|abuse|comment|this(?:\s+(?:comment|post))?)\s*»?
          | flag(?:\s+as\s+inappropriate)?
          | (?:log\s*in|sign\s+in|register)\s+to\s+(?:reply|comment|post\s+comments?|vote)
          | \d*\s*comments | comments\s*\(\d+\) | \d+\s*(?:comment|replies|responses)
          | (?:view|show|read|see|hide|load)\s+(?:all\s+)?(?:\d+\s+)?(?:more\s+)?(?:comments?|replies)
          | leave\s+a\s+(?:reply|comment) | post\s+a\s+comment | add\s+(?:your\s+|a\s+)?comment
          | join\s+the\s+discussion | write\s+a\s+comment | (?:click\s+here\s+to\s+)?cancel\s+reply
          | (?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|url|password)\s*(?:\((?:required|optional)\)|\*|:\s*\*?)
          | (?:e-?)?mail\s*\((?:hidden|will\s+not\s+be\s+(?:published|shared|displayed))\)\s*\(required\)
          | (?:e-?)?mail\s*\(required,?\s+but\s+(?:never\s+shown|will\s+not\s+be\s+(?:published|displayed))\)
          | leave\s+a\s+response | please\s+use\s+your\s+real\s+name\.?(?:\s+[^!?]{0,60})?
          | comments\s+are\s+closed | speak\s+your\s+mind | quote\s*\|\s*report\s+this\s+post
          | .{0,10}remember\s+me\??\s*(?:yes\s*no)? | (?:one|\d+)\s+bloggers?\s+likes?\s+this
          | (?:your\s+)?(?:e-?mail\s+)?\(?will\s+not\s+be\s+published\)? | website
          | quote | permalink | edit | delete | recommend | view\s+profile
          | kommentieren | antworten | \d*\s*kommentare | responder | \d*\s*comentarios | répondre | \d*\s*commentaires
          | notify\s+me\s+of\s+(?:follow-?up\s+comments|new\s+(?:posts|comments))(?:\s+(?:via|by)\s+e-?mail)?
          | post\s+(?:a\s+)?comment | comment: | »?\s*sign\s+in\s+with\s+your\s+[\w!]+\s+id
          | something\s+to\s+say\?\s*choose\s+one\s+of\s+these\s+options\s+to\s+log\s+in
          | there\s+are\s+no\s+comments(?:\s+yet)? | (?:blog\s+)?comments\s+powered\s+by\s*disqus | discuss
          | e-?mail\s+me\s+a\s+link\s+to\s+these\s+comments | make\s+text\s+area\s+bigger.*characters\s+left
          | you\s+can\s+use\s+these\s*html\s*tags\s+and\s+attributes:.*
        )[.:]?$""",
        "comment widget (reply, report, comment count, comment form)",
        (
            "Reply",
            "Report Post »",
            "Flag as inappropriate",
            "Login to reply",
            "174 comments",
            "Comments (3)",
            "Leave a Reply",
            "Name (required)",
            "Click here to cancel reply.",
            "12 Kommentare",
            "Notify me of followup comments via e-mail",
            "Post Comment",
            "» Sign in with your Yahoo! ID",
            "Your Name:*",
            "There are no comments yet.",
            "Comments are closed.",
            "Mail (hidden) (required)",
            "blog comments powered byDisqus",
        ),
        (
            "Comments made by the minister caused outrage.",
            "He declined to reply.",
            "Reply cards were sent to 2,000 voters.",
            "Quote of the day: nothing is certain.",
        ),
    ),
    _p(
        "tag-line",
        r"""^(?i:tags?|topics?|related\s+topics?|filed\s+under|posted\s+(?:in|under)|categor(?:y|ies)
              |categori[sz]ed\s+(?:under|in)|tagged(?:\s+(?:as|with|under|in))?|keywords?|labels|news\s+source
              |schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|kategorien?|etiquetas|temas|categorías?|catégories?
              |mots-cl(?:é|e)s)\s*:\s*.{0,200}$
          | ^(?i:companies|people|organi[sz]ations|places)\s*:$""",
        "tag or category list",
        (
            "Tags: Comic Con, Geeks",
            "Filed Under: Civil Liberties, Elections",
            "Topics:",
            "Schlagwörter: Berlin, Wahl",
            "Related Topics: Financial Reform",
            "Category: Sedan, Recalls, Safety",
            "Categorized under: Biochemistry, Biology, Cancer, Science.",
            "Tagged as: Programming",
            "News Source: General Motors, Autos.ca",
            "People:",
        ),
        (
            "Tags are sold at the front desk.",
            "Topics of the talks included trade.",
            "People: they are what makes a town.",
            "Category five storms are rare.",
        ),
    ),
    _p(
        "gallery-nav",
        r"""^(?i:
            view\s+(?:the\s+)?(?:gallery|slideshow|photos?|video)
          | (?:photo\s+)?galler(?:y|ies) | slideshow | video | photos? | enlarge\s+(?:this\s+)?image
          | (?:image|photo|picture|slide|page|bild|seite|foto|imagen|página|diapositive)\s+\d+\s+(?:of|von|de|sur)\s+\d+
          | \d+\s*of\s*\d+
        )$""",
        "gallery or pager label",
        ("View Gallery", "Slideshow", "Image 3 of 12", "Page 1 of 1", "Enlarge this image", "1of15"),
        ("Video footage showed the crash.", "Page three of the report was blank."),
    ),
    _p(
        "menu-word",
        r"""^(?i:
            close | home | more | headlines | reprints | share: | like\s+this: | sponsored\s+links
          | continue\s+reading\s+the\s+(?:main|full)\s+story | story\s+continues
          | search:? | log\s*in | sign\s+in | sign\s+up
          | subscribe | newsletter | startseite | suche | inicio | buscar | accueil | rechercher
        )$""",
        "site menu or widget word",
        ("Close", "Home", "Continue reading the full story", "Sponsored Links", "Like this:"),
        ("Closer ties are expected.", "More than 200 people attended.", "Home prices rose."),
    ),
    _p(
        "stray-symbols",
        r"""^(?!(\S)(?:\ ?\1){2}$)(?:[^\p{L}\p{N}\s]\ ?){1,3}$""",
        "stray symbols (no letter or digit; a three-character separator such as *** stays)",
        ("“", "|", "→", "%", "-", "«", "[ ]"),
        ("***", "* * *", "---", "5%", "A+"),
    ),
    RELATED_HEADING,
)
