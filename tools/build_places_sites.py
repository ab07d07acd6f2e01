"""Curated military sites, airports, diplomatic sites and vague areas for places.jsonl.

None of these is in any package: each carries a public reference for its coordinates.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# --------------------------------------------------------------------------- sites
# id, name, site_type, cc, admin1, lat, lon, ref, aliases, cased, parent
S: list[dict[str, Any]] = []


def site(id_: str, name: str, stype: str, cc: str, admin1: str | None, lat: float, lon: float, ref: str,
         aliases: Iterable[str], cased: Iterable[str] = (), parent: str | None = None) -> None:
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
      "Ain al-Asad airfield"],
     cased=["Al Asad AB", "Al-Asad AB", "Ain al-Asad AB"])  # "AB": the coalition's abbreviation for an air base
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
      "Erbil's airport"],
     cased=["Erbil AB", "Erbil Air Base"])
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
# the Green Zone is the embassy quarter: coders file a strike on it under diplomatic targets
site("green-zone", "Green Zone", "diplomatic", "IQ", "IQ-BG", 33.305, 44.385,
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
     ["Rumalan Landing Zone", "Rumalan LZ", "Rumalyn Landing Zone", "Rumalyn LZ", "Rumalyn base", "Rumalan base",
      "Rumalan airfield", "Rumalan airbase", "Rmelan airfield",
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
A: list[dict[str, Any]] = []


def area(id_: str, name: str, cc: str, admin1: str | None, codes: Iterable[str], lat: float, lon: float,
         aliases: Iterable[str], cased: Iterable[str] = ()) -> None:
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
