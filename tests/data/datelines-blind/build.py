#!/usr/bin/env python3
"""Build build/datelines-blind.jsonl (or the path given): a blind, hand-written evaluation set for the dateline parser.

Every story is invented. A story with a dateline is held as a prefix (headline/byline
lines, the dateline and its dash or colon) and a body (the story's first sentence on);
body_start is len(prefix), so the offsets are computed, never typed. date_iso is
resolved here from the date as written and the story's `published` timestamp (a date
without a year takes the year of `published`, or the year before when the dateline's
month is more than six months after the publication month: "Dec 31" on a story published
2 January). Every record is checked before the file is written.

usage: python3 tests/data/datelines-blind/build.py
"""
import collections, datetime, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "..", "build", "datelines-blind.jsonl")

STORIES = []

def D(style, published, prefix, body, location, country, date, agency):
    STORIES.append(dict(style=style, published=published, prefix=prefix, body=body,
                        location=location, country=country, date=date, agency=agency))

def N(style, published, text):
    STORIES.append(dict(style=style, published=published, text=text))

# ---------------------------------------------------------------- Reuters, old style
S = "reuters-old"
D(S, "2024-03-04T11:20:00Z", "BAHIA BLANCA, March 4 - ",
  "Grain loading at the port resumed after a two-day stoppage by crane operators, shipping agents said. About 14 vessels were waiting to load wheat and barley.",
  "BAHIA BLANCA", "AR", "March 4", None)
D(S, "2025-02-26T15:02:00Z", "ROTTERDAM, Feb 26 - ",
  "Stocks of gasoil held in independent tanks in the Amsterdam-Rotterdam-Antwerp hub fell for a third straight week, a consultancy said on Wednesday.",
  "ROTTERDAM", "NL", "Feb 26", None)
D(S, "2024-04-09T03:45:00Z", "KUALA LUMPUR, April 9 - ",
  "Malaysian palm oil futures edged higher in thin trade as exporters reported firmer demand from Pakistan and Kenya.",
  "KUALA LUMPUR", "MY", "April 9", None)
D(S, "2025-10-14T22:10:00Z", "WELLINGTON, Oct 14 - ",
  "New Zealand's dairy cooperative raised its forecast milk price by 20 cents, citing stronger whole milk powder auctions.",
  "WELLINGTON", "NZ", "Oct 14", None)
D(S, "2024-06-02T19:30:00Z", "CHICAGO, June 2 - ",
  "Soybean futures slipped on expectations of rain across the western Corn Belt over the coming week.",
  "CHICAGO", "US", "June 2", None)
D(S, "2025-08-19T13:00:00Z", "SÃO PAULO, Aug 19 - ",
  "Brazil's largest sugar mill group said harvest delays caused by frost would trim its crushing estimate by about 3 percent.",
  "SÃO PAULO", "BR", "Aug 19", None)
D(S, "2026-01-07T09:15:00Z", "LAGOS, Jan 7 - ",
  "Nigeria's cocoa arrivals at the main grading centres rose sharply in the week to Sunday, exporters said.",
  "LAGOS", "NG", "Jan 7", None)
D(S, "2026-01-02T14:05:00Z", "HOUSTON, Dec 31 - ",
  "A refinery on the Houston Ship Channel restarted its crude unit after a brief power loss, according to a filing with state regulators.",
  "HOUSTON", "US", "Dec 31", None)
D(S, "2024-11-03T10:40:00Z", "ABIDJAN, Nov 3 - ",
  "Heavy rains in Ivory Coast's main cocoa regions should help the mid-crop, farmers said, though some worried about disease in wet orchards.",
  "ABIDJAN", "CI", "Nov 3", None)
D(S, "2025-05-21T07:55:00Z", "MANILA, May 21 -- ",
  "The Philippine central bank left its key rate unchanged, saying inflation remained within its target band.",
  "MANILA", "PH", "May 21", None)
D(S, "2024-09-08T16:20:00Z", "ZÜRICH, Sept 8 - ",
  "A Swiss private bank agreed to buy a smaller rival's wealth unit for an undisclosed sum, the two firms said in a joint statement.",
  "ZÜRICH", "CH", "Sept 8", None)
D(S, "2025-07-15T02:30:00Z", "PERTH, July 15 - ",
  "An Australian iron ore miner said shipments in the June quarter hit a record as a new rail spur reached full capacity.",
  "PERTH", "AU", "July 15", None)

# ---------------------------------------------------------------- Reuters, new style
S = "reuters-new"
D(S, "2025-11-07T08:12:00Z", "LONDON, Nov 7 (Reuters) - ",
  "British house prices rose for the fourth month in a row in October, a mortgage lender said on Friday, though it warned that affordability remained stretched.",
  "LONDON", "GB", "Nov 7", "Reuters")
D(S, "2026-03-12T12:48:00Z", "JOHANNESBURG, March 12 (Reuters) - ",
  "South Africa's state power utility said it would suspend scheduled outages for the weekend after two generating units returned to service.",
  "JOHANNESBURG", "ZA", "March 12", "Reuters")
D(S, "2025-10-01T05:30:00Z", "MUMBAI, Oct 1 (Reuters) - ",
  "Indian government bond yields were little changed in early trade as investors awaited the central bank's borrowing calendar for the second half.",
  "MUMBAI", "IN", "Oct 1", "Reuters")
D(S, "2026-02-03T10:02:00Z", "FRANKFURT, Feb 3 (Reuters) – ",
  "A German carmaker cut its margin outlook for the year, blaming weaker demand for electric models in China.",
  "FRANKFURT", "DE", "Feb 3", "Reuters")
D(S, "2024-05-05T21:15:00Z", "BOGOTÁ, May 5 (Reuters) - ",
  "Colombia's coffee growers federation said output in April fell 9% from a year earlier as heavy rains disrupted picking.",
  "BOGOTÁ", "CO", "May 5", "Reuters")
D(S, "2025-08-28T04:10:00Z", "JAKARTA, Aug 28 (Reuters) - ",
  "Indonesia will extend a ban on exports of raw bauxite to encourage investment in domestic smelters, a senior minister told reporters on Thursday.",
  "JAKARTA", "ID", "Aug 28", "Reuters")
D(S, "2025-01-01T08:00:00Z", "OSLO, Dec 31 (Reuters) - ",
  "Norway's sovereign wealth fund ended the year with a record value, helped by a late rally in technology shares, its manager said.",
  "OSLO", "NO", "Dec 31", "Reuters")
D(S, "2024-04-22T17:40:00Z", "CALGARY, Alberta, April 22 (Reuters) - ",
  "A Canadian pipeline operator said it had restored full flows on its mainline after a leak was contained near a pumping station in Saskatchewan.",
  "CALGARY, Alberta", "CA", "April 22", "Reuters")
D(S, "2025-06-18T06:25:00Z", "HO CHI MINH CITY, June 18 (Reuters) - ",
  "Vietnam's rice exports in the first half are set to rise about 6%, a trade association said, as buyers in the Philippines stepped up purchases.",
  "HO CHI MINH CITY", "VN", "June 18", "Reuters")
D(S, "2024-09-25T11:00:00Z", "ADDIS ABABA, Sept 25 (Reuters) - ",
  "Ethiopia's state airline will add three weekly flights to West Africa from next month, its chief executive said on Wednesday.",
  "ADDIS ABABA", "ET", "Sept 25", "Reuters")
D(S, "2026-07-03T01:50:00Z", "PORT MORESBY, July 3 (Reuters) - ",
  "Papua New Guinea's parliament passed a revised mining law that raises the state's option to take equity in new projects.",
  "PORT MORESBY", "PG", "July 3", "Reuters")
D(S, "2025-01-30T20:35:00Z", "ST. LOUIS, Jan 30 (Reuters) - ",
  "A regional Federal Reserve official said on Thursday that she saw no urgency to cut interest rates while services inflation stayed sticky.",
  "ST. LOUIS", "US", "Jan 30", "Reuters")
D(S, "2024-11-20T18:05:00Z", "RIO DE JANEIRO, Nov 20 (Reuters) - ",
  "Brazil's oil regulator approved a plan to extend production at two ageing offshore fields until 2040.",
  "RIO DE JANEIRO", "BR", "Nov 20", "Reuters")
D(S, "2025-04-16T14:22:00Z", "WASHINGTON (Reuters) - ",
  "U.S. senators from both parties introduced a bill on Wednesday that would require airlines to refund passengers automatically for long delays.",
  "WASHINGTON", "US", None, "Reuters")
D(S, "2024-08-11T09:30:00Z", "BEIRUT (Reuters) - ",
  "Lebanon's caretaker cabinet approved an emergency fuel purchase to keep the country's two main power plants running through the end of the month.",
  "BEIRUT", "LB", None, "Reuters")
D(S, "2026-05-27T21:45:00Z", "NEW YORK/LONDON (Reuters) - ",
  "Oil prices settled lower on Wednesday after an industry report showed an unexpected build in U.S. crude inventories.",
  "NEW YORK/LONDON", "US", None, "Reuters")
D(S, "2025-03-18T07:10:00Z", "SINGAPORE/TOKYO, March 18 (Reuters) - ",
  "Asian shipping stocks rallied on Tuesday as container freight rates on the main Asia-Europe route jumped for a second week.",
  "SINGAPORE/TOKYO", "SG", "March 18", "Reuters")
D(S, "2024-10-09T16:00:00Z", "BRUSSELS/PARIS (Reuters) - ",
  "European Union regulators opened an investigation into a proposed merger of two satellite operators, citing concerns over prices for broadcasters.",
  "BRUSSELS/PARIS", "BE", None, "Reuters")
D(S, "2026-09-14T06:40:00Z", "DUBAI (Reuters) – ",
  "A Gulf carrier reported a record half-year profit on Monday and said it would take delivery of 12 new wide-body jets before the end of next year.",
  "DUBAI", "AE", None, "Reuters")
D(S, "2025-12-02T13:30:00Z", "NAIROBI/KAMPALA, Dec 2 (Reuters) - ",
  "Kenya and Uganda agreed to resume talks on extending an oil products pipeline after a year-long pause, officials from both countries said.",
  "NAIROBI/KAMPALA", "KE", "Dec 2", "Reuters")

# ---------------------------------------------------------------- AP
S = "ap"
D(S, "2025-02-18T10:05:00Z", "KYIV, Ukraine (AP) — ",
  "Crews worked through the night to restore heating to several apartment blocks after a power substation on the city's eastern edge was damaged.",
  "KYIV, Ukraine", "UA", None, "AP")
D(S, "2024-07-23T19:12:00Z", "MACON, Ga. (AP) — ",
  "A county school board voted on Tuesday to push back the start of the school year by a week so that repairs to two flooded buildings can be finished.",
  "MACON, Ga.", "US", None, "AP")
D(S, "2025-09-09T22:40:00Z", "BOISE, Idaho (AP) — ",
  "A wildfire in the foothills north of the city grew to more than 4,000 acres on Tuesday, forcing the evacuation of a few dozen homes.",
  "BOISE, Idaho", "US", None, "AP")
D(S, "2026-04-01T16:00:00Z", "ST. GEORGE, Utah (AP) — ",
  "Two hikers stranded overnight on a ledge in a slot canyon were lifted out by a helicopter crew on Wednesday morning, sheriff's officials said.",
  "ST. GEORGE, Utah", "US", None, "AP")
D(S, "2024-12-05T03:20:00Z", "LAS CRUCES, N.M. (AP) — ",
  "A university research farm says it has bred a chile pepper that needs a third less water, and growers are lining up to try it next season.",
  "LAS CRUCES, N.M.", "US", None, "AP")
D(S, "2025-06-11T14:45:00Z", "WINSTON-SALEM, N.C. (AP) — ",
  "A former city finance officer pleaded guilty on Wednesday to diverting nearly $300,000 in parking fees to a personal account.",
  "WINSTON-SALEM, N.C.", "US", None, "AP")
D(S, "2026-01-19T12:30:00Z", "DULUTH, Minn. (AP) — ",
  "Ice on the western tip of Lake Superior is thick enough for the first time in three winters to allow the annual fishing tournament, organizers said.",
  "DULUTH, Minn.", "US", None, "AP")
D(S, "2025-10-28T20:10:00Z", "BANGOR, Maine (AP) — ",
  "A paper mill that closed four years ago will reopen as a plant making wood fiber insulation, bringing back about 120 jobs.",
  "BANGOR, Maine", "US", None, "AP")
D(S, "2024-03-15T01:05:00Z", "ST. LOUIS (AP) — ",
  "The city's aldermen approved a plan on Thursday to turn a vacant downtown department store into apartments and a grocery.",
  "ST. LOUIS", "US", None, "AP")
D(S, "2025-05-02T23:55:00Z", "HONOLULU (AP) — ",
  "State officials closed a popular beach park on Friday after a large tiger shark was seen repeatedly near the swimming area.",
  "HONOLULU", "US", None, "AP")
D(S, "2024-06-20T09:00:00Z", "NAIROBI, Kenya (AP) — ",
  "Commuters walked for miles on Thursday as minibus operators stayed off the roads to protest a new fuel levy.",
  "NAIROBI, Kenya", "KE", None, "AP")
D(S, "2025-11-30T18:25:00Z", "GUADALAJARA, Mexico (AP) — ",
  "Thousands of fans lined the avenues on Sunday to watch the city's first women's marathon, which organizers hope to make an annual event.",
  "GUADALAJARA, Mexico", "MX", None, "AP")
D(S, "2026-02-22T04:15:00Z", "CHRISTCHURCH, New Zealand (AP) — ",
  "A strong earthquake shook the South Island on Sunday afternoon, toppling shelves and cutting power to some suburbs, but no serious injuries were reported.",
  "CHRISTCHURCH, New Zealand", "NZ", None, "AP")
D(S, "2024-10-17T15:35:00Z", "TEGUCIGALPA, Honduras (AP) — ",
  "Honduras' congress elected a new attorney general on Thursday after a months-long deadlock between the main parties.",
  "TEGUCIGALPA, Honduras", "HN", None, "AP")
D(S, "2025-03-08T13:50:00Z", "LONDON, Ontario (AP) — ",
  "A Canadian university said on Saturday it will rebuild its engineering library after a fire gutted the building's top floor.",
  "LONDON, Ontario", "CA", None, "AP")
D(S, "2024-08-30T17:00:00Z", "BIRMINGHAM, England (AP) — ",
  "A century-old canal bridge reopened to walkers and cyclists on Friday after a two-year restoration.",
  "BIRMINGHAM, England", "GB", None, "AP")
D(S, "2025-08-30T21:30:00Z", "BIRMINGHAM, Ala. (AP) — ",
  "A freshman quarterback threw for three touchdowns in his first start as the home team won its season opener 31-17 on Saturday night.",
  "BIRMINGHAM, Ala.", "US", None, "AP")
D(S, "2026-06-04T15:10:00Z", "CAMBRIDGE, Mass. (AP) — ",
  "Researchers say a new battery coating could let cheap sodium cells hold their charge through a full New England winter.",
  "CAMBRIDGE, Mass.", "US", None, "AP")
D(S, "2024-01-11T22:00:00Z", "SIOUX FALLS, S.D. (AP) — ",
  "Schools across the region closed on Thursday as a blizzard dropped more than a foot of snow and drove wind chills to 40 below.",
  "SIOUX FALLS, S.D.", "US", None, "AP")
D(S, "2025-07-07T11:45:00Z", "WHEELING, W.Va. (AP) — ",
  "The Ohio River rose to its highest level in a decade on Monday, closing a riverfront highway and flooding several basements downtown.",
  "WHEELING, W.Va.", "US", None, "AP")
D(S, "2026-08-19T06:30:00Z", "TOKYO (AP) — ",
  "Japan's trade surplus widened in July as exports of chip-making equipment surged, government data showed on Wednesday.",
  "TOKYO", "JP", None, "AP")
D(S, "2024-02-28T20:20:00Z", "PORT-AU-PRINCE, Haiti (AP) — ",
  "Schools in the capital reopened on Wednesday after a three-week closure, though many parents said they were still afraid to send their children.",
  "PORT-AU-PRINCE, Haiti", "HT", None, "AP")
D(S, "2025-12-12T09:40:00Z", "ISTANBUL (AP) -- ",
  "Ferry services across the Bosporus were suspended for several hours on Friday as gale-force winds churned the strait.",
  "ISTANBUL", "TR", None, "AP")
D(S, "2026-10-05T14:00:00Z", "GRAND FORKS, N.D. (AP) - ",
  "Sugar beet growers began an early harvest on Monday after forecasters warned of a hard freeze later in the week.",
  "GRAND FORKS, N.D.", "US", None, "AP")

# ---------------------------------------------------------------- AFP
S = "afp"
D(S, "2025-01-23T11:30:00Z", "BRUSSELS (AFP) - ",
  "Belgian rail unions called a two-day strike for next week over planned changes to pension rules, threatening disruption to international trains.",
  "BRUSSELS", "BE", None, "AFP")
D(S, "2024-05-16T07:45:00Z", "Kyiv (AFP) - ",
  "Ukraine's parliament approved a bill on Thursday simplifying the registration of small farms, a measure backed by the country's grain lobby.",
  "Kyiv", "UA", None, "AFP")
D(S, "2025-09-30T17:15:00Z", "Dakar (AFP) – ",
  "Senegal's fishermen staged a protest at the port on Tuesday, saying foreign trawlers were emptying the coastal waters.",
  "Dakar", "SN", None, "AFP")
D(S, "2026-03-25T05:05:00Z", "KATHMANDU, Nepal (AFP) - ",
  "A landslide blocked the main highway linking the capital to the southern plains on Wednesday, stranding hundreds of trucks.",
  "KATHMANDU, Nepal", "NP", None, "AFP")
D(S, "2024-12-09T19:50:00Z", "Montevideo (AFP) - ",
  "Uruguay's lower house voted on Monday to extend paid parental leave for fathers to thirty days.",
  "Montevideo", "UY", None, "AFP")
D(S, "2025-04-02T13:25:00Z", "ABUJA, Nigeria (AFP) — ",
  "Nigeria's senate confirmed a new central bank deputy governor on Wednesday after a heated debate over his past business ties.",
  "ABUJA, Nigeria", "NG", None, "AFP")
D(S, "2026-11-11T10:10:00Z", "Nouméa (AFP) - ",
  "Nickel workers in New Caledonia ended a week-long blockade of a processing plant on Wednesday after a pay deal was reached.",
  "Nouméa", "NC", None, "AFP")

# ---------------------------------------------------------------- Xinhua and other agencies
S = "agency-other"
D(S, "2025-09-30T12:00:00Z", "BEIJING, Sept. 30 (Xinhua) -- ",
  "China's railways are expected to handle more than 190 million passenger trips during the upcoming holiday week, the national rail operator said Tuesday.",
  "BEIJING", "CN", "Sept. 30", "Xinhua")
D(S, "2026-02-11T09:20:00Z", "URUMQI, Feb. 11 (Xinhua) -- ",
  "A new ski resort in the Altay mountains received its 100,000th visitor of the season on Wednesday, local tourism authorities said.",
  "URUMQI", "CN", "Feb. 11", "Xinhua")
D(S, "2024-06-04T16:40:00Z", "HARARE, June 4 (Xinhua) -- ",
  "Zimbabwe's tobacco farmers have sold more than 200 million kg of leaf since the auction season opened, the industry regulator said Tuesday.",
  "HARARE", "ZW", "June 4", "Xinhua")
D(S, "2026-01-01T03:00:00Z", "VIENTIANE, Dec. 30 (Xinhua) -- ",
  "Laos recorded more than 4 million international tourist arrivals in 2025, its tourism ministry said on Tuesday, citing growth in rail travel from the north.",
  "VIENTIANE", "LA", "Dec. 30", "Xinhua")
D(S, "2025-08-02T18:30:00Z", "CAIRO, Aug. 2 (Xinhua) -- ",
  "Egypt opened a new desalination plant on the Red Sea coast on Saturday with a capacity of 150,000 cubic meters a day.",
  "CAIRO", "EG", "Aug. 2", "Xinhua")
D(S, "2024-01-12T10:50:00Z", "BERLIN, Jan 12 (dpa) - ",
  "German farmers drove hundreds of tractors through the government quarter on Friday to protest against planned cuts to diesel subsidies.",
  "BERLIN", "DE", "Jan 12", "dpa")
D(S, "2025-06-26T08:35:00Z", "HAMBURG (dpa) - ",
  "The port's container throughput rose slightly in the first half of the year, the port authority said on Thursday.",
  "HAMBURG", "DE", None, "dpa")
D(S, "2024-03-09T14:15:00Z", "ROME, March 9 (ANSA) - ",
  "Italy's culture ministry announced free entry to state museums on the first Sunday of every month would continue through next year.",
  "ROME", "IT", "March 9", "ANSA")
D(S, "2025-10-20T11:05:00Z", "NAPLES (ANSA) - ",
  "Firefighters evacuated two buildings in the historic centre on Monday after a section of an old tuff quarry collapsed beneath a courtyard.",
  "NAPLES", "IT", None, "ANSA")
D(S, "2026-01-05T07:25:00Z", "NEW DELHI, Jan 5 (PTI) ",
  "The Union government on Monday notified new rules making it mandatory for e-commerce platforms to display the country of origin of all products.",
  "NEW DELHI", "IN", "Jan 5", "PTI")
D(S, "2024-11-14T12:55:00Z", "KOLKATA, Nov 14 (PTI) - ",
  "The state transport department will add 200 electric buses to the city fleet by March, a senior official said on Thursday.",
  "KOLKATA", "IN", "Nov 14", "PTI")
D(S, "2025-10-22T09:10:00Z", "Chennai, Oct 22 (PTI) ",
  "Heavy rain lashed the city and its suburbs for the second day on Wednesday, inundating low-lying areas and disrupting suburban train services.",
  "Chennai", "IN", "Oct 22", "PTI")
D(S, "2024-07-07T04:40:00Z", "TOKYO, July 7 (Kyodo) -- ",
  "Voter turnout in the Tokyo gubernatorial election stood slightly below the previous race as of 4 p.m. Sunday, the election board said.",
  "TOKYO", "JP", "July 7", "Kyodo")
D(S, "2026-02-06T02:15:00Z", "SAPPORO, Feb. 6 (Kyodo) -- ",
  "The city's snow festival opened Friday with more than 200 ice and snow sculptures, including a replica of a famous castle keep.",
  "SAPPORO", "JP", "Feb. 6", "Kyodo")
D(S, "2025-05-14T01:30:00Z", "SEOUL, May 14 (Yonhap) -- ",
  "South Korea's jobless rate fell to 2.8 percent in April as hiring in the health and welfare sector picked up, statistics showed Wednesday.",
  "SEOUL", "KR", "May 14", "Yonhap")
D(S, "2024-09-03T05:50:00Z", "BUSAN, Sept. 3 (Yonhap) -- ",
  "The port city will host an international film market next month with a record 1,200 registered buyers, organizers said Tuesday.",
  "BUSAN", "KR", "Sept. 3", "Yonhap")
D(S, "2026-04-20T16:45:00Z", "LIMA, Apr 20 (EFE).- ",
  "Peru's Congress approved on Monday a bill that raises the minimum age for mining work underground to 21.",
  "LIMA", "PE", "Apr 20", "EFE")
D(S, "2025-10-02T20:20:00Z", "ASUNCIÓN, Oct 2 (EFE) - ",
  "Paraguay's river ports resumed barge traffic after rains lifted the Paraguay River above the minimum navigable level, port authorities said Thursday.",
  "ASUNCIÓN", "PY", "Oct 2", "EFE")
D(S, "2025-01-22T15:15:00Z", "WASHINGTON, Jan. 22 (UPI) -- ",
  "The National Weather Service warned Wednesday that a rare mix of snow and freezing rain could reach the Gulf Coast by the weekend.",
  "WASHINGTON", "US", "Jan. 22", "UPI")
D(S, "2026-01-09T03:05:00Z", "TAIPEI, Jan. 9 (CNA) - ",
  "Taiwan's export orders rose for a seventh consecutive month in December, the economics ministry said Friday.",
  "TAIPEI", "TW", "Jan. 9", "CNA")
D(S, "2024-08-27T06:00:00Z", "KUALA LUMPUR, Aug 27 (Bernama) -- ",
  "The national flag carrier will resume direct flights to Kathmandu from October, its chief commercial officer said today.",
  "KUALA LUMPUR", "MY", "Aug 27", "Bernama")
D(S, "2024-08-30T08:45:00Z", "KOTA KINABALU, Aug 30 (Bernama) -- ",
  "Sabah will set aside land for a second deep-water port to handle growing palm oil and container traffic, the state's infrastructure minister said.",
  "KOTA KINABALU", "MY", "Aug 30", "Bernama")
D(S, "2025-06-13T17:30:00Z", "ST. JOHN'S, N.L. (CP) — ",
  "Newfoundland and Labrador will spend $40 million to replace ageing ferries on two coastal routes, the provincial government said Friday.",
  "ST. JOHN'S, N.L.", "CA", None, "CP")
D(S, "2026-10-10T09:55:00Z", "VLADIVOSTOK, Oct 10 (TASS) -- ",
  "A new container line linking the port with Shanghai made its first call on Saturday, the port operator said.",
  "VLADIVOSTOK", "RU", "Oct 10", "TASS")
D(S, "2025-05-03T13:10:00Z", "KARACHI, May 3 (APP) - ",
  "The provincial government announced a relief package for fishermen whose boats were damaged in last week's storm.",
  "KARACHI", "PK", "May 3", "APP")
D(S, "2024-07-21T10:30:00Z", "DHAKA, July 21 (UNB) - ",
  "Bangladesh's garment exporters shipped goods worth a record amount in June, their association said on Sunday.",
  "DHAKA", "BD", "July 21", "UNB")
D(S, "2026-05-12T08:05:00Z", "NAIROBI, 12 May (IPS) - ",
  "Smallholder farmers in the Rift Valley say a new mobile weather service has helped them decide when to plant, though many still lack the phones to use it.",
  "NAIROBI", "KE", "12 May", "IPS")
D(S, "2025-03-09T12:40:00Z", "ACCRA, 9 March (GNA) - ",
  "Ghana's cocoa regulator has begun distributing free seedlings to farmers whose trees were hit by swollen shoot disease.",
  "ACCRA", "GH", "9 March", "GNA")
D(S, "2026-06-30T14:20:00Z", "JOHOR BAHRU, June 30 (Bernama) — ",
  "Traffic at the causeway eased on Tuesday after a new automated clearance lane for motorcyclists began operating.",
  "JOHOR BAHRU", "MY", "June 30", "Bernama")

# ---------------------------------------------------------------- newspapers (no agency)
S = "newspaper"
D(S, "2025-04-11T21:00:00Z", "TOKYO — ",
  "The capital's plan to require solar panels on most new houses has split homebuilders, with larger firms welcoming it and small builders warning of costs.",
  "TOKYO", "JP", None, None)
D(S, "2024-10-23T23:10:00Z", "WASHINGTON, D.C. — ",
  "The city council approved a pilot program on Tuesday that will let food trucks operate overnight on six blocks near the convention center.",
  "WASHINGTON, D.C.", "US", None, None)
D(S, "2025-02-14T12:00:00Z", "FT. WORTH, Texas — ",
  "The stockyards' oldest saddle shop is closing after 92 years, its owners said, because none of their grandchildren want to take it over.",
  "FT. WORTH, Texas", "US", None, None)
D(S, "2026-03-03T18:30:00Z", "MT. PLEASANT, Mich. — ",
  "Students at the university returned to class on Monday after a water main break shut the campus for four days.",
  "MT. PLEASANT, Mich.", "US", None, None)
D(S, "2024-11-29T15:45:00Z", "SAN MIGUEL DE ALLENDE, Mexico — ",
  "The town's long-running craft fair drew its largest crowds in years over the weekend, as a new highway cut the drive from the capital.",
  "SAN MIGUEL DE ALLENDE, Mexico", "MX", None, None)
D(S, "2025-12-08T07:30:00Z", "CAPE TOWN, South Africa — ",
  "Water restrictions were lifted across the city on Monday after winter rains left the main reservoirs more than 90 percent full.",
  "CAPE TOWN, South Africa", "ZA", None, None)
D(S, "2026-05-18T10:15:00Z", "KRAKÓW, Poland — ",
  "A medieval cellar found beneath a market-square café will be opened to visitors next spring, city conservators said.",
  "KRAKÓW, Poland", "PL", None, None)
D(S, "2024-03-28T13:00:00Z", "REYKJAVÍK, Iceland – ",
  "Geologists warned on Thursday that magma was again building beneath the peninsula south of the capital, raising the chance of a new fissure eruption.",
  "REYKJAVÍK, Iceland", "IS", None, None)
D(S, "2025-07-03T16:20:00Z", "QUÉBEC CITY — ",
  "The provincial capital will close part of its old town to cars on summer weekends starting next year, the mayor announced.",
  "QUÉBEC CITY", "CA", None, None)
D(S, "2026-09-01T09:00:00Z", "MALMÖ, Sweden - ",
  "A shipyard that once built oil tankers will house the city's new concert hall, under plans approved by the municipal council on Monday.",
  "MALMÖ, Sweden", "SE", None, None)
D(S, "2025-11-18T11:35:00Z", "DÜSSELDORF, Germany — ",
  "A chemical distributor based in the city said it would cut 400 jobs as customers in the construction industry scaled back orders.",
  "DÜSSELDORF, Germany", "DE", None, None)
D(S, "2024-02-05T04:25:00Z", "ULAANBAATAR, Mongolia — ",
  "Herders in the country's east have lost tens of thousands of animals to a harsh winter, and the government has appealed for fodder donations.",
  "ULAANBAATAR, Mongolia", "MN", None, None)
D(S, "2026-12-01T05:10:00Z", "LUANG PRABANG, Laos -- ",
  "Monks and volunteers began restoring the gilded roof of a riverside temple on Tuesday, a project expected to take two years.",
  "LUANG PRABANG, Laos", "LA", None, None)
D(S, "2025-07-28T19:40:00Z", "SYDNEY — ",
  "Commuters faced a second day of delays on Tuesday as a signalling fault on the harbour crossing forced trains to run at reduced speed.",
  "SYDNEY", "AU", None, None)
D(S, "2024-09-19T14:10:00Z", "St. Petersburg, Fla. — ",
  "The city's pier reopened on Thursday, two weeks after a storm surge tore away a section of its boardwalk.",
  "St. Petersburg, Fla.", "US", None, None)
D(S, "2026-08-07T22:05:00Z", "PORTLAND, Ore. — ",
  "The city council voted to extend a downtown free-fare zone on the streetcar for another year.",
  "PORTLAND, Ore.", "US", None, None)
D(S, "2025-06-24T06:50:00Z", "Lviv, Ukraine — ",
  "A workshop in a former tram depot has begun making prosthetic hands on 3D printers, fitting about 30 patients a month.",
  "Lviv, Ukraine", "UA", None, None)

# ---------------------------------------------------------------- colon datelines (South Asian press)
S = "colon"
D(S, "2025-02-12T06:15:00Z", "ISLAMABAD: ",
  "The federal cabinet on Wednesday approved a plan to merge three loss-making power distribution companies.",
  "ISLAMABAD", "PK", None, None)
D(S, "2024-07-30T05:40:00Z", "Mumbai: ",
  "Local train services on the Central line were hit for nearly three hours on Tuesday morning after a signal failure near Thane.",
  "Mumbai", "IN", None, None)
D(S, "2025-12-19T04:00:00Z", "LUCKNOW: ",
  "Dense fog delayed more than 40 trains and several flights at the city's airport on Friday, officials said.",
  "LUCKNOW", "IN", None, None)
D(S, "2026-06-08T07:20:00Z", "Bengaluru: ",
  "The city's metro will begin running trains every three minutes during peak hours on its busiest line from next week.",
  "Bengaluru", "IN", None, None)
D(S, "2024-04-17T08:30:00Z", "Colombo: ",
  "Sri Lanka's tea auction prices climbed for a fourth straight week on strong demand from buyers in Iraq and Turkey.",
  "Colombo", "LK", None, None)
D(S, "2025-09-04T09:45:00Z", "PESHAWAR: ",
  "Health officials launched a five-day polio vaccination drive on Thursday aimed at reaching 2.5 million children in the province.",
  "PESHAWAR", "PK", None, None)
D(S, "2024-11-03T11:05:00Z", "Guwahati, Nov 3: ",
  "The state government on Sunday announced a compensation package for tea garden workers affected by the recent floods.",
  "Guwahati", "IN", "Nov 3", None)
D(S, "2026-08-14T06:35:00Z", "Thiruvananthapuram, Aug 14: ",
  "The Kerala cabinet on Friday cleared a proposal to set up a marine research centre at Vizhinjam port.",
  "Thiruvananthapuram", "IN", "Aug 14", None)
D(S, "2025-01-01T07:10:00Z", "KATHMANDU, Dec 31: ",
  "Nepal's central bank said remittance inflows for the first five months of the fiscal year rose by nearly a fifth.",
  "KATHMANDU", "NP", "Dec 31", None)

# ---------------------------------------------------------------- press releases
S = "press-release"
D(S, "2025-03-03T13:00:00Z", "NEW YORK, March 3, 2025 /PRNewswire/ -- ",
  "Harbor Lane Analytics, a provider of risk software for insurers, today announced the opening of a new office in Lisbon.",
  "NEW YORK", "US", "March 3, 2025", "PRNewswire")
D(S, "2024-01-09T07:00:00Z", "LONDON, Jan. 9, 2024 /PRNewswire/ -- ",
  "Brightwater Foods has completed the acquisition of a Dutch maker of plant-based cheeses, the company said today.",
  "LONDON", "GB", "Jan. 9, 2024", "PRNewswire")
D(S, "2025-06-11T02:30:00Z", "SHENZHEN, China, June 11, 2025 /PRNewswire/ -- ",
  "Lumetra Robotics today unveiled a warehouse robot that can pick up to 900 items an hour, aimed at mid-sized logistics firms.",
  "SHENZHEN, China", "CN", "June 11, 2025", "PRNewswire")
D(S, "2026-02-27T14:00:00Z", "AUSTIN, Texas, Feb. 27, 2026 /PRNewswire/ -- ",
  "Cedarline Health, a developer of remote patient monitoring tools, has raised $48 million in a Series B round.",
  "AUSTIN, Texas", "US", "Feb. 27, 2026", "PRNewswire")
D(S, "2025-09-15T06:00:00Z", "TEL AVIV, Israel, Sept. 15, 2025 /PRNewswire/ -- ",
  "Orbix Security announced today that its cloud firewall has been certified for use by government agencies in three European countries.",
  "TEL AVIV, Israel", "IL", "Sept. 15, 2025", "PRNewswire")
D(S, "2024-05-07T20:05:00Z", "SAN JOSE, Calif.--(BUSINESS WIRE)--",
  "Quanterra Systems, Inc. today reported revenue of $212 million for its fiscal first quarter, up 18% from a year ago.",
  "SAN JOSE, Calif.", "US", None, "BUSINESS WIRE")
D(S, "2025-11-04T12:30:00Z", "BOSTON--(BUSINESS WIRE)--",
  "Ridgeview Therapeutics today announced that the first patient has been dosed in its Phase 2 trial of a once-weekly treatment for gout.",
  "BOSTON", "US", None, "BUSINESS WIRE")
D(S, "2026-01-12T21:10:00Z", "SOUTH SAN FRANCISCO, Calif.--(BUSINESS WIRE)--",
  "Helixa Bio today announced a collaboration with a Japanese drugmaker to develop antibody treatments for rare kidney diseases.",
  "SOUTH SAN FRANCISCO, Calif.", "US", None, "BUSINESS WIRE")
D(S, "2025-10-02T11:00:00Z", "TORONTO, Oct. 02, 2025 (GLOBE NEWSWIRE) -- ",
  "Northfield Minerals Corp. is pleased to announce drilling results from its Copper Ridge project in northern Ontario.",
  "TORONTO", "CA", "Oct. 02, 2025", "GLOBE NEWSWIRE")
D(S, "2025-05-19T13:30:00Z", "VANCOUVER, British Columbia, May 19, 2025 (GLOBE NEWSWIRE) -- ",
  "Pacific Tideworks Inc. announced today that it has closed a private placement of 12 million units at $0.45 per unit.",
  "VANCOUVER, British Columbia", "CA", "May 19, 2025", "GLOBE NEWSWIRE")
D(S, "2025-12-30T14:00:00Z", "NEW YORK, Dec. 30, 2025 (GLOBE NEWSWIRE) -- ",
  "Meridian Crest Capital today announced the final closing of its third infrastructure fund with total commitments of $1.1 billion.",
  "NEW YORK", "US", "Dec. 30, 2025", "GLOBE NEWSWIRE")
D(S, "2026-01-02T08:00:00Z", "MUNICH, Germany, December 31, 2025 /PRNewswire/ -- ",
  "Voltaro GmbH has completed the sale of its industrial sensor division to a Nordic investor, the company announced.",
  "MUNICH, Germany", "DE", "December 31, 2025", "PRNewswire")
D(S, "2026-04-08T04:30:00Z", "BANGALORE, India, April 8, 2026 /PRNewswire/ -- ",
  "Tessellate Labs, an enterprise software start-up, today launched an AI assistant that drafts purchase orders from supplier emails.",
  "BANGALORE, India", "IN", "April 8, 2026", "PRNewswire")
D(S, "2025-07-01T12:15:00Z", "CHARLOTTE, N.C., July 1, 2025 /PRNewswire/ -- ",
  "Piedmont Ledger Bank today named a new chief financial officer, effective August 1.",
  "CHARLOTTE, N.C.", "US", "July 1, 2025", "PRNewswire")
D(S, "2026-01-06T13:00:00Z", "HOUSTON, Jan. 6, 2026 (GLOBE NEWSWIRE) -- ",
  "Gulfmark Energy Services announced today that it has been awarded a two-year contract for well intervention work in the Gulf of Mexico.",
  "HOUSTON", "US", "Jan. 6, 2026", "GLOBE NEWSWIRE")
D(S, "2026-03-10T15:00:00Z", "DENVER, March 10, 2026 /PRNewswire-PRWeb/ -- ",
  "Summit Trailworks, a maker of lightweight camping gear, announced the opening of its first retail store in the Rocky Mountain region.",
  "DENVER", "US", "March 10, 2026", "PRNewswire-PRWeb")
D(S, "2025-08-05T16:00:00Z", "LOS ANGELES, Aug. 5, 2025 /PRNewswire/ — ",
  "Starling Reel Studios today announced a slate of six animated features to be produced over the next four years.",
  "LOS ANGELES", "US", "Aug. 5, 2025", "PRNewswire")
D(S, "2024-10-15T06:00:00Z", "STOCKHOLM, Oct. 15, 2024 /PRNewswire/ -- ",
  "Nordvik Batteries AB today reported that its gigafactory in northern Sweden has reached a production rate of 5 GWh a year.",
  "STOCKHOLM", "SE", "Oct. 15, 2024", "PRNewswire")

# ---------------------------------------------------------------- headline, UPDATE or byline line before the dateline
S = "preceded"
D(S, "2025-01-14T16:30:00Z", "UPDATE 2-Chile copper output slips as strike drags on at northern mine\nSANTIAGO, Jan 14 (Reuters) - ",
  "Chile's copper production fell 7% in December from a year earlier, the statistics agency said on Tuesday, as a strike at a large northern mine entered its third week.",
  "SANTIAGO", "CL", "Jan 14", "Reuters")
D(S, "2026-07-09T19:20:00Z", "UPDATE 1-Mexico central bank trims rates, signals pause\nMEXICO CITY, July 9 (Reuters) - ",
  "Mexico's central bank cut its benchmark interest rate by a quarter point on Thursday and hinted that it may hold off on further reductions.",
  "MEXICO CITY", "MX", "July 9", "Reuters")
D(S, "2025-03-27T10:00:00Z", "By Amara Okoye\nKAMPALA, Uganda (AP) — ",
  "Boda-boda riders blocked several roads in the capital on Thursday to protest a proposed ban on motorcycle taxis in the city centre.",
  "KAMPALA, Uganda", "UG", None, "AP")
D(S, "2024-08-03T22:15:00Z", "By Daniel Reyes and Priya Nair\nMANAUS, Brazil, Aug 3 (Reuters) - ",
  "River levels near the Amazon's largest city dropped to their lowest for early August in two decades, threatening cargo barges that supply remote towns.",
  "MANAUS, Brazil", "BR", "Aug 3", "Reuters")
D(S, "2025-07-02T12:40:00Z", "Floodwaters cut off hill villages in northeast\nSYLHET, Bangladesh —\n",
  "Rescue teams used boats on Wednesday to reach villages marooned by flash floods after three days of torrential rain.",
  "SYLHET, Bangladesh", "BD", None, None)
D(S, "2026-02-16T08:50:00Z", "Cyclone leaves thousands homeless\nRelief flights resume as airport reopens\nANTANANARIVO, Madagascar (AP) —\n\n",
  "Aid agencies said on Monday that more than 30,000 people had lost their homes when the cyclone crossed the island's east coast over the weekend.",
  "ANTANANARIVO, Madagascar", "MG", None, "AP")
D(S, "2024-06-25T05:30:00Z", "Monsoon arrives early in western hills\nPUNE, India\n",
  "The monsoon reached the city four days ahead of schedule on Tuesday, the weather office said, bringing relief after a scorching May.",
  "PUNE, India", "IN", None, None)
D(S, "2025-04-29T17:05:00Z", "Hatmakers race to meet summer orders\n\nCUENCA, Ecuador –\n\n",
  "In a workshop near the cathedral, a dozen weavers work from dawn to finish straw hats bound for shops in Europe and Japan.",
  "CUENCA, Ecuador", "EC", None, None)
D(S, "2026-11-23T09:25:00Z", "Christmas markets open early as visitors return\nBy Lena Fischer\nGRAZ, Austria (dpa) - ",
  "The city's Christmas markets opened a week earlier than usual on Monday, and stallholders reported brisk sales of mulled wine despite the cold.",
  "GRAZ, Austria", "AT", None, "dpa")
D(S, "2025-02-17T14:45:00Z", "EXCLUSIVE-Moroccan phosphate group weighs bond sale, sources say\nCASABLANCA, Feb 17 (Reuters) - ",
  "Morocco's state phosphate company is considering a dollar bond of up to $1.5 billion as soon as next month, three people familiar with the plans said.",
  "CASABLANCA", "MA", "Feb 17", "Reuters")
D(S, "2026-01-02T20:00:00Z", "Polar night ends with a cheer\nTROMSØ, Norway, Jan. 2 —\n",
  "Hundreds of residents gathered on the harbour front on Friday to watch the first sliver of sun appear over the mountains after two months of darkness.",
  "TROMSØ, Norway", "NO", "Jan. 2", None)
D(S, "2024-09-12T07:15:00Z", "Desert lodge wins conservation award\nBy Staff Writer\nWINDHOEK —\n",
  "A community-owned lodge in the northwest has won a regional prize for protecting desert-adapted elephants, its managers said on Thursday.",
  "WINDHOEK", "NA", None, None)
D(S, "2025-02-28T02:45:00Z", "Parade crews race the rain\nNEW ORLEANS (AP) —\n",
  "Float builders worked through the night on Thursday to finish repairs after strong winds damaged several floats in a warehouse district.",
  "NEW ORLEANS", "US", None, "AP")
D(S, "2026-03-19T10:30:00Z", "UPDATE 3-Turkish lira steadies after central bank surprise\nISTANBUL/ANKARA, March 19 (Reuters) - ",
  "The lira recovered some of its losses on Thursday after the central bank unexpectedly raised its overnight lending rate late on Wednesday.",
  "ISTANBUL/ANKARA", "TR", "March 19", "Reuters")

# ---------------------------------------------------------------- feed prefixes and agency-only openings
S = "feed-agency-only"
D(S, "2024-10-06T15:00:00Z", "SPACE.com - TORONTO, Canada -- ",
  "A team of Canadian engineers has unveiled a lunar rover prototype that can survive the two-week lunar night on a small battery and heaters.",
  "TORONTO, Canada", "CA", None, "SPACE.com")
D(S, "2024-11-12T18:30:00Z", "SPACE.com - CAPE CANAVERAL, Fla. -- ",
  "A weather balloon launched ahead of Tuesday's rocket attempt showed winds aloft too strong for liftoff, forcing a one-day delay.",
  "CAPE CANAVERAL, Fla.", "US", None, "SPACE.com")
D(S, "2025-03-21T09:00:00Z", "AP - ",
  "A small plane made an emergency landing on a highway on Friday morning, and no one on board or on the ground was hurt, state police said.",
  None, None, None, "AP")
D(S, "2024-12-17T13:40:00Z", "AFP - ",
  "Swiss voters will decide next year whether to ban the sale of new petrol cars from 2035, after campaigners handed in enough signatures.",
  None, None, None, "AFP")
D(S, "2025-08-08T06:20:00Z", "Reuters - ",
  "Global food prices rose for a third month in July as vegetable oil and dairy costs climbed, the U.N. food agency said on Friday.",
  None, None, None, "Reuters")
D(S, "2024-04-03T16:45:00Z", "AP – ",
  "A line of thunderstorms spawned at least four tornadoes across the southern plains overnight, damaging barns and bringing down power lines.",
  None, None, None, "AP")
D(S, "2025-05-26T20:00:00Z", "Canadian Press - VANCOUVER (CP) - ",
  "The port authority says container volumes at Canada's largest port rose in April as shippers diverted cargo from U.S. West Coast terminals.",
  "VANCOUVER", "CA", None, "CP")

# ================================================================ NO dateline
S = "none-plain"
N(S, "2025-06-06T10:00:00Z", "Three people were hurt when a delivery van mounted the pavement outside a shopping centre on Thursday evening, police said. The driver was arrested at the scene.")
N(S, "2024-12-02T08:30:00Z", "Rain is expected to return to most of the country by midweek, ending a dry spell that has lasted nearly a month.")
N(S, "2026-05-14T13:45:00Z", "Shares in Nordic Timber rose 6 percent on Thursday after the sawmill group reported a better-than-expected first quarter.")
N(S, "2025-09-22T19:05:00Z", "Quarterly profit at the Tokyo-based trading house fell by a quarter, hurt by weaker coal prices and a loss on a Brazilian farmland stake.")
N(S, "2024-03-19T11:20:00Z", "In Lagos, traffic on the Third Mainland Bridge moved at a crawl on Tuesday as repair crews closed two lanes for resurfacing.")
N(S, "2026-02-09T07:55:00Z", "By 2030, the city wants every bus on its network to run on electricity, the transport commissioner told councillors on Monday.")
N(S, "2025-11-11T15:30:00Z", "Berlin-based start-up Kolibri Mobility has raised 30 million euros to expand its electric cargo bike rental service to five more cities.")
N(S, "2024-07-01T21:10:00Z", "U.S. stocks closed higher on Monday as investors bet that cooling wage growth would let the Federal Reserve ease policy later this year.")
N(S, "2026-10-27T14:00:00Z", "Wall Street's main indexes slipped from record highs on Tuesday as a batch of earnings from chipmakers failed to impress.")
N(S, "2025-04-04T09:40:00Z", "India's monsoon is likely to be above normal this year, the weather office said on Friday, raising hopes for a bumper harvest of rice and pulses.")
N(S, "2024-08-15T12:05:00Z", "Council approves new cycle lanes on ring road\nThe city council voted 7-2 on Tuesday to build protected cycle lanes along the inner ring road, despite objections from some shopkeepers.")
N(S, "2025-10-13T16:50:00Z", "Chicago's transit agency will add late-night service on three bus routes next month, it said on Monday, after a surge in ridership among shift workers.")

S = "none-quote"
N(S, "2025-01-17T18:15:00Z", "\"We are not going anywhere,\" the mayor told a crowd outside the flooded town hall on Friday, promising that offices would reopen within a week.")
N(S, "2026-06-21T10:40:00Z", "“It felt like the whole building was swaying,” said a shop owner who fled into the street when the tremor struck shortly after noon.")
N(S, "2024-10-30T08:20:00Z", "'This is the last harvest I can afford,' a wheat farmer said as he loaded sacks onto his truck, blaming fertiliser prices that have doubled in two years.")

S = "none-acronym"
N(S, "2025-07-11T13:00:00Z", "NATO allies agreed on Friday to increase joint air-defence exercises along the alliance's eastern flank next year.")
N(S, "2024-06-03T10:25:00Z", "OPEC said on Monday it expected global oil demand growth to slow next year as electric vehicle sales in China keep climbing.")
N(S, "2026-09-09T07:00:00Z", "UNICEF warned on Wednesday that more than a million children in the region could miss the start of the school year because of flooding.")
N(S, "2025-12-15T17:35:00Z", "FIFA has opened disciplinary proceedings against two national federations after crowd trouble at World Cup qualifiers last week.")
N(S, "2024-05-22T14:50:00Z", "NASA engineers said on Wednesday they had regained contact with a small lunar probe that went silent after a software update.")
N(S, "2026-03-30T09:15:00Z", "EU ministers failed on Monday to agree on new limits for fishing in the Baltic, leaving the decision to a summit next month.")
N(S, "2025-05-08T12:00:00Z", "IMF staff ended a two-week visit to the country on Thursday without reaching an agreement on the next loan tranche.")
N(S, "2024-11-25T03:30:00Z", "ASEAN leaders pledged on Monday to speed up talks on a code of conduct for shipping lanes in the region.")
N(S, "2026-07-17T11:10:00Z", "WHO officials said on Friday a measles outbreak in three border districts had been contained after a mass vaccination campaign.")

S = "none-label"
N(S, "2025-03-14T06:00:00Z", "Analysis: Why the central bank's pause may not last\nThe central bank held rates steady this week, but a tight labour market and rising rents could force its hand again by the summer.")
N(S, "2024-09-26T15:20:00Z", "Factbox: What is on the table at this week's climate talks\nNegotiators from nearly 200 countries meet this week to thrash out rules for a new fund to pay for storm and flood damage.")
N(S, "2026-01-20T08:45:00Z", "EXCLUSIVE: Budget airline weighs order for 40 new jets\nA European budget airline is in talks with two manufacturers over an order for up to 40 narrow-body aircraft, people familiar with the matter said.")
N(S, "2025-08-18T20:30:00Z", "WATCH: Firefighters rescue a kitten from a storm drain\nFirefighters spent two hours on Monday freeing a kitten that had crawled into a storm drain beneath a busy intersection.")
N(S, "2024-04-12T10:10:00Z", "Q&A: What the new tenancy rules mean for renters\nLandlords will need to give at least four months' notice before ending a tenancy under rules that take effect in October.")
N(S, "2026-04-24T18:00:00Z", "BREAKING - A magnitude 6.1 earthquake struck off the coast early on Friday, seismologists said, and a tsunami warning was issued for nearby islands.")
N(S, "2025-06-30T09:50:00Z", "FOCUS-Farmers bet on drought-tolerant sorghum as rains fail again\nFarmers across the dry savannah are swapping maize for sorghum, which needs far less water and stores better.")
N(S, "2024-02-21T16:35:00Z", "Opinion: Our city needs more trees, not more parking\nEvery summer the asphalt around the bus station gets hotter, and every summer the council promises shade that never comes.")

S = "none-place-name"
N(S, "2025-05-28T11:30:00Z", "LONDON Stock Exchange shares fell 3% on Tuesday after the exchange operator warned that trading volumes had softened in the spring.")
N(S, "2026-08-25T21:40:00Z", "Paris Saint-Germain completed the signing of a teenage midfielder on Tuesday, the club said, for a fee reported to be around 20 million euros.")
N(S, "2024-12-19T14:25:00Z", "The Mumbai Indians named a new head coach on Thursday, ending weeks of speculation after a disappointing season.")
N(S, "2025-10-07T08:15:00Z", "Washington Irving's former riverside home will close for a year of repairs to its roof and porch, the trust that runs it said.")
N(S, "2026-11-02T12:50:00Z", "Chelsea fans queued overnight for tickets to the cup final, with some bringing camping chairs and flasks of tea.")

S = "none-person"
N(S, "2024-06-14T17:00:00Z", "Maria Delgado, 54, had run the bakery on the corner for 23 years when the rent doubled. She closed the doors for the last time last weekend.")
N(S, "2025-02-03T22:30:00Z", "Jordan, the 31-year-old striker, scored twice in the second half as his side came from behind to win 3-2 on Sunday.")
N(S, "2026-02-26T13:20:00Z", "Sydney Morgan, the club's captain, said the team would donate its prize money to a youth programme in the town.")
N(S, "2024-10-08T09:35:00Z", "Georgia Thompson, a nurse from the coast, spent her summer holiday volunteering at a field hospital after the floods.")
N(S, "2025-09-15T15:45:00Z", "Virginia Hale, who founded the city's first women's rowing club, has died at the age of 97, her family said on Monday.")

# ================================================================ build and check
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

def resolve(date, published):
    """The ISO date of a dateline's date as written, with the year from `published` if none is written."""
    pub = datetime.datetime.fromisoformat(published.replace("Z", "+00:00")).date()
    m = re.fullmatch(MON + r" (\d{1,2})(?:, (\d{4}))?", date)
    if m:
        mon, day, year = m.group(1), int(m.group(2)), m.group(3)
    else:
        m = re.fullmatch(r"(\d{1,2}) " + MON, date)
        assert m, f"cannot read date {date!r}"
        day, mon, year = int(m.group(1)), m.group(2), None
    month = MONTHS[mon[:4].lower() if mon[:4].lower() == "sept" else mon[:3].lower()]
    if year:
        y = int(year)
    else:
        y = pub.year
        if month - pub.month > 6:
            y -= 1
        elif pub.month - month > 6:
            y += 1
    d = datetime.date(y, month, day)
    lag = (pub - d).days
    assert -1 <= lag <= 10, f"dateline date {d} is {lag} days from published {pub}"
    return d.isoformat()

def build():
    records = []
    for s in STORIES:
        datetime.datetime.fromisoformat(s["published"].replace("Z", "+00:00"))
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s["published"]), s["published"]
        assert s["published"] < "2026-12-06", s["published"]
        if "text" in s:
            assert s["text"] == s["text"].strip() and s["text"], s["text"]
            records.append((s["style"], {"published": s["published"], "text": s["text"], "gold": {"found": False}}))
            continue
        pre, body = s["prefix"], s["body"]
        text = pre + body
        assert body and not body[0].isspace() and body == body.strip(), body
        line = pre.rstrip("\n").split("\n")[-1]          # the dateline's own line
        loc, date, ag, cc = s["location"], s["date"], s["agency"], s["country"]
        if loc is None:
            assert cc is None
        else:
            assert line.find(loc) >= 0, (loc, line)
            assert re.fullmatch(r"[A-Z]{2}", cc), cc
        if date is not None:
            assert date in line, (date, line)
        if ag is not None:
            assert ag in line, (ag, line)
        gold = {"found": True, "location": loc, "country": cc, "date": date,
                "date_iso": resolve(date, s["published"]) if date else None,
                "agency": ag, "body_start": len(pre)}
        assert text[gold["body_start"]:] == body
        records.append((s["style"], {"published": s["published"], "text": text, "gold": gold}))
    texts = [r["text"] for _, r in records]
    assert len(set(texts)) == len(texts), "duplicate text"
    random.Random(20261206).shuffle(records)
    os.makedirs(os.path.dirname(os.path.abspath(OUT)), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, (_, r) in enumerate(records, 1):
            rec = {"id": f"b{i:03d}", "split": "blind", **r}
            line = json.dumps(rec, ensure_ascii=False)
            assert json.loads(line) == rec
            f.write(line + "\n")
    counts = collections.Counter(st for st, _ in records)
    pos = sum(r["gold"]["found"] for _, r in records)
    for st, n in counts.items():
        print(f"{st:18s} {n}")
    print(f"total {len(records)}: {pos} with a dateline, {len(records) - pos} without -> {OUT}")

if __name__ == "__main__":
    build()
