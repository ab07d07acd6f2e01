"""Spelling variants by rule: how English copy transliterates Arabic and Kurdish names.

Two kinds, because places and groups vary differently:

- `place_variants` applies orthographic rules to a town or province name (Th/Dh, the
  -iya/-iyah/-iyya ending, doubled consonants, the article dropped or joined (its
  assimilated forms ad-/as-/ash- and el- need no pattern: the bare name matches inside them),
  ou/u, ee/i, e/i, q/k, -ah/-a). Used at build time by tools/build_places.py, which checks
  each variant against the stoplist and the other places before shipping it.
- `word_family_variants` swaps whole words for the other spellings of their family
  (Kata'ib/Kataib/Kataeb/Katayib, Hezbollah/Hizballah...), with the families given as pack
  data (`spellings.jsonl`). Used when the actor registry loads.

Both return folded, single-spaced strings; the caller decides which to keep. The spaCy
loader adds the hyphen/space/apostrophe/article-dropped forms of each (`alias_variants`).
"""
from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

_ARTICLE = re.compile(r"^(?:al|el|ad|adh|as|ash|at|ath|az|ar|an)[- ]", re.I)
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ed|es|esh|et|ez|er|en)-(?=\w)", re.I)
# the article before a "sun letter" takes the letter's sound: ad-Din, ez-Zor, esh-Sham
_SUN_LETTERS = ("sh", "th", "dh", "d", "r", "z", "s", "t", "n")
_IYA = re.compile(r"(?<=[a-z])(?:iyyah|iyyeh|iyah|iyya|iyeh|iya|iye)$", re.I)
_IYA_FORMS = ("iya", "iyah", "iyya", "iyyah", "iyeh")
_DOUBLE = re.compile(r"([bcdfghjklmnpqrstvwxz])\1", re.I)
_VOWEL = "aeiou"
_E_CONSONANTAL = re.compile(r"(?:(?<=^)|(?<=[^aeiouy\W]))[eE](?=[^aeiouyh\W-])")

# the most rule variants one name may add: the rules are speculative, and every pattern costs
# matcher build time
MAX_PLACE_VARIANTS = 12


def _keep_case(template: str, text: str) -> str:
    return text[:1].upper() + text[1:] if template[:1].isupper() else text


def _word_rules(word: str) -> list[str]:
    """One-step variants of one word (no article), the commonest in news copy first."""
    out: dict[str, None] = {}
    low = word.lower()
    # Th/Dh at the start of a word: Dhi Qar / Thi Qar
    if low.startswith("dh"):
        out.setdefault(_keep_case(word, "th" + word[2:]))
    elif low.startswith("th"):
        out.setdefault(_keep_case(word, "dh" + word[2:]))
    # the nisba ending: Diwaniyah / Diwaniya / Diwaniyya / Diwaniyeh
    m = _IYA.search(word)
    if m:
        for form in _IYA_FORMS:
            out.setdefault(word[:m.start()] + form)
    elif low.endswith("ah") and len(low) > 4:
        out.setdefault(word[:-1])  # Rutbah / Rutba
    elif low.endswith("eh") and len(low) > 4:
        out.setdefault(word[:-2] + "ah")  # Hasakeh / Hasakah
    elif low.endswith("a") and low[-2:-1] not in _VOWEL and len(low) > 4:
        out.setdefault(word + "h")  # Samawa / Samawah
    # doubled consonants collapse: Fallujah / Falujah, Qayyarah / Qayarah
    if _DOUBLE.search(word):
        out.setdefault(_DOUBLE.sub(r"\1", word))
    # ou / u: Boukamal / Bukamal (every u at once, so a name gains one form, not 2^n)
    if "ou" in low:
        out.setdefault(re.sub("ou", "u", word, flags=re.I))
    elif "u" in low[1:]:
        out.setdefault(word[0] + word[1:].replace("u", "ou"))
    # ee / i and oo / u: Mayadeen / Mayadin
    if "ee" in low:
        out.setdefault(re.sub("ee", "i", word, flags=re.I))
    if "oo" in low:
        out.setdefault(re.sub("oo", "u", word, flags=re.I))
    # e / i: Kerbala / Kirbala, Erbil / Irbil: the first e between consonants (not the
    # diphthong of Deir, nor the -eh ending)
    e = _E_CONSONANTAL.search(word)
    if e and len(low) >= 5 and e.start() < len(low) - 2 and "-" not in word:  # not el-Din, ez-Zor
        i = e.start()
        out.setdefault(word[:i] + ("I" if i == 0 else "i") + word[i + 1:])
    # q / k: al-Qaim / al-Kaim
    if "q" in low:
        out.setdefault(_keep_case(word, re.sub("q", "k", word, flags=re.I)))
    out.pop(word, None)
    return [w for w in out if len(w) >= 3]


def _joined(article: str, rest: str) -> str:
    """al-Bukamal -> Albukamal: the article written into the word.

    The hyphenated forms (el-Bukamal, ad-Diwaniyah) need no pattern: spaCy splits them at the
    hyphen, so the bare name matches inside them.
    """
    return ("Al" if article[:1].isupper() else "al") + rest.lower()


def place_variants(name: str) -> list[str]:
    """Spelling variants of a place name by rule (deterministic order, at most MAX_PLACE_VARIANTS)."""
    name = " ".join(name.split())
    m = _ARTICLE.match(name)
    article, body = (name[:m.end() - 1], name[m.end():]) if m else ("", name)
    words = body.split(" ")
    found: list[str] = []
    seen = {name.lower()}

    def add(v: str) -> None:
        if v.lower() not in seen:
            seen.add(v.lower())
            found.append(v)

    # a name hyphenated throughout (Deir-ez-Zor, Tal-Afar): spaCy splits the hyphens, so the
    # spaced form does not match it
    if " " in body and all(w[:1].isupper() or _ARTICLE_PREFIX.match(w) for w in words):  # not "Diwaniyah city"
        add((f"{article}-" if article else "") + body.replace(" ", "-"))
    # the likeliest first, as the list is capped: the article inside the name written every
    # way (Deir ez-Zor: Deir al-Zor, Deir es-Zur), then one rule on one word, then two rules
    # on the head word (Boukamal -> Bukamal -> Albukamal)
    mid: list[tuple[int, str, list[str]]] = []
    for i, w in enumerate(words):
        m = _ARTICLE_PREFIX.match(w)
        if i == 0 or not m:
            continue
        rest = w[m.end():]
        sun = next((c for c in _SUN_LETTERS if rest.lower().startswith(c)), None)
        articles = ["al", "el", *([f"a{sun}", f"e{sun}"] if sun else [])]
        if sun == "z":
            articles += ["as", "es"]  # Deir es-Zur: z heard as s
        mid.append((i, rest, articles))
    bodies = [body]
    for i, rest, articles in mid:
        bodies += [" ".join([*words[:i], f"{art}-{rest}", *words[i + 1:]]) for art in articles]
    for i, w in enumerate(words):
        for v in _word_rules(w):
            bodies.append(" ".join([*words[:i], v, *words[i + 1:]]))
    for i, rest, articles in mid:
        for r in _word_rules(rest):
            bodies += [" ".join([*words[:i], f"{art}-{r}", *words[i + 1:]]) for art in articles]
    for v in _word_rules(words[0]):
        for v2 in _word_rules(v):
            bodies.append(" ".join([v2, *words[1:]]))
    for b in bodies:
        if article and " " not in b:
            add(_joined(article, b))
        add(b)
    return found[:MAX_PLACE_VARIANTS]


def word_family_variants(alias: str, families: Mapping[str, tuple[str, ...]], limit: int = 24) -> list[str]:
    """Every spelling of `alias` that swaps its words for others of the same family.

    `families` maps a word's key (lower case, no apostrophes) to all spellings of the family.
    """
    parts = alias.split(" ")
    options: list[Iterable[str]] = []
    for p in parts:
        m = _ARTICLE_PREFIX.match(p)  # al-Waritheen: the article stays, the word varies
        prefix, word = (p[:m.end()], p[m.end():]) if m else ("", p)
        fam = families.get(word.lower().replace("'", "").replace("\u2019", ""))
        options.append(tuple(prefix + f for f in fam) if fam else (p,))
    out: list[str] = []
    seen = {alias.lower()}
    # one word changed at a time first, so a cap keeps every family's forms before mixtures
    singles = [tuple(f if j == i else parts[j] for j in range(len(parts))) for i, opts in enumerate(options)
               for f in opts]
    for combo in itertools.chain(singles, itertools.product(*options)):
        v = " ".join(combo)
        if v.lower() not in seen:
            seen.add(v.lower())
            out.append(v)
            if len(out) >= limit:
                break
    return out
