"""The `entities` plugin through the real `prism process`: people, organisations,
places (GPE vs LOC), nationalities (NORP) in a news story written in the style
of a wire report; mentions grouped into entities ("Rutte" and "Mark Rutte",
"ECB" and "European Central Bank", "U.S." and "United States"); curly quotes
and possessives; code-point offsets on non-ASCII text; all-caps headlines;
encyclopaedic prose (events and awards as MISC, institutions, sentence
openers); web text (lower-case places, greetings, capitalised common words);
the span rules (qualifiers, quoted titles, a country in brackets after a
person); the context rules of edited prose (the noun before a name, works,
products, languages and eponyms, buildings and organisations by their
words, a title of a place, names of people, file names, lists of people);
hostile input; and a clean init failure without a model."""
import os

import pytest

from conftest import PLUGINS, ROOT, needs_plugin, process, run_cli

pytestmark = needs_plugin("entities")

# Loads the plugin whether or not config/prism.conf has its section yet.
SETS = ("--set", f"plugin.entities.path={os.path.join(PLUGINS, 'entities.so')}")

STORY = (
    "NATO chief says Russian gains in Ukraine put all of Europe at risk\n"
    "Rutte urges allies to match Moscow’s arms output\n"
    "WARSAW\n"
    "A Russian breakthrough in Ukraine would endanger Europe and the United "
    "States alike, the head of NATO said on Monday.\n"
    "“If the Kremlin wins this war, our eastern flank will face a stronger "
    "Russia for decades,” Mark Rutte told reporters in Poland’s capital "
    "Warsaw after talks with Polish and Ukrainian ministers.\n"
    "Rutte said Russia’s war economy was being fed by Iran and North Korea, "
    "and that Ukrainian forces needed more air defence before winter.\n"
    "German Chancellor Friedrich Merz and French President Emmanuel Macron "
    "are due to meet Volodymyr Zelenskiy in Berlin on Thursday.\n"
    "The European Central Bank (ECB) warned last week that higher defence "
    "spending would strain budgets; the ECB expects growth to slow.\n"
    "Officials in the U.S. said Washington would keep supplying Kyiv.\n"
)


def run(text, *sets):
    rec = process([{"id": "d1", "text": text}], *SETS, *sets)[0]
    assert "entities" not in (rec.get("errors") or {}), rec.get("errors")
    return rec["results"]["entities"]


def labels(result):
    """{mention text: set of labels}"""
    out = {}
    for m in result["mentions"]:
        out.setdefault(m["text"], set()).add(m["label"])
    return out


@pytest.fixture(scope="module")
def story():
    return run(STORY)


def test_people_organisations_places_and_nationalities(story):
    got = labels(story)
    expect = {
        "Mark Rutte": "PERSON", "Rutte": "PERSON", "Emmanuel Macron": "PERSON",
        "Friedrich Merz": "PERSON", "Volodymyr Zelenskiy": "PERSON",
        "NATO": "ORG", "Kremlin": "ORG", "European Central Bank": "ORG",
        "ECB": "ORG",
        "Ukraine": "GPE", "Russia": "GPE", "Poland": "GPE", "Warsaw": "GPE",
        "Iran": "GPE", "North Korea": "GPE", "Berlin": "GPE", "Kyiv": "GPE",
        "Moscow": "GPE", "United States": "GPE", "U.S.": "GPE",
        "WARSAW": "GPE",
        "Europe": "LOC",
        "Russian": "NORP", "Ukrainian": "NORP", "Polish": "NORP",
        "German": "NORP", "French": "NORP",
    }
    for text, label in expect.items():
        assert got.get(text) == {label}, (text, got.get(text))
    # Titles and ordinary capitalised words are not part of names.
    assert "Chancellor Friedrich Merz" not in got
    assert "A" not in got and "Officials" not in got


def test_offsets_are_code_points_into_the_text(story):
    for m in story["mentions"]:
        assert STORY[m["start"]:m["end"]] == m["text"]
    first = {m["text"]: m["start"] for m in reversed(story["mentions"])}
    assert first["Mark Rutte"] == STORY.index("Mark Rutte")


def test_possessives_and_curly_quotes(story):
    texts = {m["text"] for m in story["mentions"]}
    # "Poland’s", "Moscow’s", "Russia’s": the possessive is not in the name.
    assert {"Poland", "Moscow", "Russia"} <= texts
    assert not any("’" in t or "“" in t or "”" in t for t in texts)


def test_grouping(story):
    ents = story["entities"]
    by_name = {e["name"]: i for i, e in enumerate(ents)}
    men = story["mentions"]

    def entity_of(text):
        ids = {m["entity"] for m in men if m["text"] == text}
        assert len(ids) == 1, (text, ids)
        return ids.pop()

    # "Rutte" (headline, before the full name, and after it) is Mark Rutte.
    rutte = entity_of("Rutte")
    assert rutte == entity_of("Mark Rutte") == by_name["Mark Rutte"]
    assert ents[rutte]["label"] == "PERSON" and ents[rutte]["count"] == 3
    assert ents[rutte]["first"] == STORY.index("Rutte")
    # "ECB" after "European Central Bank (ECB)".
    ecb = entity_of("ECB")
    assert ecb == entity_of("European Central Bank")
    assert ents[ecb]["name"] == "European Central Bank"
    assert ents[ecb]["count"] == 3
    # "the U.S." and "the United States" are one place.
    us = entity_of("U.S.")
    assert us == entity_of("United States")
    assert ents[us]["name"] == "United States" and ents[us]["label"] == "GPE"
    # The dateline and the city in the text are one place; other places
    # stay apart.
    assert entity_of("WARSAW") == entity_of("Warsaw")
    assert entity_of("Russia") != entity_of("Russian")
    assert entity_of("Washington") != us
    # Every mention points at an entity; entities are in order of first
    # mention and their counts add up.
    assert all(0 <= m["entity"] < len(ents) for m in men)
    assert sum(e["count"] for e in ents) == len(men)
    firsts = [e["first"] for e in ents]
    assert firsts == sorted(firsts)


def test_a_storm_named_again_by_its_name_alone():
    # "Rita" after "Hurricane Rita" is the storm, not a person, and one
    # entity with it; a person of that name elsewhere stays a person.
    got = run("Hurricane Rita hit Texas on Saturday. Rita packed winds of "
              "240 km/h, and forecasters said Rita was extremely dangerous. "
              "Operation Barbarossa began in June 1941; Barbarossa failed. "
              "The singer Rita Ora gave a concert.")
    assert [(m["text"], m["label"]) for m in got["mentions"]
            if "Rita" in m["text"] or "Barbarossa" in m["text"]] == [
        ("Hurricane Rita", "MISC"), ("Rita", "MISC"), ("Rita", "MISC"),
        ("Operation Barbarossa", "MISC"), ("Barbarossa", "MISC"),
        ("Rita Ora", "PERSON")], got
    storm = got["entities"][got["mentions"][0]["entity"]]
    assert storm["name"] == "Hurricane Rita" and storm["count"] == 3


def test_non_ascii_text_offsets():
    text = ("Café owners in Zürich 🇨🇭 cheered — “wonderful”, one said — "
            "as Angela Merkel visited São Paulo’s mayor with Søren Kierkegaard "
            "scholars from Copenhagen.")
    res = run(text)
    for m in res["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"], m
    got = labels(res)
    assert got.get("Angela Merkel") == {"PERSON"}
    assert got.get("Copenhagen") == {"GPE"}
    assert got.get("Zürich") == {"GPE"}
    merkel = next(m for m in res["mentions"] if m["text"] == "Angela Merkel")
    assert merkel["start"] == text.index("Angela Merkel")
    # Byte offsets would be larger: the emoji and accents come before.
    assert merkel["start"] < len(text[:text.index("Angela")].encode())


def test_all_caps_headline_and_wire_layout():
    text = ("TENNIS - GERMANY BEAT SPAIN IN DAVIS CUP SEMIFINAL IN BERLIN\n"
            "BERLIN 2024-09-14\n"
            "Germany beat Spain 3-1 in the Davis Cup semifinal in Berlin on "
            "Saturday, with Alexander Zverev winning both of his singles.\n")
    got = labels(run(text))
    assert got.get("GERMANY") == {"GPE"} and got.get("SPAIN") == {"GPE"}
    assert got.get("Germany") == {"GPE"}
    assert got.get("Alexander Zverev") == {"PERSON"}
    assert "BERLIN" in got and got["BERLIN"] <= {"GPE"}
    assert "TENNIS" not in got


def test_title_case_headlines_are_read_as_sentences():
    # a scraped story opens with its headline in Title Case: the ordinary
    # words in it are no names ("Powell Warns", "Tariff Risks")
    text = ("Fed Holds Rates Steady as Powell Warns of Tariff Risks\n"
            "Supreme Court Rules Against Trump on Tariffs\n"
            "Storm Amy Brings Floods and Power Cuts to Scotland\n"
            "European Central Bank Holds Rates Steady for Third Meeting\n\n"
            "WASHINGTON (Reuters) - The Federal Reserve left rates unchanged "
            "on Wednesday, and its chair, Jerome Powell, said the bank would "
            "wait.\n")
    got = labels(run(text))
    assert got.get("Powell") == {"PERSON"}
    assert got.get("Supreme Court") == {"ORG"}
    assert got.get("Trump") == {"PERSON"}
    assert got.get("Storm Amy") == {"MISC"}
    assert got.get("Scotland") == {"GPE"}
    assert got.get("European Central Bank") == {"ORG"}
    for junk in ("Tariff Risks", "Powell Warns", "Power Cuts", "Tariffs",
                 "Third Meeting"):
        assert not any(junk in m for m in got), (junk, got)
    # a list of people in Title Case keeps surnames that are words
    # ("Stuart Law"), and a company keeps the words of its name
    got = labels(run("Results: Stuart Law beat Mark Roe and Guy Forget\n"
                     "Roosevelt Financial Group Inc Names New Chief\n"))
    assert got.get("Stuart Law") == {"PERSON"}
    assert got.get("Mark Roe") == {"PERSON"}
    assert got.get("Roosevelt Financial Group Inc") == {"ORG"}


def test_an_agencys_credit_line_names_people():
    text = ("Officials met on Monday, a spokesman said. (Reporting by Andrew "
            "Osborn in Moscow and Pavel Polityuk in Kyiv; Additional "
            "reporting by Sydney Sun; Editing by Lincoln Feast)\n"
            "The figures were compiled by Euromoney magazine.")
    got = labels(run(text))
    for name in ("Andrew Osborn", "Pavel Polityuk", "Sydney Sun",
                 "Lincoln Feast"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Moscow") == {"GPE"} and got.get("Kyiv") == {"GPE"}
    assert "Additional" not in got
    # "compiled by" in a sentence is no credit
    assert got.get("Euromoney") == {"ORG"}


def test_a_surname_opened_by_a_particle_is_a_persons():
    got = labels(run("Supporters of bin Laden fled. The government of de "
                     "Gaulle fell. Rockets built by von Braun flew. Dutch "
                     "striker van der Vaart scored. Charles de Gaulle spoke "
                     "in Rio de Janeiro. It was de facto law."))
    for name in ("bin Laden", "de Gaulle", "von Braun", "van der Vaart",
                 "Charles de Gaulle"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Rio de Janeiro") == {"GPE"}
    assert not any("facto" in m for m in got)


def test_a_companys_designator_ends_its_name():
    got = labels(run("He works for Google, Inc. of Mountain View, California. "
                     "The units moved from Acme Widgets, L.P. to Murex Corp. "
                     "Shares of Kaneb Services Inc. rose. Plessey Co. Plc "
                     "agreed."))
    # after a comma, the designator is the name's ("Google, Inc."), and a
    # place after "of" is a place
    assert got.get("Google, Inc.") == {"ORG"}
    assert got.get("Mountain View") == {"GPE"}
    assert got.get("Acme Widgets, L.P.") == {"ORG"}
    # "Corp." with its full stop ends a sentence and the name: the next
    # sentence's first words are not part of it
    assert got.get("Murex Corp.") == {"ORG"}
    assert got.get("Kaneb Services Inc.") == {"ORG"}
    assert not any(m.startswith("Shares") for m in got), got
    assert got.get("Plessey Co. Plc") == {"ORG"}


PROSE = (
    "The novelist won the Booker Prize in 2019, two years after the Treaty "
    "of Lisbon took effect. Maria Gonzalez, a researcher at Stanford "
    "University, studied the Battle of Hastings. In Paris, the film took the "
    "Academy Award for Best Picture. There are many reasons why the Supreme "
    "Court refused to hear the case, said Laura Kim.")


def test_prose_events_institutions_and_sentence_openers():
    got = labels(run(PROSE))
    # Events, awards and treaties are MISC, never organisations.
    for name in ("Booker Prize", "Treaty of Lisbon", "Battle of Hastings",
                 "Academy Award for Best Picture"):
        assert got.get(name) == {"MISC"}, (name, got.get(name))
    # "University" makes an organisation even after a place's name.
    assert got.get("Stanford University") == {"ORG"}
    assert got.get("Supreme Court") == {"ORG"}
    assert got.get("Maria Gonzalez") == {"PERSON"}
    assert got.get("Laura Kim") == {"PERSON"}
    assert got.get("Paris") == {"GPE"}
    # Capitalised sentence openers are not names.
    assert not any(t.split()[0] in ("In", "There", "The") for t in got), got


def test_text_without_names_and_empty_text():
    assert run("") == {"mentions": [], "entities": []}
    res = run("the weather was mild and nothing happened at all today.")
    assert res == {"mentions": [], "entities": []}


def test_long_and_hostile_documents():
    long_sentence = " ".join(["Mark Rutte met officials in Warsaw and"] * 800)
    res = run(long_sentence + " left.")
    assert len(res["mentions"]) >= 1500
    for m in res["mentions"][:50]:
        assert long_sentence[m["start"]:m["end"]] == m["text"]
    assert len(res["entities"]) <= 10
    for text in ["(" * 5000, "Ü" * 100000, "A. " * 20000, "\n" * 10000]:
        res = run(text)
        assert isinstance(res["mentions"], list)
        for m in res["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_many_capitalised_words_that_are_no_names_end():
    # a single name, then dozens of capitalised words that the span rules
    # drop (days, currencies, interjections): the table that looks names up
    # once filled and spun forever; it must finish and find only the name
    words = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays "
             "Tuesdays Fridays Euros Dollars Pesos Rupees Yuan Francs Dinars "
             "Shekels Roubles Pounds Cents Thanks Hello Wow Okay Yep Nope").split()
    text = "Mark Rutte spoke at length. " + " ".join(
        f"we paid them in {w} after all." for w in words)
    res = run(text)
    assert [m["text"] for m in res["mentions"]] == ["Mark Rutte"]


def test_options_dateline_and_unify():
    base = run(STORY, "--set", "plugin.entities.use_dateline=no",
               "--set", "plugin.entities.unify_labels=yes")
    assert {m["label"] for m in base["mentions"] if m["text"] == "Rutte"} == \
        {"PERSON"}


def test_missing_model_fails_at_init():
    p = run_cli(["process", "-c", os.path.join(ROOT, "config", "prism.conf"),
                 "--set", f"daemon.plugin_dir={PLUGINS}", *SETS,
                 "--set", "plugin.entities.model=/nonexistent/entities.model",
                 "-"], stdin=b'{"id": "x", "text": "Mark Rutte"}\n',
                check=False)
    assert p.returncode != 0
    assert b"entities" in p.stderr and b"model" in p.stderr


def test_model_of_another_format_is_refused_by_name(tmp_path):
    # the committed model with the format version before the int8 rows:
    # init fails and says which file and why, instead of reading rows of
    # the wrong size
    data = bytearray(open(os.path.join(ROOT, "plugins", "entities", "model",
                                       "entities.model"), "rb").read())
    assert data[:8] == b"PRISMNER"
    data[8:12] = (6).to_bytes(4, "little")
    old = tmp_path / "old.model"
    old.write_bytes(bytes(data))
    p = run_cli(["process", "-c", os.path.join(ROOT, "config", "prism.conf"),
                 "--set", f"daemon.plugin_dir={PLUGINS}", *SETS,
                 "--set", f"plugin.entities.model={old}",
                 "-"], stdin=b'{"id": "x", "text": "Mark Rutte"}\n',
                check=False)
    assert p.returncode != 0
    assert str(old).encode() in p.stderr
    assert b"another format version" in p.stderr


def test_web_text_and_span_rules():
    # Text written without regard for case: the gazetteer's places in lower
    # case are places, but not ordinary words ("china", "turkey").
    got = labels(run("i am flying to mexico next week and then on to san "
                     "francisco. my sister lives in china town but she hates "
                     "the cold. we might visit turkey too"))
    assert got == {"mexico": {"GPE"}, "san francisco": {"GPE"}}, got
    # Edited text keeps its lower-case words out of names.
    assert "mexico" not in labels(run("The mexico-style salsa was mild, "
                                      "said Anna Berg."))
    # A given name alone that the tagger missed is a person's.
    got = labels(run("Just to let you all know Matt has confirmed the "
                     "booking. If the rock is new we will need to clarify. "
                     "Jacques is ready to drop in a dollar."))
    assert got == {"Matt": {"PERSON"}, "Jacques": {"PERSON"}}, got
    # A place the gazetteer knows, in lower case right after "in", "to",
    # "near"..., is a place in any text; ordinary words are not ("china").
    got = labels(run("Where can I get certified in delaware? Sales in china "
                     "rose, and we moved to auckland in vitro."))
    assert got == {"delaware": {"GPE"}, "auckland": {"GPE"}}, got
    # Greetings, sentence openers, capitalised common words and
    # abbreviations are not names.
    got = labels(run("Dear Nina, thanks for the photos from Lisbon. "
                     "Personally, I think the Analyst Team should send the "
                     "report ASAP. Our CEO agrees. Cheers, Tom"))
    assert got == {"Nina": {"PERSON"}, "Lisbon": {"GPE"},
                   "Tom": {"PERSON"}}, got
    # Nor are the abbreviations of a results table and of months.
    got = labels(run("ACME CORP <ACM> 4TH QTR NET\n"
                     "    Oper shr 12 cts vs 10 cts\n"
                     "    Qtly div 5 cts vs 5 cts prior\n"
                     "    Avg shrs 4,500,000\n"
                     "    Payable Feb 26 to holders of record Feb 12.\n"
                     "    Quarter ended Jan 31. The buyer is Hutchison "
                     "Whampoa\nLtd. The notes pay 60 basis points above "
                     "LIBOR."))
    assert not got.keys() & {"Oper", "Qtly", "Avg", "Feb", "Jan", "Ltd",
                             "LIBOR"}, got
    # A name that starts over is two; titles and greetings stay out.
    got = run("Thanks for lunch today. Vince Vince, the agenda is attached. "
              "Good Morning Debra - please see the revised draft.")
    assert [m["text"] for m in got["mentions"]] == ["Vince", "Vince", "Debra"]
    # A function word alone is no name where a sentence's start was missed
    # (no full stop before it), unless a list knows it: the WHO; nor is a
    # day's abbreviation.
    got = labels(run("any info on buses is appreciated Hi, Yes dear, You can "
                     "find them near the station They run hourly from "
                     "Noida, the last one on Fri. Here in Geneva the WHO "
                     "said so."))
    assert got == {"Noida": {"GPE"}, "Geneva": {"GPE"}, "WHO": {"ORG"}}, got
    # A letter's lines run together: the next line's first word ("The",
    # "Let", a greeting) does not end the name before it.
    got = run("Regards, Debra Perlingiere The only agreement I can find is "
              "attached. Thank you, Phillip Allen Let me know. Thanks, "
              "Vince Dear All, the meeting moved.")
    assert [m["text"] for m in got["mentions"]] == [
        "Debra Perlingiere", "Phillip Allen", "Vince"], got


def test_qualifiers_titles_and_bracketed_countries():
    text = ("Shares of Toronto-based Northwind Corp rose in March. Her essay "
            "“The Quiet Harbour” was praised by Helen Marsh. Runners: Michael "
            "Jones (U.S.) and Ian Bell (Canada).")
    res = run(text)
    got = labels(res)
    assert got.get("Northwind Corp") == {"ORG"}
    assert "Toronto-based Northwind Corp" not in got
    # a place's name made a qualifier is the place, as the Universal NER
    # guidelines mark it (CoNLL-2003 made the whole word MISC), however
    # the place's name begins ("San", "Hong")
    got = labels(run("The San Francisco-based maker and a Hong Kong-listed "
                     "bank agreed."))
    assert got.get("San Francisco") == {"GPE"}, got
    assert got.get("Hong Kong") == {"GPE"}, got
    got = labels(run(text))
    # A quoted title is a title (MISC), not a place or an organisation.
    assert got.get("The Quiet Harbour") == {"MISC"}
    assert got.get("Helen Marsh") == {"PERSON"}
    # A runner and the country in brackets after the name are two things.
    ent = {m["text"]: m["entity"] for m in res["mentions"]}
    assert ent["Michael Jones"] != ent["U.S."]
    assert got.get("U.S.") == {"GPE"}


def test_what_the_word_before_a_name_says():
    # "the carmaker", "the film studio", "the newspaper": an organisation;
    # "the muralist", "his sister": a person (also when the tagger missed
    # the name); "the program", "the album": a work or product.
    got = labels(run(
        "Shares in the carmaker Norvale rose after the film studio "
        "Brightwater signed a deal with the newspaper Helmstadt Kurier. The "
        "muralist Tomas Reyes painted the lobby, and his sister Ilse helped. "
        "The mission used the program Northstar."))
    assert got.get("Norvale") == {"ORG"}, got
    assert got.get("Brightwater") == {"ORG"}, got
    assert got.get("Helmstadt Kurier") == {"ORG"}, got
    assert got.get("Tomas Reyes") == {"PERSON"}, got
    assert got.get("Ilse") == {"PERSON"}, got
    assert got.get("Northstar", {"MISC"}) == {"MISC"}, got
    # "a stake in", "shares of": an organisation follows, but not a
    # country after "market share in"
    got = labels(run("The fund bought a stake in Halvorsen. Hyundai gained "
                     "market share in India."))
    assert got.get("Halvorsen") == {"ORG"}, got
    assert got.get("India") == {"GPE"}, got


def test_works_products_languages_and_eponyms_are_not_org_or_place():
    text = ("Their album “Songs of the Northern Lights” sold well, and “We will "
            "win in Paris,” said Anna Berg. The radio service broadcasts in "
            "Swahili and Hausa. Buddhism reached Korea early. The lecture "
            "covered the Higgs boson and Bernoulli numbers. The director won "
            "the Golden Lion and the award for Best Picture. The probe flew on "
            "an Ariane 5 rocket, and the iPhone sold well.")
    got = labels(run(text))
    for name in ("Northern Lights", "Swahili", "Hausa", "Buddhism", "Higgs",
                 "Bernoulli", "Golden Lion", "Best Picture", "Ariane",
                 "iPhone"):
        assert not got.get(name, set()) & {"PERSON", "ORG", "GPE", "LOC"}, \
            (name, got.get(name))
    # What a quotation says keeps its names; a title's do not count.
    assert got.get("Paris") == {"GPE"}
    assert got.get("Anna Berg") == {"PERSON"}
    assert got.get("Korea") <= {"GPE", "LOC"}
    # After the possessive a disease is named after a person, while novels
    # are the writer's own.
    got = labels(run("She was told she had Parkinson's disease. Tolstoy's "
                     "novels were banned."))
    assert not got.get("Parkinson", set()) & {"PERSON", "ORG", "GPE"}, got
    assert got.get("Tolstoy") == {"PERSON"}, got


def test_places_organisations_and_names_of_prose():
    text = ("Tourists walked from the Place de la Concorde to the "
            "Hohensalzburg Fortress and sailed on Lake Titicaca. The High "
            "Court heard the case. Warsaw was then part of the Russian "
            "Empire, and the Berlin Wall stood until 1989. The Archbishop of "
            "Canterbury met the Secretary of Defense. He prayed at the tomb of "
            "Francis of Assisi and read about John Jacob Astor IV. The "
            "International Committee of the Red Cross praised MIT and the "
            "Catholic Church.")
    got = labels(run(text))
    for name in ("Place de la Concorde", "Hohensalzburg Fortress",
                 "Lake Titicaca", "Russian Empire", "Berlin Wall"):
        assert got.get(name) and got[name] <= {"GPE", "LOC"}, \
            (name, got.get(name))
    for name in ("High Court", "International Committee of the Red Cross",
                 "MIT", "Catholic Church"):
        assert got.get(name) == {"ORG"}, (name, got.get(name))
    # A title "of" a place: the place, not the title.
    assert got.get("Canterbury") == {"GPE"}
    assert "Archbishop of Canterbury" not in got
    assert not got.get("Secretary of Defense", set()) & {"ORG", "GPE"}
    assert got.get("Francis of Assisi") == {"PERSON"}
    assert got.get("John Jacob Astor IV") == {"PERSON"}
    # A school after "studied at", a company before "'s shares"; a city
    # after "a study from" stays a place.
    got = labels(run("She studied at Stanford and graduated from Harvard. A "
                     "study from Boston found that Nokia's shares fell."))
    assert got.get("Stanford") == {"ORG"} and got.get("Harvard") == {"ORG"}
    assert got.get("Nokia") == {"ORG"} and got.get("Boston") == {"GPE"}


def test_file_names_and_lists_of_people():
    got = labels(run("See attached file: CrudeStocks.pdf and Outlook.jpg from "
                     "Anna Berg. Attendees: Pam Ortiz Greg Hollis, please "
                     "call me."))
    assert "CrudeStocks" not in got and "Outlook" not in got, got
    assert not [k for k in got if "." in k], got
    assert got.get("Pam Ortiz") == {"PERSON"}, got
    assert got.get("Greg Hollis") == {"PERSON"}, got
    # the tagger may take the extension into the name: still a file's name
    got = labels(run("Thank you. - MINUTES.htm << File: MINUTES.htm >> and "
                     "Tom_cv.doc, Q3Forecast.xlsx and WaterRights.pdf from "
                     "Mary Okafor at Halden Energy."))
    assert not [k for k in got if "." in k], got
    assert got.get("Mary Okafor") == {"PERSON"}, got


def test_people_in_the_news_named_by_surname_alone():
    # One sentence per document, as in a headline or a sentence corpus:
    # nothing earlier in the text gives the full name.
    for text, name in (("Erdogan criticised the decision on Tuesday.", "Erdogan"),
                       ("Later, Merkel told reporters she was hopeful.", "Merkel"),
                       ("Analysts expect Lagarde to hold rates.", "Lagarde"),
                       ("Shares fell after Musk spoke.", "Musk"),
                       ("On Monday Putin met the envoy in Helsinki.", "Putin")):
        got = labels(run(text))
        assert got.get(name) == {"PERSON"}, (text, got)
    # A surname the list leaves out as too common stays with the tagger,
    # and a name the gazetteer also knows otherwise is not forced.
    got = labels(run("Jordan and Washington signed the accord."))
    assert got.get("Jordan") == {"GPE"} and got.get("Washington") == {"GPE"}, got


def test_facilities_are_places_but_not_gpe():
    got = labels(run("After landing at Heathrow Airport they dined at the "
                     "Harbour View Grill and stayed at the Grand Meridian "
                     "Hotel in Leeds."))
    for name in ("Heathrow Airport", "Harbour View Grill",
                 "Grand Meridian Hotel"):
        assert got.get(name) == {"LOC"}, (name, got)
    assert got.get("Leeds") == {"GPE"}, got


def test_towns_and_organisations_only_the_lists_know():
    # Small towns in the news (lists/cities-*.txt) and organisations of
    # every kind (lists/organisations.txt) that WordNet does not know.
    got = labels(run("Shelling resumed near Avdiivka and Toretsk overnight, "
                     "officials said."))
    assert got.get("Toretsk") == {"GPE"} and got.get("Avdiivka") == {"GPE"}, got
    got = labels(run("Fighters from Islamic Jihad crossed near Khan Younis."))
    assert got.get("Islamic Jihad") == {"ORG"}, got
    assert got.get("Khan Younis") == {"GPE"}, got
    # Facilities of the news (lists/facilities.txt) are places, not GPEs.
    got = labels(run("Inmates were moved from Evin Prison on Monday, and "
                     "flights resumed at Hmeimim after the strike."))
    assert got.get("Evin Prison") == {"LOC"}, got
    assert got.get("Hmeimim") == {"LOC"}, got


def test_companies_named_like_people():
    # A "person" whose first word a list knows as a company, and no given
    # name, is the company; a name ending in a word that ends only
    # organisations' names is one, whoever it is named after.
    got = labels(run("Chevron and Exxon Mobil raised output, while Malcolm "
                     "Smith Motorsports and Dr Reddy's Laboratories hired. "
                     "Chase Utley and Harrison Ford watched."))
    for name, label in (("Exxon Mobil", "ORG"),
                        ("Malcolm Smith Motorsports", "ORG"),
                        ("Dr Reddy's Laboratories", "ORG"),
                        ("Chase Utley", "PERSON"),
                        ("Harrison Ford", "PERSON")):
        assert got.get(name) == {label}, (name, got)


def test_people_named_like_towns_by_what_they_do():
    # A one-word name a list knows as a person's as well as a town's: what
    # only a person does or has, said right after it, makes it the person;
    # so does a person's calling before it, set off by commas; a name the
    # lists know only as a town's is a person's by what only a person does
    # or has done to them; anything else leaves the town a town.
    got = labels(run("Carson wrote the book. Darwin later studied beetles. "
                     "Hamilton's wife was Eliza. Newton, who formulated "
                     "the laws of motion, is buried in London. Her "
                     "successor, Duarte, had served as deputy. Henderson "
                     "was traded to Boston."))
    for name in ("Carson", "Darwin", "Hamilton", "Newton", "Duarte",
                 "Henderson"):
        assert got.get(name) == {"PERSON"}, (name, got)
    got = labels(run("Lincoln is the capital of Nebraska. Flights from "
                     "Darwin were cancelled. Mendoza was founded in 1561."))
    for name in ("Lincoln", "Darwin", "Mendoza"):
        assert got.get(name) == {"GPE"}, (name, got)
    # what only a person has, after "'s" (not a town's "death toll"), and
    # what is done to people with an adverb between
    got = labels(run("Darwin's theory was attacked by Owen. Mendoza's widow "
                     "sold the house. Jackson was later traded to Boston."))
    for name in ("Darwin", "Mendoza", "Jackson"):
        assert got.get(name) == {"PERSON"}, (name, got)
    got = labels(run("After the cyclone, Darwin's death toll rose to 12."))
    assert got.get("Darwin") == {"GPE"}, got
    got = labels(run("Sydney grew up on a sheep station near Dubbo. "
                     "Mendoza, a defender who joined in January, was sent "
                     "off."))
    for name in ("Sydney", "Mendoza"):
        assert got.get(name) == {"PERSON"}, (name, got)
    # "served as", "worked as", "rode": what people do; a town serves as a
    # capital
    got = labels(run("A member of the Socialist Party of America, Hoan served "
                     "as mayor of Milwaukee from 1916. Lagos served as the "
                     "capital until 1991."))
    assert got.get("Hoan") == {"PERSON"}, got
    assert got.get("Lagos") == {"GPE"}, got
    # a surname's ending, for a name no list knows; not an adjective
    # before its noun
    got = labels(run("It later sponsored the journeys of Przhevalsky to "
                     "Central Asia. Prices were set at 44 dlrs a tonne for "
                     "Neryungrinsky coal."))
    assert got.get("Przhevalsky") == {"PERSON"}, got
    assert "PERSON" not in got.get("Neryungrinsky", set()), got
    # a name read as a person's, no word of which a list of people knows,
    # beside a place: "X and Y", "from X to Y"
    got = labels(run("The ferry between Puttgarden and Rødby takes 45 "
                     "minutes. The line from Gmünd to Groß Gerungs opened "
                     "in 1902."))
    for name in ("Rødby", "Groß Gerungs"):
        assert got.get(name) == {"GPE"}, (name, got)
    # A name no list knows, opening a sentence or a clause after a comma,
    # then a verb in the past and "his" or "her", or anywhere with ", who",
    # a person's calling in apposition, "married" before it, what is done
    # to people ("was arrested") or by them ("died") after it: a person,
    # also when the tagger missed it ("Sato"), where "its" leaves an
    # organisation and a state after its town stays a place.
    got = labels(run("Kowalczyk argued that his reforms had failed. Nokia "
                     "argued that its phones were safe. Brandvold, a "
                     "Norwegian painter, exhibited in Oslo. Vanterpool, who "
                     "founded the party in 1962, died in 1990. She married "
                     "Osei in 1978. Petrov was arrested in Moscow. When "
                     "Whitmore died in 1904, his estate passed to his "
                     "nephew. Sato resigned as prime minister in 1972. After "
                     "leaving Genesis, Collins released his debut solo "
                     "album. Ray Hankes of Fairbury, Ill was elected vice "
                     "president."))
    for name in ("Kowalczyk", "Brandvold", "Vanterpool", "Osei", "Petrov",
                 "Whitmore", "Sato", "Collins"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Nokia") == {"ORG"}, got
    assert got.get("Ill") != {"PERSON"}, got
    # teams are named in the plural, and after "the"
    got = labels(run("The Mariners, who have dropped three straight, lost "
                     "again. Seattle beat the Cardinals, who won for just "
                     "the second time."))
    for name in ("Mariners", "Cardinals"):
        assert "PERSON" not in got.get(name, set()), (name, got)


def test_a_name_takes_the_label_of_its_definition():
    # "X is a <noun>", opening a sentence, and "X, a <noun>," anywhere:
    # the last noun of the phrase says what X is; a verb after the noun
    # ("the newspaper said") makes it no apposition.
    got = labels(run(
        "Vesterbro Boldklub is a Danish football club. Fjellvik is a "
        "fishing village in Sortland. Saxon is a venture capital firm from "
        "Dallas. Vneshtorgbank, the Soviet foreign trade bank, is seeking a "
        "loan. Whittier, a port in California, grew. Brandvold, a "
        "Norwegian painter, exhibited in Oslo."))
    for name, label in (("Vesterbro Boldklub", "ORG"), ("Fjellvik", "GPE"),
                        ("Saxon", "ORG"), ("Vneshtorgbank", "ORG"),
                        ("Whittier", "GPE"), ("Brandvold", "PERSON")):
        assert got.get(name) == {label}, (name, got)
    got = labels(run("Shiraz, the newspaper said, was calm. Kvarnholt, "
                     "Norway's largest fishing village, lies north of "
                     "Bergen."))
    assert got.get("Shiraz") == {"GPE"}, got
    assert got.get("Kvarnholt") == {"GPE"}, got


def test_a_news_agencys_sign_off_is_the_agency():
    # Reuters stories of the 1980s end with "Reuter" on a line of its own
    # (the benchmark's and the dateline plugin's documents): the agency,
    # not a person, and so is "a Reuter survey" in the same story.
    text = ("NEW YORK, March 3 - Acme Corp said first quarter profit rose "
            "10 pct, in line with a Reuter survey of analysts.\n"
            "    Shares closed higher.\n Reuter\n")
    got = labels(run(text))
    assert got.get("Reuter") == {"ORG"}, got
    got = labels(run("The new plant will open in May, the company said.\n"
                     " REUTER\n"))
    assert got.get("REUTER") == {"ORG"}, got


def test_a_company_named_in_full_and_in_short():
    # A word no list knows, first word of a company's full name in the same
    # story, is that company; "Moody's" keeps its "'s"; a founder's name in
    # Title Case, defined as a person, stays the founder's.
    got = labels(run(
        "Trans World Airlines offered to buy USAir Group Inc for 52 dlrs a "
        "share.\n    USAir was halted on the New York Stock Exchange.\n"
        "    USAir received the offer on Monday."))
    assert got.get("USAir") == {"ORG"}, got
    got = labels(run("The company expects a return to profit by late 1987, "
                     "Moody's added.\n    Ratings lowered include the senior "
                     "debt."))
    assert got == {"Moody's": {"ORG"}}, got
    got = labels(run("Sosnoff Capital Corp said Sosnoff, a New York "
                     "investor, owns 13 pct."))
    assert got.get("Sosnoff") == {"PERSON"}, got
    # so does the start of a longer name; an acronym in capitals is no
    # given name ("AMR", not "Amr")
    got = labels(run("AMR Corp said it will buy 15 jets.\n    AMR announced "
                     "the order today. American Medical International Inc "
                     "rejected the bid, and American Medical shares fell."))
    assert got.get("AMR") == {"ORG"}, got
    assert got.get("American Medical") == {"ORG"}, got


def test_peoples_and_denominations_are_norp():
    # lists/norp-more.txt: peoples and groups the news names, neither
    # organisations nor places.
    got = labels(run("Uyghurs and Kazakhs were detained, while Pashtun "
                     "elders met Hazara leaders."))
    for name in ("Uyghurs", "Kazakhs", "Pashtun", "Hazara"):
        assert got.get(name) == {"NORP"}, (name, got)


def test_given_names_stay_people_though_towns_bear_them():
    # The long lists of towns (lists/cities-*.txt) hold towns named like
    # people: a given name alone is still a person's, and WordNet's cities
    # keep their type.
    got = labels(run("Zubair and Mehran were arrested on Monday. Later, "
                     "Ngozi thanked the voters, and Pierre Dupont met Murray "
                     "in the capital."))
    for name in ("Zubair", "Mehran", "Ngozi", "Murray"):
        assert got.get(name) == {"PERSON"}, (name, got)
    got = labels(run("Flights to Orlando and Haifa resumed."))
    assert got.get("Orlando") == {"GPE"} and got.get("Haifa") == {"GPE"}, got
    # The wider list of given names (Faker's, python3-fake-factory) makes
    # a person of a one-word name the model took for something else; a
    # club the training text names so stays a club.
    got = labels(run("Chuck and Gretchen were very positive, and the owner "
                     "Karla is welcoming. In fact Peder and I agreed. Chelsea "
                     "beat Arsenal 2-1 at Stamford Bridge."))
    for name in ("Gretchen", "Karla", "Peder"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Chelsea") == {"ORG"}, got


def test_churches_coaches_and_sources():
    # A church named with its faith is the church, an organisation; one
    # named after a saint is a building. A name after "coach" is a
    # person's; one-word sources after "according to" are organisations
    # unless a list knows them as places.
    got = labels(run("The Russian Orthodox Church backed the war, and the "
                     "United Methodist Church split. Mass was held at St "
                     "Mary's Church in Oxford. Barça coach Hansi Flick "
                     "complained. Ticket sales topped $2 billion, according "
                     "to Pollstar. The ship was off Crete, according to "
                     "Kpler."))
    want = {"Russian Orthodox Church": "ORG", "United Methodist Church": "ORG",
            "St Mary's Church": "LOC", "Hansi Flick": "PERSON",
            "Pollstar": "ORG", "Kpler": "ORG"}
    for name, label in want.items():
        assert got.get(name) == {label}, (name, got)



def test_names_of_translated_news_and_encyclopedias():
    # a particle before a given name ("Abu") and a lower-case word after
    # the comma keep a person's name whole; so does a name said twice
    got = labels(run("The official, Ahmed Abu Hamad, said the site was "
                     "damaged. Moussa Faki Mahamat, the Chadian foreign "
                     "minister, was elected. The former adviser Abdullah "
                     "Abdullah, came second. In 1869 he married Carolina "
                     "Augusta Xavier de Novais, his friend's sister."))
    for name in ("Ahmed Abu Hamad", "Moussa Faki Mahamat",
                 "Abdullah Abdullah", "Carolina Augusta Xavier de Novais"):
        assert got.get(name) == {"PERSON"}, (name, got)
    for part in ("Hamad", "Mahamat", "Abdullah"):
        assert part not in got, (part, got)
    # a town in the plural, or after "a draw by", is its team; a club's
    # word and the name after it are one club
    got = labels(run("Falkirk were beaten 2-1 by Dunfermline Athletic. "
                     "Bayer Leverkusen were held to a 1-1 draw by Heidenheim "
                     "on Saturday. HC Slovan Bratislava played in the "
                     "Kontinental Hockey League. In its first season, "
                     "Desportivo das Aves finished fifteenth."))
    for name in ("Falkirk", "Heidenheim", "HC Slovan Bratislava",
                 "Desportivo das Aves"):
        assert got.get(name) == {"ORG"}, (name, got)
    # places: by a noun of a town's parts or of natural places after them,
    # by "and" before a plural one, by where one was born, by a country's
    # full name, by the word that ends a country's divisions; not a
    # title's ordinary word
    got = labels(run("A private school in the Sheikh Zayed district was "
                     "closed. The capital stands where the Khwae Noi and "
                     "Khwae Yai rivers meet. The Tinto river rises in the "
                     "hills. Born in Lyon, the engineer Marc Seguin built a "
                     "bridge. "
                     "Debris fell over the Turks and Caicos Islands. Floods "
                     "hit Batken Province. The Minister of Economy, Luis "
                     "Caputo, spoke at the Grammy Awards in Los Angeles "
                     "about Mistral AI, the Paris start-up."))
    for name in ("Sheikh Zayed", "Khwae Noi", "Khwae Yai",
                 "Turks and Caicos Islands",
                 "Batken Province", "Lyon", "Los Angeles", "Paris"):
        assert got.get(name) in ({"GPE"}, {"LOC"}), (name, got)
    assert got.get("Tinto") == {"LOC"}, got
    assert got.get("Grammy Awards") == {"MISC"}, got
    for wrong in ("Economy", "Caicos Islands", "Paris start-up"):
        assert wrong not in got, (wrong, got)
    # a quotation after a noun of works is a work, after a newspaper's
    # noun the paper
    got = labels(run("The album “Ognjena reka” was recorded in Belgrade. "
                     "The newspaper “Robotnik” was printed secretly."))
    assert "PERSON" not in got.get("Ognjena", set()), got
    assert got.get("Robotnik") == {"ORG"}, got


def test_titles_initials_clans_and_firms():
    # a noble's title stays out of the name, whatever the tagger read; a
    # nationality and a title alone are a nationality; repeated initials,
    # and a clan's name with "no", are one name; a firm's noun after a
    # name makes it the firm's
    got = labels(run("His father was a tutor for the family of Count Kacper "
                     "Skarbek. The Saudi Crown Prince, Mohammed bin Salman, "
                     "received him. Its chairman, C. C. Wei, told "
                     "shareholders. She served the daughter of Fujiwara no "
                     "Michinaga. He worked for the Henriot faience factory "
                     "in Quimper."))
    for name in ("Kacper Skarbek", "Mohammed bin Salman", "C. C. Wei",
                 "Fujiwara no Michinaga"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Saudi") == {"NORP"}, got
    assert got.get("Henriot") == {"ORG"}, got
    for wrong in ("Count Kacper Skarbek", "Saudi Crown Prince", "C.",
                  "Fujiwara"):
        assert wrong not in got, (wrong, got)


def test_clubs_named_by_their_towns_and_places_named_by_a_noun():
    # what a club does or has ("the Reading midfielder", "on loan at
    # Brentford", "scored 129 goals for Lyon") makes a town's name the
    # club's; a country stays a place, and so does a town one moves from
    got = labels(run("The Reading midfielder, who had been on loan at "
                     "Brentford, returned. Lacazette scored 129 goals for "
                     "Lyon. Germany beat France 2-1. He moved from Augsburg "
                     "to Munich."))
    for name in ("Reading", "Brentford", "Lyon"):
        assert got.get(name) == {"ORG"}, (name, got)
    for name in ("Germany", "France", "Augsburg", "Munich"):
        assert got.get(name) == {"GPE"}, (name, got)
    # a scorer after "goals from", "a header from": a person; a company
    # defined by what it is, with a participle after ("founded in")
    got = labels(run("Guarani won the first leg thanks to goals from "
                     "Fumagalli and Caíque. Stolt-Nielsen, the shipping group "
                     "founded in Norway, said on Monday that it would cut "
                     "costs."))
    for name in ("Fumagalli", "Caíque"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Stolt-Nielsen") == {"ORG"}, got
    # a name opened by a club's word ("Dinamo", "Hapoel") is a club's,
    # unless the word is a given name too or the name a place's
    got = labels(run("Dinamo Batumi were promoted after a win over Lokomotiv "
                     "Plovdiv. Viktoria Azarenka won in straight sets. Rapid "
                     "City is in South Dakota."))
    for name in ("Dinamo Batumi", "Lokomotiv Plovdiv"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Viktoria Azarenka") == {"PERSON"}, got
    assert got.get("Rapid City") == {"GPE"}, got
    # "the town of", "the river": a place, whatever the name looks like
    got = labels(run("The town of Marshall, Texas, was named after John "
                     "Marshall. The river Ljubljanica disappears "
                     "underground."))
    assert got.get("Marshall") == {"GPE"}, got
    assert got.get("Ljubljanica") in ({"GPE"}, {"LOC"}), got
    # also a given name the tagger read as a place ("Hope")
    got = labels(run("The town of Hope stands on the Fraser."))
    assert got.get("Hope") == {"GPE"}, got


def test_a_nationality_is_no_part_of_a_ministrys_name():
    # as CoNLL-2003 marks them: "the [Russian] [Foreign Ministry]"; an
    # army's name and "a Labour Ministry official" keep theirs
    res = run("The Swiss Finance Ministry is inviting tenders. The French "
              "Foreign Ministry said talks would resume. Reporters waited at "
              "the Brazilian Embassy. The Mexican Army moved in. A Labour "
              "Ministry official said.")
    got = {m["text"]: m["label"] for m in res["mentions"]}
    for name in ("Finance Ministry", "Foreign Ministry", "Embassy"):
        assert got.get(name) == "ORG", (name, got)
    for name in ("Swiss", "French", "Brazilian"):
        assert got.get(name) == "NORP", (name, got)
    assert got.get("Mexican Army") == "ORG", got
    assert "Labour" not in got, got
    # and of a parliament or a court's; not of the Union's bodies, nor of
    # a nation's within a state
    res = run("The Brazilian Senate voted. The Israeli Supreme Court ruled. "
              "The European Parliament met. The Scottish Parliament met.")
    got = {m["text"]: m["label"] for m in res["mentions"]}
    for name in ("Senate", "Supreme Court", "European Parliament",
                 "Scottish Parliament"):
        assert got.get(name) == "ORG", (name, got)


def test_works_ships_rulers_and_double_surnames():
    # the noun of a work or a ship before a name makes it a work's or a
    # ship's (MISC), over a given name or a place's head word in it
    got = labels(run("Her novel Jenny allowed her to write full time. The "
                     "album Abbey Road was released in 1969. The ferry Toya "
                     "Maru sank in a typhoon. The company staged "
                     "Fuenteovejuna with a large cast."))
    for name in ("Jenny", "Abbey Road", "Toya Maru", "Fuenteovejuna"):
        assert got.get(name) == {"MISC"}, (name, got)
    # a ruler "of" a country the lists know is a person and a place;
    # "of" an unknown place or a region stays one person's name
    got = labels(run("Tito founded the movement with Nehru of India and "
                     "Nasser of Egypt. Catherine of Aragon married Henry."))
    for name in ("Nehru", "Nasser", "Catherine of Aragon"):
        assert got.get(name) == {"PERSON"}, (name, got)
    for name in ("India", "Egypt"):
        assert got.get(name) == {"GPE"}, (name, got)
    assert "Nasser of Egypt" not in got, got
    # a Spanish "y" and particles after a full name go on with it, and
    # titles of other lands stay outside
    got = labels(run("Jorge Luis Ibáñez y Mendoza served three terms. It "
                     "was done on the orders of Colonel Carlos Ibáñez del "
                     "Campo. Its patriarch, Abuna Basilios, was received by "
                     "Ras Tafari and Hetman Stanisław Żółkiewski."))
    for name in ("Jorge Luis Ibáñez y Mendoza", "Carlos Ibáñez del Campo",
                 "Basilios", "Tafari", "Stanisław Żółkiewski"):
        assert got.get(name) == {"PERSON"}, (name, got)
    for wrong in ("Mendoza", "Campo", "Abuna Basilios", "Ras Tafari"):
        assert wrong not in got, (wrong, got)


def test_units_foreign_organisations_and_clubs_in_the_table():
    # a numbered military unit is one organisation's name, with "No."
    got = labels(run("The 1st Armoured Brigade took part with units of the "
                     "3rd Infantry Division. The Soviet 44th Rifle Division "
                     "was destroyed. No. 3 Squadron flew 1,200 sorties."))
    for name in ("1st Armoured Brigade", "3rd Infantry Division",
                 "44th Rifle Division", "No. 3 Squadron"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Soviet") == {"NORP"}, got
    # a word that opens organisations' names in other languages, accented
    # or not ("Éditions", "Grupo"); and no model number before "percent"
    got = labels(run("The translation, published by Éditions Philippe "
                     "Picquier in 2004, won a prize. Two years later it "
                     "bought its rival Grupo Ferroatlántica. The Democratic "
                     "Party took 19 percent and the Five Star Movement 15 "
                     "percent."))
    for name in ("Éditions Philippe Picquier", "Grupo Ferroatlántica",
                 "Five Star Movement"):
        assert got.get(name) == {"ORG"}, (name, got)
    # a town two points ahead of, or met in a final, is its club
    got = labels(run("CSKA won the title, two points ahead of Krasnodar. "
                     "Barcelona will meet Veszprém in Sunday's final."))
    for name in ("Krasnodar", "Veszprém"):
        assert got.get(name) == {"ORG"}, (name, got)
    # a semicolon or "and his" parts two names the tagger read as one
    got = labels(run("The label reissued the tapes as a double LP; Pitchfork "
                     "gave it a score of 8.1."))
    assert "Pitchfork" in got and "LP; Pitchfork" not in got, got
    # the accents of a place's head word in another language are folded
    # before the list is read ("Île", "Volcán")
    got = labels(run("The Volcán de Fuego erupted again on Sunday."))
    assert got.get("Volcán de Fuego") in ({"LOC"}, {"GPE"}), got


def test_names_in_single_curly_quotes_and_news_sources():
    # ‘…’ quote a name as “…” do: after a newspaper's noun an
    # organisation's; a paper's word in it ("Times", "Radio") or a
    # source's words before it ("reports", "according to") make it one too
    got = labels(run("The weekly ‘Kuensel’ was founded in 1965. The ‘Fiji "
                     "Times’ was first printed at Levuka. The coach may go, "
                     "reports “Bild”. She told ‘Kazakhstanskaya Pravda’ that "
                     "a third had left."))
    for name in ("Kuensel", "Fiji Times", "Bild", "Kazakhstanskaya Pravda"):
        assert got.get(name) == {"ORG"}, (name, got)


def test_planets_reached_and_venues_played_at():
    # a planet one goes to or lands on is a place (the Universal NER
    # guidelines); in a horoscope it is no place
    got = labels(run("The probe reached Mars in 2014 and flew past Pluto. "
                     "Life on Earth began early. In his chart, natal Saturn "
                     "and Venus are under affliction."))
    for name in ("Mars", "Pluto", "Earth"):
        assert got.get(name) == {"LOC"}, (name, got)
    assert got.get("Saturn") == {"MISC"}, got
    # a theatre, hall or café where something happens is a place; the
    # theatre that acts is an organisation
    got = labels(run("The play opened at the Théâtre du Rideau Vert in "
                     "Montreal. The choir sang every December at Massey "
                     "Hall. The Abbey Theatre staged it in 1926."))
    for name in ("Théâtre du Rideau Vert", "Massey Hall"):
        assert got.get(name) == {"LOC"}, (name, got)
    assert got.get("Abbey Theatre") == {"ORG"}, got


def test_rulers_parties_ministries_and_craters():
    # a word no list knows and a regnal number are a ruler; a party's
    # adjective stays out of a person's name; a ministry "of" something
    # goes on through "and"; craters and reservations are places
    got = labels(run("The temple was built by Jayavarman VII. Sadiq Khan "
                     "defeated the Conservative Zac Goldsmith. According to "
                     "the Ministry of Economy and Finance, the deficit rose. "
                     "The rover landed in Gale Crater in 2012. The pipeline "
                     "passes upstream of the Standing Rock Sioux "
                     "Reservation."))
    for name in ("Jayavarman VII", "Zac Goldsmith"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Ministry of Economy and Finance") == {"ORG"}, got
    for name in ("Gale Crater", "Standing Rock Sioux Reservation"):
        assert got.get(name) == {"LOC"}, (name, got)
    # not a ministry "and" a country
    got = labels(run("The Ministry of Defence and Russia signed a deal."))
    assert got.get("Russia") == {"GPE"}, got


def test_firms_clubs_provinces_and_rulers_by_their_words():
    # an industry's word ends a firm's name; a "person" with one and no
    # given name is a firm, a given name keeps the person
    got = labels(run("Shares in Halvorsen Marine fell 6.4 percent in Oslo "
                     "trading. Norrland Steel told the European Commission "
                     "that the plan would fail. Danielle Steel wrote "
                     "another novel. The Vienna Philharmonic played."))
    for name in ("Halvorsen Marine", "Norrland Steel", "Vienna Philharmonic"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Danielle Steel") == {"PERSON"}, got
    # a club by its city: a player's position after it, "at home to"
    got = labels(run("Bologna striker Santiago Castro has been called up. "
                     "Wolfsburg lost 3-0 at home to Mainz."))
    for name in ("Bologna", "Mainz"):
        assert got.get(name) == {"ORG"}, (name, got)
    # a province's noun after a name, a river's bank before one, and a
    # word no surname ends with make places; not a nationality
    got = labels(run("Nguyen Van Thanh, the former chairman of Binh Duong "
                     "province, was expelled. The village lies on the left "
                     "bank of the Warta. The cyclone made landfall between "
                     "Sagar Island and Khepupara. Aconcagua rises in the "
                     "Argentine province of Mendoza."))
    assert got.get("Binh Duong") == {"GPE"}, got
    assert "Warta" in got and got["Warta"] <= {"GPE", "LOC"}, got
    assert got.get("Sagar Island") == {"LOC"}, got
    assert got.get("Argentine") == {"NORP"}, got
    # not a bank of a firm's group
    got = labels(run("He works at a bank of the Mitsubishi group."))
    assert got.get("Mitsubishi") == {"ORG"}, got
    # China's emperors by their era; monarchs' numbers of one letter
    got = labels(run("The treaty was signed on behalf of the Kangxi "
                     "Emperor. King George V opened it, and Pope Pius X "
                     "blessed it."))
    for name in ("Kangxi Emperor", "George V", "Pius X"):
        assert got.get(name) == {"PERSON"}, (name, got)


def test_datelines_institutions_of_places_orders_and_titles():
    # "The" after a dateline's dash opens the sentence, not the name
    for text, name in (("Accra — The Bank of Ghana has directed banks to "
                        "publish rates.", "Bank of Ghana"),
                       ("WASHINGTON, Feb 26 - The Panama Canal Commission "
                        "said tolls would rise.", "Panama Canal Commission")):
        got = labels(run(text))
        assert got.get(name) == {"ORG"}, (text, got)
        assert not any(m.startswith("The ") for m in got), got
    # a known name keeps its "The"
    got = labels(run("He read it in The Star — The Guardian also had it."))
    assert "The Guardian" in got, got
    # an institution, "of" and the place it serves are one name, as in
    # CoNLL-2003 and the annotated web text; not a firm and its town
    got = labels(run("Lucía Mendoza was elected to the Congress of the "
                     "Republic of Peru in 2001. In 1985 Petrova was elected "
                     "a member of the Academy of Sciences of the USSR."))
    for name in ("Congress of the Republic of Peru",
                 "Academy of Sciences of the USSR"):
        assert got.get(name) == {"ORG"}, (name, got)
    got = labels(run("Acme Corp of Chicago said profits rose."))
    assert got.get("Acme Corp") == {"ORG"}, got
    assert got.get("Chicago") == {"GPE"}, got
    # an order one is awarded is a decoration; one joined is a body
    got = labels(run("She was awarded the Order of the Red Banner of Labour "
                     "in 1971. He joined the Order of Saint Benedict."))
    assert got.get("Order of the Red Banner of Labour") == {"MISC"}, got
    assert got.get("Order of Saint Benedict") == {"ORG"}, got
    # titles of Nigeria, Malaysia and India stay outside names, and one
    # cut short by its full stop is no name
    got = labels(run("Alhaji Musa Garba Dankwambo spoke first. Datuk Seri "
                     "Fadzil Abdul Rahman said so. The Minister of Works, "
                     "Engr. Ibrahim Danjuma Sarki, agreed."))
    for name in ("Musa Garba Dankwambo", "Fadzil Abdul Rahman",
                 "Ibrahim Danjuma Sarki"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert "Engr" not in got, got
    # a firm's noun and a comma before a name make it the firm's; a given
    # name before a natural place's plural noun is the place's
    got = labels(run("He later founded his own firm, Lehnert Kabelwerke, in "
                     "1921. Rain swelled the Sutlej and Ravi rivers."))
    assert got.get("Lehnert Kabelwerke") == {"ORG"}, got
    assert got.get("Ravi") in ({"LOC"}, {"GPE"}), got


def test_foreign_official_names_titles_between_names_and_state_abbreviations():
    # an institution's official name in another language runs on through
    # its lower-case particles, also when the tagger left out its first word
    got = labels(run("Among its agencies is the Ente Nazionale per "
                     "l’Aviazione Civile (ENAC). Formally the Ministero delle "
                     "Infrastrutture e dei Trasporti, the ministry is in "
                     "Rome. Sindicato dos Trabalhadores nas Indústrias de "
                     "Calçados de Franca represents shoemakers."))
    for name in ("Ente Nazionale per l’Aviazione Civile",
                 "Ministero delle Infrastrutture e dei Trasporti",
                 "Sindicato dos Trabalhadores nas Indústrias de Calçados "
                 "de Franca"):
        assert got.get(name) == {"ORG"}, (name, got)
    # ... and through a comma into the next part of its list, but a list
    # of banks stays a list
    got = labels(run("The Ministère de l’Agriculture, de l’Élevage et de la "
                     "Pêche of Benin runs the programme. The issue will be "
                     "co-led by Banque Nationale de Paris, Caisse Nationale "
                     "de Credit Agricole and others."))
    assert got.get("Ministère de l’Agriculture, de l’Élevage et de la "
                   "Pêche") == {"ORG"}, got
    assert "Banque Nationale de Paris" in got, got
    assert "Caisse Nationale de Credit Agricole" in got, got
    # a title between a body and a person parts the two
    got = labels(run("The reserves rose in January, Reserve Bank Governor "
                     "Gerhard de Kock said."))
    assert got.get("Reserve Bank") == {"ORG"}, got
    assert got.get("Gerhard de Kock") == {"PERSON"}, got
    # a US state's abbreviation keeps its full stop, as CoNLL-2003 marks it
    got = labels(run("TULSA, Okla. (AP) — At least three people were killed. "
                     "The firm moved to Richmond, Va., last year."))
    assert got.get("Okla.") == {"GPE"}, got
    assert got.get("Va.") == {"GPE"}, got
    # a firm's industry or a nationality's side before a name: an
    # organisation, not a person
    got = labels(run("Shares of Brazilian meatpacker Frigorífico Serrano "
                     "jumped. The deal is with French biotech Valneva. They "
                     "beat Iranian side Shahrdari Gorgan 88-80. On the other "
                     "side Ali Daei waited."))
    for name in ("Frigorífico Serrano", "Valneva", "Shahrdari Gorgan"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Ali Daei") == {"PERSON"}, got


def test_vietnamese_names_industries_opening_sentences_and_foreign_sites():
    # a Vietnamese middle name does not start a second person
    got = labels(run("Factory worker Nguyen Thi Hoa, 31, said she had not "
                     "seen her parents."))
    assert got.get("Nguyen Thi Hoa") == {"PERSON"}, got
    # a firm's industry opening a sentence is no part of its name, but a
    # name that starts with the word keeps it
    got = labels(run("Chipmaker Nvidia fell 3.2%. Insurer Allianz said "
                     "profits rose. The Airline Pilots Association said "
                     "members would strike."))
    assert got.get("Nvidia") == {"ORG"}, got
    assert got.get("Allianz") == {"ORG"}, got
    assert "Airline Pilots Association" in got, got
    # a square, a cable car or a street in another language is a place,
    # also when its first word was left out; a town stays a town
    got = labels(run("Its headquarters stand on Place Mohamed Ali in Tunis. "
                     "EMT also operates the Teleférico de Madrid. She was "
                     "born in Puente Alto."))
    assert got.get("Place Mohamed Ali") == {"LOC"}, got
    assert got.get("Teleférico de Madrid") == {"LOC"}, got
    assert got.get("Puente Alto") == {"GPE"}, got
    # an institution's word in another language before a person's name,
    # and a club's or firm's word in its name, make an organisation
    got = labels(run("The Hôpital Albert Schweitzer in Lambaréné was founded "
                     "in 1913. Vila Nova has a fierce rivalry with Goiás "
                     "Esporte Clube."))
    assert got.get("Hôpital Albert Schweitzer") == {"ORG"}, got
    assert got.get("Goiás Esporte Clube") == {"ORG"}, got
    # a firm's last word keeps it a firm, whatever noun its apposition has
    got = labels(run("Greywater Mining, a junior gold explorer listed in "
                     "Toronto, said it had found gold. Saltmarsh Seafoods, a "
                     "lobster exporter from Nova Scotia, said sales fell."))
    assert got.get("Greywater Mining") == {"ORG"}, got
    assert got.get("Saltmarsh Seafoods") == {"ORG"}, got
    # where an analyst or a strategist works is an organisation; an
    # executive or a chairman before a name makes it a person
    got = labels(run("“It is not reaching households,” said Anoop Singh, "
                     "head of tanker research at Oil Brokerage. Jana "
                     "Whitford is chief market strategist at Harbor Ridge "
                     "Wealth in Charlotte."))
    assert got.get("Oil Brokerage") == {"ORG"}, got
    assert got.get("Harbor Ridge Wealth") == {"ORG"}, got
    assert got.get("Charlotte") == {"GPE"}, got


def test_sports_leagues_positions_and_ages_opening_names():
    # a sports league is MISC, as CoNLL-2003 marks "American League"; a
    # political one and a football league's body stay organisations
    got = labels(run("Ajax are fourth in the Eredivisie and Al Hilal top the "
                     "Saudi Pro League. He joined a Big Bash League side. The "
                     "Arab League met in Cairo."))
    for name in ("Eredivisie", "Saudi Pro League", "Big Bash League"):
        assert got.get(name) == {"MISC"}, (name, got)
    assert got.get("Arab League") == {"ORG"}, got
    # a player's position or the organisers opening a sentence, and an
    # age, are no part of the name
    got = labels(run("Hooker Codie Taylor scored twice. Organisers SCC Events "
                     "said 55,000 runners had registered. Nineteen-year-old "
                     "Mercy Chepng’eno broke the record. Bank Negara said "
                     "rates would hold."))
    assert got.get("Codie Taylor") == {"PERSON"}, got
    assert got.get("SCC Events") == {"ORG"}, got
    assert got.get("Mercy Chepng’eno") == {"PERSON"}, got
    assert got.get("Bank Negara") == {"ORG"}, got


def test_appositions_of_trades_neighbourhoods_and_portfolios():
    # a name defined by the trade after it, even past "one of the" and a
    # plural, or by a neighbourhood or a town "east of" somewhere; a
    # country stays a country when it is "the second largest exporter"
    got = labels(run("His firm later grew into Enso-Gutzeit, one of the "
                     "largest forest companies in Europe. Hanwha Ocean is a "
                     "South Korean shipbuilder based in Geoje. Pastificio "
                     "Ferraiuolo, a family business in Gragnano, makes pasta. "
                     "Tecnoagro Sul is a maker of irrigation equipment. "
                     "Residents of Vila da Barca, a neighbourhood of wooden "
                     "houses, celebrated. The city hall of Maricá, a coastal "
                     "town east of Niterói, pays each resident. A last-minute "
                     "attempt by Colombia, the second largest exporter, "
                     "failed."))
    for name in ("Enso-Gutzeit", "Hanwha Ocean", "Pastificio Ferraiuolo",
                 "Tecnoagro Sul"):
        assert got.get(name) == {"ORG"}, (name, got)
    for name in ("Vila da Barca", "Maricá", "Colombia"):
        assert got.get(name) == {"GPE"}, (name, got)
    # a studio or a platform before a name makes an organisation of it
    got = labels(run("The film was produced by the studio Coco Cartoon, "
                     "according to the ticketing platform Maoyan."))
    assert got.get("Coco Cartoon") == {"ORG"}, got
    assert got.get("Maoyan") == {"ORG"}, got
    # a minister's portfolio is no name, even after a party that ends in
    # the same word; the ministry is one
    got = labels(run("Deputies from Law and Justice voted against. Justice "
                     "Minister Waldemar Żurek said the change was needed. "
                     "The Justice Ministry agreed."))
    assert got.get("Law and Justice") == {"ORG"}, got
    assert got.get("Justice") is None, got
    assert got.get("Justice Ministry") == {"ORG"}, got
    assert got.get("Waldemar Żurek") == {"PERSON"}, got
    # "the state of", "the fortress of" before a name make a place of it,
    # and so does a street's or a stadium's first word
    got = labels(run("Ciudad Bolívar is the capital of the state of Bolívar. "
                     "He withdrew to the fortress of Qal'at Ibn Salama. "
                     "Protesters blocked Avenida Congreso de la Unión and "
                     "marched to Estadio Azteca."))
    for name in ("Bolívar", "Qal'at Ibn Salama", "Avenida Congreso de la Unión",
                 "Estadio Azteca"):
        assert got.get(name, set()) & {"GPE", "LOC"}, (name, got)


def test_news_agency_of_a_dateline():
    # the agency a dateline names is an organisation, as its place is a
    # GPE; a dateline without one adds none
    for text, place, agency in (
            ("ULAANBAATAR (Montsame) — Mongolia’s parliament voted to "
             "dissolve itself.", "ULAANBAATAR", "Montsame"),
            ("SKOPJE (MIA) — The ruling party won.", "SKOPJE", "MIA"),
            ("LAGOS, Nigeria (AP) — Police said.", "LAGOS", "AP")):
        got = labels(run(text))
        assert got.get(place) == {"GPE"}, (text, got)
        assert got.get(agency) == {"ORG"}, (text, got)
    got = labels(run("NEW YORK, March 3 - Shares rose."))
    assert got == {"NEW YORK": {"GPE"}}, got


def test_people_by_what_only_people_have_are_or_win():
    # "the death of", "the works of" before a name make a person of it
    # (and of the name after "and"); so do a physician's noun, ", born"
    # and medals won; a country that wins medals stays a country
    got = labels(run("The works of Mizoguchi and Ozu were shown in Europe. "
                     "After the death of Rumi in Konya in 1273, his son led "
                     "the order. Nurmi won five gold medals at the Paris "
                     "Olympics, and Kenya won three gold medals."))
    for name in ("Mizoguchi", "Ozu", "Rumi", "Nurmi"):
        assert got.get(name) == {"PERSON"}, (name, got)
    for name in ("Konya", "Kenya"):
        assert got.get(name) == {"GPE"}, (name, got)
    # a leader's name and "'s" before the party the tagger read as one
    # organisation's name are a person's; a firm named after one word's
    # founder stays whole
    got = labels(run("Geert Wilders’s Party for Freedom (PVV) lost seats. "
                     "Dr Reddy's Laboratories rose."))
    assert got.get("Geert Wilders") == {"PERSON"}, got
    assert not [t for t in got if "Wilders’s" in t], got
    assert got.get("Dr Reddy's Laboratories") == {"ORG"}, got
    # and so are a country's name and "'s" before its body
    got = labels(run("SANTIAGO — Chile’s Electoral Service (Servel) "
                     "confirmed the date."))
    assert got.get("Chile") == {"GPE"}, got
    assert got.get("Electoral Service") == {"ORG"}, got
    # a sentence's full stop after a name is no part of it; a state's
    # abbreviation keeps its own
    got = labels(run("She was known under the French form of her name, "
                     "Marie."))
    assert got.get("Marie") == {"PERSON"}, got
    got = labels(run("TULSA, Okla. (AP) — Rain fell."))
    assert got.get("Okla.") == {"GPE"}, got
    # a monarch's number keeps its letter but not the sentence's full
    # stop that the tokenizer keeps with it
    rec = run("He was the son of King Charles I.")
    assert [(m["text"], m["label"], m["end"]) for m in rec["mentions"]] == \
        [("Charles I", "PERSON", 32)], rec
    assert rec["entities"][0]["name"] == "Charles I", rec


def test_online_services_used_as_media_are_products():
    # a service someone posts on, watches on or writes via is a product
    # (MISC); the firm that acts, pays or owns stays an organisation
    got = labels(run("Lytvynchuk wrote on Telegram that he would appeal, "
                     "and the clip spread on Facebook and TikTok. She "
                     "shared it via WhatsApp and on her Instagram account."))
    for name in ("Telegram", "Facebook", "TikTok", "WhatsApp", "Instagram"):
        assert got.get(name) == {"MISC"}, (name, got)
    got = labels(run("Facebook said on Monday that the EU had imposed a fine "
                     "on Google. Investors sold shares on Google's news."))
    assert got.get("Facebook") == {"ORG"}, got
    assert got.get("Google") == {"ORG"}, got


def test_kin_named_after_a_possessive_towns_of_states_and_clubs_played_for():
    # "his wife, Geertje": kin after a possessive are people, even a name
    # the lists know as a river or a town; a firm's partner is no kin
    got = labels(run("He is survived by his wife, Geertje. She is survived "
                     "by her husband, Don. Abdi died in 2020; her daughters "
                     "Hodan and Sahra survive her. The bank's partner, "
                     "Siemens, declined to comment."))
    for name in ("Geertje", "Don", "Hodan", "Sahra"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Siemens") == {"ORG"}, got
    # a given name after "in" and before a comma and a state or country is
    # the town; a person the lists know stays a person
    got = labels(run("He was born in Brandon, Manitoba, and later taught at "
                     "schools in Alice, South Africa. Talks with Putin, "
                     "Russia's president, failed."))
    assert got.get("Brandon") == {"GPE"}, got
    assert got.get("Alice") == {"GPE"}, got
    assert got.get("Putin") == {"PERSON"}, got
    # a town's club, from the games played for it
    got = labels(run("He played 140 games for Parramatta and later coached "
                     "in Sydney."))
    assert got.get("Parramatta") == {"ORG"}, got


def test_story_openers_analysts_firms_units_and_indonesian_firms():
    # the word after a dateline opens a sentence: an English word there is
    # no name, a firm the lists know is one
    got = labels(run("NAIROBI, Kenya — Health officials in Turkana said on "
                     "Monday that cases had doubled."))
    assert "Health" not in got, got
    got = labels(run("PERTH, Australia — Astronomers using the array have "
                     "detected a signal."))
    assert "Astronomers" not in got, got
    got = labels(run("LONDON — Shell said on Monday it would sell assets."))
    assert got.get("Shell") == {"ORG"}, got
    got = labels(run("DUBAI — Emirates posted a record annual profit."))
    assert got.get("Emirates") == {"ORG"}, got
    # where analysts work is a firm, even one named like a person
    got = labels(run("Analysts at Counterpoint Research said sales fell. "
                     "\"It is big,\" said Li Wenjing, an analyst at "
                     "Bernstein in Hong Kong."))
    assert got.get("Counterpoint Research") == {"ORG"}, got
    assert got.get("Bernstein") == {"ORG"}, got
    assert got.get("Hong Kong") == {"GPE"}, got
    # a unit of a firm is a firm; so is "PT" and the words after it
    got = labels(run("The vaccine was developed by Pharmaq, a unit of an "
                     "American animal health company. PT Sawit Jaya Lestari "
                     "denied wrongdoing. The call starts at 10 a.m. PT "
                     "Monday."))
    assert got.get("Pharmaq") == {"ORG"}, got
    assert got.get("PT Sawit Jaya Lestari") == {"ORG"}, got
    assert not any(k.startswith("PT M") for k in got), got


def test_artists_named_by_their_art_and_a_dash_between_names():
    # an artist's word opening the sentence, or the story after its
    # dateline, is no part of the name; a spaced dash parts two names
    got = labels(run("LAGOS, Nigeria — Singer Tems will headline the opening "
                     "night. Conductor Gustavo Dudamel led the orchestra."))
    assert got.get("Tems") == {"PERSON"}, got
    assert got.get("Gustavo Dudamel") == {"PERSON"}, got
    assert not any(k.startswith(("Singer", "Conductor")) for k in got), got
    got = labels(run("KINSHASA, Democratic Republic of Congo — Rumba veteran "
                     "Koffi Olomidé cancelled a concert."))
    assert got.get("Democratic Republic of Congo") == {"GPE"}, got
    assert got.get("Koffi Olomidé") == {"PERSON"}, got


def test_bands_played_with_and_journals_published_in():
    got = labels(run("The study was published in the Annals of Internal "
                     "Medicine. The book was published in London in 1989. "
                     "He toured with the Rolling Stones."))
    assert got.get("Annals of Internal Medicine") == {"ORG"}, got
    assert got.get("London") == {"GPE"}, got
    assert got.get("Rolling Stones") == {"ORG"}, got


def test_museums_that_act_are_institutions():
    # a museum or theatre that signs, says or performs is the institution;
    # the building where things happen stays a place
    got = labels(run("The Hong Kong Palace Museum has signed an agreement "
                     "with the Louvre. The painting was lent to the Fries "
                     "Museum in Leeuwarden. All 15 days at Fukuoka Kokusai "
                     "Center had sold out."))
    assert got.get("Hong Kong Palace Museum") == {"ORG"}, got
    assert got.get("Fries Museum") == {"LOC"}, got
    assert got.get("Fukuoka Kokusai Center") and \
        "ORG" not in got["Fukuoka Kokusai Center"], got


def test_publishers_and_shipowners_by_their_words_in_other_languages():
    got = labels(run("Forlaget Nordlys published the novel. Her German "
                     "publisher, Frankfurter Verlagsanstalt, sold rights to "
                     "eleven countries. She chaired Holm Rederi for twenty "
                     "years."))
    for name in ("Forlaget Nordlys", "Frankfurter Verlagsanstalt",
                 "Holm Rederi"):
        assert got.get(name) == {"ORG"}, (name, got)


def test_firms_in_apposition_to_what_they_are():
    got = labels(run("Her American publisher, Knopf, printed 300,000 copies. "
                     "The group's publisher, Rupert Murdoch, said little."))
    assert got.get("Knopf") == {"ORG"}, got
    assert got.get("Rupert Murdoch") == {"PERSON"}, got


def test_firms_listed_after_such_as():
    got = labels(run("Firms such as Skyeton and Ukrspecsystems have grown "
                     "fast. A crop of start-ups, from Twiga to Lipa Later, "
                     "is raising money. It played with other clubs from "
                     "Northern Norway."))
    for name in ("Skyeton", "Ukrspecsystems", "Twiga", "Lipa Later"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert "ORG" not in got.get("Northern Norway", set()), got


def test_places_armies_took_old_names_and_polities():
    got = labels(run("Hernán Cortés entered Tenochtitlan in November 1519. "
                     "Hammurabi conquered Larsa and Eshnunna. Police "
                     "captured Maria and John. It was refounded as "
                     "Constantinople (now Istanbul). The revolt broke out in "
                     "the Viceroyalty of Peru in 1780. In 1989 students "
                     "marching in Prague were beaten by police."))
    for name in ("Tenochtitlan", "Larsa", "Eshnunna", "Constantinople",
                 "Istanbul", "Viceroyalty of Peru", "Prague"):
        assert got.get(name) == {"GPE"}, (name, got)
    assert got.get("Maria") == {"PERSON"}, got


def test_ruins_of_a_town_and_gods_named_by_their_nouns():
    got = labels(run("It stands beside the ruins of Karakorum, capital of the "
                     "Mongol Empire. The god Thor carried a hammer."))
    assert got.get("Karakorum") == {"GPE"}, got
    assert got.get("Thor") == {"PERSON"}, got


def test_airlines_named_air_and_a_place():
    got = labels(run("His childhood home is now a museum. Air Greenland "
                     "flights arrive from Nuuk and Kangerlussuaq."))
    assert got.get("Air Greenland") == {"ORG"}, got
    assert got.get("Nuuk") == {"GPE"}, got


def test_where_residents_live_is_a_place():
    # "residents of X", "a resident of X", "X residents": a place, however
    # much the name looks like a person's
    got = labels(run("Residents of Kranti Nagar said they had received "
                     "notices only four days earlier. \"It is cold,\" said "
                     "Gulnaz Bibi, a resident of Killi Ismail. Windhoek "
                     "residents queued for water."))
    for name in ("Kranti Nagar", "Killi Ismail", "Windhoek"):
        assert got.get(name) in ({"GPE"}, {"LOC"}), (name, got)
    assert got.get("Gulnaz Bibi") == {"PERSON"}, got


def test_a_name_known_as_another_takes_its_kind():
    # the name that another renames is of its kind
    got = labels(run("The Indonesian Forum for the Environment, known as "
                     "Walhi, has filed a complaint with the court."))
    assert got.get("Walhi") == {"ORG"}, got
    # but not the place a phrase ends in: the mission is renamed, not the
    # country
    got = labels(run("The council extended its peacekeeping mission in "
                     "South Sudan, known as UNMISS, for another year."))
    assert got.get("UNMISS") == {"ORG"}, got


def test_firms_after_their_trade_and_shares_in_them():
    # a firm named like a person, right after its trade, when no given name
    # opens it; the film maker stays a person
    got = labels(run("Auto parts maker Kawada Seiki cut its profit forecast. "
                     "Surabaya-based snack maker Kacang Jaya plans to list "
                     "its shares. The film maker Steven Spielberg said he was "
                     "delighted."))
    assert got.get("Kawada Seiki") == {"ORG"}, got
    assert got.get("Kacang Jaya") == {"ORG"}, got
    assert got.get("Steven Spielberg") == {"PERSON"}, got
    # "Shares in X" opening a sentence; not a nationality after it
    got = labels(run("Shares in Kalahari Fresh slumped 22% on Monday. Shares "
                     "of Taiwanese supplier TSMC also hit a record."))
    assert got.get("Kalahari Fresh") == {"ORG"}, got
    assert got.get("Taiwanese") == {"NORP"}, got


def test_town_clubs_by_their_managers_and_venues_by_their_words():
    # a town before its manager, coach or captain is its club; a country's
    # coach leads a national side, which stays a place
    got = labels(run("The Football Association has charged Wrexham manager "
                     "Phil Parkinson. \"He always wants the ball,\" Brighton "
                     "head coach Fabian Hürzeler said. Wales coach Steve "
                     "Tandy said his players were tired."))
    assert got.get("Wrexham") == {"ORG"}, got
    assert got.get("Brighton") == {"ORG"}, got
    assert got.get("Wales") in ({"GPE"}, {"LOC"}), got
    # a dome, a speedway, a velodrome: places
    got = labels(run("More than 350,000 people were at the Indianapolis "
                     "Motor Speedway. The Hawks won Game 5 at Mizuho PayPay "
                     "Dome, and he rode alone into the Roubaix Velodrome."))
    for name in ("Indianapolis Motor Speedway", "Mizuho PayPay Dome",
                 "Roubaix Velodrome"):
        assert got.get(name) == {"LOC"}, (name, got)


def test_a_town_before_its_mayor_is_the_place():
    # the town's council named later makes the tagger read the town as an
    # organisation; before a title it is the place
    got = labels(run("Freetown Mayor Yvonne Aki-Sawyerr has launched a drive "
                     "to plant a million trees. The Freetown City Council "
                     "said volunteers would start in the eastern wards."))
    assert got.get("Freetown") == {"GPE"}, got
    assert got.get("Freetown City Council") == {"ORG"}, got
    got = labels(run("Nairobi Governor Johnson Sakaja said the Nairobi City "
                     "County would hire 500 nurses."))
    assert got.get("Nairobi") == {"GPE"}, got


def test_firms_listed_after_their_trade_provinces_and_renamed_bodies():
    # two names or more right after a plural of firms are firms; people
    # listed after "rivals" stay people
    got = labels(run("CADE approved the merger of pet store chains Petz and "
                     "Cobasi on Wednesday. Political rivals Anna Kask and "
                     "Ben Ots met on Friday."))
    assert got.get("Petz") == {"ORG"}, got
    assert got.get("Cobasi") == {"ORG"}, got
    assert got.get("Anna Kask") == {"PERSON"}, got
    # a name before "provincial" or "municipal" is the province's or town's
    got = labels(run("The Quang Ninh provincial people's committee gave the "
                     "hotels a week to comply."))
    assert got.get("Quang Ninh") == {"GPE"}, got
    # a body's noun renamed ("known as") names a body
    got = labels(run("The vote of the monetary policy committee, known as "
                     "Copom, was unanimous."))
    assert got.get("Copom") == {"ORG"}, got


def test_markets_courses_and_a_state_after_the_sentences_the():
    # where people trade or play golf is a place
    got = labels(run("Marketeers at Soweto Market staged a sit-in. He won by "
                     "two strokes at Houghton Golf Club on Sunday."))
    assert got.get("Soweto Market") == {"LOC"}, got
    assert got.get("Houghton Golf Club") == {"LOC"}, got
    # "The" opening a sentence is no part of a state's name
    got = labels(run("BHUBANESWAR: The Odisha government has evacuated more "
                     "than 80,000 people."))
    assert got.get("Odisha") == {"GPE"}, got
    assert "The Odisha" not in got, got


def test_places_by_their_words_in_other_languages():
    # a wadi, a kampung, a nagar, a chowk, a town's quarter: places, not
    # the people the tagger took them for
    got = labels(run("Flash floods swept through Wadi Shawka on Tuesday. "
                     "Residents of Kampung Melayu fled. Stray dogs removed "
                     "from Lajpat Nagar were vaccinated, and homes in Jinnah "
                     "Town were left without heating."))
    for name in ("Wadi Shawka", "Kampung Melayu", "Lajpat Nagar",
                 "Jinnah Town"):
        assert got.get(name) in ({"GPE"}, {"LOC"}), (name, got)
    # the sentence's "Residents of" is no part of the place
    got = labels(run("SANTO DOMINGO — Residents of Los Guandules say the new "
                     "park has flooded twice."))
    assert got.get("Los Guandules") == {"GPE"}, got
    # a municipality that acts is the body; a king's title stays outside
    got = labels(run("KUWAIT CITY — The Kuwait Municipality has ordered the "
                     "removal of unlicensed food trucks. The Ataoja of "
                     "Osogbo, Oba Jimoh Olanipekun, offered prayers."))
    assert got.get("Kuwait Municipality") == {"ORG"}, got
    assert got.get("Jimoh Olanipekun") == {"PERSON"}, got


def test_sites_before_their_noun_places_possessive_and_bodies_called():
    # a mine, a refinery, a field named before its noun is a place; not a
    # firm the lists know, nor a nationality
    got = labels(run("Copper output rose 13%, helped by its Salobo mine. The "
                     "group hired a contractor to upgrade the Mina Abdullah "
                     "refinery. It left a Japanese smelter venture, and the "
                     "Ford plant will reopen."))
    assert got.get("Salobo") in ({"GPE"}, {"LOC"}), got
    assert got.get("Mina Abdullah") in ({"GPE"}, {"LOC"}), got
    assert got.get("Japanese") == {"NORP"}, got
    assert got.get("Ford") == {"ORG"}, got
    # a place's possessive is no part of its name
    got = labels(run("Chief executive Maxime Saada said the deal made the "
                     "group Africa’s largest pay-TV company."))
    assert got.get("Africa") == {"LOC"}, got
    assert "Africa’s" not in got, got
    # a watchdog's name; a business called so
    got = labels(run("BRASÍLIA — Brazil’s antitrust watchdog CADE approved "
                     "the merger. Continental will list its automotive parts "
                     "business, called Aumovio, in Frankfurt."))
    assert got.get("CADE") == {"ORG"}, got
    assert got.get("Aumovio") == {"ORG"}, got


def test_names_in_their_own_language_and_clubs_of_a_career():
    # a name in brackets after its language's name is of the kind of the
    # name before it, which the sentence after the brackets defines; a
    # person's dates in brackets change nothing
    got = labels(run("Tanaka Lacquerware (Japanese: Tanaka Shikki) is a "
                     "lacquerware maker in Wajima. Moravec Glassworks (Czech: "
                     "Sklárna Moravec) is a glass manufacturer in Nový Bor."))
    assert got.get("Tanaka Lacquerware") == {"ORG"}, got
    assert got.get("Tanaka Shikki") == {"ORG"}, got
    assert got.get("Sklárna Moravec") == {"ORG"}, got
    assert got.get("Czech") in ({"NORP"}, {"MISC"}), got
    got = labels(run("Heinrich Strasser (1910–1998) was an Austrian ski "
                     "maker."))
    assert got.get("Heinrich Strasser") == {"PERSON"}, got
    # the towns of a footballer's career are its clubs
    got = labels(run("He is a Brazilian footballer who plays as a winger for "
                     "Ceará. He came through the youth system of Bahia. He "
                     "played for Lecce, Bari and Torino, and later coached "
                     "Giresunspor."))
    for name in ("Ceará", "Bahia", "Lecce", "Bari", "Torino", "Giresunspor"):
        assert got.get(name) == {"ORG"}, (name, got)
    # a track is no person
    got = labels(run("She won the two-man bobsleigh on Tuesday on the rebuilt "
                     "Eugenio Monti Track."))
    assert got.get("Eugenio Monti Track") in ({"GPE"}, {"LOC"}), got


def test_saints_schools_firms_taken_over_and_chiefs_titles():
    # a saint's name, "'s" and a school's name are one school
    got = labels(run("She attended St. Patrick’s High School, where she was "
                     "coached by Brother Colm O'Connell."))
    assert got.get("St. Patrick’s High School") == {"ORG"}, got
    # what a firm is absorbed into or taken over by is a firm; not a
    # nationality before the buyer
    got = labels(run("In 1984 it was absorbed into Toyoda Precision. What "
                     "remained was taken over by Norddeutscher Lloyd in "
                     "1926. Hartwell agreed to be bought by Danish rival "
                     "Bestseller."))
    assert got.get("Toyoda Precision") == {"ORG"}, got
    assert got.get("Norddeutscher Lloyd") == {"ORG"}, got
    assert got.get("Danish") == {"NORP"}, got
    # a Fijian chief's title stays outside his name
    got = labels(run("Ratu Josefa Vuniwaqa (born 1958) is a Fijian "
                     "politician."))
    assert got.get("Josefa Vuniwaqa") == {"PERSON"}, got


def test_bodies_founded_stores_and_seats():
    # what one co-founded is a body, not a religion or a place
    got = labels(run("She studied at Vilnius University and was a co-founder "
                     "of Sąjūdis in 1988. Guru Nanak is regarded as the "
                     "founder of Sikhism."))
    assert got.get("Sąjūdis") == {"ORG"}, got
    assert got.get("Sikhism") != {"ORG"}, got
    # the seat one holds is a place
    got = labels(run("He was a member of the Senedd for Ceredigion from 1999 "
                     "to 2016."))
    assert got.get("Ceredigion") in ({"GPE"}, {"LOC"}), got
    # a department store's name is a firm's
    got = labels(run("The bowls are sold at the department store Mitsukoshi "
                     "in Nihonbashi."))
    assert got.get("Mitsukoshi") == {"ORG"}, got


def test_a_persons_other_name_after_the_dates():
    # "known as" past the brackets of a person's dates
    got = labels(run("Kim Min-seo (born 1996), known mononymously as Minseo, "
                     "is a South Korean singer."))
    assert got.get("Minseo") == {"PERSON"}, got


def test_a_rugby_players_club_by_his_position():
    got = labels(run("He plays as a lock for Montauban."))
    assert got.get("Montauban") == {"ORG"}, got


def test_stock_indexes_are_misc_names():
    # as CoNLL marks the Nikkei and the Dow; the firms named alike stay
    got = labels(run("The Ibovespa closed up 0.8%. The Sensex closed up 0.5%, "
                     "while the broader TAIEX gained 0.9% and the KOSPI was "
                     "flat. Hang Seng Bank said profits rose."))
    for name in ("Ibovespa", "Sensex", "TAIEX", "KOSPI"):
        assert got.get(name) == {"MISC"}, (name, got)
    assert got.get("Hang Seng Bank") == {"ORG"}, got


def test_currencies_shares_exchanges_and_where_mills_stand():
    # a currency is a MISC name, as CoNLL marks "HK$"
    got = labels(run("Ghana raised the farmgate price to 2,800 CFA francs per "
                     "kilogram."))
    assert got.get("CFA") == {"MISC"}, got
    # a firm's shares and a firm's exchange; a mill's town
    got = labels(run("Only 25.5% of Sabadell shares were tendered. Salmon "
                     "prices on the Fish Pool exchange have dropped. UPM will "
                     "close a paper mill at Jämsänkoski."))
    assert got.get("Sabadell") == {"ORG"}, got
    assert got.get("Fish Pool") == {"ORG"}, got
    assert got.get("Jämsänkoski") in ({"GPE"}, {"LOC"}), got


def test_rupees_and_quarters_of_other_languages():
    # "Rs" before a sum is money, no place; a barangay is a place
    got = labels(run("Residents had been buying water from tankers at Rs "
                     "6,000 a load. \"We lost everything,\" said Marites "
                     "Villarosa, 41, of Barangay Lorega San Miguel."))
    assert got.get("Rs") in (None, {"MISC"}), got  # money: no place
    assert got.get("Barangay Lorega San Miguel") in ({"GPE"}, {"LOC"}), got


def test_subsidiaries_included_and_a_province_between_town_and_country():
    # names listed after "include" where a plural of firms stands before
    got = labels(run("Its subsidiaries include Taobao, Tmall and the payments "
                     "affiliate Ant Group."))
    for name in ("Taobao", "Tmall"):
        assert got.get(name) == {"ORG"}, (name, got)
    # a province between a town and its country is a place, and the name in
    # brackets after "Chinese:" is of the firm's kind
    got = labels(run("Wanshou Porcelain (Chinese: Wanshou Ciqi) is a "
                     "porcelain maker in Jingdezhen, Jiangxi, China. In 1958 "
                     "the workshop was merged into the state-run Jingdezhen "
                     "Porcelain Factory."))
    assert got.get("Jiangxi") == {"GPE"}, got
    assert got.get("Wanshou Ciqi") == {"ORG"}, got


def test_place_possessives_after_a_noun_and_clubs_after_a_known_club():
    # a place's possessive after "the group" is the place's, not the group's
    # name
    got = labels(run("The merger makes the group Europe’s biggest brewer."))
    assert got.get("Europe") == {"LOC"}, got
    # a list of clubs goes on after one the tagger knew as a club
    got = labels(run("He later coached Anderlecht, Genk and Brugge."))
    for name in ("Anderlecht", "Genk", "Brugge"):
        assert got.get(name) == {"ORG"}, (name, got)
    # ordinary words in careless text are no names, and titles alone are
    # none either
    got = labels(run("me and my brother drove to denver last week. we bought "
                     "a turkey and some china for mom"))
    assert got == {"denver": {"GPE"}}, got
    got = labels(run("Datuk Seri Fadzil Abdul Rahman said so."))
    assert got == {"Fadzil Abdul Rahman": {"PERSON"}}, got
    # a US state's abbreviation after a town is a place, with its full stop,
    # even where the tagger ran on into the next name
    got = labels(run("WESTPORT, Conn., Feb 26 - The fund declared a "
                     "dividend. Based in Elkhart, Ind., Schult is the "
                     "largest maker."))
    assert got.get("Conn.") == {"GPE"}, got
    assert got.get("Ind.") == {"GPE"}, got
    assert got.get("Schult") == {"ORG"}, got


def test_no_name_opens_with_a_stop_and_glued_names_stay_whole():
    # casual text: the tagger takes "LMAO. lol" or "DVD. keep" for a name;
    # the word the rules strip leaves no ". lol" behind
    for text in ("Best tacos in town, LMAO. lol! you should try the fish ones",
                 "Turn the old tapes into DVD. keep them safe.",
                 "Copy it onto a DVD. give it to your mom or throw it out.",
                 "ever heard of this glaze.? ...Nah and I am fine with that"):
        got = labels(run(text))
        assert got == {}, (text, got)
    # an abbreviation written together with the rest is part of the name
    got = labels(run("The ID.3 and the ID.7 sold well, and the CPI(M) lost "
                     "the city."))
    assert got.get("ID.3") == {"MISC"} and got.get("ID.7") == {"MISC"}, got
    assert got.get("CPI(M)") == {"ORG"}, got


def test_a_name_joined_to_a_word_by_a_hyphen_is_the_name():
    # as the Universal NER guidelines (and MUC, and OntoNotes) mark it:
    # the place of "Zurich-based", not the whole word
    text = ("A Zürich-based insurer bought the New Jersey-based courier on "
            "Monday. The deal needs approval in Zürich. US-led talks with "
            "the Kremlin-backed channel stalled. The Russian-born chief said "
            "the bonds were cut to AA-minus. Post-mortem results are due.")
    res = run(text)
    got = {(m["text"], m["label"]) for m in res["mentions"]}
    assert ("New Jersey", "GPE") in got and ("US", "GPE") in got, got
    assert ("Kremlin", "ORG") in got, got
    zurich = [m for m in res["mentions"] if m["text"] == "Zürich"]
    assert len(zurich) == 2 and {m["label"] for m in zurich} == {"GPE"}, got
    # code-point offsets, and one entity for both mentions
    assert text[zurich[0]["start"]:zurich[0]["end"]] == "Zürich"
    assert zurich[0]["entity"] == zurich[1]["entity"]
    # a nationality, a rating and an ordinary word are no names
    names = {t for t, lab in got if lab in ("PERSON", "ORG", "GPE", "LOC")}
    assert not names & {"Russian", "AA", "Post"}, got


def test_two_names_joined_by_a_hyphen_or_a_slash_are_two():
    text = ("The Israel-Hamas war and the US-China talks overshadowed the "
            "Renault-Nissan meeting. Rolls-Royce flew to Guinea-Bissau, and "
            "Al-Jazeera reported from Baden-Württemberg on the Québec-Ontario "
            "border.")
    res = run(text)
    got = {(m["text"], m["label"]) for m in res["mentions"]}
    for pair in (("Israel", "GPE"), ("Hamas", "ORG"), ("US", "GPE"),
                 ("China", "GPE"), ("Guinea-Bissau", "GPE"),
                 ("Baden-Württemberg", "GPE"), ("Rolls-Royce", "ORG"),
                 ("Québec", "GPE"), ("Ontario", "GPE")):
        assert pair in got, (pair, got)
    # code-point offsets of both names, "Ontario" after "Québec-"
    for m in res["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"], m
    assert not {t for t, _ in got} & {"Al", "Jazeera", "Rolls", "Guinea"}, got
    # and so are two names parted by a slash between spaces
    got = labels(run("She spent ten years at Siemens / Alstom before joining "
                     "AC/DC as a manager."))
    assert got.get("Siemens") == {"ORG"} and got.get("Alstom") == {"ORG"}, got
    assert got.get("AC/DC") == {"ORG"}, got


def test_places_before_a_noun_of_areas_and_names_with_their_apostrophe():
    got = labels(run("Rain fell across the remote Murchison district and the "
                     "Takeo province. Air strikes by the Saudi Arabia-led "
                     "coalition continued. In St. John's, the mayor spoke; "
                     "Macy's and St. George's reopened."))
    # a word that may be a person's name, before a noun of areas: a place
    assert got.get("Murchison") == {"GPE"} and got.get("Takeo") == {"GPE"}, got
    # the nationality the tagger split off belongs to the place
    assert got.get("Saudi Arabia") == {"GPE"} and "Saudi" not in got, got
    # a list's name that ends in "'s" keeps it
    assert got.get("St. John's") == {"GPE"}, got
    assert got.get("St. George's") == {"GPE"}, got
    assert got.get("Macy's") == {"ORG"}, got
    # two streets joined by "and" are two places
    got = labels(run("The council backed a bus lane along 8th Street and "
                     "College Drive, next to the Red Crescent office."))
    assert got.get("8th Street") == {"LOC"}, got
    assert got.get("College Drive") == {"LOC"}, got


def test_directions_hyphenated_titles_and_names_with_the_same_first_word():
    got = labels(run("The Kaokoveld is a remote region in north-western "
                     "Namibia. It was named after the Governor-General of "
                     "India, Lord Canning. The network runs provincial "
                     "stations such as Radio Morobe and Radio Manus."))
    # a compass word in lower case is no place (Zambia's "North-Western")
    assert "north-western" not in got and got.get("Namibia") == {"GPE"}, got
    # titles joined by a hyphen, "of" and a place: the place
    assert got.get("India") == {"GPE"}, got
    assert "Governor-General of India" not in got, got
    assert got.get("Radio Morobe") == {"ORG"}, got
    assert got.get("Radio Manus") == {"ORG"}, got


def test_a_name_defined_as_a_work_is_no_person_or_place():
    for text, name in (("Touki Bouki is a 1973 Senegalese film written and "
                        "directed by Djibril Diop Mambéty.", "Touki Bouki"),
                       ("Chevengur is a novel by the Soviet writer Andrei "
                        "Platonov.", "Chevengur"),
                       ("Lua is a lightweight scripting language created in "
                        "1993.", "Lua")):
        got = labels(run(text))
        assert got.get(name) == {"MISC"}, (text, got)
    # a trade after someone else's possessive defines no name
    got = labels(run("The hall is decorated with frescoes of the Trojan War, "
                     "the site's director, Gaia Ricci, said."))
    assert got.get("Trojan War") == {"MISC"}, got
    assert got.get("Gaia Ricci") == {"PERSON"}, got


def test_a_name_before_a_noun_of_sites_is_the_site():
    got = labels(run("Protesters blocked the road to the Las Bambas copper "
                     "mine. Activists danced outside the Lalit hotel, and "
                     "at the Ramon Llull school officers broke down the door."))
    for name in ("Las Bambas", "Lalit", "Ramon Llull"):
        assert got.get(name) == {"LOC"}, (name, got)
    # a plural noun of places before "of": "the islands of", "the mining
    # towns of"
    got = labels(run("People were taken by boat to the larger islands of "
                     "Espiritu Santo and Maewo."))
    assert got.get("Espiritu Santo") == {"GPE"}, got


def test_a_person_after_a_title_and_a_short_word_that_is_an_acronym():
    # "Gao" is the GAO to the lists only in capitals: "Gao Ming" is a
    # person; "Kia Motors" stays a firm by its last word
    got = labels(run("Gao Ming said the talks would go on. Kia Motors "
                     "said sales rose."))
    assert got.get("Gao Ming") == {"PERSON"}, got
    assert got.get("Kia Motors") == {"ORG"}, got
    got = labels(run("The Tang army under General Gao Xianzhi was "
                     "defeated."))
    assert got.get("Gao Xianzhi") == {"PERSON"}, got
    # a title's words of a body are no person's: "Major League Baseball"
    got = labels(run("Major League Baseball said the season would start "
                     "late."))
    assert got.get("Major League Baseball") == {"ORG"}, got


def test_what_a_firm_is_called_and_who_publishes_a_work():
    got = labels(run("The carmaker Mazda, previously called Toyo Kogyo, is "
                     "its largest shareholder. The group publishes the "
                     "sports daily Olé. A translation was published by "
                     "Ardis in 1978, and the pamphlet was published by "
                     "Thomas Paine."))
    assert got.get("Toyo Kogyo") == {"ORG"}, got
    assert got.get("Olé") == {"ORG"}, got
    assert got.get("Ardis") == {"ORG"}, got
    assert got.get("Thomas Paine") == {"PERSON"}, got
    # a publisher "of" what it publishes defines the name before it
    got = labels(run("Ardis was an American publisher of Russian "
                     "literature."))
    assert got.get("Ardis") == {"ORG"}, got


def test_pairs_with_one_last_word_titles_before_bin_and_founded_firms():
    got = labels(run("Local train services on the Central Railway and "
                     "Western Railway were suspended. The fort was "
                     "completed by Imam Sultan bin Saif al-Yaarubi."))
    assert got.get("Central Railway") == {"ORG"}, got
    assert got.get("Western Railway") == {"ORG"}, got
    assert got.get("Sultan bin Saif al-Yaarubi") == {"PERSON"}, got
    got = labels(run("Inglot was founded in 1983 by the chemist Wojciech "
                     "Inglot. Rome was founded in 753 BC."))
    assert got.get("Inglot") == {"ORG"}, got
    assert got.get("Wojciech Inglot") == {"PERSON"}, got
    assert got.get("Rome") == {"GPE"}, got


def test_fashion_houses_and_sites_by_their_last_word():
    got = labels(run("The fashion house Balmain said sales fell. The Kalyan "
                     "Minaret in Bukhara was built in 1127. The National "
                     "Chambal Sanctuary was set up in 1979."))
    assert got.get("Balmain") == {"ORG"}, got
    assert got.get("Kalyan Minaret") == {"LOC"}, got
    assert got.get("National Chambal Sanctuary") == {"LOC"}, got


def test_what_context_makes_a_given_name_stays_made():
    # the founder's body, a typhoon's other name, a site by its noun: a
    # given name ("Lotte", "Haiyan", "Clayton") keeps the type the words
    # around it gave it
    got = labels(run("He was a younger brother of the founder of Lotte. "
                     "Typhoon Yolanda, known internationally as Haiyan, "
                     "killed more than 6,000 people. Phoenix was forced to "
                     "close the Clayton mill last month."))
    assert got.get("Lotte") == {"ORG"}, got
    assert got.get("Haiyan") == {"MISC"}, got
    assert got.get("Clayton") in ({"GPE"}, {"LOC"}), got


def test_a_firm_of_ordinary_words_after_a_noun_that_says_so():
    got = labels(run("In 1987 the British label World Circuit reissued the "
                     "album. The mine cooperates with the Canadian firm "
                     "First Majestic. The firm, Oasis Homes, had promised "
                     "delivery in 2020."))
    assert got.get("World Circuit") == {"ORG"}, got
    assert got.get("First Majestic") == {"ORG"}, got
    assert got.get("Oasis Homes") == {"ORG"}, got


def test_stade_and_a_town_adjective_is_a_club():
    got = labels(run("Stade Rennais beat Lille 2-0, and the Stade Brestois "
                     "qualified for the Champions League. The final was "
                     "played at the Stade Vélodrome."))
    assert got.get("Stade Rennais") == {"ORG"}, got
    assert got.get("Stade Brestois") == {"ORG"}, got
    assert got.get("Stade Vélodrome") == {"LOC"}, got


def test_nouns_of_places_before_of_and_peoples_after_them():
    got = labels(run("Lijiang was for centuries the main town of the Naxi "
                     "people. Only the cantons of German-speaking "
                     "Switzerland voted against it."))
    assert got.get("Naxi") == {"NORP"}, got
    assert got.get("German-speaking") == {"MISC"}, got
    assert got.get("Switzerland") == {"GPE"}, got


def test_names_listed_after_a_plural_noun_of_places_or_people():
    got = labels(run("Fishing towns such as Moynaq were left far from the "
                     "water. Cantons such as Appenzell Innerrhoden and "
                     "Obwalden voted against it. Footballers such as Evair "
                     "and Careca scored freely."))
    assert got.get("Moynaq") == {"GPE"}, got
    assert got.get("Appenzell Innerrhoden") == {"GPE"}, got
    assert got.get("Evair") == {"PERSON"}, got
    assert got.get("Careca") == {"PERSON"}, got
    # investors and market players may be firms
    got = labels(run("It raised 4 million euros from investors including "
                     "SmartCap and a Finnish pension fund."))
    assert got.get("SmartCap") != {"PERSON"}, got


def test_what_firms_buy_own_and_build_and_a_state_before_government():
    got = labels(run("Éditions Gallimard acquired Flammarion from the "
                     "Italian group RCS MediaGroup in 2012. After the "
                     "merger, Hokuriku Shimbun took over "
                     "the printing plant. The stadium stands close to the "
                     "old Harland and Wolff shipyard. The team was funded by "
                     "the Abia State government."))
    assert got.get("Flammarion") == {"ORG"}, got
    assert got.get("Hokuriku Shimbun") == {"ORG"}, got
    assert got.get("Harland and Wolff") == {"ORG"}, got
    assert got.get("Abia State") in ({"GPE"}, {"LOC"}), got


def test_the_last_two_names_of_a_list_are_two():
    got = labels(run("The group runs supermarket chains such as Albert "
                     "Heijn, Food Lion and Stop & Shop."))
    for name in ("Albert Heijn", "Food Lion", "Stop & Shop"):
        assert got.get(name) == {"ORG"}, (name, got)


def test_x_as_a_medium_fintechs_and_people_defined_by_a_noun():
    got = labels(run("President Gustavo Petro wrote on X that the ruling "
                     "was an attack. A Lagos-based fintech, Moniepoint, "
                     "has raised $110 million. Tinotenda Moyo, a pupil at "
                     "Milton Junior School, won the spelling bee. "
                     "Etchmiadzin Cathedral is the mother church of the "
                     "Armenian Apostolic Church."))
    assert got.get("X") == {"MISC"}, got
    assert got.get("Moniepoint") == {"ORG"}, got
    assert got.get("Tinotenda Moyo") == {"PERSON"}, got
    assert got.get("Etchmiadzin Cathedral") == {"LOC"}, got


def test_a_place_and_a_name_after_a_preposition_of_place():
    got = labels(run("The companies will build towers in remote parts of "
                     "Palawan and Samar, the companies said. Two "
                     "Republicans, Larry Craig of Idaho and Beau Bolter of "
                     "Texas, introduced the bill."))
    assert got.get("Samar") == {"GPE"}, got
    assert got.get("Beau Bolter") == {"PERSON"}, got


def test_a_maker_named_after_its_founder_is_a_firm():
    got = labels(run("Sennheiser, the German headphone maker named after "
                     "founder Fritz Sennheiser, sold its consumer arm to a "
                     "rival in 2022."))
    assert got.get("Sennheiser") == {"ORG"}, got


def test_a_name_before_family_is_a_persons_not_a_products():
    got = labels(run("Dagens Nyheter is owned by the Bonnier family. The "
                     "company later built the E-Jet family."))
    assert got.get("Bonnier") == {"PERSON"}, got
    assert got.get("E-Jet") != {"PERSON"}, got


def test_a_town_that_seals_promotion_is_its_club():
    got = labels(run("MILAN, Italy — Como sealed promotion to Serie A on "
                     "Friday."))
    assert got.get("Como") == {"ORG"}, got
    assert got.get("Italy") == {"GPE"}, got


def test_a_rulers_title_alone_is_no_name():
    got = labels(run("In 1253 Mindaugas was crowned King of Lithuania, but "
                     "within a decade the King had renounced the faith. "
                     "The garrison owed loyalty to the Sultan alone, and "
                     "Ogedei was elected Great Khan."))
    assert got.get("Lithuania") == {"GPE"}, got
    assert not {"King", "Sultan", "Great Khan", "Khan"} & set(got), got


def test_a_leader_named_after_a_possessive_is_a_person():
    got = labels(run("The rebels seized power in Belgrade. Their leader, "
                     "Karađorđe, was a livestock dealer. The city fell to "
                     "the Inca, and its last ruler, Minchançaman, was taken "
                     "to Cusco."))
    assert got.get("Karađorđe") == {"PERSON"}, got
    assert got.get("Minchançaman") == {"PERSON"}, got


def test_places_by_the_words_before_them():
    got = labels(run("Production of the liquorice remains in Vaajakoski. "
                     "Mount Lewotobi Laki-laki erupted again on Sunday. "
                     "Drivers blocked Jalan Medan Merdeka Barat for hours. "
                     "Thousands travelled from across Kasaï-Central. The "
                     "monastery of Debre Damo is reached by rope, and Uri "
                     "Castle was the seat of the kings of Ryukyu."))
    for name in ("Vaajakoski", "Mount Lewotobi Laki-laki",
                 "Jalan Medan Merdeka Barat", "Kasaï-Central", "Debre Damo",
                 "Ryukyu"):
        assert got.get(name) in ({"GPE"}, {"LOC"}), (name, got)
    assert "Central" not in got, got


def test_churches_of_a_denomination_and_firms_by_their_words():
    got = labels(run("Reverend Sun Myung-hee of the Presbyterian Church of "
                     "Korea led the prayer. The Turkish group is controlled "
                     "by the Koç Holding family conglomerate. Based in "
                     "Elkhart, Ind., Schult is the largest maker."))
    assert got.get("Presbyterian Church of Korea") == {"ORG"}, got
    assert got.get("Koç Holding") == {"ORG"}, got
    assert got.get("Schult") == {"ORG"}, got


def test_two_words_joined_by_a_bare_slash_are_one_name():
    got = labels(run("AC/DC played two nights in Sydney. Talks on the "
                     "US/Mexico border resumed."))
    assert got.get("AC/DC") == {"ORG"}, got
    assert got.get("US") == {"GPE"} and got.get("Mexico") == {"GPE"}, got


def test_a_club_of_its_town_is_two_names():
    got = labels(run("Club Olimpia of Asunción have won the league more "
                     "than forty times. The Bank of England held rates."))
    assert got.get("Club Olimpia") == {"ORG"}, got
    assert got.get("Asunción") == {"GPE"}, got
    assert got.get("Bank of England") == {"ORG"}, got


def test_a_towns_club_by_what_players_do_for_it():
    got = labels(run("He was loaned to Mechelen for the second half of the "
                     "season. He later played club rugby for Bayonne. Ryan "
                     "Mahoney kicked eleven points for Kerry. Rahul "
                     "Deshpande captained Vidarbha to the title."))
    for name in ("Mechelen", "Bayonne", "Kerry", "Vidarbha"):
        assert got.get(name) == {"ORG"}, (name, got)


def test_firms_one_starts_news_agencies_and_firms_after_their_town():
    got = labels(run("Ana Herrera left Mercado Libre in 2016 to start "
                     "Cosecha, which lends to farmers. Cosecha raised $12 "
                     "million. The count was reported by the Tasnim news "
                     "agency. The Iranian news agency IRNA agreed. Banco "
                     "Pichincha and the Quito start-up Kushki built a link. "
                     "Its president, Maulana Arshad Madani, said so."))
    assert got.get("Cosecha") == {"ORG"}, got
    assert got.get("Tasnim") == {"ORG"}, got
    assert got.get("Iranian") == {"NORP"}, got
    assert got.get("Quito") == {"GPE"} and got.get("Kushki") == {"ORG"}, got
    assert got.get("Arshad Madani") == {"PERSON"}, got


def test_storms_named_so_museums_that_act_and_malay_hills():
    got = labels(run("A hurricane named Melissa swept across Jamaica. The "
                     "Shanghai Museum lent 120 bronzes to the British "
                     "Museum. Local people call the hill Bukit Siguntang."))
    assert got.get("Melissa") == {"MISC"}, got
    assert got.get("Shanghai Museum") == {"ORG"}, got
    assert got.get("Bukit Siguntang") == {"LOC"}, got


def test_people_by_their_trade_kin_and_titles():
    got = labels(run("Teva Tehei is a surfer from Teahupo'o. Annemieke de "
                     "Vries is a Dutch speed skater. Ustaz Kamal Ibrahim "
                     "taught Arabic. She learned the craft from her "
                     "grandmother, Hinemoa, in Ruatoria."))
    for name in ("Teva Tehei", "Annemieke de Vries", "Kamal Ibrahim",
                 "Hinemoa"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert "Ustaz Kamal Ibrahim" not in got, got


def test_towns_where_people_live_and_work():
    got = labels(run("Born in Alexandra, he left school at 15. A Winnipeg "
                     "man has been reunited with his wallet. A Delaware "
                     "judge ruled on Monday. Cerebra, a Montreal start-up, "
                     "was fined. Residents of Whitefield have formed a "
                     "group."))
    for name in ("Alexandra", "Winnipeg", "Delaware", "Montreal",
                 "Whitefield"):
        assert got.get(name) == {"GPE"}, (name, got)
    assert got.get("Cerebra") == {"ORG"}, got


def test_eponyms_of_illnesses_and_places_by_their_first_or_last_word():
    got = labels(run("The drug slowed early Alzheimer’s disease. An outbreak "
                     "of Legionnaires’ disease hit the suburb. The Hodgkin "
                     "lymphoma rate fell. Ferries leave Isla Colón at dawn, "
                     "and climbers reach Uhuru Peak by noon. Ships queue at "
                     "the Miraflores Locks; the path climbs to the fortress "
                     "of San Giovanni."))
    for name in ("Alzheimer", "Legionnaires", "Hodgkin"):
        assert got.get(name) == {"MISC"}, (name, got)
    for name in ("Isla Colón", "Uhuru Peak", "Miraflores Locks"):
        assert got.get(name) == {"LOC"}, (name, got)
    assert got.get("San Giovanni") == {"GPE"}, got


def test_bodies_after_their_trade_and_people_after_titles():
    got = labels(run("The Argentine publisher Eterna Cadencia bought the "
                     "rights. The gamelan ensemble Kyai Kanjeng toured. "
                     "She trained at a bootcamp run by Andela. The drama "
                     "Joseon Exorcist was cancelled by TV Globo and CD "
                     "Projekt. The syndrome was described by the Japanese "
                     "paediatrician Tomisaku Kawasaki. Governor Abba Kabir "
                     "Yusuf signed it. The Aztec capital Tenochtitlan "
                     "fell."))
    for name in ("Eterna Cadencia", "Kyai Kanjeng", "Andela", "TV Globo",
                 "CD Projekt"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Joseon Exorcist") == {"MISC"}, got
    for name in ("Tomisaku Kawasaki", "Abba Kabir Yusuf"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Tenochtitlan") == {"GPE"}, got


def test_languages_ships_and_works_named_by_the_words_around_them():
    got = labels(run("Its schools hold lessons in Plautdietsch. The Bible "
                     "was translated into Gilbertese. Children were told "
                     "not to speak Tukano or Baniwa. Shot from HMS Ardent "
                     "fell short. Her debut feature, Sable Rouge, won a "
                     "prize. The first season of Detectorists was a hit. "
                     "The ESA dropped the Philae lander."))
    for name in ("Plautdietsch", "Gilbertese", "Tukano", "Baniwa",
                 "HMS Ardent", "Sable Rouge", "Detectorists", "Philae"):
        assert got.get(name) == {"MISC"}, (name, got)


def test_what_one_heads_and_where_shares_are_listed():
    got = labels(run("The head of Wagner, Yevgeny Prigozhin, spoke. Jio "
                     "will list its shares in Mumbai. He was burned at the "
                     "stake in Konstanz. A miner at Merthyr Vale Colliery "
                     "and traders at Dunga Beach objected. The Savings and "
                     "Loan Association of Newport Beach was sold."))
    assert got.get("Wagner") == {"ORG"}, got
    assert got.get("Mumbai") == {"GPE"} and got.get("Konstanz") == {"GPE"}, got
    for name in ("Merthyr Vale Colliery", "Dunga Beach"):
        assert got.get(name) == {"LOC"}, (name, got)
    assert "LOC" not in got.get("Savings and Loan Association of Newport "
                                "Beach", {"ORG"}), got


def test_a_common_word_defined_as_a_firm_and_opera_companies():
    got = labels(run("Sparrow, a Kigali start-up that sells solar lamps, "
                     "raised money. The Metropolitan Opera and the English "
                     "National Opera staged it; The Threepenny Opera did "
                     "not."))
    assert got.get("Sparrow") == {"ORG"}, got
    for name in ("Metropolitan Opera", "English National Opera"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("The Threepenny Opera") == {"MISC"}, got


def test_what_an_owner_or_founder_heads_and_longer_places_before_based():
    got = labels(run("Inditex, the owner of Zara, said sales rose. Wise "
                     "co-founder Kristo Käärmann was fined. Grupo Bimbo, "
                     "the Mexico City-based baker, and the Saudi "
                     "Arabia-led coalition."))
    assert got.get("Zara") == {"ORG"} and got.get("Wise") == {"ORG"}, got
    assert got.get("Mexico City") == {"GPE"}, got
    assert got.get("Saudi Arabia") == {"GPE"}, got
    assert "City-based" not in got and "Mexico" not in got, got


def test_a_towns_side_of_two_words_or_a_regions_before_a_position():
    got = labels(run("St Helens winger Tommy Makinson scored a hat-trick. "
                     "Canterbury batter Chad Bowes made 205. Al Ain "
                     "goalkeeper Khalid Eisa saved three penalties. Brazil "
                     "striker Ronaldo scored."))
    for name in ("St Helens", "Canterbury", "Al Ain"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Brazil") == {"GPE"}, got


def test_a_site_named_after_a_person_and_a_body_defined_by_its_kind():
    got = labels(run("PDVSA restarted a crude upgrader at the José Antonio "
                     "Anzoátegui industrial complex. A fault at the Antonio "
                     "Guiteras power plant in Matanzas cut power. Police "
                     "blamed Los Monos, a gang that rose in the barrios. "
                     "Respublica, a party set up by businessmen, came third. "
                     "Juan Perez, a gang leader, was arrested."))
    for name in ("José Antonio Anzoátegui", "Antonio Guiteras"):
        assert got.get(name) == {"LOC"}, (name, got)
    for name in ("Los Monos", "Respublica"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Juan Perez") == {"PERSON"}, got


def test_honorifics_of_south_and_southeast_asia_stay_outside_names():
    got = labels(run("The accused, Haji Kamarulzaman bin Yusof, 61, pleaded "
                     "not guilty. Khun Prapaporn Siriwat runs a noodle stall. "
                     "Daw Khin Thandar Win was sentenced. Fields will be "
                     "flooded by the Bener Dam, Regent Sumarsih said. Sri "
                     "Mulyani Indrawati and Pak Pong Ju met."))
    for name in ("Kamarulzaman bin Yusof", "Prapaporn Siriwat",
                 "Khin Thandar Win", "Sumarsih", "Sri Mulyani Indrawati",
                 "Pak Pong Ju"):
        assert got.get(name) == {"PERSON"}, (name, got)


def test_quarters_streets_and_grounds_of_south_asia_are_places():
    got = labels(run("The index crossed 450 at Anand Vihar. Police lined "
                     "Dalada Veediya. Elephants paraded at Thekkinkadu Maidan "
                     "in Thrissur. A school in Intan Jaya regency burned."))
    for name in ("Anand Vihar", "Intan Jaya"):
        assert got.get(name) in ({"GPE"}, {"LOC"}), (name, got)
    for name in ("Dalada Veediya", "Thekkinkadu Maidan"):
        assert got.get(name) == {"LOC"}, (name, got)


def test_wire_copy_a_place_before_a_title_and_press_release_lines():
    got = labels(run("BRISBANE, March 25 (AAP) - Queensland Premier David "
                     "Crisafulli has scrapped plans for a stadium. Union "
                     "Minister Ashwini Vaishnaw spoke. By Aigerim Seitkali "
                     "Read more: wheat harvest set to rise.\nSOURCE Marisco "
                     "Labs"))
    assert got.get("Queensland") == {"GPE"}, got
    assert got.get("David Crisafulli") == {"PERSON"}, got
    assert "Union" not in got, got
    assert got.get("Aigerim Seitkali") == {"PERSON"}, got
    assert got.get("Marisco Labs") == {"ORG"}, got
    got = labels(run("“The world is safer today,” WHO Director-General "
                     "Tedros Adhanom Ghebreyesus said."))
    assert got.get("WHO") == {"ORG"}, got


def test_a_service_used_through_or_for_groups_and_campaigns_is_a_product():
    got = labels(run("Organisers used WhatsApp groups to gather riders. He "
                     "sold milk through Zalo and Facebook groups. She rents "
                     "her room through Airbnb. Airbnb said profits rose."))
    for name in ("WhatsApp", "Zalo", "Facebook"):
        assert got.get(name) == {"MISC"}, (name, got)
    assert got.get("Airbnb") == {"MISC", "ORG"}, got


def test_feasts_by_their_words_and_by_what_is_celebrated():
    got = labels(run("Families in Penampang celebrated Kaamatan with rice "
                     "wine. The Ratha Yatra would be held on July 7. Fans "
                     "celebrated Messi in Paris."))
    assert got.get("Kaamatan") == {"MISC"}, got
    assert got.get("Ratha Yatra") == {"MISC"}, got
    assert got.get("Messi") == {"PERSON"}, got
    assert got.get("Penampang") == {"GPE"} and got.get("Paris") == {"GPE"}, got


def test_named_storms_ships_and_the_place_a_dukes_title_is_of():
    got = labels(run("Floods caused by storm Daniel broke two dams above "
                     "Derna. The Esmeralda is a four-masted barquentine. It "
                     "was named after Prince Alfred, Duke of Edinburgh. "
                     "Waiheke Island is a 40-minute ferry ride from "
                     "Auckland."))
    assert got.get("Daniel") == {"MISC"}, got
    assert got.get("Esmeralda") == {"MISC"}, got
    assert got.get("Edinburgh") == {"GPE"} and got.get("Alfred") == {"PERSON"}, got
    assert got.get("Waiheke Island") == {"LOC"}, got


def test_what_a_place_is_the_mayor_of_or_south_of():
    got = labels(run("Tomas Hruby, mayor of Horni Plana, opened the fair. "
                     "A tomb was found south of Petra. Petra Kvitova won."))
    for name in ("Horni Plana", "Petra"):
        assert got.get(name) == {"GPE"}, (name, got)
    assert got.get("Petra Kvitova") == {"PERSON"}, got


def test_the_body_a_leader_or_coach_heads_is_no_person():
    got = labels(run("Sources said Samediggi president Aile Javo would "
                     "resign. Later, ACT leader David Seymour spoke. Belgian "
                     "coach Tom Vandenbroucke and Trump adviser Mia Ross "
                     "agreed."))
    assert got.get("Samediggi") == {"ORG"}, got
    assert got.get("ACT") == {"ORG"}, got
    assert got.get("Belgian") == {"NORP"}, got
    for name in ("Aile Javo", "David Seymour", "Tom Vandenbroucke",
                 "Mia Ross", "Trump"):
        assert got.get(name) == {"PERSON"}, (name, got)


def test_the_name_a_person_goes_by():
    got = labels(run('The gang leader Adolfo Ramos, known as "Chapo Verde", '
                     "escaped. The singer Oliver Dube, known to fans as "
                     "“Tuks”, died. Ivan IV, known as Ivan the Terrible, "
                     "ruled."))
    for name in ("Chapo Verde", "Tuks", "Adolfo Ramos", "Oliver Dube",
                 "Ivan the Terrible"):
        assert got.get(name) == {"PERSON"}, (name, got)


def test_ships_craft_and_weapons_named_after_people_are_things():
    got = labels(run("The frigate Admiral Golovko sailed past Dover. The "
                     "Lucy spacecraft flew by an asteroid. Kyiv received "
                     "Leopard tanks. Boeing jets were grounded."))
    for name in ("Golovko", "Lucy", "Leopard"):
        assert got.get(name) == {"MISC"}, (name, got)
    assert got.get("Boeing") == {"ORG"}, got
    got = labels(run("The probe made a flyby of Mercury and passed between "
                     "Mars and Jupiter. Freddie Mercury sang."))
    for name in ("Mercury", "Mars", "Jupiter"):
        assert "LOC" in got.get(name, set()), (name, got)
    assert got.get("Freddie Mercury") == {"PERSON"}, got


def test_a_body_of_a_place_its_parts_and_spanish_gang_names():
    got = labels(run("Milos Dodik was sentenced by the Court of Bosnia and "
                     "Herzegovina. A loan came from Exim Bank of China. A "
                     "convoy of the United Nations Interim Force in Lebanon "
                     "was hit. Officers from the Metropolitan Police’s "
                     "Specialist Crime Command made arrests. Police blamed "
                     "Los Pulpos for the killings."))
    for name in ("Court of Bosnia and Herzegovina", "Exim Bank of China",
                 "United Nations Interim Force in Lebanon",
                 "Metropolitan Police", "Specialist Crime Command",
                 "Los Pulpos"):
        assert got.get(name) == {"ORG"}, (name, got)
    got = labels(run("Burkina Faso’s junta leader spoke at the Marco Fidel "
                     "Suarez air base. Novartis will buy Avidity Biosciences, "
                     "a San Diego company working on rare diseases."))
    assert got.get("Burkina Faso") == {"GPE"}, got
    assert got.get("Marco Fidel Suarez") == {"LOC"}, got
    assert got.get("Avidity Biosciences") == {"ORG"}, got


def test_what_one_founds_owns_or_directs_is_a_body():
    got = labels(run("Bail was granted to Sanjay Verma, a director of Zenith "
                     "Infratech. She is the founder of Kestrel Tactical. "
                     "Crowds gathered for Dev Deepawali, the festival of "
                     "lights, at Ghat Road in Varanasi, the holy city."))
    for name in ("Zenith Infratech", "Kestrel Tactical"):
        assert got.get(name) == {"ORG"}, (name, got)
    assert got.get("Dev Deepawali") == {"MISC"}, got
    assert got.get("Varanasi") == {"GPE"}, got


def test_a_place_located_in_a_larger_one():
    got = labels(run("Rebels overran the garrison in Nasir, in Upper Nile "
                     "state. Okafor, in Lagos, said the deal was done."))
    assert got.get("Nasir") == {"GPE"}, got
    assert got.get("Okafor") == {"PERSON"}, got


def test_people_listed_described_by_age_or_trade_and_stage_names():
    got = labels(run("Rumsfeld, Wolfowitz and Feith staffed the agency. "
                     "Merkel, Macron and Britain agreed. KAESONG — Footballer "
                     "Win Naing Tun scored twice. Win Naing Tun, 24, plays "
                     "for Yangon United. Jang Hye-rin, a welder at the yard, "
                     "spoke. A calypsonian known as Mighty Breadfruit won. "
                     "Kerosene, whose real name is Emeka Obiora, joked. "
                     "They named it after the broadcaster David "
                     "Attenborough. The government removed a law. Fernández "
                     "said chain stores sold at a loss."))
    for name in ("Feith", "Win Naing Tun", "Jang Hye-rin",
                 "Mighty Breadfruit", "Emeka Obiora", "David Attenborough",
                 "Fernández"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("Britain") == {"GPE"}, got


def test_bodies_bought_or_paired_moons_and_titles_of_works():
    got = labels(run("The group acquired Brenntag, Telmar and Quarto in "
                     "2019. A vaccine was made by Unilever and Ekaterra. The "
                     "probe will study the icy moons Ganymede, Callisto and "
                     "Europa. Her first collection, Desolación, appeared in "
                     "1922. Two of her novels, Northanger Abbey and "
                     "Persuasion, are set in Bath. The fleet reached "
                     "Akmolinsk, Tselinograd, Akmola and Astana."))
    for name in ("Brenntag", "Telmar", "Quarto", "Ekaterra"):
        assert got.get(name) == {"ORG"}, (name, got)
    for name in ("Ganymede", "Callisto", "Europa"):
        assert got.get(name) == {"LOC"}, (name, got)
    for name in ("Desolación", "Northanger Abbey", "Persuasion"):
        assert got.get(name) == {"MISC"}, (name, got)
    assert got.get("Bath") == {"GPE"}, got


def test_surnames_by_their_shape_are_people_unless_listed():
    got = labels(run("Bush is expected to name a replacement for O'Keefe "
                     "soon. The board thanked O'Connor for her service. "
                     "Gallagher said he had met O’Rourke in the old hall. We flew into "
                     "O'Hare, ate at McDonald's and drove to McAllen. "
                     "McAfee shares fell. Thompson, a lawyer, defended "
                     "Kowalczyk in court."))
    for name in ("O'Keefe", "O'Connor", "O’Rourke", "Gallagher",
                 "Kowalczyk"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert got.get("McDonald's") == {"ORG"}, got
    assert got.get("McAfee") == {"ORG"}, got
    assert got.get("McAllen") == {"GPE"}, got
    assert "LOC" in got.get("O'Hare", set()) or \
        "FAC" in got.get("O'Hare", set()), got


def test_a_verb_between_two_names_parts_them():
    # a short line whose longer words are all capitalised reads like a
    # title-case headline, and the tagger made one name of it
    got = labels(run("Aliyev met Pashinyan in Brussels."))
    assert got == {"Aliyev": {"PERSON"}, "Pashinyan": {"PERSON"},
                   "Brussels": {"GPE"}}, got


def test_a_name_set_off_after_a_title_is_a_person_s():
    got = labels(run("The finance minister, Tshabalala, resigned after a "
                     "week. The president, Congress and the courts "
                     "disagreed."))
    assert got == {"Tshabalala": {"PERSON"}, "Congress": {"ORG"}}, got


def test_an_era_is_no_person_place_or_body():
    got = labels(run("In the Stone Age, people lived in caves near Dordogne. "
                     "The Iron Age began around 1200 BC. During the Middle "
                     "Ages the town belonged to Brabant. He would not "
                     "comment on an Advertising Age report."))
    for era in ("Stone Age", "Iron Age", "Middle Ages"):
        assert got.get(era) == {"MISC"}, (era, got)
    # a magazine's name that ends in "Age" stays a body's
    assert got.get("Advertising Age") == {"ORG"}, got


def test_the_plural_of_a_people_of_two_words_is_a_people():
    got = labels(run("Thousands of East Germans fled in 1989. North Koreans "
                     "may not travel abroad. New Zealanders voted on the "
                     "flag. The Greens and the Social Democrats formed a "
                     "coalition."))
    for people in ("East Germans", "North Koreans", "New Zealanders"):
        assert got.get(people) == {"NORP"}, (people, got)
    assert "North" not in got and "Koreans" not in got, got
    # a party of that name stays a body
    assert got.get("Social Democrats") == {"ORG"}, got


def test_honorifics_of_other_languages_are_no_part_of_the_name():
    got = labels(run("Frau Merkel spoke first, then Herr Scholz. Monsieur "
                     "Macron arrived later. Señor Sánchez declined to "
                     "comment."))
    assert got == {"Merkel": {"PERSON"}, "Scholz": {"PERSON"},
                   "Macron": {"PERSON"}, "Sánchez": {"PERSON"}}, got


def test_a_minister_s_portfolio_after_for_is_no_body():
    got = labels(run("He served as Minister for Education from 2010 to 2014. "
                     "The Secretary of State for Trade, Miguel Angel "
                     "Fernandez Ordonez, said prices were under control. A "
                     "spokesman for Airbus declined to comment. She was "
                     "Secretary of State for Wales."))
    assert "Education" not in got and "Trade" not in got, got
    assert got.get("Airbus") == {"ORG"}, got
    assert got.get("Wales") == {"GPE"}, got
    assert got.get("Miguel Angel Fernandez Ordonez") == {"PERSON"}, got


def test_a_craft_named_after_its_noun_is_a_thing():
    got = labels(run("The astronauts flew aboard the shuttle Discovery. The "
                     "ferry Estonia sank in 1994. The carrier Lufthansa "
                     "cancelled flights."))
    assert got.get("Discovery") == {"MISC"}, got
    assert got.get("Estonia") == {"MISC"}, got
    # an airline is "the carrier" too
    assert got.get("Lufthansa") == {"ORG"}, got


def test_what_a_board_or_a_chief_executive_is_of_is_a_body():
    got = labels(run("She joined the board of Wienerberger in March. He is "
                     "chief executive of Kronospan. It is a subsidiary of "
                     "Lindenhof. She sits on the board of Ireland's central "
                     "bank."))
    for body in ("Wienerberger", "Kronospan", "Lindenhof"):
        assert got.get(body) == {"ORG"}, (body, got)
    assert got.get("Ireland") == {"GPE"}, got


def test_names_before_a_noun_of_parties_are_bodies():
    got = labels(run("Liderlik and Birimdik parties both failed to pass the "
                     "threshold. The Samopomich bloc left the government. "
                     "The Jubilee coalition won. Congress is controlled by "
                     "the Democratic party."))
    for body in ("Liderlik", "Birimdik", "Samopomich", "Jubilee"):
        assert got.get(body) == {"ORG"}, (body, got)
    # an adjective before "party" is no party's name
    assert got.get("Democratic") != {"ORG"}, got


def test_a_saint_s_name_in_another_language_opens_a_place_s():
    got = labels(run("Sankt Pölten's bishop, Kurt Krenn, resigned. He was "
                     "buried in the convent of San Marco. Santa Claus came "
                     "late. General Santa Anna lost Texas. José de San "
                     "Martín crossed the Andes; in 1817 San Martín led the "
                     "army."))
    assert got.get("Sankt Pölten") == {"GPE"}, got
    assert got.get("San Marco") in ({"GPE"}, {"LOC"}), got
    for person in ("Santa Claus", "Santa Anna", "San Martín"):
        assert got.get(person) == {"PERSON"}, (person, got)


def test_a_town_before_its_court_or_government_is_the_place():
    got = labels(run("A Bucharest court acquitted the former minister. The "
                     "Assam government has asked for troops."))
    assert got == {"Bucharest": {"GPE"}, "Assam": {"GPE"}}, got


def test_councillors_titles_and_ngo_are_no_names():
    got = labels(run("Cllr Moira Featherstone said the plan was flawed. "
                     "Lawyers for Human Rights, a South African NGO, filed "
                     "the case."))
    assert got.get("Moira Featherstone") == {"PERSON"}, got
    assert "NGO" not in got and "Cllr Moira Featherstone" not in got, got


def test_a_family_of_a_person_in_the_news_is_people():
    got = labels(run("Barack Obama left office in 2017. The Obamas moved to "
                     "Kalorama. New findings would damage the Clintons. The "
                     "Packers beat the Chicago Bears 17-10."))
    assert got.get("Obamas") == {"PERSON"}, got
    assert got.get("Clintons") == {"PERSON"}, got
    # a team named like a family of the news stays a team
    assert got.get("Packers") == {"ORG"}, got


def test_institutions_of_other_languages_keep_their_lower_case_words():
    got = labels(run("The Officine Galileo of Florence supplied optics. In "
                     "1872 Fratelli Branca opened a distillery. She was "
                     "elected to the Assemblée nationale in 2017. The Parti "
                     "socialiste vaudois won 42 seats. The Conseil "
                     "constitutionnel struck down three articles. He studied "
                     "at the Ecole nationale des ponts."))
    for body in ("Officine Galileo", "Fratelli Branca", "Assemblée nationale",
                 "Parti socialiste vaudois", "Conseil constitutionnel"):
        assert got.get(body) == {"ORG"}, (body, got)
    # a name never ends in a particle
    assert not any(name.endswith(" des") for name in got), got


def test_a_name_a_firm_s_noun_describes_after_a_comma_is_a_body():
    got = labels(run("Hartley Moss, the family-run haulier, collapsed last "
                     "week. Tullis Russell, the papermaker, went into "
                     "administration. Hedwig Dohm, the daughter of a Berlin "
                     "tobacco manufacturer, wrote novels."))
    assert got.get("Hartley Moss") == {"ORG"}, got
    assert got.get("Tullis Russell") == {"ORG"}, got
    assert got.get("Hedwig Dohm") == {"PERSON"}, got


def test_a_name_before_a_law_s_scale_s_or_cloud_s_noun_is_a_thing_s():
    got = labels(run("An earthquake measuring 6.5 on the Richter scale hit "
                     "the coast. The Oort cloud surrounds the Sun. The "
                     "court upheld a Mississippi law on abortion."))
    for thing in ("Richter", "Oort"):
        assert got.get(thing) == {"MISC"}, (thing, got)
    assert got.get("Mississippi") == {"GPE"}, got


def test_a_town_a_player_had_spells_at_is_its_club():
    got = labels(run("She plays as a forward for Wolfsburg. He began his "
                     "career with Walsall before spells at Barnsley and "
                     "Port Vale. He was born in Barnsley."))
    assert got.get("Wolfsburg") == {"ORG"}, got
    assert got.get("Walsall") == {"ORG"}, got
    assert "ORG" in got.get("Barnsley", set()), got


def test_trenches_ridges_and_bhavans_are_places():
    got = labels(run("The Kermadec Trench lies north-east of New Zealand. The "
                     "Gakkel Ridge spreads slowly. The ministers took the "
                     "oath at Rashtrapati Bhavan. Oak Ridge National "
                     "Laboratory built the reactor."))
    for place in ("Kermadec Trench", "Gakkel Ridge", "Rashtrapati Bhavan"):
        assert got.get(place) == {"LOC"}, (place, got)
    assert got.get("Oak Ridge National Laboratory") == {"ORG"}, got


def test_a_name_a_nationality_and_a_person_s_noun_describe_is_a_person_s():
    got = labels(run("Arsenal’s Granit Xhaka, a Swiss international, signed "
                     "a new deal."))
    assert got.get("Granit Xhaka") == {"PERSON"}, got
    assert got.get("Arsenal") == {"ORG"}, got


def test_a_plural_body_s_possessive_parts_it_from_the_person_after_it():
    got = labels(run("The Kinks' Ray Davies wrote the song. The Cherries' "
                     "Antoine Semenyo was booked. The Farmers' Union of "
                     "Wales called for action."))
    assert (got.get("Kinks") or got.get("The Kinks")) == {"ORG"}, got
    assert got.get("Ray Davies") == {"PERSON"}, got
    assert got.get("Antoine Semenyo") == {"PERSON"}, got
    assert got.get("Farmers' Union of Wales") == {"ORG"}, got


def test_states_of_old_are_places():
    # each its own document: the words of one are no evidence for another
    for text, state in (
            ("The Sultanate of Zanzibar was overthrown in 1964.",
             "Sultanate of Zanzibar"),
            ("The Crimean Khanate raided Muscovy for centuries.",
             "Crimean Khanate"),
            ("The Khanate of Kokand was annexed by the Russian Empire.",
             "Russian Empire"),
            ("The Principality of Transylvania was a vassal state.",
             "Principality of Transylvania")):
        got = labels(run(text))
        assert got.get(state) == {"GPE"}, (state, got)
    got = labels(run("Empire Records closed its store in 1998."))
    assert got.get("Empire Records") == {"ORG"}, got


def test_a_sentence_full_of_names_is_no_title_case_headline():
    got = labels(run("The Grand Duchy of Tuscany was annexed by France."))
    assert got == {"Grand Duchy of Tuscany": {"GPE"}, "France": {"GPE"}}, got
    # a headline in title case is still read as one
    got = labels(run("Fed Holds Rates Steady as Powell Warns of Tariff Risks"))
    assert "Powell" in got and "Tariff Risks" not in got, got


def test_firms_words_of_other_languages_make_a_body():
    got = labels(run("Schreiber Foods bought Lindner Molkerei last year. "
                     "Bouwbedrijf Jansen filed for bankruptcy. The contract "
                     "went to Dekker Logistiek."))
    for body in ("Lindner Molkerei", "Bouwbedrijf Jansen", "Dekker Logistiek"):
        assert got.get(body) == {"ORG"}, (body, got)


def test_a_word_no_list_knows_before_a_verb_of_saying_is_a_person_s():
    for text, name in (("Lindqvist told reporters the deal was off.",
                        "Lindqvist"),
                       ("“It was a mistake,” Okonjo admitted.", "Okonjo"),
                       # a person in the news, though "tusk" is a word
                       ("Tusk promised to restore the rule of law.",
                        "Tusk")):
        got = labels(run(text))
        assert got.get(name) == {"PERSON"}, (name, got)


def test_titles_alone_are_no_names_and_places_keep_their_titles():
    got = labels(run("The Lord Chancellor resigned on Friday."))
    assert "Chancellor" not in got and "Lord Chancellor" not in got, got
    got = labels(run("Prince Edward Island voted for the Liberals."))
    assert got.get("Prince Edward Island") == {"GPE"}, got
    got = labels(run("Kane broke Lewandowski's record."))
    assert got == {"Kane": {"PERSON"}, "Lewandowski": {"PERSON"}}, got


def test_a_prefix_or_a_compass_word_opening_a_sentence_is_no_part_of_a_place():
    got = labels(run("Post-Soviet Georgia has struggled with corruption."))
    assert got == {"Georgia": {"GPE"}}, got
    got = labels(run("Northern Mozambique has seen an insurgency since 2017."))
    assert got == {"Mozambique": {"GPE"}}, got
    got = labels(run("Northern Ireland voted to remain."))
    assert got == {"Northern Ireland": {"GPE"}}, got


def test_court_cases_are_one_name_and_sums_of_money_none():
    got = labels(run("The House of Lords decided Donoghue v Stevenson in "
                     "1932. Justice Holmes dissented in Lochner v. New York. "
                     "Postponed: Walsall v Wrexham."))
    assert got.get("Donoghue v Stevenson") == {"MISC"}, got
    assert got.get("Lochner v. New York") == {"MISC"}, got
    assert got.get("Walsall") == {"ORG"} and got.get("Wrexham") == {"ORG"}, got
    got = labels(run("Eskom needs R254 billion to fix its plants. Fines of up "
                     "to GH¢50,000 apply."))
    assert got == {"Eskom": {"ORG"}}, got


def test_a_name_things_only_people_have_done_to_them_is_a_person_s():
    for text, name in (("Bochum appointed Hecking as sporting director.",
                        "Hecking"),
                       ("The president dismissed Ouedraogo on Friday.",
                        "Ouedraogo"),
                       ("The motion was seconded by Adeniran.", "Adeniran"),
                       ("\"We will appeal,\" said Linturi.", "Linturi")):
        got = labels(run(text))
        assert got.get(name) == {"PERSON"}, (name, got)
    # a modifier before a noun and the name is no person
    got = labels(run("\"Prices will rise,\" said Refco analyst Mike Connery."))
    assert got.get("Refco") != {"PERSON"}, got


def test_an_article_before_a_name_in_a_hyphenated_word_is_no_part_of_it():
    got = labels(run("The Kremlin-backed party won."))
    assert got == {"Kremlin": {"ORG"}}, got


def test_a_town_before_its_mayor_is_the_place_a_club_before_its_president_not():
    got = labels(run("Former Perpignan mayor Jean-Marc Pujol lost the vote."))
    assert got.get("Perpignan") == {"GPE"}, got
    got = labels(run("Extremadura's regional president María Guardiola "
                     "called early elections."))
    assert got.get("Extremadura") == {"GPE"}, got
    got = labels(run("The stadium is now called Spotify Camp Nou. Barcelona "
                     "president Joan Laporta said the deal was good."))
    assert got.get("Barcelona") == {"ORG"}, got


def test_a_lawmaker_s_party_and_place_give_the_place():
    got = labels(run("Sen. Mazie Hirono (D-Hawaii) voted against the bill. "
                     "Rep. Jodey Arrington, R-Lubbock, objected."))
    assert got.get("Hawaii") == {"GPE"} and got.get("Lubbock") == {"GPE"}, got
    assert "D-Hawaii" not in got and "R-Lubbock" not in got, got


def test_a_member_s_letters_part_the_place_from_the_member():
    got = labels(run("Rochdale MP Tony Lloyd welcomed the funding. Kirsty "
                     "Brimelow QC represented the family."))
    assert got == {"Rochdale": {"GPE"}, "Tony Lloyd": {"PERSON"},
                   "Kirsty Brimelow": {"PERSON"}}, got


def test_the_union_before_a_name_and_german_titles_of_women():
    got = labels(run("Workers at Vossloh staged a walkout, the union Verdi "
                     "said. Bürgermeisterin Katja Dörner of Bonn said the "
                     "plan was sound."))
    assert got.get("Verdi") == {"ORG"}, got
    assert got.get("Katja Dörner") == {"PERSON"}, got


def test_names_after_a_noun_of_gods_or_saints_are_persons():
    got = labels(run("Among the Egyptian gods were Khnum, Hathor and Sobek."))
    for god in ("Khnum", "Hathor", "Sobek"):
        assert got.get(god) == {"PERSON"}, (god, got)


def test_an_ordinary_word_opening_a_quotation_is_no_name():
    got = labels(run("Hemant Sood of Ambit Capital said: \"Margins will "
                     "recover.\" \"We will wait,\" Moos said."))
    assert "Margins" not in got, got
    assert got.get("Ambit Capital") == {"ORG"}, got


def test_no_person_s_name_holds_a_county_s_word():
    got = labels(run("Shelby County deputies arrested him."))
    assert got.get("Shelby County") == {"GPE"}, got
    got = labels(run("Shelby County Schools will reopen on Monday."))
    assert got.get("Shelby County Schools") == {"ORG"}, got


def test_ranks_without_stops_open_no_name_and_a_son_of_is_a_person():
    got = labels(run("Lt Cdr Freya Halvorsen took command of the ship."))
    assert got == {"Freya Halvorsen": {"PERSON"}}, got
    got = labels(run("Thorvaldsen was the son of a blacksmith."))
    assert got == {"Thorvaldsen": {"PERSON"}}, got


def test_a_family_name_that_comes_first_is_part_of_the_name_and_read_alone():
    got = labels(run("Tan Chee Keong is a Singaporean engineer. Tan studied "
                     "at NUS."))
    assert got.get("Tan Chee Keong") == {"PERSON"}, got
    assert got.get("Tan") == {"PERSON"}, got


def test_an_ordinary_word_defined_by_is_a_something_is_a_name_of_that_kind():
    for text, name, label in (
            ("Dawn is Pakistan's oldest English-language newspaper.", "Dawn",
             "ORG"),
            ("Extreme is an American rock band formed in Boston.", "Extreme",
             "ORG"),
            ("Hue is a city in central Vietnam.", "Hue", "GPE")):
        got = labels(run(text))
        assert got.get(name) == {label}, (name, got)
    got = labels(run("Water is a liquid. This is a good idea."))
    assert got == {}, got


def test_a_person_a_list_knows_keeps_a_first_word_that_looks_like_a_title():
    got = labels(run("Vice Premier He Lifeng met officials in Geneva. "
                     "Prime Minister Sheikh Hasina resigned. COP28 president "
                     "Sultan Al Jaber spoke."))
    for name in ("He Lifeng", "Sheikh Hasina", "Sultan Al Jaber"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert "Lifeng" not in got and "Hasina" not in got, got


def test_two_people_joined_by_a_hyphen_are_two_mentions():
    res = run("The Biden-Xi meeting lasted four hours. The Kim-Trump summit "
              "ended without a deal. Petro-Canada said it would drill.")
    got = labels(res)
    for name in ("Biden", "Xi", "Kim", "Trump"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert "Petro" not in got, got
    xi = [m for m in res["mentions"] if m["text"] == "Xi"][0]
    text = "The Biden-Xi meeting"
    assert text[xi["start"]:xi["end"]] == "Xi", xi


def test_the_name_after_pro_or_anti_is_the_mention():
    got = labels(run("Pro-Putin bloggers attacked the decision. The "
                     "anti-Modi alliance won 234 seats. Thousands of "
                     "pro-Morsi demonstrators gathered in Cairo."))
    for name in ("Putin", "Modi", "Morsi"):
        assert got.get(name) == {"PERSON"}, (name, got)
    assert not any("-" in name for name in got), got


def test_a_body_a_list_knows_after_its_owner_s_possessive():
    for text, owner, body in (
            ("President Maia Sandu’s Party of Action and Solidarity won a "
             "majority.", "Maia Sandu", "Party of Action and Solidarity"),
            ("Viktor Yanukovych’s Party of Regions collapsed.",
             "Viktor Yanukovych", "Party of Regions"),
            ("Özel’s Republican People’s Party won the city.", "Özel",
             "Republican People’s Party")):
        got = labels(run(text))
        assert got.get(owner) == {"PERSON"}, (owner, got)
        assert got.get(body) == {"ORG"}, (body, got)
    got = labels(run("The People’s Bank of China cut rates."))
    assert got == {"People’s Bank of China": {"ORG"}}, got


def test_a_firm_by_its_officers_owner_and_deeds():
    for text, firm in (
            ("Tesla recalled more than two million vehicles.", "Tesla"),
            ("Zara owner Inditex reported record profits.", "Zara"),
            ("Tim Sweeney, Epic’s chief executive, sued Apple.", "Epic"),
            ("Groq’s chief executive Jonathan Ross said demand was strong.",
             "Groq")):
        got = labels(run(text))
        assert got.get(firm) == {"ORG"}, (firm, got)
    got = labels(run("Smith recalled the day he met her. Trump’s chief of "
                     "staff resigned."))
    assert got == {"Smith": {"PERSON"}, "Trump": {"PERSON"}}, got


def test_particles_zu_and_ter_join_a_person_s_name():
    got = labels(run("Karl-Theodor zu Guttenberg resigned. Marc-André ter "
                     "Stegen saved a penalty."))
    assert got == {"Karl-Theodor zu Guttenberg": {"PERSON"},
                   "Marc-André ter Stegen": {"PERSON"}}, got


def test_a_preposition_opening_a_sentence_and_a_technology_s_acronym():
    got = labels(run("Beneath Naples, a network of tunnels runs. Groq, the AI "
                     "chip start-up, raised money. In the Mood for Love won "
                     "the prize."))
    assert got.get("Naples") == {"GPE"}, got
    assert "AI" not in got and "Beneath Naples" not in got, got
    assert got.get("In the Mood for Love") == {"MISC"}, got


def test_a_firm_bought_and_a_club_s_number():
    got = labels(run("Qualcomm bought Nuvia for $1.4 billion. Google completed "
                     "the acquisition of Neeva. The Philadelphia 76ers beat "
                     "Mainz 05 in a friendly."))
    for name in ("Nuvia", "Neeva", "Philadelphia 76ers", "Mainz 05"):
        assert got.get(name) == {"ORG"}, (name, got)


def test_another_name_a_definition_gives_its_subject():
    got = labels(run("The Bank of Japan, often called Nichigin for short, is "
                     "the central bank of Japan."))
    assert got.get("Nichigin") == {"ORG"}, got
    got = labels(run("Liang Wenfeng also runs a hedge fund called "
                     "High-Flyer."))
    assert got.get("High-Flyer") != {"PERSON"}, got


def test_a_country_before_a_given_name_and_a_firm_s_product():
    got = labels(run("U.N. envoy for Libya Hanna Tetteh briefed the council."))
    assert got.get("Libya") == {"GPE"}, got
    assert got.get("Hanna Tetteh") == {"PERSON"}, got
    got = labels(run("The app was built with Anthropic’s Claude and a lot of "
                     "patience."))
    assert got.get("Claude") == {"MISC"}, got


def test_illnesses_compass_words_and_sites_with_titles():
    got = labels(run("An Alzheimer’s drug developed by Eisai was approved. "
                     "North of Kandy, the road climbs. The ship docked at "
                     "King George V Dock near the Barron Gorge."))
    assert got.get("Alzheimer") == {"MISC"} and "North" not in got, got
    assert got.get("King George V Dock") == {"LOC"}, got
    assert got.get("Barron Gorge") == {"LOC"}, got
    got = labels(run("The pro-European Party of Action and Solidarity won. "
                     "Shell plc is a British oil company."))
    assert got.get("Party of Action and Solidarity") == {"ORG"}, got
    assert got.get("Shell plc") == {"ORG"}, got


def test_a_name_before_the_office_it_holds_is_a_person():
    got = labels(run("Hock Tan, Broadcom’s chief executive, said demand was "
                     "strong. Börje Ekholm, its chief executive, said the "
                     "cuts were needed."))
    assert got.get("Hock Tan") == {"PERSON"}, got
    assert got.get("Börje Ekholm") == {"PERSON"}, got
    assert got.get("Broadcom") == {"ORG"}, got


def test_a_state_before_a_title_and_its_holder():
    got = labels(run("Bihar Chief Minister Nitish Kumar took oath. Sindh Chief "
                     "Minister Syed Murad Ali Shah announced the plan. Union "
                     "Minister Ashwini Vaishnaw spoke."))
    assert got.get("Bihar") == {"GPE"}, got
    assert got.get("Sindh") == {"GPE"}, got
    assert "Union" not in got, got


def test_journals_titles_in_quotes_and_words_that_are_no_names():
    got = labels(run("The results were published in Nature last week. The "
                     "film “Carol” was directed by Todd Haynes. “There Will "
                     "Be Blood” won two Oscars. Patients with severe Covid "
                     "were treated. The Assembly approved a Bill to make "
                     "registration mandatory. The Kepler space telescope "
                     "found planets."))
    assert got.get("Nature") == {"ORG"}, got
    assert got.get("Carol") == {"MISC"}, got
    assert got.get("There Will Be Blood") == {"MISC"}, got
    assert got.get("Kepler") == {"MISC"}, got
    assert "Covid" not in got and "Bill" not in got, got


def test_bodies_before_gang_or_militia_a_colony_and_a_regnal_number():
    got = labels(run("Police clashed with the Gran Grif gang. The Radaa "
                     "militia controls the airport. Plymouth Colony was "
                     "founded in 1620. She was the daughter of Henry I."))
    assert got.get("Gran Grif") == {"ORG"}, got
    assert got.get("Radaa") == {"ORG"}, got
    assert got.get("Plymouth Colony") == {"LOC"}, got
    assert got.get("Henry I") == {"PERSON"}, got


def test_a_department_of_war_and_an_editor_s_paper():
    got = labels(run("Hegseth said the Pentagon would be known as the "
                     "Department of War. Vogue editor Anna Wintour stepped "
                     "down."))
    assert got.get("Department of War") == {"ORG"}, got
    assert got.get("Vogue") == {"ORG"}, got
    assert got.get("Anna Wintour") == {"PERSON"}, got


def test_bodies_named_in_other_languages_by_what_they_are():
    got = labels(run("Shares of Svenska Handelsbanken rose. The Partij van "
                     "de Arbeid lost seats. Hansa Bryggeri raised prices and "
                     "Tervola Oy cut jobs. He worked for Talleres Arriaga "
                     "before Stadtwerke Leipzig hired him."))
    for body in ("Svenska Handelsbanken", "Partij van de Arbeid",
                 "Hansa Bryggeri", "Tervola Oy", "Talleres Arriaga",
                 "Stadtwerke Leipzig"):
        assert got.get(body) == {"ORG"}, (body, got)


def test_figures_of_myth_and_fiction_defined_as_persons():
    got = labels(run("Tawhaki is the hero of many Maori stories about the "
                     "heavens. Nyankopon is the god of the sky in Akan "
                     "belief. Kalulu is a trickster figure of Bemba "
                     "folklore. Ogundele is a minor character in the "
                     "novel."))
    for name in ("Tawhaki", "Nyankopon", "Kalulu", "Ogundele"):
        assert got.get(name) == {"PERSON"}, (name, got)


def test_churches_in_other_languages_departments_and_power_plants():
    doc = run("The Grote Kerk in Breda holds the tombs of the Nassau "
              "family. Miners in Llallagua, Potosí Department, went on "
              "strike, and the Narva Power Plant cut output.")
    got = {m["text"]: m["label"] for m in doc["mentions"]}
    assert got.get("Grote Kerk") == "LOC", got
    assert got.get("Potosí Department") == "GPE", got
    assert got.get("Narva Power Plant") == "LOC", got


def test_sides_held_to_a_draw_sharing_points_and_where_a_career_began():
    got = labels(run("Getafe held Osasuna to a goalless draw on Saturday. "
                     "Emmen and Almere shared the points. She began her "
                     "career at Bursa before moving to Ankara."))
    for side in ("Osasuna", "Emmen", "Almere", "Bursa"):
        assert got.get(side) == {"ORG"}, (side, got)
    assert got.get("Ankara") == {"GPE"}, got


def test_a_name_that_said_its_plans_and_a_particle_inside_a_name():
    got = labels(run("Okafor said its refinery in Lekki would start in May. "
                     "The party was banned under Zine El Abidine Ben Ali "
                     "for two decades."))
    assert got.get("Okafor") == {"ORG"}, got
    assert got.get("Zine El Abidine Ben Ali") == {"PERSON"}, got


def test_a_hyphen_standing_alone_parts_names():
    doc = run("Just noticed the picture for The Killers song Boots - I like "
              "the new pic. The six states - Bahrain, Kuwait, Oman, Qatar, "
              "Saudi Arabia and the UAE - agreed in 1981 to integrate.")
    texts = [m["text"] for m in doc["mentions"]]
    assert not [t for t in texts if " - " in t], texts
    assert "UAE" in texts and "Boots" in texts, texts
