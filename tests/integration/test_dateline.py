"""The dateline plugin through the real CLI (`prism process`).

One test per dateline style of issue 4, the negatives (ordinary sentence,
quotation, all-caps acronym), year resolution across the turn of the year,
code-point offsets on non-ASCII text, and hostile input. Every input is
written here, by hand.
"""
import os

import pytest

from conftest import (BUILD, CONFIG, PLUGINS, base_sets, needs_plugin, process,
                      run_cli, sets_only)

GAZ = os.path.join(BUILD, "data", "dateline.gaz")
# the dateline plugin alone: its tests do not depend on the others
SETS = sets_only("dateline") + [
    "--set", "plugin.dateline.path=" + os.path.join(PLUGINS, "dateline.so"),
    "--set", "plugin.dateline.gazetteer=" + GAZ]

pytestmark = [needs_plugin("dateline"),
              pytest.mark.skipif(not os.path.exists(GAZ),
                                 reason="dateline.gaz not built")]


def parse(text, published="2024-11-07T10:00:00", **extra):
    """The dateline result of one document."""
    doc = {"id": "d1", "text": text, **extra}
    if published is not None:
        doc["published"] = published
    rec = process([doc], *SETS)[0]
    assert "dateline" not in (rec.get("errors") or {}), rec
    return rec["results"]["dateline"]


def parse_many(texts, published="2024-11-07T10:00:00"):
    docs = [{"id": str(i), "text": t, "published": published}
            for i, t in enumerate(texts)]
    return [r["results"]["dateline"] for r in process(docs, *SETS)]


def assert_no_dateline(texts):
    """None of texts has a dateline (one `prism process` run for all)."""
    texts = list(texts)
    for t, r in zip(texts, parse_many(texts)):
        assert r == {"found": False}, (t, r)


def check(text, r, span, body, place=None, country=None, date=None,
          iso=None, agency=None, region=None, city=None):
    """Assert a found dateline: span is text[start:end], the body starts
    with body, and the given fields match (None fields must be null)."""
    assert r["found"] is True, r
    assert text[r["start"]:r["end"]] == span
    assert text[r["body_start"]:].startswith(body)
    loc = r["location"]
    if place is None:
        assert loc is None
    else:
        assert loc["text"] == place
        assert loc["country"] == country
        if city is not None:
            assert loc["city"] == city
        if region is not None:
            assert loc["region"] == region
    if date is None:
        assert r["date"] is None
    else:
        assert r["date"]["text"] == date
        assert r["date"]["iso"] == iso
    assert r["agency"] == agency


# ---- Reuters, old and new ----------------------------------------------------

def test_reuters_old_style():
    t = "SALVADOR, Feb 26 - Bahia cocoa growers expect a larger crop after\nsteady rain this month.\n"
    r = parse(t, published="1987-02-26T15:01:01")
    check(t, r, "SALVADOR, Feb 26 -", "Bahia", "SALVADOR", "BR",
          "Feb 26", "1987-02-26", city="Salvador")


def test_reuters_old_style_dash_then_indented_table():
    t = "ROCHESTER, Minn., March 12 -\n    Shr 41 cts vs 12 cts\n    Net 2.3 mln\n"
    r = parse(t, published="1987-03-12T09:00:00")
    check(t, r, "ROCHESTER, Minn., March 12 -", "Shr 41", "ROCHESTER, Minn.",
          "US", "March 12", "1987-03-12", region="Minnesota", city="Rochester")


def test_reuters_new_style():
    t = "LONDON, Nov 7 (Reuters) - Oil prices rose on Thursday."
    r = parse(t)
    check(t, r, "LONDON, Nov 7 (Reuters) -", "Oil prices", "LONDON", "GB",
          "Nov 7", "2024-11-07", agency="Reuters")


def test_reuters_without_date():
    t = "WASHINGTON (Reuters) - The Senate passed the bill."
    r = parse(t)
    check(t, r, "WASHINGTON (Reuters) -", "The Senate", "WASHINGTON", "US",
          agency="Reuters", region="D.C.", city="Washington")


def test_reuters_several_places():
    t = "NEW YORK/LONDON (Reuters) -Stocks fell on both sides of the Atlantic."
    r = parse(t)
    check(t, r, "NEW YORK/LONDON (Reuters) -", "Stocks", "NEW YORK/LONDON", "US",
          agency="Reuters", city="New York")
    assert [p["country"] for p in r["locations"]] == ["US", "GB"]
    assert [p["text"] for p in r["locations"]] == ["NEW YORK", "LONDON"]


# ---- AP, AFP, Xinhua ------------------------------------------------------------

def test_ap_with_country():
    t = "KYIV, Ukraine (AP) — Russian drones struck the capital overnight."
    r = parse(t)
    check(t, r, "KYIV, Ukraine (AP) —", "Russian", "KYIV, Ukraine", "UA",
          agency="AP", city="Kyiv")


def test_ap_state_abbreviations():
    t = "ATLANTA, Ga. (AP) — A judge on Monday ruled that the case can proceed."
    r = parse(t)
    check(t, r, "ATLANTA, Ga. (AP) —", "A judge", "ATLANTA, Ga.", "US",
          agency="AP", region="Georgia", city="Atlanta")
    # an unknown town still gets its state and country from the abbreviation
    t = "MAPLE GROVE, Minn. (AP) — Firefighters battled a blaze."
    r = parse(t)
    check(t, r, "MAPLE GROVE, Minn. (AP) —", "Firefighters",
          "MAPLE GROVE, Minn.", "US", agency="AP", region="Minnesota")
    for abbrev, state in [("Calif.", "California"), ("N.J.", "New Jersey"),
                          ("Wash.", "Washington"), ("W.Va.", "West Virginia"),
                          ("Okla.", "Oklahoma")]:
        t = f"SPRINGFIELD, {abbrev} (AP) — Officials said."
        r = parse(t)
        assert r["found"] and r["location"]["region"] == state, (abbrev, r)
        assert r["location"]["country"] == "US"


def test_afp():
    t = "BRUSSELS (AFP) - EU ministers met on Friday."
    r = parse(t)
    check(t, r, "BRUSSELS (AFP) -", "EU ministers", "BRUSSELS", "BE",
          agency="AFP")


def test_xinhua():
    t = "BEIJING, Sept. 30 (Xinhua) -- China's factory activity grew in September."
    r = parse(t, published="2024-09-30T03:00:00")
    check(t, r, "BEIJING, Sept. 30 (Xinhua) --", "China's", "BEIJING", "CN",
          "Sept. 30", "2024-09-30", agency="Xinhua")


# ---- newspapers -------------------------------------------------------------------

def test_newspaper_place_and_dash():
    t = "TOKYO — The yen weakened past 150 per dollar."
    check(t, parse(t), "TOKYO —", "The yen", "TOKYO", "JP")
    t = "WASHINGTON, D.C. — The House adjourned without a vote."
    check(t, parse(t), "WASHINGTON, D.C. —", "The House", "WASHINGTON, D.C.",
          "US", region="D.C.")


def test_mixed_case_place():
    t = "Kyiv (AFP) - Ukraine said on Sunday it had shot down drones."
    check(t, parse(t), "Kyiv (AFP) -", "Ukraine said", "Kyiv", "UA",
          agency="AFP")
    t = "Mumbai: The Sensex closed higher on Monday."
    check(t, parse(t), "Mumbai:", "The Sensex", "Mumbai", "IN")


def test_colon_dateline():
    t = "ISLAMABAD: Pakistan's parliament met on Monday."
    check(t, parse(t), "ISLAMABAD:", "Pakistan's", "ISLAMABAD", "PK")


# ---- press releases -------------------------------------------------------------

def test_pr_newswire():
    t = "NEW YORK, March 3, 2025 /PRNewswire/ -- Acme Corp today announced results."
    r = parse(t, published="2025-03-04T12:00:00")
    check(t, r, "NEW YORK, March 3, 2025 /PRNewswire/ --", "Acme",
          "NEW YORK", "US", "March 3, 2025", "2025-03-03", agency="PRNewswire")


def test_business_wire():
    t = "BOSTON--(BUSINESS WIRE)--March 3, 2025--Acme Corp today announced results."
    r = parse(t, published="2025-03-03T12:00:00")
    check(t, r, "BOSTON--(BUSINESS WIRE)--March 3, 2025--", "Acme", "BOSTON",
          "US", "March 3, 2025", "2025-03-03", agency="BUSINESS WIRE")


def test_business_wire_without_a_date():
    # the agency's own dashes end the dateline when no date follows them
    t = "SAN JOSE, Calif.--(BUSINESS WIRE)--Brightfield Labs today named a new chair."
    check(t, parse(t), "SAN JOSE, Calif.--(BUSINESS WIRE)--", "Brightfield",
          "SAN JOSE, Calif.", "US", agency="BUSINESS WIRE", city="San Jose")
    t = "BOSTON--(BUSINESS WIRE)--Kettle Pond Inc. said sales rose."
    check(t, parse(t), "BOSTON--(BUSINESS WIRE)--", "Kettle", "BOSTON", "US",
          agency="BUSINESS WIRE")


def test_other_wires_and_spacing():
    t = "NEW YORK, Nov. 7, 2024 (GLOBE NEWSWIRE) -- Acme Corp announced."
    check(t, parse(t), "NEW YORK, Nov. 7, 2024 (GLOBE NEWSWIRE) --", "Acme",
          "NEW YORK", "US", "Nov. 7, 2024", "2024-11-07",
          agency="GLOBE NEWSWIRE")
    t = "TORONTO, Nov. 7, 2024 /CNW/ - Acme Corp announced."
    check(t, parse(t), "TORONTO, Nov. 7, 2024 /CNW/ -", "Acme", "TORONTO",
          "CA", "Nov. 7, 2024", "2024-11-07", agency="CNW")
    t = "LONDON,\u00a0Nov 7 (Reuters) - Oil rose."
    check(t, parse(t), "LONDON,\u00a0Nov 7 (Reuters) -", "Oil", "LONDON", "GB",
          "Nov 7", "2024-11-07", agency="Reuters")
    t = "Washington (CNN) — The Senate voted on Thursday."
    check(t, parse(t), "Washington (CNN) —", "The Senate", "Washington", "US",
          agency="CNN")
    t = "   LOS ANGELES (Reuters) - A group of studios sued."
    check(t, parse(t), "LOS ANGELES (Reuters) -", "A group", "LOS ANGELES",
          "US", agency="Reuters")
    t = "KANSAS CITY, Mo. - March 19 - Cattle prices eased."
    check(t, parse(t, published="1987-03-19T10:00:00"),
          "KANSAS CITY, Mo. - March 19 -", "Cattle", "KANSAS CITY, Mo.", "US",
          "March 19", "1987-03-19", region="Missouri")


# ---- lines before the dateline ----------------------------------------------------

def test_dateline_alone_after_headline_lines():
    t = ("Greek shipowners order record number of new tankers\n"
         "Orders rise as sanctions reshape oil trade routes\n"
         "ATHENS\n"
         "Greek shipowners ordered more tankers this year than in any year "
         "since 2008, brokers said on Thursday.\n"
         "The orders were placed with yards in China and South Korea.\n")
    r = parse(t)
    check(t, r, "ATHENS", "Greek shipowners ordered", "ATHENS", "GR",
          city="Athens")
    assert r["start"] == t.index("ATHENS")


def test_byline_line_before():
    t = "By Jane Doe\nLONDON, Nov 7 (Reuters) - Britain's economy grew."
    check(t, parse(t), "LONDON, Nov 7 (Reuters) -", "Britain's", "LONDON",
          "GB", "Nov 7", "2024-11-07", agency="Reuters")
    t = "By JANE DOE     SAN FRANCISCO (AP) -- Apple said on Monday."
    check(t, parse(t), "SAN FRANCISCO (AP) --", "Apple", "SAN FRANCISCO", "US",
          agency="AP")


def test_timestamp_and_agency_lines_before():
    t = ("Senate passes spending bill\n"
         "Updated 10:32 a.m. ET, Nov 7, 2024\n"
         "WASHINGTON (AP) — The Senate voted late on Wednesday.")
    check(t, parse(t), "WASHINGTON (AP) —", "The Senate", "WASHINGTON", "US",
          agency="AP")
    t = "The Associated Press\nWASHINGTON — The Senate voted."
    check(t, parse(t), "WASHINGTON —", "The Senate", "WASHINGTON", "US")


def test_update_slug_before():
    t = ("UPDATE 2-Oil climbs as supply worries mount\n"
         "LONDON, Nov 7 (Reuters) - Oil prices rose on Thursday.")
    check(t, parse(t), "LONDON, Nov 7 (Reuters) -", "Oil prices", "LONDON",
          "GB", "Nov 7", "2024-11-07", agency="Reuters")


def test_feed_prefix_and_agency_only():
    t = "SPACE.com - TORONTO, Canada -- Engineers tested a new rocket engine."
    r = parse(t)
    check(t, r, "TORONTO, Canada --", "Engineers", "TORONTO, Canada", "CA",
          agency="SPACE.com")
    t = "AP - A startup that makes battery parts said on Monday."
    check(t, parse(t), "AP -", "A startup", agency="AP")
    t = "Reuters - Stocks fell on Monday."
    check(t, parse(t), "Reuters -", "Stocks", agency="Reuters")


# ---- places --------------------------------------------------------------------------

def test_non_ascii_place_and_code_point_offsets():
    t = "SÃO PAULO, Oct 3 (Reuters) - Brazil's real firmed."
    r = parse(t)
    check(t, r, "SÃO PAULO, Oct 3 (Reuters) -", "Brazil's", "SÃO PAULO", "BR",
          "Oct 3", "2024-10-03", agency="Reuters", city="São Paulo")
    # offsets after non-ASCII headline text count code points, not bytes
    t = ("Börsen in Zürich und Genf legen zu — Anleger atmen auf\n"
         "ZÜRICH, Oct 3 (Reuters) - Swiss shares rose.")
    r = parse(t)
    check(t, r, "ZÜRICH, Oct 3 (Reuters) -", "Swiss shares", "ZÜRICH", "CH",
          "Oct 3", "2024-10-03", agency="Reuters")
    assert r["start"] == t.index("ZÜRICH") != len(t[:t.index("ZÜRICH")].encode())


def test_dotted_place():
    t = "ST. LOUIS (AP) — The Cardinals traded their catcher."
    check(t, parse(t), "ST. LOUIS (AP) —", "The Cardinals", "ST. LOUIS", "US",
          agency="AP", region="Missouri")
    t = "St. Louis, March 2 - Grain prices rose."
    r = parse(t, published="2024-03-02T10:00:00")
    assert r["found"] and r["location"]["country"] == "US"


def test_every_dash():
    for dash in ["-", "--", "–", "—", "---"]:
        t = f"TOKYO {dash} The Bank of Japan held rates."
        r = parse(t)
        check(t, r, f"TOKYO {dash}", "The Bank", "TOKYO", "JP")
        t = f"TOKYO, Nov 7 (Kyodo) {dash} Japan's exports rose."
        r = parse(t)
        check(t, r, f"TOKYO, Nov 7 (Kyodo) {dash}", "Japan's", "TOKYO", "JP",
              "Nov 7", "2024-11-07", agency="Kyodo")


def test_alternative_names_resolve_alike():
    a = parse("KIEV, March 1 (Reuters) - Ukraine said.", published="1987-03-01")
    b = parse("KYIV, March 1 (Reuters) - Ukraine said.", published="1987-03-01")
    assert a["location"]["city"] == b["location"]["city"] == "Kyiv"
    assert a["location"]["country"] == b["location"]["country"] == "UA"
    c = parse("BOMBAY, March 1 (Reuters) - India said.")
    assert c["location"]["city"] == "Mumbai"


def test_bare_athens_is_greece():
    r = parse("ATHENS (Reuters) - Greece's parliament voted.")
    assert r["location"]["country"] == "GR"
    r = parse("ATHENS, Ga. (AP) — The university said.")
    assert r["location"]["country"] == "US"
    assert r["location"]["region"] == "Georgia"


def test_lost_dash_after_known_city():
    t = "BOSTON The jury found the defendant guilty."
    check(t, parse(t), "BOSTON", "The jury", "BOSTON", "US")
    t = "PONTIAC, Mich. The city council voted on the budget."
    check(t, parse(t), "PONTIAC, Mich.", "The city", "PONTIAC, Mich.", "US",
          region="Michigan")
    # a line break that a scraper escaped
    t = "ATHENS\\nGreek police said on Monday."
    check(t, parse(t), "ATHENS\\n", "Greek police", "ATHENS", "GR")


# ---- web news feeds (the styles of 2004 feeds: wires, portals, papers) --------

def check_many(cases, published="2004-08-24T10:00:00"):
    """cases: (text, span, body, place, country, date, agency); place None
    for a dateline without a place, span None for no dateline at all."""
    out = parse_many([c[0] for c in cases], published=published)
    for (text, span, body, place, country, date, agency), r in zip(cases, out):
        if span is None:
            assert r == {"found": False}, (text, r)
            continue
        assert r["found"] is True, (text, r)
        assert text[r["start"]:r["end"]] == span, (text, r)
        assert text[r["body_start"]:].startswith(body), (text, r)
        loc = r["location"]
        assert (loc and loc["text"]) == place, (text, r)
        if place is not None:
            assert loc["country"] == country, (text, r)
        assert (r["date"] and r["date"]["text"]) == date, (text, r)
        assert r["agency"] == agency, (text, r)


def test_dash_lost_between_place_and_story():
    check_many([
        ("BOSTON The jury found him guilty.", "BOSTON", "The jury", "BOSTON",
         "US", None, None),
        # the body glued to the place
        ("NEW YORKFewer Americans filed claims last week.", "NEW YORK",
         "Fewer", "NEW YORK", "US", None, None),
        ("WASHINGTONThe Senate voted on Tuesday.", "WASHINGTON", "The Senate",
         "WASHINGTON", "US", None, None),
        # a region, then the story's capitals
        ("BAGHDAD, Iraq Engineers restored power to two districts.",
         "BAGHDAD, Iraq", "Engineers", "BAGHDAD, Iraq", "IQ", None, None),
        ("TBILISI, Georgia  Farmers protested outside parliament.",
         "TBILISI, Georgia", "Farmers", "TBILISI, Georgia", "GE", None, None),
        # an acronym opens the story
        ("WASHINGTON NASA said on Monday it would delay the launch.",
         "WASHINGTON", "NASA said", "WASHINGTON", "US", None, None),
        ("LONDON (AFP)The Bank of England held rates.", "LONDON (AFP)",
         "The Bank", "LONDON", "GB", None, "AFP"),
        ("New Delhi, Aug 23 (IANS) Indian shares rose.",
         "New Delhi, Aug 23 (IANS)", "Indian", "New Delhi", "IN", "Aug 23",
         "IANS"),
        ("Athens, Greece  Michael Phelps won his sixth gold.",
         "Athens, Greece", "Michael", "Athens, Greece", "GR", None, None),
        ("Boston The jury found him guilty.", "Boston", "The jury", "Boston",
         "US", None, None),
    ])


def test_dash_lost_negatives():
    check_many([(t, None, None, None, None, None, None) for t in [
        "BOSTON Red Sox fans celebrated in the streets.",
        "CLEVELAND Indians catcher Sam Ortell hit two home runs.",
        "CHICAGO Cubs manager Dan Royce was ejected.",
        "MANCHESTER United manager Mark Hollis praised the squad.",
        "LONDON Stock Exchange shares fell.",
        "WASHINGTON Post columnist Ellen Marsh said.",
        "SOFTWARE FIRM Microsoft said it would cut prices.",
        "Boston is the capital of Massachusetts.",
        "Mumbai police said on Monday they arrested five men.",
        "London shares rose on Monday.",
        "Canadian Prime Minister Jean Tremblay said.",
        "Washington Post columnist Ellen Marsh said.",
    ]])
    # "United Airlines" is no team: the dateline stands
    check_many([("CHICAGO United Airlines said it would cut jobs.", "CHICAGO",
                 "United", "CHICAGO", "US", None, None)])


def test_agency_and_source_openings():
    check_many([
        ("AP - eBay Inc. said on Wednesday it would buy a stake in a rival.",
         "AP -", "eBay", None, None, None, "AP"),
        ("Reuters - iPod sales helped Apple beat forecasts.", "Reuters -",
         "iPod", None, None, None, "Reuters"),
        ("AFP -  #36;10 million was pledged.", "AFP -", "#36;10", None, None,
         None, "AFP"),
        ("AP - ...and then the rain came.", "AP -", "and then", None, None,
         None, "AP"),
        ("NewsFactor - Microsoft has released a patch.", "NewsFactor -",
         "Microsoft", None, None, None, "NewsFactor"),
        ("USATODAY.com - Retailers reported sales.", "USATODAY.com -",
         "Retailers", None, None, None, "USATODAY.com"),
        ("p2pnet.net News:- The RIAA has filed more lawsuits.",
         "p2pnet.net News:-", "The RIAA", None, None, None, "p2pnet.net News"),
        ("Jet Propulsion Lab -- NASA's Cassini flew by Titan.",
         "Jet Propulsion Lab --", "NASA's", None, None, None,
         "Jet Propulsion Lab"),
        ("The Globe and Mail - Ottawa said.", "The Globe and Mail -", "Ottawa",
         None, None, None, "The Globe and Mail"),
        ("E! Online - The couple split.", "E! Online -", "The couple", None,
         None, None, "E! Online"),
        ("U.S. News  amp; World Report - Colleges raised tuition.",
         "U.S. News  amp; World Report -", "Colleges", None, None, None,
         "U.S. News  amp; World Report"),
        # news sources in capitals are sources, not towns
        ("ESPN - The Yankees beat the Red Sox.", "ESPN -", "The Yankees", None,
         None, None, "ESPN"),
        ("AFX - Shares in Vodafone rose.", "AFX -", "Shares", None, None, None,
         "AFX"),
        ("(Sports Network) - The Yankees won.", "(Sports Network) -",
         "The Yankees", None, None, None, "Sports Network"),
        ("(CBS/AP) The president said on Monday.", "(CBS/AP)", "The president",
         None, None, None, "CBS/AP"),
        # a feed prefix and then the dateline: the dateline's agency wins
        ("Canadian Press - VANCOUVER (CP) - Ferry service resumed on Tuesday.",
         "VANCOUVER (CP) -", "Ferry", "VANCOUVER", "CA", None, "CP"),
        ("SPACE.com - TORONTO, Canada -- Engineers\\tested a new engine.",
         "TORONTO, Canada --", "Engineers", "TORONTO, Canada", "CA", None,
         "SPACE.com"),
    ])
    check_many([(t, None, None, None, None, None, None) for t in [
        "(2nd UPDATE) Stocks fell on Monday.",
        "Iraq: Iraq geared up for elections.",
        "China: The government said on Monday.",
        "MARK COLVIN: The government said today.",
        "Microsoft Watch: Microsoft said.",
    ]])
    check_many([("(UPDATE 1) LONDON (Reuters) - Oil rose.",
                 "LONDON (Reuters) -", "Oil", "LONDON", "GB", None, "Reuters")])


def test_date_headers():
    check_many([
        ("MARCH 9, 2004 (IDG NEWS SERVICE) - Oracle said.",
         "MARCH 9, 2004 (IDG NEWS SERVICE) -", "Oracle", None, None,
         "MARCH 9, 2004", "IDG NEWS SERVICE"),
        ("(09/21/04)-- The firm said.", "(09/21/04)--", "The firm", None, None,
         "09/21/04", None),
        ("(Filed: 10/09/2004). The firm said.", "(Filed: 10/09/2004).",
         "The firm", None, None, "10/09/2004", None),
        ("Oct. 11 issue - The war in Iraq has become an issue.",
         "Oct. 11 issue -", "The war", None, None, "Oct. 11", None),
        # a date, not a source called "Aug 24"
        ("Aug 24 - Acme Corp said it would cut jobs.", "Aug 24 -", "Acme",
         None, None, "Aug 24", None),
        ("24.08.2004 - Acme Corp said.", "24.08.2004 -", "Acme", None, None,
         "24.08.2004", None),
        ("Aug. 24, 2004 - (CBS.MW) - Acme Corp said.",
         "Aug. 24, 2004 - (CBS.MW) -", "Acme", None, None, "Aug. 24, 2004",
         "CBS.MW"),
    ])
    r = parse("LONDON, 24/08/2004 - Shares fell.")
    assert r["date"] == {"text": "24/08/2004", "iso": "2004-08-24"}
    r = parse("ATHENS, 2004/08/29 -- Athletes said.")
    assert r["date"] == {"text": "2004/08/29", "iso": "2004-08-29"}


def test_colon_datelines_and_section_labels():
    check_many([
        ("ATHENS : Greece won the gold.", "ATHENS :", "Greece", "ATHENS", "GR",
         None, None),
        ("BHUBANESWAR: The Orissa government said.", "BHUBANESWAR:", "The",
         "BHUBANESWAR", "IN", None, None),
        ("NEW DELHI, AUG 29: India said.", "NEW DELHI, AUG 29:", "India",
         "NEW DELHI", "IN", "AUG 29", None),
        ("NEW DELHI, Aug. 29:India said.", "NEW DELHI, Aug. 29:", "India",
         "NEW DELHI", "IN", "Aug. 29", None),
        ("ISLAMABAD: Aug 29 - Pakistan said.", "ISLAMABAD: Aug 29 -",
         "Pakistan", "ISLAMABAD", "PK", "Aug 29", None),
        ("JAKARTA (Antara): Indonesia said.", "JAKARTA (Antara):", "Indonesia",
         "JAKARTA", "ID", None, "Antara"),
        ("Srinagar, Jammu and Kashmir: Militants attacked a bus.",
         "Srinagar, Jammu and Kashmir:", "Militants",
         "Srinagar, Jammu and Kashmir", "IN", None, None),
        ("India News  gt; NEW DELHI: India and Pakistan agreed.",
         "NEW DELHI:", "India and", "NEW DELHI", "IN", None, None),
        ("World &gt; Asia &gt; ISLAMABAD: Pakistan said.", "ISLAMABAD:",
         "Pakistan", "ISLAMABAD", "PK", None, None),
    ])


def test_bylines_in_markup_and_on_the_dateline_line():
    check_many([
        ("&lt;p&gt; &lt;/p&gt;&lt;p&gt; By Maria Lopez&lt;/p&gt;&lt;p&gt; "
         "CHICAGO (Reuters) - Shares fell.", "CHICAGO (Reuters) -", "Shares",
         "CHICAGO", "US", None, "Reuters"),
        ("&lt;p&gt;\\&lt;/p&gt;&lt;p&gt; By Peter van der Veen&lt;/p&gt;&lt;p&gt;"
         " AMSTERDAM (Reuters) - Dutch shares fell.", "AMSTERDAM (Reuters) -",
         "Dutch", "AMSTERDAM", "NL", None, "Reuters"),
        ("&lt;p&gt; &lt;/p&gt;&lt;p&gt; By Jane Smith&lt;/p&gt;&lt;p&gt; "
         "KABUL, Afghanistan - Election workers began counting.",
         "KABUL, Afghanistan -", "Election", "KABUL, Afghanistan", "AF", None,
         None),
        ("By MATTHEW FORDAHL    AP Technology Writer    SAN JOSE, Calif. (AP) "
         "-- Google said.", "SAN JOSE, Calif. (AP) --", "Google",
         "SAN JOSE, Calif.", "US", None, "AP"),
        ("By JOHN DOE, AP Business Writer  WASHINGTON -- The Fed raised rates.",
         "WASHINGTON --", "The Fed", "WASHINGTON", "US", None, None),
        ("By Jane Doe\\Associated Press Writer\\WASHINGTON (AP) -- The Senate "
         "voted.", "WASHINGTON (AP) --", "The Senate", "WASHINGTON", "US",
         None, "AP"),
        ("By Jane Doe, Staff Writer NEW YORK -- Shares fell.", "NEW YORK --",
         "Shares", "NEW YORK", "US", None, None),
        ("By Amanda Gardner\\HealthDay Reporter\\(HealthDayNews) -- People who "
         "eat fish live longer.", "(HealthDayNews) --", "People", None, None,
         None, "HealthDayNews"),
        ("By Jane Doe, Herald Correspondent  March 2, 2004. The firm said.",
         "March 2, 2004.", "The firm", None, None, "March 2, 2004",
         None),
        ("By Jane Doe, Globe Staff  |  October 31, 2004 FOXBOROUGH -- The "
         "Patriots won.", "October 31, 2004 FOXBOROUGH --", "The Patriots",
         "FOXBOROUGH", "US", "October 31, 2004", None),
        ("By Jane Doe, Aug. 24 (Reuters) - Stocks fell.", "Aug. 24 (Reuters) -",
         "Stocks", None, None, "Aug. 24", "Reuters"),
    ])


def test_scraper_debris_and_press_wires():
    check_many([
        ("BOSTON #151; The jury found him guilty.", "BOSTON #151;", "The jury",
         "BOSTON", "US", None, None),
        ("BOSTON&mdash;The jury found him guilty.", "BOSTON&mdash;", "The jury",
         "BOSTON", "US", None, None),
        ("ST. GEORGE #39;S, Grenada - Fishermen returned to port.",
         "ST. GEORGE #39;S, Grenada -", "Fishermen", "ST. GEORGE #39;S, Grenada",
         "GD", None, None),
        ("LONDON (Reuters)-Stocks fell.", "LONDON (Reuters)-", "Stocks",
         "LONDON", "GB", None, "Reuters"),
        ("NEW YORK, NY -- (MARKET WIRE) -- 08/24/2004 -- Acme Corp said.",
         "NEW YORK, NY -- (MARKET WIRE) -- 08/24/2004 --", "Acme",
         "NEW YORK, NY", "US", "08/24/2004", "MARKET WIRE"),
        ("SEATTLE, WA (PRWEB) August 24, 2004 -- Acme Corp said.",
         "SEATTLE, WA (PRWEB) August 24, 2004 --", "Acme", "SEATTLE, WA", "US",
         "August 24, 2004", "PRWEB"),
        ("SARAJEVO, Bosnia and Herzegovina - Officials said.",
         "SARAJEVO, Bosnia and Herzegovina -", "Officials",
         "SARAJEVO, Bosnia and Herzegovina", "BA", None, None),
        ("LOS GATOS, Calf. - Netflix said.", "LOS GATOS, Calf. -", "Netflix",
         "LOS GATOS, Calf.", "US", None, None),
        ("Brussles, Belgium - The EU said.", "Brussles, Belgium -", "The EU",
         "Brussles, Belgium", "BE", None, None),
    ])


def test_unknown_town_before_a_dash():
    # a word in capitals the gazetteer does not know, which is no common
    # English word and no news source, names a town; a slug does not
    r = parse("BRAXTONVALE - The garlic festival opened on Friday.")
    assert r["found"] and r["location"]["text"] == "BRAXTONVALE"
    assert r["location"]["country"] is None
    check_many([(t, None, None, None, None, None, None) for t in [
        "SOCCER - The match ended in a draw.",
        "UPDATES - The match ended in a draw.",
        "SUPREME COURT - Justices will hear arguments on the case.",
        "TACOMA RAINIERS - Fans filled the stadium for the opener.",
        "SECURITYWATCH - Retailers are testing tags.",
    ]])
    # a news source we know is the agency
    check_many([("COMPUTERWORLD - Retailers are testing tags.",
                 "COMPUTERWORLD -", "Retailers", None, None, None,
                 "COMPUTERWORLD")])


# ---- no dateline --------------------------------------------------------------------

def test_no_dateline():
    texts = [
        "The central bank raised its key rate on Tuesday, citing inflation.",
        "\"We will not back down,\" the minister told reporters on Friday.",
        "“We will not back down,” the minister told reporters on Friday.",
        "NATO allies agreed on Friday to raise defence spending.",
        "IBM said on Monday it would cut jobs.",
        "U.S. Labor Secretary Anne Holloway said she expects growth.",
        "CLEVELAND Indians lefthander Tom Garvey pitched six innings.",
        "ZINC HIGH GRADE - 1800 tonnes mostly cash, nil forward",
        "Shr 41 cts vs 12 cts\n    Net 2.3 mln vs 512,400\n",
        "APRIL 7 - as of Friday, April 3, wheat stocks were 2.6 mln bushels",
        "Oil prices rose on Thursday as traders weighed supply risks\n"
        "and demand. LONDON - The market steadied.\n",
        "",
        "   \n\n  ",
        "NEW YORK",
    ]
    assert_no_dateline(texts)


def test_sentence_before_a_caps_place_is_no_dateline():
    # a sentence, a label or a full stop ahead of a place in capitals: no
    # place swallows the words before it, no source is made of them
    texts = [
        "The talks in WARSAW, June 3 - ended without a deal.",
        "Breaking news. WARSAW, June 3 - The government fell.",
        "In brief. PARIS - Strikes spread to the ports.",
        "Exclusive. Kyiv (AFP) - Officials said the bridge would reopen.",
    ]
    assert_no_dateline(texts)
    # while careless case and web names still read
    t = "La paz, march 4 - Miners marched on the capital."
    check(t, parse(t), "La paz, march 4 -", "Miners", place="La paz",
          country="BO", date="march 4", iso="2024-03-04")
    t = "washingtonpost.com - The Senate voted late on Friday."
    check(t, parse(t), "washingtonpost.com -", "The Senate",
          agency="washingtonpost.com")


def test_body_without_its_dateline_has_none():
    t = "LONDON, Nov 7 (Reuters) - Oil prices rose on Thursday as traders\nweighed the risk to supply.\n"
    r = parse(t)
    assert r["found"]
    body = t[r["body_start"]:]
    assert parse(body) == {"found": False}


# ---- dates ---------------------------------------------------------------------------

def test_year_from_published_and_turn_of_year():
    t = "WELLINGTON, Dec 31 (Reuters) - New Zealand's dollar fell."
    assert parse(t, published="2025-01-02T08:00:00")["date"]["iso"] == "2024-12-31"
    t = "TOKYO, Jan 2 (Reuters) - Japanese shares opened higher."
    assert parse(t, published="2024-12-31T23:00:00")["date"]["iso"] == "2025-01-02"
    t = "PARIS, June 5 (Reuters) - French output rose."
    assert parse(t, published="2023-06-06T01:00:00")["date"]["iso"] == "2023-06-05"
    # published as unix seconds (2021-03-01T12:00:00Z): June 5 is last year's
    assert parse(t, published=1614600000)["date"]["iso"] == "2020-06-05"


def test_month_spellings():
    pub = "2024-06-15T12:00:00"
    cases = {"Sept. 3": "2024-09-03", "Sep 3": "2024-09-03",
             "September 3": "2024-09-03", "Feb. 4": "2024-02-04",
             "FEB 4": "2024-02-04", "march 11": "2024-03-11",
             "Aug. 17": "2024-08-17", "2 March": "2024-03-02",
             "Oct 20": "2023-10-20", "Dec. 1": "2023-12-01",
             "June 20": "2024-06-20", "June 29": "2024-06-29"}
    texts = [f"PARIS, {d} (AFP) - France said." for d in cases]
    for (d, iso), r in zip(cases.items(), parse_many(texts, published=pub)):
        assert r["date"] == {"text": d, "iso": iso}, (d, r)


def test_date_without_published_uses_receipt_time():
    r = parse("PARIS, June 5 (Reuters) - French output rose.", published=None)
    assert r["date"]["text"] == "June 5"
    assert r["date"]["iso"] is not None and r["date"]["iso"].endswith("-06-05")


def test_impossible_date_keeps_text_without_iso():
    r = parse("PARIS, Feb 30 (Reuters) - French output rose.",
              published="2023-02-27T10:00:00")
    assert r["date"] == {"text": "Feb 30", "iso": None}


# ---- robustness ------------------------------------------------------------------------

def test_hostile_and_huge_documents():
    texts = [
        "A" * 300000,
        "NEW YORK, " * 20000,
        "(" * 5000 + "Reuters" + ")" * 5000 + " - x",
        "BOSTON " + "\u00e9" * 100000,
        "\U0001F600 TOKYO — emoji first",
        "TOKYO —",
        "LONDON, Nov 7 (" + "R" * 1000 + ") - x",
        "\n" * 50 + "ATHENS\nThe end.",
        "x" * 1023 + "\u00fc" + "TOKYO — y",
    ]
    out = parse_many(texts)
    assert len(out) == len(texts)
    for t, r in zip(texts, out):
        assert isinstance(r.get("found"), bool), (t[:40], r)
        if r["found"]:
            assert 0 <= r["start"] <= r["end"] <= r["body_start"] <= len(t)


def test_bad_config_fails_cleanly():
    for key, value in [("gazetteer", "/nonexistent/x.gaz"),
                       ("head_bytes", "lots"), ("max_lines", "99")]:
        p = run_cli(["process", "-c", CONFIG] + base_sets() + SETS
                    + ["--set", f"plugin.dateline.{key}={value}", "-"],
                    stdin=b'{"id":"1","text":"x"}\n', check=False)
        assert p.returncode != 0, key
        assert key.encode() in p.stderr, p.stderr


def test_max_lines_and_head_bytes_are_honoured():
    t = "Greek shares rally\nATHENS\nGreek shares rose on Thursday.\n"
    assert parse(t)["found"]
    doc = [{"id": "1", "text": t}]
    r = process(doc, *SETS, "--set", "plugin.dateline.max_lines=0")[0]
    assert r["results"]["dateline"] == {"found": False}
    t = "x" * 200 + "\nLONDON (Reuters) - Oil rose."
    doc = [{"id": "1", "text": t}]
    r = process(doc, *SETS, "--set", "plugin.dateline.head_bytes=100")[0]
    assert r["results"]["dateline"] == {"found": False}


# ---- unknown towns, companies, sources after bylines (issue 4, round 2) -------

def test_unknown_mixed_case_town_before_a_dash():
    t = "Braxtonvale - The garlic festival opened on Friday."
    check(t, parse(t), "Braxtonvale -", "The garlic", "Braxtonvale", None)
    t = "San Ramon - The company moved its offices on Friday."
    check(t, parse(t), "San Ramon -", "The company", "San Ramon", None)
    # a brand with a capital inside, a web name and a known source stay sources
    for src in ("NewsFactor", "Forbes.com", "Reuters"):
        t = src + " - The company said on Monday it would ship."
        check(t, parse(t), src + " -", "The company", agency=src)


def test_company_before_a_dash_is_no_dateline():
    assert_no_dateline(("Apple - The company said on Monday it would ship.",
                        "Nokia - The handset maker cut prices again.",
                        "Intel - The chip maker said sales rose."))


def test_unknown_caps_town_that_lost_its_dash():
    t = "BRAXTONVALE The garlic festival opened on Friday."
    check(t, parse(t), "BRAXTONVALE", "The garlic", "BRAXTONVALE", None)
    # acronyms of sports bodies and common words are no towns
    assert_no_dateline(("NASCAR The race was moved to Sunday.",
                        "SOFTWARE The market grew again.",
                        "UPDATED The company said on Monday."))


def test_unknown_caps_town_of_several_words():
    t = "SAN RAMON - The company moved its offices."
    check(t, parse(t), "SAN RAMON -", "The company", "SAN RAMON", None)
    # slugs whose words are common English words are not towns
    assert_no_dateline(("NEW RULES - The market for podcasts grew.",
                        "SUPREME COURT - Justices are to rule today."))


def test_unknown_caps_town_before_a_colon():
    t = "ZELMOROV: Police said on Monday that two men were held."
    check(t, parse(t), "ZELMOROV:", "Police", "ZELMOROV", None)
    assert_no_dateline(("MARK COLVIN: Good evening and welcome.",
                        "UPDATE: The company said on Monday.",
                        "NASCAR: The race was moved."))


def test_dateline_ended_by_a_paragraph_tag():
    t = "&lt;p&gt;October 31, 2004&lt;/p&gt;&lt;p&gt;The Patriots won again."
    check(t, parse(t), "October 31, 2004", "The Patriots",
          date="October 31, 2004", iso="2004-10-31")
    t = "ATHENS<br>The Greek team won the final."
    check(t, parse(t), "ATHENS", "The Greek", "ATHENS", "GR")
    # a date without its year alone in a paragraph is no date header
    t = "&lt;p&gt;October 31&lt;/p&gt;&lt;p&gt;The Patriots won again."
    assert parse(t) == {"found": False}


def test_long_markup_tags_before_the_dateline():
    t = ('&lt;img src="http://www.example.com/images/2004/10/31/a.gif" '
         'width="1" height="1" border="0"&gt; October 31, 2004. The Patriots '
         'won again.')
    check(t, parse(t), "October 31, 2004.", "The Patriots",
          date="October 31, 2004", iso="2004-10-31")
    t = "&lt;!-- feed item --&gt; LONDON (Reuters) - Oil rose."
    check(t, parse(t), "LONDON (Reuters) -", "Oil", "LONDON", "GB",
          agency="Reuters")


def test_date_then_a_spaced_stop():
    t = "October 31, 2004 . The Patriots won again."
    check(t, parse(t), "October 31, 2004 .", "The Patriots",
          date="October 31, 2004", iso="2004-10-31")


def test_stop_before_the_dash():
    t = "PARIS, Aug. 23 (AFP).- The French team won the final."
    check(t, parse(t, published="2004-08-23T10:00:00"),
          "PARIS, Aug. 23 (AFP).-", "The French", "PARIS", "FR",
          "Aug. 23", "2004-08-23", agency="AFP")
    t = "PARIS, Aug. 23. - The French team won the final."
    check(t, parse(t, published="2004-08-23T10:00:00"),
          "PARIS, Aug. 23. -", "The French", "PARIS", "FR",
          "Aug. 23", "2004-08-23")
    # a sentence that ends before a dash is no dateline
    assert parse("The deal closed. - Analysts were surprised.") == {
        "found": False}


def test_agency_with_spaces_or_a_comma_before_it():
    t = "NEW YORK ( Reuters ) - Stocks rose on Monday."
    check(t, parse(t), "NEW YORK ( Reuters ) -", "Stocks", "NEW YORK", "US",
          agency="Reuters")
    t = "NEW YORK, (Reuters) - Stocks rose on Monday."
    check(t, parse(t), "NEW YORK, (Reuters) -", "Stocks", "NEW YORK", "US",
          agency="Reuters")
    t = "PARIS (AFP), Aug. 23 - The French team won."
    check(t, parse(t, published="2004-08-23T10:00:00"),
          "PARIS (AFP), Aug. 23 -", "The French", "PARIS", "FR",
          "Aug. 23", "2004-08-23", agency="AFP")


def test_source_after_a_byline():
    t = "By Jane Doe, NewsFactor - The company said on Monday."
    check(t, parse(t), "NewsFactor -", "The company", agency="NewsFactor")
    t = "By JANE DOE  AP - The company said on Monday."
    check(t, parse(t), "AP -", "The company", agency="AP")
    t = "By Jane Doe (HealthDayNews) -- Eating less salt helps."
    check(t, parse(t), "(HealthDayNews) --", "Eating",
          agency="HealthDayNews")
    # a byline's own title is no source
    assert_no_dateline(("By Jane Doe, Staff Writer - The company said on Monday.",
                        "By Jane Doe and John Smith - The company said."))


def test_mixed_case_place_and_state_without_comma():
    t = "Washington D.C. - The Senate voted on Tuesday."
    check(t, parse(t), "Washington D.C. -", "The Senate", "Washington D.C.",
          "US", city="Washington")
    t = "Pontiac Mich. (AP) - The man pleaded not guilty."
    check(t, parse(t), "Pontiac Mich. (AP) -", "The man", "Pontiac Mich.",
          "US", agency="AP", region="Michigan")
    assert parse("Washington DC is a city of monuments.") == {"found": False}


def test_city_that_starts_a_title_is_no_dateline():
    assert parse("NEW YORK CITY Mayor Michael Bloomberg said on Monday.") == {
        "found": False}
    assert parse("BOSTON Council members voted on Monday.") == {
        "found": False}
    t = "NEW YORK The jury found him guilty."
    check(t, parse(t), "NEW YORK", "The jury", "NEW YORK", "US")


def test_more_world_towns():
    cases = [("BESLAN, Russia (AP) - Hostages were freed.", "RU"),
             ("Gonaives - Floods killed hundreds.", "HT"),
             ("DHANBAD: Police said on Monday.", "IN"),
             ("FORT HOOD, Texas (AP) - Soldiers returned.", "US"),
             ("Kisangani - Rebels said on Monday.", "CD")]
    for t, cc in cases:
        r = parse(t)
        assert r["found"] and r["location"]["country"] == cc, (t, r)
