#!/usr/bin/env python3
"""The extraction benchmark's corpus: varied, real-looking news pages, as plain text and as HTML.

Bases: the seed pages and the dev corpus in ../shared/corpus (real news, read at run time, never
copied into the project) and our own examples/ pages. Article k is a variant of base k mod the pool
size: months rotated, days and years shifted, towns, provinces and numbers swapped, so no two texts
are equal; the HTML form wraps the same text in a news page (head, nav, header, article, aside,
footer). Variants of one base still share most clauses, so the benchmark also times extraction with
the per-clause caches cleared before every article (see bench_extract.py).
"""
from __future__ import annotations

import html as html_mod
import json
import re
import sys
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
POOL_DIRS = (SEEDS, SHARED / "corpus" / "dev", REPO / "examples")

# --------------------------------------------------------------------------- corpus

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# "May" is also a verb: only rewrite it when a day number follows.
_FULL_MONTH = re.compile(r"\b(January|February|March|April|June|July|August|September|October|November|December"
                         r"|May(?= \d))\b")
_ABBR_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?=\.? \d)")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS + MONTH_ABBR + ["Sept"]) + r")(\.?) (\d{1,2})(st|nd|rd|th)?\b(?!\d)")
_YEAR = re.compile(r"\b(20[12]\d)\b")
_NUMBER_WORDS = ["two", "three", "four", "five", "six"]
_NUMBER_WORD = re.compile(r"\b(two|three|four|five|six)\b(?= (?:rockets?|drones?|convoys?|roadside|supply|Americans|US|"
                          r"more|security))", re.I)
_SMALL_NUM = re.compile(r"\b(\d{1,2})\b(?= (?:rockets|drones|more|others|people))")

# Places named in the seeds, each with a pool of substitutes of the same kind.
TOWN_POOL = ["Fallujah", "Ramadi", "Basra", "Nasiriyah", "Samawah", "Hillah", "Kut", "Tikrit", "Samarra", "Balad",
             "Kirkuk", "Mosul", "Najaf", "Karbala", "Haditha", "Baiji", "Rutba", "Diwaniyah", "Zummar", "Rabia"]
PROVINCE_POOL = ["Anbar", "Muthanna", "Babil", "Diyala", "Wasit", "Maysan", "Nineveh", "Dhi Qar", "Salahuddin",
                 "Karbala", "Najaf", "Kirkuk"]
SEED_TOWNS = ["Fallujah", "Basra", "Nasiriyah", "Zummar"]
SEED_PROVINCES = ["Anbar", "Muthanna", "Babil", "al-Diwaniyah", "Babylon", "al-Muthanna"]
OUTLET_DOMAINS = {"SouthFront": "southfront.example", "ZeroHedge": "zerohedge.example",
                  "ZeroHedge (reprint)": "reprints.example", "The Libertarian Institute": "libertarian.example"}


def _load_seeds() -> list[dict]:
    """The base pages: every plain-text page of the seed, dev and example corpora, in a fixed order."""
    if not SEEDS.is_dir():
        sys.exit(f"seed corpus not found at {SEEDS} (../shared must sit beside the checkout)")
    seeds = []
    for folder in POOL_DIRS:
        for txt in sorted(folder.glob("*.txt")):
            meta_path = txt.with_name(txt.stem + ".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            seeds.append({"stem": txt.stem, "text": txt.read_text(encoding="utf-8"), "meta": meta})
    if not seeds:
        sys.exit(f"no base pages in {', '.join(map(str, POOL_DIRS))}")
    return seeds


def _rotate(pool: list[str], word: str, k: int) -> str:
    return pool[(pool.index(word) + k) % len(pool)] if word in pool else pool[k % len(pool)]


def vary(text: str, i: int) -> str:
    """Variant `i` of a page: months rotated, days and years shifted, places and numbers swapped."""
    mshift, dshift, yshift = i % 12, (i // 12) % 27, (i // 7) % 3
    pshift, nshift = i % len(TOWN_POOL), i % len(_NUMBER_WORDS)

    def month_day(m: re.Match) -> str:
        day = (int(m.group(3)) - 1 + dshift) % 28 + 1
        return f"{m.group(1)}{m.group(2)} {day}{m.group(4) or ''}"

    def full_month(m: re.Match) -> str:
        return MONTHS[(MONTHS.index(m.group(1)) + mshift) % 12]

    def abbr_month(m: re.Match) -> str:
        key = "Sep" if m.group(1).startswith("Sep") else m.group(1)
        return MONTH_ABBR[(MONTH_ABBR.index(key) + mshift) % 12]

    def number_word(m: re.Match) -> str:
        w = _rotate(_NUMBER_WORDS, m.group(1).lower(), nshift)
        return w.capitalize() if m.group(1)[0].isupper() else w

    text = _MONTH_DAY.sub(month_day, text)
    text = _FULL_MONTH.sub(full_month, text)
    text = _ABBR_MONTH.sub(abbr_month, text)
    text = _YEAR.sub(lambda m: str(min(int(m.group(1)) + yshift, 2025)), text)
    text = _NUMBER_WORD.sub(number_word, text)
    text = _SMALL_NUM.sub(lambda m: str(int(m.group(1)) + nshift), text)
    for j, town in enumerate(SEED_TOWNS):
        text = re.sub(rf"\b{town}\b", TOWN_POOL[(pshift + 5 * j) % len(TOWN_POOL)], text)
    for j, prov in enumerate(SEED_PROVINCES):
        text = re.sub(rf"\b{re.escape(prov)}\b", PROVINCE_POOL[(i + 3 * j) % len(PROVINCE_POOL)], text)
    return text


def _vary_published(value: str | None, i: int) -> str | None:
    if not value:
        return None
    d = date.fromisoformat(value[:10])
    mshift, dshift, yshift = i % 12, (i // 12) % 27, (i // 7) % 3
    month = (d.month - 1 + mshift) % 12 + 1
    return date(min(d.year + yshift, 2025), month, (d.day - 1 + dshift) % 28 + 1).isoformat()


_NAV = ["Home", "World", "Middle East", "Iraq", "Syria", "Politics", "Analysis", "Opinion", "Video", "Podcasts",
        "Subscribe", "Donate", "Contact"]


def to_html(text: str, meta: dict, i: int) -> str:
    """Wrap an article's text in a realistic news page: head, nav, header, article, aside, footer."""
    esc = html_mod.escape
    title = meta.get("title") or text.strip().splitlines()[0]
    outlet = meta.get("outlet") or "Example News"
    # one <p> per line of the saved text: a line break in these pages separates blocks (paragraphs,
    # captions, widget labels, comment headers), which a real page would mark up separately.
    paras = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    body = "\n".join(f"      <p>{esc(p)}</p>" for p in paras)
    nav = "\n".join(f'        <li><a href="/{n.lower().replace(" ", "-")}/">{esc(n)}</a></li>' for n in _NAV)
    related = "\n".join(f'        <li><a href="/news/{i}-{k}">Related story number {k}: analysts weigh regional '
                        f'tensions</a></li>' for k in range(1, 7))
    most_read = "\n".join(f'        <li><a href="/top/{k}">Most read item {k}</a></li>' for k in range(1, 6))
    pub = meta.get("published") or ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{esc(title)} | {esc(outlet)}</title>
  <meta property="og:title" content="{esc(title)}">
  <meta property="og:site_name" content="{esc(outlet)}">
  <meta property="og:type" content="article">
  <link rel="stylesheet" href="/static/site.css">
  <style>body{{font-family:serif}} .ad{{min-height:250px}}</style>
  <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}gtag('js',new Date());</script>
</head>
<body class="single-post">
  <div class="topbar">Breaking news alerts - sign up for our newsletter</div>
  <nav class="main-nav" role="navigation">
    <ul>
{nav}
    </ul>
    <form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>
  </nav>
  <header class="site-header">
    <a class="logo" href="/">{esc(outlet)}</a>
    <ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/middle-east/">Middle East</a></li></ol>
  </header>
  <main>
    <article class="post">
      <h1 class="entry-title">{esc(title)}</h1>
      <p class="byline">By Staff Reporter | <time datetime="{esc(pub)}">{esc(pub)}</time></p>
      <figure><img src="/img/{i}.jpg" alt="File image"><figcaption>File image.</figcaption></figure>
{body}
      <div class="share">Share this: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a></div>
    </article>
    <aside class="sidebar">
      <div class="ad">Advertisement</div>
      <h3>Related articles</h3>
      <ul>
{related}
      </ul>
      <h3>Most read</h3>
      <ul>
{most_read}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2024 {esc(outlet)}. All rights reserved.</p>
    <ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms</a></li></ul>
  </footer>
  <script src="/static/app.js" async></script>
</body>
</html>
"""


def build_corpus(root: Path, n: int) -> dict:
    """Write n text articles (root/text) and their n HTML variants (root/html), each with a sidecar."""
    seeds = _load_seeds()
    (root / "text").mkdir(parents=True)
    (root / "html").mkdir(parents=True)
    texts = set()
    for k in range(n):
        seed = seeds[k % len(seeds)]
        i = k // len(seeds)
        text = vary(seed["text"], i)
        texts.add(text)
        meta = dict(seed["meta"])
        stem = f"{seed['stem']}_v{i:04d}"
        domain = OUTLET_DOMAINS.get(meta.get("outlet"), "news.example")
        side = {"id": stem, "url": f"https://{domain}/{stem}", "outlet": meta.get("outlet"),
                "title": vary(meta["title"], i) if meta.get("title") else None,
                "published": _vary_published(meta.get("published"), i)}
        (root / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (root / "text" / f"{stem}.meta.json").write_text(json.dumps(side), encoding="utf-8")
        (root / "html" / f"{stem}.html").write_text(to_html(text, side, i), encoding="utf-8")
        (root / "html" / f"{stem}.meta.json").write_text(json.dumps(side), encoding="utf-8")
    # a warm-up page of each kind, outside the measured folders
    (root / "warm").mkdir()
    warm = seeds[0]
    (root / "warm" / "warm.txt").write_text(warm["text"], encoding="utf-8")
    (root / "warm" / "warm.html").write_text(to_html(warm["text"], warm["meta"], 99999), encoding="utf-8")
    return {"articles": n, "distinct_texts": len(texts), "seeds": len(seeds)}
