"""Print how an article's sentences became frames and incidents (a development aid)."""
import sys
from attackwatch.pipeline import load_article
from attackwatch.extraction.annotate import annotate
from attackwatch.extraction.incidents import resolve
from attackwatch.packs import get_pack

art = load_article(sys.argv[1])
pack = get_pack()
ann = annotate(art.text, art.published)
for inc in resolve(ann, pack):
    print("== INCIDENT", inc.date_value, inc.date_precision, inc.date_source, inc.place.id if inc.place else None, "weapon", inc.weapon, "distinct", inc.distinct)
    for f in inc.frames:
        print("   F s%d p%d" % (f.sent, f.para), "place", f.place.id if f.place else None, "date", f.date.value if f.date else None,
              "w", f.weapon.weapon if f.weapon else None, "another" if f.another else "", "bg" if f.background_cue else "",
              "|", " / ".join(ann.folded[s.start:s.end].strip()[:60] for s in f.segs))
    for s in inc.attached:
        print("   A s%d" % s.sent, ann.folded[s.start:s.end].strip()[:80])
    for s in inc.inherited:
        print("   I s%d" % s.sent, ann.folded[s.start:s.end].strip()[:80])
