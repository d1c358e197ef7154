"""Rebuild src/newsclean/data/stopwords.json from wordfreq.

newsclean detects a document's language from its most frequent words. Loading every wordfreq
list to do that would take seconds, so this script keeps the top words of each language with their
Zipf frequency in one small file that ships with the package. Run it after upgrading wordfreq:

    python scripts/build_stopwords.py
"""

import importlib.metadata
import json
import math
import pathlib

import wordfreq

TOP_N = 100
OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "newsclean" / "data" / "stopwords.json"


def main() -> None:
    table = {}
    for lang in sorted(wordfreq.available_languages("best")):
        # get_frequency_dict needs no tokenizer (zipf_frequency would want MeCab for Japanese)
        freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
        words = wordfreq.top_n_list(lang, TOP_N, wordlist="best")
        table[lang] = {w: round(math.log10(freqs[w]) + 9, 2) for w in words if w in freqs}
    payload = {"source": "wordfreq " + importlib.metadata.version("wordfreq"), "top_n": TOP_N, "languages": table}
    OUT.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(table)} languages)")


if __name__ == "__main__":
    main()
