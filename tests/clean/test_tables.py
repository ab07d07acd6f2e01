"""Tables a saved page flattened into one line per cell: read as rows, not dropped as chrome.
The lines are our own."""
from __future__ import annotations

import pytest

from attackwatch import extract
from attackwatch.clean.plaintext import clean_text
from attackwatch.clean.tables import table_rows
from attackwatch.packs import get_pack

HEADED = ["Attacks this season", "Date", "Target", "Jan 9", "Rockets hit Victory base, Baghdad",
          "Jan 20", "Drone attack on Erbil airport", "Feb 2", "Mortars fired at base, Sinjar dist, Nineveh"]
ORDERED = ["Mar 3", "IED hits convoy near Diwaniyah", "Mar 10", "Rockets land near Balad base",
           "Mar 18", "Drone strikes Harir base", "Apr 1", "Rockets hit Green Zone, Baghdad"]
RELATED = ["Related stories", "January 9, 2024", "Iraq's parliament votes on budget",
           "March 1, 2023", "Oil exports rise in February", "June 5, 2022", "Elections postponed again"]


@pytest.mark.parametrize("lines, rows", [
    pytest.param(HEADED, {3: 4, 5: 6, 7: 8}, id="headed-by-a-date-column"),
    pytest.param(ORDERED, {0: 1, 2: 3, 4: 5, 6: 7}, id="yearless-dates-in-order"),
    pytest.param(["Dec 27", "Rockets hit K1 base, Kirkuk", "Jan 3", "Drone strike at Baghdad airport",
                  "Jan 8", "Missiles hit Ain al-Asad"], {0: 1, 2: 3, 4: 5}, id="across-the-new-year"),
    pytest.param(RELATED, {}, id="related-stories-with-years-unheaded"),
    pytest.param(["Date", "Jan 9", "Rockets hit Victory base", "Jan 20", "Drone downed near Erbil"], {},
                 id="two-rows-are-not-a-table"),
    pytest.param(["Mar 18", "Drone strikes Harir base", "Mar 3", "IED hits convoy", "Mar 28", "Rockets land",
                  "Mar 1", "Rockets again"], {}, id="unheaded-dates-out-of-order"),
])
def test_table_rows(lines, rows):
    assert table_rows(lines) == rows


def test_rows_are_kept_as_sentences_with_their_dates():
    page = clean_text("\n".join(["Attacks on bases keep coming, an analyst writes in a long post about the militias "
                                 "and their backers in Baghdad."] + HEADED), get_pack())
    assert "Jan 20, Drone attack on Erbil airport" in page.text
    assert not any(d.text == "Jan 9" for d in page.dropped)


def test_table_rows_become_incidents_on_their_days():
    text = "\n".join(["Rocket and drone attacks on US forces in Iraq have resumed, officials say; the militias behind "
                      "them have not said why."] + HEADED)
    reports = extract(text, published="2024-02-10", article_id="t")
    assert sorted((r.date, r.weapon) for r in reports) == [
        ("2024-01-09", "rocket"), ("2024-01-20", "drone"), ("2024-02-02", "mortar")]
