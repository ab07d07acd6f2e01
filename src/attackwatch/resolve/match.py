"""Do two tellings describe one incident?

Hard constraints rule a pair out: two reports of one article, another country, days that
cannot meet, another province, clearly another site (two differently named sites or towns
far apart), a convoy against a base or an airport. Everything else *weighs*: one outlet's telling
often carries a wrong actor (a group named in a neighbouring sentence), a weapon word of its
own (drone or air strike, rockets or missiles) or a date a day off (a dateline, a night-time
attack), so a disagreement on actor, weapon, target or day lowers the score of a pair whose
place agrees rather than vetoing it. The score adds agreement and evidence similarity, the
tolls (the same dead count for much, "no one was killed" against a death counts against) and
a landmark of the pack both tellings name and fit ("the killing of Soleimani"). Days may be
two apart only for the same dead at one place by one weapon (`same_dead`): a fatal attack
dated by the strikes that answered it.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from attackwatch.packs.distance import km_between
from attackwatch.resolve.keys import INDIRECT_FIRE, ReportKey

# a precise telling joins the best incident scoring at least this
THRESHOLD = 3.0
# a coarse telling (a month, a country) "fits" an incident scoring at least this; it joins only
# an incident it fits alone, so the bar can be lower than the precise one
FIT_THRESHOLD = 2.0
# two named places this close are one compound told two ways (an embassy in the Green Zone, a
# camp beside an airport), farther apart they are two places
SAME_PLACE_KM = 6.0
# how many days apart two day-precise tellings of one toll of dead at one place may be (the
# store loads the incidents two days either side of a batch, so no further)
SAME_DEAD_DAYS = 2
# two tellings that name and fit one landmark of the pack ("the killing of Soleimani")
LANDMARK_AGREES = 2.5
# a convoy on a road is never an attack on one of these
BASES = frozenset({"military_base", "airport"})
FIXED_SITES = BASES | {"diplomatic"}
# what militias attack (US and coalition sites, convoys) against what a strike on them hits:
# the two directions of one exchange of fire, told on the same day, are two incidents
ATTACKED_BY_MILITIAS = FIXED_SITES | {"convoy"}


@lru_cache(maxsize=1)
def weapon_families() -> dict[str, frozenset[str]]:
    """What delivered an attack, as outlets word it differently (the pack's `weapon_families`:
    rockets and missiles are indirect fire, a drone strike and an air strike come from the air)."""
    from attackwatch.packs import get_pack  # loaded once, on first use

    table = get_pack().meta.get("weapon_families") or {}
    return {weapon: frozenset(families) for weapon, families in table.items()}


def same_place(a: ReportKey, b: ReportKey) -> bool:
    """One place told two ways: the same name, a site named after its town ("Camp Taji" and
    "Taji"), or two sites a few kilometres apart (an embassy and the zone around it, a camp
    beside an airport). Only towns and sites: two tellings of "Iraq" or "Anbar" do not name
    one place; and two sites sharing a city's name (Baghdad's airport and its embassy) are
    not one unless they are close."""
    if a.place_rank < 3 or b.place_rank < 3:
        return False
    if a.place_id and a.place_id == b.place_id:
        return True
    if a.place_rank != b.place_rank:
        town, site = (a, b) if a.place_rank < b.place_rank else (b, a)
        if town.place_words and town.place_words <= site.place_words:
            return True
    elif a.place_rank == 3 and a.place_words and a.place_words == b.place_words:
        return True  # one town's name spelled two ways ("al-Qaim", "Qaim")
    km = km_between(a, b)
    return km is not None and km <= SAME_PLACE_KM


def weapons_relation(a: str, b: str) -> int:
    """2 the same weapon, 1 the same family, 0 unknown on a side, -1 different families."""
    if "unknown" in (a, b):
        return 0
    if a == b:
        return 2
    if a in INDIRECT_FIRE and b in INDIRECT_FIRE:
        return 1  # outlets call the same Katyushas rockets or missiles
    families = weapon_families()
    return 1 if families.get(a, frozenset()) & families.get(b, frozenset()) else -1


def actors_relation(a: ReportKey, b: ReportKey) -> int:
    """2 the same actor, 1 a front and its umbrella, 0 one unnamed, -1 two of one side,
    -2 actors of different sides (a militia and its enemy)."""
    if not a.actor or not b.actor:
        return 0
    if a.actor == b.actor:
        return 2
    if a.actor_parent == b.actor or b.actor_parent == a.actor or (
            a.actor_parent is not None and a.actor_parent == b.actor_parent):
        return 1
    # "other" in the registry is no side: such actors are not allies of anyone
    if a.side and a.side == b.side and a.side != "other":
        return -1
    return -2


def same_dead(a: ReportKey, b: ReportKey) -> bool:
    """The same toll of dead at one place by one kind of weapon: deaths are rare and counted,
    so two such tellings are one incident even when one dates it by a later event ("the
    strikes follow a rocket attack that killed a contractor", told on the strikes' day). Two
    named places must be one place; a telling that names only the country or province may be
    of any place in it (so it agrees with every day-precise telling of an incident whose
    tellings are two days apart)."""
    if a.killed is None or a.killed == 0 or a.killed != b.killed or weapons_relation(a.weapon, b.weapon) < 1:
        return False
    if _targets_opposed(a, b):
        return False
    return same_place(a, b) if min(a.place_rank, b.place_rank) >= 3 else _places_agree(a, b)


def _days_agree(a: ReportKey, b: ReportKey) -> bool:
    if a.lo < 0 or b.lo < 0:  # undated
        return False
    if a.precision == 3 and b.precision == 3:
        gap = abs(a.lo - b.lo)
        # outlets a time zone apart, or reporting "late on" a day; further only with the same dead
        return gap <= 1 or (gap <= SAME_DEAD_DAYS and same_dead(a, b))
    return a.lo <= b.hi + 1 and b.lo <= a.hi + 1


def _places_agree(a: ReportKey, b: ReportKey) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if same_place(a, b):
        return True
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    # two different sites or towns are two incidents; a site and a town in one province may be one
    if a.place_rank >= 3 and b.place_rank >= 3 and a.place_rank == b.place_rank:
        return False
    return True


def _targets_opposed(a: ReportKey, b: ReportKey) -> bool:
    """One telling is of what militias attack, the other of a strike on the militias."""
    return bool({a.target_type, b.target_type} & ATTACKED_BY_MILITIAS) and "militia_position" in (a.target_type, b.target_type)


def casualties_score(a: ReportKey, b: ReportKey) -> float:
    """How the tolls weigh: the same dead count for much (a fatal attack is rare), the same
    wounded for a little; "no one was killed" against a death, or "no injuries" against the
    wounded, counts against (less for the wounded, whose count often grows from none as
    injuries are diagnosed later). Different non-zero tolls weigh nothing: tolls grow."""
    s = 0.0
    if a.killed is not None and b.killed is not None:
        if a.killed == b.killed and a.killed > 0:
            s += 1.5
        elif (a.killed == 0) != (b.killed == 0):
            # enough to part two vague tellings of a day, not one base's provisional "no
            # casualties" and the death announced later
            s -= 2.5
    if a.injured is not None and b.injured is not None:
        if a.injured == b.injured and a.injured > 0:
            s += 0.5
        elif (a.injured == 0) != (b.injured == 0):
            s -= 1.0
    return s


def _targets_exclusive(a: ReportKey, b: ReportKey) -> bool:
    """A convoy on a road is not an attack on a base or an airport (an embassy's convoy is
    both a convoy and a diplomatic target, so those two may be one)."""
    return "convoy" in (a.target_type, b.target_type) and bool({a.target_type, b.target_type} & BASES)


def compatible(a: ReportKey, b: ReportKey, days: bool = True) -> bool:
    """No hard constraint rules the pair out (the cheapest tests first: this runs for every
    candidate of every report); `days=False` leaves the days out of it."""
    if a.article_id == b.article_id or (a.country and b.country and a.country != b.country):
        return False
    return (not days or _days_agree(a, b)) and _places_agree(a, b) and not _targets_exclusive(a, b)


def score(a: ReportKey, b: ReportKey) -> float:
    """Agreement of a compatible pair; higher is more alike."""
    return field_score(a, b) + text_score(a, b)


def text_score(a: ReportKey, b: ReportKey) -> float:
    """Similarity of the evidence sentences, 0-1."""
    return fuzz.token_set_ratio(a.text, b.text) / 100.0 if a.text and b.text else 0.0


def field_score(a: ReportKey, b: ReportKey) -> float:
    """Agreement of the coded fields (everything `score` counts but the text, which is dearer)."""
    s = 1.0
    if a.precision == 3 and b.precision == 3:
        # a day apart needs more agreement than the place alone: attacks on one base on
        # consecutive days are common
        gap = abs(a.lo - b.lo)
        s += 1.0 if gap == 0 else -0.5 if gap == 1 else -1.5
    if same_place(a, b):
        s += 2.0
    elif a.admin1 and a.admin1 == b.admin1:
        s += 1.0
    s += {2: 1.0, 1: 0.5, 0: 0.0, -1: -1.5}[weapons_relation(a.weapon, b.weapon)]
    s += {2: 1.0, 1: 0.5, 0: 0.0, -1: -0.5, -2: -1.5}[actors_relation(a, b)]
    if a.target_type == b.target_type and a.target_type != "other":
        s += 0.5
    elif _targets_opposed(a, b):
        s -= 1.5  # an attack and the strike answering it
    elif "convoy" in (a.target_type, b.target_type) and "other" not in (a.target_type, b.target_type):
        s -= 1.0  # a convoy and people: possible, but not alike
    if a.landmark and b.landmark:
        # both name and fit one well-known incident: near identity, whatever each got wrong
        s += LANDMARK_AGREES if a.landmark == b.landmark else -1.0
    return s + casualties_score(a, b)


def fits(a: ReportKey, b: ReportKey) -> bool:
    """Could coarse telling `a` be the incident `b` tells? (It joins only one it fits alone.)"""
    return compatible(a, b) and score(a, b) >= FIT_THRESHOLD
