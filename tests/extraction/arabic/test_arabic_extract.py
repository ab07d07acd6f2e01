"""The Arabic extractor on short pages written for these tests: each row a behaviour (claims,
confirmation, denial, interception, tolls, who struck whom, places named as reference points,
split reports, recalled landmarks, dates)."""
from __future__ import annotations

import pytest

PUB = "2024-02-05"  # a Monday

CASES = {
    "claim and rockets": (
        "تبنت المقاومة الإسلامية في العراق، مساء الأحد، هجوماً صاروخياً استهدف قاعدة عين الأسد الجوية في الأنبار.",
        [{"date": "2024-02-04", "actor": "Islamic Resistance in Iraq", "claimed": True, "weapon": "rocket",
          "place": "Ain al-Asad Air Base", "admin1": "Anbar", "target_type": "military_base"}]),
    "official confirms, no casualties": (
        "أعلنت القيادة المركزية الأمريكية في بيان أن طائرة مسيرة هاجمت قاعدة حرير في أربيل فجر اليوم، ولم يسفر "
        "الهجوم عن أي إصابات.",
        [{"confirmation": "confirmed", "weapon": "drone", "place": "Harir Air Base", "killed": 0, "injured": 0,
          "date": "2024-02-05"}]),
    "no soldier hurt; a quoted 'no losses'": (
        'قتل متعاقد أمريكي في هجوم صاروخي على قاعدة عين الأسد اليوم، وقال البنتاغون إنه لم يصب أي من الجنود. '
        'وأكد جهاز مكافحة الإرهاب عدم وقوع "أي خسائر بشرية" في هجوم آخر بطائرة مسيرة على مطار أربيل الدولي أمس.',
        [{"place": "Ain al-Asad Air Base", "killed": 1, "injured": 0},
         {"place": "Erbil International Airport", "killed": 0, "injured": 0, "date": "2024-02-04"}]),
    "an anonymous source confirms nothing": (
        "أفاد مصدر أمني بأن صاروخين سقطا قرب قاعدة عين الأسد أمس.",
        [{"confirmation": "not_mentioned", "date": "2024-02-04", "weapon": "rocket"}]),
    "interception": (
        "أسقطت الدفاعات الجوية طائرة مسيرة مفخخة فوق مطار أربيل الدولي صباح اليوم.",
        [{"intercepted": True, "event_type": "Disrupted weapons use", "place": "Erbil International Airport"}]),
    "one of two shot down": (
        "هاجمت طائرتان مسيرتان قاعدة عين الأسد فجر اليوم، وأسقطت إحداهما.",
        [{"intercepted": False, "weapon": "drone"}]),
    "toll: a dual and a noun joined by wa": (
        "قتل جنديان ومتعاقد في هجوم بصواريخ كاتيوشا استهدف معسكر التاجي مساء السبت.",
        [{"killed": 3, "place": "Camp Taji", "date": "2024-02-03"}]),
    "a US strike on militia sites": (
        "شنت الولايات المتحدة غارات جوية على مقرات لكتائب حزب الله في قضاء القائم بمحافظة الأنبار.",
        [{"actor": "United States", "target_type": "militia_position", "weapon": "airstrike", "admin1": "Anbar"}]),
    "a town as a reference point is its province": (
        "تعرضت قاعدة الشدادي جنوب الحسكة لقصف صاروخي اليوم.",
        [{"place": "al-Shaddadi base", "admin1": "Al-Hasakah"}]),
    "a denial": (
        "استهدف هجوم رتلاً للتحالف قرب معبر جريشان، فيما نفت قيادة العمليات المشتركة وقوع أي هجوم.",
        [{"confirmation": "denied", "target_type": "convoy", "admin1": "Basra"}]),
    "shelling of listed villages: one report each": (
        "قصفت القوات الأمريكية بالمدافع قرى خشام والجفرة التي تنتشر فيها مجموعات مدعومة من إيران.",
        [{"place": "Khasham", "actor": "United States", "event_type": "Shelling/artillery/missile attack"},
         {"place": "Al-Jafra", "actor": "United States"}]),
    "a recalled landmark": (
        "جاء الهجوم على قاعدة فكتوريا في الذكرى الرابعة لاغتيال قاسم سليماني بضربة أمريكية قرب مطار بغداد.",
        [{"place": "Victory Base Complex"},
         {"date": "2020-01-03", "actor": "United States", "background": True}]),
    "a claim naming two bases: one report each, each with its weapon": (
        "أعلنت المقاومة الإسلامية في العراق، فجر اليوم، استهداف قاعدة عين الأسد بطائرة مسيرة، وقاعدة حرير في أربيل "
        "بالصواريخ.",
        [{"place": "Ain al-Asad Air Base", "weapon": "drone", "actor": "Islamic Resistance in Iraq", "claimed": True},
         {"place": "Harir Air Base", "weapon": "rocket", "actor": "Islamic Resistance in Iraq", "claimed": True}]),
    "a group saying it struck claims": (
        "وقالت المقاومة الإسلامية في العراق في بيان إنها استهدفت قاعدة التنف بطائرة مسيرة، مساء الأحد.",
        [{"actor": "Islamic Resistance in Iraq", "claimed": True, "place": "al-Tanf Garrison", "date": "2024-02-04"}]),
    "hostile framing of a US strike, martyrs counted": (
        "شن طيران الاحتلال الأمريكي غارات على مواقع للحشد الشعبي في منطقة جرف النصر شمالي بابل فجر اليوم، ما أدى "
        "إلى استشهاد 4 من عناصر الحشد.",
        [{"actor": "United States", "weapon": "airstrike", "target_type": "militia_position", "place": "Jurf al-Sakhar",
          "killed": 4}]),
    "mortars near the embassy, confirmed by the Security Media Cell": (
        "سقطت ثلاث قذائف هاون قرب السفارة الأمريكية في المنطقة الخضراء ببغداد ليلة الأحد، وفقا لخلية الإعلام الأمني.",
        [{"weapon": "mortar", "target_type": "diplomatic", "admin1": "Baghdad", "date": "2024-02-03",
          "confirmation": "confirmed"}]),
    "two provinces named together are provinces": (
        "استهدف هجوم بطائرات مسيرة قاعدتين للقوات الأمريكية في محافظتي دير الزور وحمص مساء الأحد.",
        [{"place": "Deir ez-Zor", "admin1": "Deir ez-Zor"}, {"place": "Homs", "admin1": "Homs"}]),
    "an Israeli strike is Israel's": (
        "أعلنت هيئة الأركان الإسرائيلية أن طائراتها الحربية قصفت مواقع عسكرية في محيط مطار دمشق الدولي فجر اليوم.",
        [{"actor": "Israel", "weapon": "airstrike", "place": "Damascus International Airport"}]),
    "a landmark recalled days later: its own date, background, no claim by the speaker": (
        'أعلنت "كتائب حزب الله" في بيان تعليق عملياتها العسكرية ضد القوات الأمريكية، بعد مقتل ثلاثة جنود أمريكيين '
        "في هجوم على البرج 22 في الأردن.",
        [{"date": "2024-01-28", "place": "Tower 22", "background": True, "claimed": False}]),
    "last month's attack is a month and background": (
        "سقطت ثلاثة صواريخ صباح اليوم داخل قاعدة بلد الجوية، من دون أن تسفر عن خسائر بشرية. "
        "وكانت القاعدة قد تعرضت الشهر الماضي لهجوم مماثل.",
        [{"place": "Balad Air Base", "killed": 0, "injured": 0, "background": False},
         {"date": "2024-01", "date_precision": "month", "background": True}]),
    "a joint exercise is no incident": (
        "نفذت القوات الأمريكية تدريبات عسكرية مشتركة مع قوات سوريا الديمقراطية في ريف الحسكة.",
        []),
    "a statement about troops is no incident": (
        "قال المتحدث باسم البنتاغون إن القوات الأمريكية ستبقى في العراق لمواصلة مهمة التدريب والاستشارة.",
        []),
    "aggregates are no incident": (
        "تعرضت القواعد الأمريكية في سوريا لـ135 هجوماً منذ تشرين الأول الماضي، منها 16 هجوماً على قاعدة الشدادي.",
        []),
    "a withdrawal is no attack": (
        "غادرت قافلة عسكرية أمريكية قاعدة عين الأسد متجهة إلى سوريا في إطار انسحاب مرحلي.",
        []),
}


@pytest.mark.parametrize("case", list(CASES))
def test_arabic_case(extract, case: str) -> None:  # type: ignore[no-untyped-def]
    text, expected = CASES[case]
    reports = extract(text, published=PUB)
    assert len(reports) == len(expected), [r.to_dict() for r in reports]
    for rep, want in zip(reports, expected):
        got = {k: getattr(rep, k) for k in want}
        assert got == want
        for ev in rep.evidence:
            assert text[ev.start:ev.end] == ev.text
        assert rep.confidence is not None and 0 < rep.confidence <= 1  # or --min-confidence would drop it


def test_an_arabic_page_dates_itself_by_its_stamp_and_drops_its_comment_section(extract) -> None:  # type: ignore[no-untyped-def]
    page = ("هجوم بمسيرة على قاعدة حرير\n\n"
            "تاريخ النشر : الاثنين 11:03 14-7-2025\n\n"
            "تعرضت قاعدة حرير في أربيل فجر اليوم لهجوم بطائرة مسيرة، وفق ما أعلن جهاز مكافحة الإرهاب في الإقليم.\n\n"
            "ليست هناك تعليقات:\n\n"
            "إرسال تعليق\n\n"
            "هجوم صاروخي على قاعدة عين الأسد أمس")
    [rep] = extract(page)  # no publication date given: the stamp line gives it
    assert (rep.date, rep.place, rep.confirmation) == ("2025-07-14", "Harir Air Base", "confirmed")
    assert "عين الأسد" not in rep.evidence[0].text


ARABIC_HTML = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>هجوم بطائرة مسيرة على قاعدة حرير</title>
<meta property="article:published_time" content="2024-02-05T10:00:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/iraq">العراق</a></nav>
<article><h1>هجوم بطائرة مسيرة على قاعدة حرير</h1>
<p>تعرضت قاعدة حرير في محافظة أربيل، فجر اليوم الاثنين، لهجوم بطائرة مسيرة مفخخة، وفق ما أعلن جهاز مكافحة الإرهاب
في إقليم كردستان، مؤكدا عدم وقوع أي خسائر بشرية.</p>
<p>ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_an_arabic_html_page(extract) -> None:  # type: ignore[no-untyped-def]
    [rep] = extract(ARABIC_HTML, html=True)  # the date from the page's own metadata
    assert (rep.date, rep.place, rep.weapon, rep.confirmation, rep.killed, rep.claimed) == \
        ("2024-02-05", "Harir Air Base", "drone", "confirmed", 0, False)
