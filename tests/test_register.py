"""The municipality register (2024 structure) and detection from text and file names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from plansjekk.errors import PlansjekkError
from plansjekk.municipalities.detect import detect_municipality, municipality_name
from plansjekk.municipalities.register import by_number, in_county, lookup, municipalities

COUNTY_COUNTS = {"Oslo": 1, "Østfold": 12, "Akershus": 21, "Buskerud": 18, "Innlandet": 46, "Vestfold": 6,
                 "Telemark": 17, "Agder": 25, "Rogaland": 23, "Vestland": 43, "Møre og Romsdal": 27,
                 "Trøndelag": 38, "Nordland": 41, "Troms": 21, "Finnmark": 18}
EMBETE_COUNTS = {"Oslo og Viken": 52, "Innlandet": 46, "Vestfold og Telemark": 23, "Agder": 25,
                 "Rogaland": 23, "Vestland": 43, "Møre og Romsdal": 27, "Trøndelag": 38, "Nordland": 41,
                 "Troms og Finnmark": 39}


def test_all_357_municipalities_by_county_and_embete():
    all_ = municipalities()
    assert len(all_) == 357 and len({m.number for m in all_}) == 357
    assert dict(Counter(m.county for m in all_)) == COUNTY_COUNTS
    assert dict(Counter(m.embete for m in all_)) == EMBETE_COUNTS
    assert all(m.number[:2] in ("03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46",
                                "50", "55", "56") for m in all_)
    assert by_number("1580").name == "Haram" and by_number("301").name == "Oslo"


@pytest.mark.parametrize("query, number", [
    ("Kautokeino", "5612"), ("Guovdageaidnu", "5612"), ("Karasjok", "5610"), ("Kárášjohka", "5610"),
    ("KARASJOHKA", "5610"), ("Porsáŋgu", "5622"), ("Deatnu", "5628"), ("Unjárga", "5636"),
    ("Gáivuotna", "5540"), ("Snåase", "5041"), ("Raarvihke", "5043"), ("Aarborte", "1826"),
    ("Loabák", "5518"), ("Hábmer", "1875"), ("Omasvuotna", "5538"), ("Romsa", "5501"),
    ("aurskog høland", "3226"), ("Herøy (Nordland)", "1818"), ("Våler (Østfold)", "3114"), ("Hole kommune", "3310"),
])
def test_lookup_by_any_name(query, number):
    assert [m.number for m in lookup(query)] == [number]


def test_shared_names_and_counties():
    assert sorted(m.number for m in lookup("Herøy")) == ["1515", "1818"]
    assert by_number("1515").display_name == "Herøy (Møre og Romsdal)"
    assert len(in_county("more og romsdal")) == 27
    assert len(in_county("Statsforvalteren i Troms og Finnmark")) == 39
    assert len(in_county("VESTLAND")) == 43
    with pytest.raises(PlansjekkError, match="Gyldige navn"):
        in_county("Sogn og Fjordane")


@pytest.mark.parametrize("text, filename, expected", [
    ("Plan for førebygging\nØrsta kommune\nVedteke i kommunestyret.", "", "Ørsta"),
    ("Førebyggande plan for Voss herad 2024–2028", "", "Voss"),
    ("Sogndal kommune\nPlanen gjeld for Sogndal kommune.", "", "Sogndal"),
    ("Vedtatt av bystyret. Bergen bystyre behandlet saken.", "", "Bergen"),
    ("Planen ble vedtatt av kommunestyret i Hole 12.03.2024.", "", "Hole"),
    ("Se www.hole.kommune.no for mer.", "", "Hole"),
    ("Guovdageainnu suohkan\nPlána", "", "Kautokeino"),
    ("Kárášjoga gielda", "", "Karasjok"),
    ("Snåasen tjïelte / Snåsa kommune", "", "Snåsa"),
    ("Plan", "Plan_Nord-Odal_kommune_2024.pdf", "Nord-Odal"),
    ("Plan", "baerum-forebyggende-plan.docx", "Bærum"),
    ("Sandnes kommune\nVi samarbeider med Stavanger kommune og Sola kommune.\nSandnes kommune", "", "Sandnes"),
    ("Herøy kommune ligger på Helgeland i Nordland.", "", "Herøy (Nordland)"),
    ("Herøy kommune på Sunnmøre i Møre og Romsdal.", "", "Herøy (Møre og Romsdal)"),
    ("Herøy kommune", "", "Herøy"),  # which Herøy is not said: name only
    ("Time kommune\nTime for time.", "", "Time"),
])
def test_detection(text, filename, expected):
    assert municipality_name(text, filename) == expected


@pytest.mark.parametrize("text, filename", [
    ("Dette er et hole i veien. Hole i veien er vanlig.", ""),
    ("Det tar en time. Time etter time gikk.", ""),
    ("Vik og nes og moss langs stranda; Moss vokser på steinen.", ""),
    ("Plan for forebygging av omsorgssvikt", "plan.pdf"),
    ("Statsforvalteren i Vestland ber om planen.", ""),
    ("Herøy kommune", ""),  # detect_municipality: unsure between two
])
def test_no_guess_when_unsure(text, filename):
    assert detect_municipality(text, filename) is None
    if "Herøy" not in text:
        assert municipality_name(text, filename) is None


def test_letter_to_many_municipalities_is_not_one_of_them():
    text = "\n".join(f"{m.name} kommune\tPostboks 1" for m in in_county("Nordland")[:15])
    assert municipality_name(text, "brev.pdf") is None


def test_seed_plans():
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seeds not available")
    expected = {"002": "Engerdal", "003": "Sandnes", "004": "Nærøysund"}
    for prefix, name in expected.items():
        path = next(seeds.glob(f"{prefix}_*.txt"))
        assert municipality_name(path.read_text(encoding="utf-8"), path.name) == name


def test_a_name_that_is_also_a_word_counts_when_it_recurs():
    """'Alta' without 'Alta kommune' (a PDF whose running header was removed): a name that is also an
    ordinary word counts once it recurs as often as a plan names its own municipality."""
    text = ("Alta er Finnmarks største kommune. Planen gjelder barn og unge i Alta. Alta-modellen er brukt "
            "siden 2019. Familiens hus i Alta samler tjenestene.")
    assert municipality_name(text, "plan.pdf") == "Alta"
    assert municipality_name("Time etter time går med til møter. Time er kort.", "plan.pdf") is None
