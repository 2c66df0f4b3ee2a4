"""Integration tests of the sentiment plugin, through the real `prism process`.

Every input here was written for these tests. The plugin reads its lexicon
from the build folder ($PRISM_BUILD/data/sentiment.lex), so the tests point
the plugin at it explicitly and work whether or not config/prism.conf has a
[plugin.sentiment] section yet.
"""
import os
import re

import pytest

from conftest import BUILD, ROOT, needs_plugin, plugin_built, process, run_cli

LEXICON = os.path.join(BUILD, "data", "sentiment.lex")
SETS = ["--set", f"plugin.sentiment.lexicon={LEXICON}"]
# Most tests need no other plugin; the per-entity test turns entities on.
ALONE = SETS + ["--set", "plugin.entities.enabled=no"]
# The rules alone, without the learned correction (lexicon/learned.tsv),
# which adds a little for the words and pairs of words it has weights for.
RULES = ("--set", "plugin.sentiment.tuning=learned=0")
# The rules alone and without the faint lean of short small talk (the
# `blank` and `blank_question` constants): a text with no sentiment scores
# exactly 0.
NO_BLANK = ("--set",
            "plugin.sentiment.tuning=blank=0,blank_question=0,learned=0")
WITH_ENTITIES = SETS + ["--set", "plugin.entities.enabled=yes"]

pytestmark = [
    needs_plugin("sentiment"),
    pytest.mark.skipif(not os.path.exists(LEXICON),
                       reason="sentiment.lex not built"),
]


def score(texts, *sets):
    """The sentiment results of texts, in order."""
    docs = [{"id": f"s{i}", "text": t} for i, t in enumerate(texts)]
    recs = process(docs, *ALONE, *sets)
    out = []
    for rec in recs:
        assert "sentiment" not in (rec.get("errors") or {}), rec["errors"]
        out.append(rec["results"]["sentiment"])
    return out


def compound(text, *sets):
    return score([text], *sets)[0]["compound"]


def assert_signs(pos, neg, pos_above=0.0, neg_below=0.0, sets=()):
    """Every text of pos scores above pos_above, every one of neg below
    neg_below (one `prism process` run for each list)."""
    for r, text in zip(score(pos, *sets), pos):
        assert r["compound"] > pos_above, (text, r)
    for r, text in zip(score(neg, *sets), neg):
        assert r["compound"] < neg_below, (text, r)


# --- clear cases ------------------------------------------------------------

def test_clearly_negative_news():
    for text in [
        "At least 40 people were killed and dozens wounded when a suicide "
        "bomber attacked a crowded market in the capital.",
        "The company collapsed into bankruptcy, wiping out the savings of "
        "thousands of pensioners.",
        "Floods devastated the region, leaving thousands homeless.",
    ]:
        r = score([text])[0]
        assert r["compound"] <= -0.5, (text, r)
        assert r["label"] == "negative"
        assert r["neg"] > r["pos"]


def test_clearly_positive_news():
    for text in [
        "The two sides signed a historic peace agreement, and crowds "
        "celebrated in the streets.",
        "Doctors hailed the new treatment as a remarkable breakthrough that "
        "could save thousands of lives.",
        "The rescued miners were reunited with their overjoyed families.",
    ]:
        r = score([text])[0]
        assert r["compound"] >= 0.5, (text, r)
        assert r["label"] == "positive"
        assert r["pos"] > r["neg"]


def test_news_vocabulary():
    pos = ["Talks produced a ceasefire.", "Stocks rallied.",
           "Shares soared after the results."]
    neg = ["The government imposed sanctions.", "Stocks slumped.",
           "Shares plunged after the results.", "Three soldiers were killed."]
    assert_signs(pos, neg)


# --- rules ------------------------------------------------------------------

def test_negation_flips():
    good, not_good, bad, not_bad = [r["compound"] for r in score([
        "The food was good.", "The food was not good.",
        "The service was bad.", "The service wasn't bad."])]
    assert good > 0 > not_good
    assert bad < 0 < not_bad
    # a negated word is weaker than the word itself
    tasty, not_tasty = [r["compound"] for r in score([
        "The soup was delicious.", "The soup was not delicious."])]
    assert tasty > 0 > not_tasty
    assert abs(not_tasty) < tasty


def test_negation_scope_ends_at_clause():
    a, b = [r["compound"] for r in score([
        "It was not a disaster.",
        "It was not over, and the day was a disaster."])]
    assert a > 0
    assert b < 0


def test_negation_without_target_leans_negative():
    assert compound("The new printer doesn't work.") < 0


def test_intensifiers_and_dampeners():
    plain, very, slightly = [r["compound"] for r in score([
        "The results were good.", "The results were extremely good.",
        "The results were slightly good."])]
    assert very > plain > slightly > 0
    fell, fell_sharply = [r["compound"] for r in score([
        "Prices fell.", "Prices fell sharply."])]
    assert fell_sharply < fell < 0


def test_contrast_but():
    a, b = [r["compound"] for r in score([
        "The hotel was dirty, but the staff were wonderful.",
        "The staff were wonderful, but the hotel was dirty."])]
    assert a > 0 > b


def test_contrast_although():
    assert compound("Although profits rose, the outlook is grim.") < 0
    assert compound("Although the outlook is grim, profits rose strongly.") > 0


def test_caps_and_exclamation_emphasis():
    plain, caps, bang = [r["compound"] for r in score([
        "The movie was great.", "The movie was GREAT.",
        "The movie was great!!!"])]
    assert caps > plain > 0
    assert bang > plain
    # a headline in capitals is not shouting
    head, lower = [r["compound"] for r in score([
        "MARKETS RALLY AFTER RATE CUT", "Markets rally after rate cut"])]
    assert head == pytest.approx(lower, abs=1e-6)


def test_idioms_and_phrases():
    assert compound("The economy is back on track.") > 0
    assert compound("The firm is in the red again.") < 0
    # "crude oil" is not crude, "no doubt" is not a negation
    assert compound("Crude oil prices were unchanged.", *NO_BLANK) == 0
    assert compound("No doubt the plan is excellent.") > 0.4
    # "outstanding" shares are issued ones, an "extraordinary" gain one
    # outside the ordinary business; praise stays praise
    assert compound("The purchase equals 5.2 pct of its outstanding "
                    "shares.", *NO_BLANK) == 0
    assert 0 < compound("Net excludes an extraordinary gain of 300,000 "
                        "dlrs.") < 0.5
    assert compound("It was an outstanding performance.") > 0.5
    assert compound("Redstone could begin a tender offer.", *NO_BLANK) == 0
    for text in ("The company declined to comment.",
                 "Traders put today's hog slaughter at 285,000 head.",
                 "The total amount outstanding was 24 billion stg."):
        assert compound(text, *NO_BLANK) == 0, text
    assert compound("The chicken was tender and juicy.") > 0.3


def test_valence_shifters():
    assert compound("The programme reduced poverty and crime.") > 0
    assert compound("The new rules will ease tensions.") > 0
    assert compound("The carmaker cut jobs.") < 0


def test_shifter_after_a_determiner_is_a_noun():
    # "the ending" is not "ending" something: what follows is not turned
    # around, while the verb still is ("ending the war")
    assert_signs(pos=["Ending the war was the right call.",
                      "They promised an end to the violence."],
                 neg=["The ending sucks.", "Their fighting killed dozens.",
                      "The cuts hurt the poorest families."])


def test_degree_word_after_the_object_ends_a_shifter():
    # "cut my finger": the finger is what was cut; "really bad" says how,
    # and is not turned around; before the object a degree word is part of
    # it ("reduce the very high costs")
    assert_signs(pos=["The charity helps very poor families.",
                      "The plan cut jobless claims sharply."],
                 neg=["cut my finger really bad while cooking",
                      "lost my phone again so annoying"])


def test_hardly_and_scarcely_negate():
    assert_signs(pos=["I can hardly wait for the weekend.",
                      "It was hardly a disaster."],
                 neg=["The sequel is hardly a masterpiece.",
                      "The food was scarcely edible and hardly good."])


def test_praise_by_a_negated_comparison():
    assert_signs(pos=["Nothing beats a cold drink after a long walk.",
                      "You can't beat that price.",
                      "I cannot recommend it enough.",
                      "Honestly, that joke never gets old.",
                      "The chocolate cake was to die for."],
                 neg=["Nothing about the flat was good.", "I give up."])


def test_crying_face_takes_the_direction_of_its_text():
    # tears of joy after good news, of sorrow after bad news or alone; in a
    # short text the whole utterance decides, so a face in a sentence of
    # its own counts too
    assert_signs(pos=["WE WON THE FINAL!!! 😭😭",
                      "She said yes!!! 😭",
                      "Got the job, so grateful 😭"],
                 neg=["My cat died this morning 😭", "😭",
                      "Missed the last train home 😭"])
    joy, plain = [r["compound"] for r in score([
        "She said yes, so happy 😭", "She said yes, so happy"])]
    assert joy > plain > 0


def test_superlatives_of_short_words():
    assert_signs(pos=["The cutest puppy at the shelter.",
                      "These are the finest pastries in town."],
                 neg=["The saddest news of the week.",
                      "That was the dumbest idea yet."])
    # "latest" is the newest, not the most late
    assert compound("Read the latest report on the harbour.", *NO_BLANK) == 0


def test_zero_negates_what_follows():
    assert_signs(pos=["Zero complaints from the guests."],
                 neg=["Zero effort from the referee.",
                      "Nobody answers their emails. Zero accountability."])


def test_casual_set_phrases():
    assert_signs(pos=["This soup really hit the spot.",
                      "Team lunch was a blast.",
                      "Got a small raise, I'll take it.",
                      "The interview went really well.",
                      "Coffee and a quiet morning, couldn't ask for more."],
                 neg=["Finals week is eating me alive.",
                      "Talking about me behind my back, again.",
                      "Kinda bummed the picnic got rained out.",
                      "The new timetable is a joke.",
                      "Rest in peace, old friend."])


def test_a_wish_for_what_is_not_so():
    assert_signs(pos=["I wish you all the best.", "Wish me luck!"],
                 neg=["I wish my landlord would answer the phone.",
                      "Wish the concert had been indoors."])


def test_a_stop_inside_a_sentence_ends_a_negation():
    # the splitter keeps "complaining. parenting win" together (no capital
    # after the stop); the negation must not reach "win"
    assert compound("kids ate their veggies without complaining. "
                    "parenting win") > 0


def test_rise_and_fall_describe_things_not_adverbs():
    # "slow" is a verb of fall, but after an adverb it is an adjective
    assert compound("The film is painfully slow.") < 0
    # "went down" after a bad thing is good news, as "fell" is
    assert_signs(pos=["My fever went down overnight.",
                      "Unemployment fell again."],
                 neg=["The death toll rose to forty."])


def test_hashtag_after_a_negation_is_a_comment():
    assert_signs(pos=[], neg=["Servers down, can't play #frustrated",
                              "I am not #happy"])


def test_least_turns_what_follows():
    assert_signs(pos=["At least the weather held.",
                      "It was the least bad option we had."],
                 neg=["One of the least compelling films of the year.",
                      "Queues are my least favourite part of travel."],
                 sets=RULES)


def test_emoticons_not_urls():
    smile, frown = [r["compound"] for r in score([
        "Finished the marathon :)", "Missed the bus again :("])]
    assert smile > 0 > frown
    assert compound("Read it at http://example.com/page", *NO_BLANK) == 0


# --- social media ----------------------------------------------------------

def test_slang_interjections_and_emoticon_variants():
    pos = ["omg this place is amazeballs", "yayy we won", "tysm for the gift",
           "Finally home =-)", "exam passed \\o/", "see you soon (:",
           "Dinner with the gang tonight xoxo", "that rocks"]
    neg = ["ugh, mondays", "stuck in traffic again )-:",
           "my phone died &gt;:(", "this update is sucky", "bummer.",
           "wifi down again #fail", "so done with this :/"]
    assert_signs(pos, neg)


def test_mood_words_are_never_negated():
    # "lol" is the writer's mood, like a face, not an object of "never"
    assert compound("You can never leave lol") > 0
    a, b = [r["compound"] for r in score(["I can't come lol",
                                          "I can't come"])]
    assert a > b


def test_hashtags_made_of_words():
    assert compound("Stuck at the airport again #epicfail") < 0
    assert compound("Three hours of delays #airportfail") < 0
    assert compound("Sunday brunch #BestDayEver") > 0
    assert compound("Off to the office #nowplaying", *NO_BLANK) == 0


def test_exclamation_lifts_negative_sentences_less():
    good, good_bang, bad, bad_bang = [r["compound"] for r in score([
        "The show was good.", "The show was good!!!",
        "The show was bad.", "The show was bad!!!"])]
    assert good_bang > good > 0 > bad >= bad_bang
    assert good_bang - good > bad - bad_bang


# --- 1.4: rules that must not turn a plain short text around -------------

def test_question_without_sentiment_leans_faintly_negative():
    # small talk leans positive, a bare question the other way (a doubt, a
    # complaint); both stay neutral
    q, chat = score(["Is that really all there is?",
                     "Heading to the shops after lunch"], *RULES)
    assert -0.1 < q["compound"] < 0 < chat["compound"] < 0.1
    assert q["label"] == chat["label"] == "neutral"
    assert compound("Why would anyone buy this?", *NO_BLANK) == 0.0


def test_sentiment_that_cancels_out_reads_as_small_talk():
    # a mess and a smile cancel exactly: that is not "no opinion" (0)
    text = "Left a mess in the garage :)"
    assert compound(text, *NO_BLANK) == 0.0
    assert 0 < compound(text, *RULES) < 0.1


def test_coordinated_negators_repeat_rather_than_cancel():
    for text in ["Not today and not tomorrow.",
                 "There was neither water nor power."]:
        assert compound(text) < 0, text
    # two negations in a row still cancel
    assert compound("The plan never fails to impress.") > 0
    assert compound("It is not without charm.") > 0


def test_release_from_an_obligation_is_not_a_complaint():
    for text in ["I don't have to cook tonight.",
                 "You won't need to queue any more.",
                 "We no longer have to pay for parking.",
                 "You don't have to worry about it."]:
        assert compound(text, *RULES) > 0, text
    # other negations without a target still lean negative
    assert compound("The new printer doesn't work.") < 0
    assert compound("You shouldn't have to pay for this.") < 0


def test_hashtag_suffix_needs_a_word_before_it():
    # "#auburn" is not "au" + "burn"
    assert compound("Go #auburn", *NO_BLANK) == 0.0
    assert compound("Studying all weekend #sobored") < 0
    assert compound("Another early start #mondaysucks") < 0


def test_capitalised_label_before_a_colon_counts_as_a_name():
    # a band or a heading before ":" or "=" is not a verdict
    assert compound("Killer Queen = best song ever") > 0
    assert compound("Bad Religion: great gig tonight") > 0.3
    assert compound("Bad Religion: great gig tonight",
                    "--set", "plugin.sentiment.tuning=name=1") < 0.3
    # a verdict in lower case before the colon is still read
    assert compound("Bad news: the gig is off") < -0.3


def test_negated_intensifier_before_a_feeling():
    tired, happy, plain = [r["compound"] for r in score([
        "Haven't been this tired in years.",
        "Haven't been this happy in years.", "I am happy."])]
    assert tired < 0
    assert happy > plain > 0


def test_words_read_in_their_everyday_sense():
    for text in ["Press enter to execute the search.",
                 "We went scuba diving at the reef.",
                 "Roasted butternut squash for dinner"]:
        assert compound(text, *NO_BLANK) == 0.0, text
    # the news senses stay
    for text in ["The regime executed two prisoners.",
                 "Shares dived after the warning.",
                 "The revolt was squashed."]:
        assert compound(text) < 0, text
    for text in ["He hit two grand slams in one game.",
                 "guilt free chocolate cake", "Hassle free returns."]:
        assert compound(text) > 0, text


def test_general_vocabulary():
    assert compound("An affectionate, erudite and indefatigable host.") > 0.5
    assert compound("A cowardly, mendacious and reprehensible reply.") < -0.5


def test_small_talk_leans_faintly_positive():
    # a short message with no sentiment at all: faintly positive, neutral
    chat, long_dry = score([
        "Heading over to the farm stand with my cousins after lunch",
        "The committee will meet on Tuesday in room 4 to review the minutes "
        "of the previous session, the agenda for the autumn term, the "
        "schedule of the working groups, the list of members, the rules of "
        "procedure, the budget lines for travel and printing, and the dates "
        "of the next three meetings, which are listed at the end."], *RULES)
    assert 0 < chat["compound"] < 0.1
    assert chat["label"] == "neutral"
    assert long_dry["compound"] == 0.0
    # with the constant at 0, no sentiment scores exactly 0
    assert compound("Heading over to the farm stand with my cousins",
                    *NO_BLANK) == 0.0


def test_words_inside_title_case_names_count_less():
    show = "we stayed in and watched Arrested Development again tonight"
    plain = "we stayed in and the man was arrested again tonight"
    assert abs(compound(show, *RULES)) < abs(compound(plain, *RULES)) * 0.5
    assert compound(show, "--set", "plugin.sentiment.tuning=name=1,learned=0") \
        < compound(show, *RULES)
    # a headline in Title Case is not a string of names
    assert compound("Rebels Massacre Villagers In Brutal Attack") < -0.5


def test_everyday_informal_vocabulary():
    assert compound("the new bakery is scrumptious and the staff are jazzed") > 0.5
    assert compound("that hostel was icky, sketchy and dodgy") < -0.5


def test_misspelt_and_phonetic_words_of_feeling():
    pos = ["the view from the bridge was beutiful", "what an excelent pie",
           "thnx for the lift home", "gr8t night at the quiz",
           "ilysm sis", "a fantasic little cafe", "so exited for friday"]
    neg = ["my landlord is so stoopid", "really dissapointed with the hotel",
           "the bus smelled discusting", "those h8ers again",
           "the ferry was terible", "tierd of waiting for the plumber"]
    assert_signs(pos, neg, pos_above=0.2, neg_below=-0.2)


def test_elongated_vowels_and_dropped_g():
    # a doubled a, i or u is elongation; a doubled e or o is English
    assert compound("yaay the parcel came") > 0.3
    assert compound("that was niice") > 0.3
    assert compound("the sermon was borin") < -0.3
    assert compound("still lovin the new bike") > 0.3
    # "loose" is not "lose", "root" not "rot", "aspirin" not "aspiring"
    for text in ["the loose gravel on the path", "the roots of the oak",
                 "aspirin and water"]:
        assert abs(compound(text)) < 0.1, text
    # "heroin" is the drug (a word of its own), not "heroing", a hero
    assert compound("a report on heroin imports") < 0
    assert compound("sooooooo happy right now") >= \
        compound("so happy right now")


def test_informal_negators():
    for text in ["i dnt like this song", "it doesnt look good",
                 "nothin good on the telly", "the pasta wasnt great"]:
        assert compound(text) < 0, text
    # "never been so" and "couldn't be more" intensify, they do not negate
    assert compound("i have never been so happy") > 0.5
    assert compound("i have never been so bored") < -0.5
    assert compound("we couldn't be more proud of her") > 0.5
    assert compound("the new tram line never disappoints") > 0.3


def test_post_modifiers_af_and_as_hell():
    cute, cute_af, tired, tired_af = [r["compound"] for r in score([
        "the puppy is cute", "the puppy is cute af",
        "the drive was tiring", "the drive was tiring af"])]
    assert cute_af > cute > 0
    assert tired_af < tired < 0
    # "as hell" scales the word before it and is not itself a curse
    assert compound("the gig was fun as hell") > compound("the gig was fun")
    assert compound("the exam was hard as hell") < 0
    # after nothing rated, "af" and "as hell" count nothing
    assert compound("as hell", *NO_BLANK) == 0.0


def test_hashtag_negation():
    assert compound("dinner tonight #notgood") < 0
    assert compound("third flat tyre #NotHappy") < 0
    assert compound("results are in #notbad") > 0
    assert compound("see you on friday #NoWorries") > 0
    # "no more" turns only good things: a protest stays a complaint
    assert compound("marching today #NoMoreLies") < 0


def test_censored_swearing():
    assert compound("this printer is sh*t") < -0.3
    assert compound("f*ck this traffic") < -0.3
    assert compound("the finale was f**king brilliant") > \
        compound("the finale was brilliant") > 0
    # asterisks used for emphasis or arithmetic are not swearing
    assert compound("a *great* evening") > 0.3
    assert compound("2*3 makes 6", *NO_BLANK) == 0.0


def test_more_emoticons_and_emoji():
    pos = ["passed my driving test :'D", "new trainers :b",
           "got the tickets \U0001F483", "dinner with friends \U0001F942",
           "our garden today \U0001F33B", "thank you all \U0001FAF6",
           "new flat \u2661", "see you there (y)",
           "hotpot tonight \u2764\ufe0f\u200d\U0001F525"]
    neg = ["missed the train ;_;", "forgot my keys again \U0001F926\u200d\u2640\ufe0f",
           "flowers are dead \U0001F940", "meeting moved again ;-;",
           "the queue is long :l", "left my phone at home \U0001F62E\u200d\U0001F4A8"]
    assert_signs(pos, neg, pos_above=0.2)
    # a skin tone in a joiner sequence is read as the emoji it modifies
    assert compound("lost my wallet \U0001F926\U0001F3FD\u200d\u2642\ufe0f") < 0


def test_online_idioms_and_slang():
    pos = ["two thumbs up for the new menu", "big ups to the bus driver",
           "good vibes only this weekend", "the band was lit af",
           "you slay", "yass the cafe reopened", "can't thank you enough",
           "that track is a banger", "squad goals"]
    neg = ["thumbs down for the new menu", "bad vibes at that party",
           "the launch was a dumpster fire", "feeling under the weather",
           "thanks for nothing", "bruh the lift is broken again",
           "ugh my hangry flatmate", "screw this printer"]
    assert_signs(pos, neg, pos_above=0.2)


# --- documents --------------------------------------------------------------

EARNINGS = (
    "Acme Corp reported third-quarter net income of $412 million, or 1.02 "
    "dollars a share, compared with $398 million a year earlier. Revenue was "
    "$5.1 billion, in line with analysts' estimates. The company kept its "
    "full-year forecast unchanged. Operating margin was 14.2 percent, against "
    "14.5 percent in the second quarter. The board declared a quarterly "
    "dividend of 25 cents a share, payable on Dec. 1. Acme has 62,000 "
    "employees in 40 countries and is based in Dayton, Ohio. Its shares closed "
    "at $48.20 on Tuesday. The results were released after the market close, "
    "and the company will hold a conference call with analysts on Wednesday.")

MASSACRE = (
    "Gunmen stormed a village in the north overnight, killing at least 60 "
    "people, most of them women and children, witnesses said. Survivors "
    "described a massacre: attackers set fire to homes and shot residents "
    "as they fled. Dozens of wounded were taken to a hospital that was "
    "already overwhelmed. The bodies of the dead lay in the streets until "
    "morning. Aid groups condemned the atrocity and warned that the violence "
    "was spreading. It was the deadliest attack in the region this year.")


def test_dry_earnings_report_reads_near_neutral():
    r = score([EARNINGS])[0]
    assert abs(r["compound"]) < 0.15, r
    assert r["label"] == "neutral"
    assert r["neu"] > 0.8


def test_results_table_counts_this_years_figures_once():
    # "vs loss" is last year's figure, the baseline: a table of losses is
    # bad news, not a catastrophe; turning a loss into a profit is good
    losses = ("DENVER, March 3 -\n    Shr loss 72 cts vs loss 1.48 dlrs\n"
              "    Net loss 4,466,006 vs loss 9,091,688\n"
              "    Revs 608,181 vs 1,280,727\n")
    turned = ("OMAHA, March 3 -\n    Shr profit 1.80 dlrs vs loss 2.28 "
              "dlrs\n    Net profit 2,048,000 vs loss 2,593,000\n")
    r = score([losses, turned])
    assert -0.8 < r[0]["compound"] < 0, r[0]
    assert r[1]["compound"] > 0.3, r[1]


def test_beating_or_missing_the_forecasts_is_market_news_not_violence():
    # "beating" alone is a blow; beating analysts' expectations is good
    # news, missing them bad, in every form of the verb
    assert_signs(["Exports surged to a record, beating analysts' "
                  "expectations.",
                  "The chipmaker beats estimates again."],
                 ["Profit fell, missing analysts' forecasts.",
                  "The retailer misses estimates for a third quarter."])


def test_a_span_of_time_before_the_news_is_its_background():
    # "after weeks of fighting": the fighting is what came before; the
    # news is the ceasefire (or, the other way round, the collapse)
    assert_signs(["The two sides agreed a ceasefire after weeks of "
                  "fighting.",
                  "After years of decline, the town is thriving again."],
                 ["After months of talks, the deal collapsed.",
                  "He died after years of illness."])


def test_a_survivor_found_in_the_ruins_is_good_news():
    assert_signs(["Rescuers pulled a child alive from the rubble after "
                  "three days.",
                  "The missing hiker was found alive."],
                 ["The shelling reduced the old town to rubble."])


def test_fewer_bad_things_and_bad_things_undone_are_good_news():
    # "fewer" reduces what follows, as "reduce" does; a bad thing undone
    # in the passive ("was lifted", "was foiled") is good news, while a
    # good thing called off stays bad news
    assert_signs(["Fewer people died on the roads this year.",
                  "There were fewer deaths this year.",
                  "Sanctions were lifted last year.",
                  "The plot was foiled by police.",
                  "The fire was contained by evening.",
                  "Officials said nobody was injured."],
                 ["Fewer jobs were created.",
                  "The wedding was called off."])


def test_a_fall_undoes_the_whole_bad_thing_before_it():
    # "malaria deaths halved": both words of the bad thing are undone, not
    # only the last; a verb of fall that is itself the first hit ("fell
    # victim") does not count as part of it
    assert_signs(["Malaria deaths have halved since 2000.",
                  "The ban on protests was lifted.",
                  "The rebels laid down their arms under the peace deal.",
                  "The reforms lifted millions out of poverty."],
                 ["The show fell victim to falling ratings and advertiser "
                  "disaffection.",
                  "Malaria deaths have doubled since 2000."])


def test_in_the_passive_a_fall_reaches_across_the_subject():
    # "were dropped" after "charges against the mayor": the passive's verb
    # reaches back over the rest of the subject to the bad thing
    assert_signs(["Corruption charges against the mayor were dropped.",
                  "Crime in the city is falling."],
                 ["Tensions in the border region were rising.",
                  "Violence in the border towns was increasing."])


def test_a_measure_that_rises_or_falls_is_news():
    # profit, sales, output (measures.tsv): a rise is good news and a fall
    # bad news, after the measure or before it as the verb's object; costs
    # and debt (burdens) the other way round
    assert_signs(["Operating profit rose to EUR 13.1 mn from EUR 8.7 mn.",
                  "Sales in Russia more than doubled in the quarter.",
                  "Earnings per share rose to EUR 0.45 from EUR 0.31.",
                  "The company raised its dividend to 19 cents a share.",
                  "Costs fell by EUR 20 million thanks to the savings "
                  "programme.",
                  "Unemployment claims fell last week.",
                  "Profits recovered in the second half."],
                 ["Operating profit fell to EUR 2.1 mn from EUR 4.5 mn.",
                  "The company said it expects net sales to decline in "
                  "2009.",
                  "The company lowered its full-year outlook.",
                  "Costs rose faster than revenue.",
                  "But they said rising inventories hurt the odds.",
                  "The strike lowered output at the mine.",
                  "The economy worsened."])


def test_a_measure_cut_and_a_verb_with_its_object():
    # a shifter's object that is a measure ("cut jobs") is bad news, a
    # burden ("reduced costs") good news; a fall followed by its object
    # undoes nothing before it; "weaken" and "strengthen" are a fall and a
    # rise; an event before "a week after" is background
    assert_signs(["The firm reduced costs by 10%.",
                  "The storm weakened before reaching land.",
                  "The dollar strengthened.",
                  "Unemployment fell to a record low.",
                  "Unemployment is at a record low.",
                  "The school reopened a year after the earthquake.",
                  "The town is thriving again, decades after the war."],
                 ["The bank cut 3,000 jobs.",
                  "The attacks halved the population.",
                  "The scandal weakened the government.",
                  "The storm strengthened into a hurricane.",
                  "The rupee is at a record low."])


def test_a_phrase_of_place_between_the_thing_and_its_verb():
    # "in the city", "across the region", "from the power sector" between
    # a bad thing or a measure and its verb of rise or fall, and "has",
    # "have" as "was", "were" do ("has fallen"); "lowest since" compares
    # a level with the past; hopes are a measure
    assert_signs(["Violent crime in the city fell for the fifth year.",
                  "Malaria deaths across the region dropped to a record "
                  "low last year.",
                  "Unemployment in the eurozone fell to its lowest level "
                  "since records began.",
                  "Capital's murder rate lowest since the 1960s",
                  "Hospital infection rates have halved since the "
                  "programme began.",
                  "Striking dockworkers called off their walkout.",
                  "Measles outbreak declared over after six weeks",
                  "The number of homeless people has fallen."],
                 ["Carbon emissions from the power sector climbed again.",
                  "The scandal has weakened the government.",
                  "Hopes for an early rate cut faded.",
                  "Gold medal hopes fade as favourite crashes in final",
                  "Waiting lists for hip operations grew by 40,000.",
                  "Vaccination rates among toddlers have slipped.",
                  "A record decline in new orders for machinery was led by "
                  "declines in office equipment orders."])


def test_protection_from_a_bad_thing_and_coming_home():
    assert_signs(["The law will protect journalists from harassment.",
                  "The hostages came home after 400 days.",
                  "The singer returned to the stage after beating cancer."],
                 ["The law will expose journalists to harassment.",
                  "The hostages were taken to an unknown location."])


def test_the_end_of_a_thing_turns_it_around():
    # "is over" where the clause ends: the end of a bad thing is good news,
    # of a good thing bad news; "was over 5 million" is "more than"
    assert_signs(["The war is over.",
                  "The long drought ended as steady rains filled the "
                  "reservoirs.",
                  "The war ended in 1945.",
                  "The famine is over after good rains.",
                  "The drought finally came to an end.",
                  "The profit was over 5 million dollars.",
                  "Unemployment hit a record low.",
                  "The country emerged from recession.",
                  "Nobody died, and the damage was limited.",
                  "The two rivals buried the hatchet."],
                 ["The good times are over!",
                  "The good times ended.",
                  "The fight ended in tears.",
                  "The currency hit a record low.",
                  "Inflation hit a record high."])


def test_release_recovery_and_relief_after_a_long_spell():
    assert_signs(["The journalist was released from prison.",
                  "The stolen paintings were recovered.",
                  "Farmers welcomed the rain after a long drought."],
                 ["The journalist was sent to prison.",
                  "The paintings were stolen."])


def test_violent_report_reads_strongly_negative():
    r = score([MASSACRE])[0]
    assert r["compound"] <= -0.6, r
    assert r["label"] == "negative"
    assert sum(s["compound"] < 0 for s in r["sentences"]) >= 5


def test_one_bad_sentence_does_not_sink_a_long_neutral_story():
    text = EARNINGS + " A former employee was killed in a car accident."
    r = score([text])[0]
    assert -0.3 < r["compound"] < 0, r


# --- output format ----------------------------------------------------------

def test_sentence_offsets_in_code_points():
    text = ("Zürich’s café owners were “thrilled” — sales soared 🎉. "
            "Then the storm destroyed the terrace… Ça arrive.")
    r = score([text])[0]
    spans = [text[s["start"]:s["end"]] for s in r["sentences"]]
    assert len(spans) >= 2
    assert spans[0].startswith("Zürich’s café")
    assert any(s.startswith("Then the storm") for s in spans)
    for s in r["sentences"]:
        assert 0 <= s["start"] <= s["end"] <= len(text)
    by_span = {text[s["start"]:s["end"]]: s["compound"] for s in r["sentences"]}
    first = next(v for k, v in by_span.items() if k.startswith("Zürich"))
    storm = next(v for k, v in by_span.items() if k.startswith("Then"))
    assert first > 0 > storm


def test_compound_in_range_on_extreme_and_odd_input():
    texts = [
        "terrible horrible awful disaster killed massacre " * 3000,
        "wonderful superb excellent love love love!!! " * 3000,
        "",
        "   \n\n  ",
        "!!!???...",
        "NOT NOT NOT not never no " * 500,
        "😡😡😡 🎉🎉 :) :( <3 " * 200,
        "a" * 100000,
        "but but although but, however; " * 2000,
    ]
    for text, r in zip(texts, score(texts)):
        assert -1.0 <= r["compound"] <= 1.0
        for key in ("pos", "neu", "neg"):
            assert 0.0 <= r[key] <= 1.0
        assert r["pos"] + r["neu"] + r["neg"] == pytest.approx(1.0, abs=1e-3)
        for s in r["sentences"]:
            assert -1.0 <= s["compound"] <= 1.0
            assert 0 <= s["start"] <= s["end"] <= len(text)
    assert score([""])[0] == {"compound": 0.0, "pos": 0.0, "neu": 1.0,
                              "neg": 0.0, "label": "neutral", "sentences": []}


def test_label_thresholds():
    texts = ["The plan is good.", "The plan is bad.", "The plan is on paper.",
             "Prices rose."]
    rs = score(texts)
    for r in rs:
        c = r["compound"]
        want = ("positive" if c >= 0.15 else
                "negative" if c <= -0.15 else "neutral")
        assert r["label"] == want, r
    # "rose" is mild: a stricter threshold makes it neutral
    strict = score(texts, "--set", "plugin.sentiment.positive_threshold=0.9",
                   "--set", "plugin.sentiment.negative_threshold=-0.9")
    assert [r["label"] for r in strict] == ["neutral"] * 4
    assert [r["compound"] for r in strict] == [r["compound"] for r in rs]


def test_sentences_can_be_left_out():
    r = score(["Good. Bad."], "--set", "plugin.sentiment.sentences=no")[0]
    assert "sentences" not in r
    assert set(r) == {"compound", "pos", "neu", "neg", "label"}


def test_no_entities_key_without_entities_plugin():
    r = score(["Mark Rutte praised the deal."])[0]
    assert "entities" not in r


def test_bad_config_is_refused():
    for key, value in [("positive_threshold", "high"),
                       ("negative_threshold", "0.5"),
                       ("sentences", "maybe"),
                       ("tuning", "scale=-1"),
                       ("tuning", "nosuchparam=1"),
                       ("lexicon", "/nonexistent/sentiment.lex")]:
        p = run_cli(["process", "-c", os.path.join(ROOT, "config", "prism.conf"),
                     "--set", f"daemon.plugin_dir={os.path.dirname(LEXICON)}/../plugins",
                     *ALONE, "--set", f"plugin.sentiment.{key}={value}", "-"],
                    stdin=b'{"id":"1","text":"x"}\n', check=False)
        assert p.returncode != 0, (key, value)
        assert b"sentiment" in p.stderr


# --- per-entity sentiment ---------------------------------------------------

def entities_usable():
    if not plugin_built("entities"):
        return False
    docs = [{"id": "probe", "text": "Mark Rutte visited Berlin."}]
    try:
        recs = process(docs, *WITH_ENTITIES)
    except AssertionError:
        return False  # e.g. its model is not trained yet
    return "entities" in recs[0].get("results", {})


@pytest.mark.skipif(not entities_usable(),
                    reason="entities plugin not built or has no model")
def test_per_entity_sentiment():
    text = ("Mark Rutte praised the agreement as a great success. "
            "Viktor Orban condemned the deal as a disaster. "
            "Rutte said the alliance was stronger than ever.")
    rec = process([{"id": "e", "text": text}], *WITH_ENTITIES)[0]
    res = rec["results"]
    names = [e["name"] for e in res["entities"]["entities"]]
    ents = res["sentiment"]["entities"]
    assert ents, res
    for e in ents:
        assert set(e) == {"entity", "name", "compound", "sentences"}
        assert names[e["entity"]] == e["name"]
        assert -1.0 <= e["compound"] <= 1.0
        assert e["sentences"] >= 1
    by_name = {e["name"]: e for e in ents}
    rutte = next((v for k, v in by_name.items() if "Rutte" in k), None)
    orban = next((v for k, v in by_name.items() if "Orban" in k), None)
    if rutte and orban:
        assert rutte["compound"] > 0 > orban["compound"]
        assert rutte["sentences"] == 2


@pytest.mark.skipif(not entities_usable(),
                    reason="entities plugin not built or has no model")
def test_names_the_entities_plugin_found_are_names():
    # Inside a name of two words or more that the entities plugin found, a
    # rated word counts as in a Title Case name and a negator or shifter
    # is part of the name: "Best Buy" is no praise, "Without" negates
    # nothing. Without the entities plugin the words count as words.
    texts = ["Best Buy reported a loss.",
             "Doctors Without Borders opened a clinic."]
    docs = [{"id": f"n{i}", "text": t} for i, t in enumerate(texts)]
    named = [r["results"]["sentiment"]["compound"]
             for r in process(docs, *WITH_ENTITIES, *RULES)]
    words = [r["compound"] for r in score(texts, *RULES)]
    assert named[0] < 0 < words[0], (named, words)
    assert named[1] >= 0 > words[1], (named, words)


def test_posts_scorer_reads_every_rated_file(tmp_path):
    # tests/data/sentiment-posts/score.py runs the real CLI over our rated
    # posts; a malformed line is reported with its file and line
    import subprocess
    import sys
    script = os.path.join(ROOT, "tests", "data", "sentiment-posts", "score.py")
    out = subprocess.run([sys.executable, script, "--root", ROOT],
                         capture_output=True, text=True, check=True).stdout
    rows = [line.split()[0] for line in out.splitlines()]
    assert "blind-09-weekday.tsv" in rows and rows[-1] == "all", out
    folder = os.path.dirname(script)
    n = sum(1 for name in os.listdir(folder) if name.endswith(".tsv")
            for line in open(os.path.join(folder, name), encoding="utf-8")
            if line.strip() and not line.startswith("#"))
    total = re.search(r"n=\s*(\d+)", out.splitlines()[-1])
    assert n >= 15000 and total and int(total.group(1)) == n, out
    bad = tmp_path / "bad.tsv"
    bad.write_text("1.5\tfine\nnot a rating\tbroken\n", encoding="utf-8")
    p = subprocess.run([sys.executable, script, "--root", ROOT, str(bad)],
                       capture_output=True, text=True)
    assert p.returncode != 0 and "bad.tsv:2:" in p.stderr, p.stderr



# --- the learned correction ---------------------------------------------------

SENTIMENT_TOOLS = os.path.join(ROOT, "plugins", "sentiment", "tools")
LEXICON_SOURCES = os.path.join(ROOT, "plugins", "sentiment", "lexicon")


def build_lexicon(tmp_path, learned_text):
    """Compile the lexicon's hand-written sources with learned_text in place
    of learned.tsv; returns the --set flags that load it."""
    import subprocess
    import sys
    learned = tmp_path / "learned.tsv"
    learned.write_text(learned_text, encoding="utf-8")
    sources = sorted(os.path.join(LEXICON_SOURCES, f)
                     for f in os.listdir(LEXICON_SOURCES)
                     if f.endswith(".tsv") and f != "learned.tsv")
    out = tmp_path / "test.lex"
    subprocess.run([sys.executable, os.path.join(SENTIMENT_TOOLS, "lexc.py"),
                    "-o", str(out), *sources, str(learned)], check=True)
    return ("--set", f"plugin.sentiment.lexicon={out}")


def test_learned_weights_add_to_the_score(tmp_path):
    import math
    lex = build_lexicon(tmp_path, "@kind learned\nzorblat\t0.8\n"
                                  "blue zorblat\t-0.3\n")
    texts = ["I saw a zorblat", "I saw a blue zorblat",
             "I saw a blue, zorblat", "I saw @zorblat today"]
    rules = score(texts, *lex, "--set", "plugin.sentiment.tuning=learned=0")
    full = score(texts, *lex, "--set", "plugin.sentiment.tuning=learned=1")
    # the word, the word and its pair, the word alone again (a comma parts
    # the pair), nothing (an @handle is not a word of the text)
    for r, f, added in zip(rules, full, [0.8, 0.5, 0.8, 0.0]):
        expected = math.tanh(math.atanh(r["compound"]) + added)
        assert abs(f["compound"] - expected) < 1e-3, (f, expected)
    # the calibrated factor scales it
    half = score(texts[:1], *lex, "--set", "plugin.sentiment.tuning=learned=0.5")
    assert abs(half[0]["compound"] - math.tanh(
        math.atanh(rules[0]["compound"]) + 0.4)) < 1e-3


def test_features_are_the_words_and_pairs_looked_up():
    r = score(["A blue zorblat, see http://example.com/x now"],
              "--set", "plugin.sentiment.features=yes")[0]
    # the link is no word; its mark comes after the words
    assert r["features"] == ["a", "blue", "a blue", "zorblat",
                             "blue zorblat", "see", "now", "<link>"]
    assert "features" not in score(["A blue zorblat"])[0]


def test_marks_of_a_posts_register_are_features_and_take_weights(tmp_path):
    import math
    r = score(["@ann a blue zorblat #wow! Seen it? www.example.com"],
              "--set", "plugin.sentiment.features=yes")[0]
    # two sentences, each with its own marks
    marks = [f for f in r["features"] if f.startswith("<")]
    assert marks == ["<handle>", "<hashtag>", "<excl>", "<link>",
                     "<quest>"], r["features"]
    # each mark counts once per sentence, like a word the text holds
    lex = build_lexicon(tmp_path, "@kind learned\n<link>\t0.6\n"
                                  "<hashtag>\t-0.25\n")
    texts = ["a zorblat http://x.example/1 http://x.example/2",
             "a zorblat #one #two", "a zorblat"]
    rules = score(texts, *lex, "--set", "plugin.sentiment.tuning=learned=0")
    full = score(texts, *lex, "--set", "plugin.sentiment.tuning=learned=1")
    for r, f, added in zip(rules, full, [0.6, -0.25, 0.0]):
        expected = math.tanh(math.atanh(r["compound"]) + added)
        assert abs(f["compound"] - expected) < 1e-3, (texts, f, expected)


def test_lexc_refuses_a_bad_learned_weight(tmp_path):
    import subprocess
    import sys
    bad = tmp_path / "learned.tsv"
    bad.write_text("@kind learned\nzorblat\t0.5\nzorblat blue\t7\n",
                   encoding="utf-8")
    p = subprocess.run([sys.executable, os.path.join(SENTIMENT_TOOLS,
                                                     "lexc.py"),
                        "-o", str(tmp_path / "x.lex"), str(bad)],
                       capture_output=True, text=True)
    assert p.returncode != 0 and "learned.tsv:3:" in p.stderr, p.stderr


def test_learn_fits_weights_from_rated_texts(tmp_path):
    # learn.py on small rated sets written here: an invented word of happy
    # texts gets a positive weight, one of sad texts a negative weight
    import subprocess
    import sys
    vader = tmp_path / "vader"
    vader.mkdir()
    happy = ["the flumpy parade came by", "we got a flumpy surprise",
             "a flumpy evening in the yard", "flumpy news from home"]
    sad = ["the grobble parade came by", "we got a grobble surprise",
           "a grobble evening in the yard", "grobble news from home"]
    for name in ("nytEditorialSnippets", "tweets", "amazonReviewSnippets",
                 "movieReviewSnippets"):
        lines = []
        for i, (h, s) in enumerate(zip(happy, sad)):
            lines += [f"{name}_{i}a\t2.5\t{h}", f"{name}_{i}x\t-3.0\t{h}",
                      f"{name}_{i}b\t-2.5\t{s}", f"{name}_{i}y\t3.0\t{s}"]
        (vader / f"{name}_GroundTruth.txt").write_text(
            "\n".join(lines) + "\n", encoding="utf-8")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "tune-01.tsv").write_text("# ours\n2.0\tflumpy day\n"
                                       "-2.0\tgrobble day\n", encoding="utf-8")
    (posts / "blind-01.tsv").write_text("-4.0\tflumpy forever\n",
                                        encoding="utf-8")
    out = tmp_path / "learned.tsv"
    cmd = [sys.executable, os.path.join(SENTIMENT_TOOLS, "learn.py"),
           "--vader", str(vader), "--posts", str(posts), "--prism",
           os.path.join(BUILD, "bin", "prism"), "--plugins",
           os.path.join(BUILD, "plugins"), "--lexicon", LEXICON,
           "-o", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    weights = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        if line and line[0] not in "#@":
            term, w = line.split("\t")
            weights[term] = float(w)
    # odd lines (the test halves) and blind posts were not read: they say
    # the opposite
    assert weights["flumpy"] > 0.05 and weights["grobble"] < -0.05, weights
    assert out.read_text().count("@kind learned") == 1
    # the file compiles and loads
    lex = build_lexicon(tmp_path, out.read_text(encoding="utf-8"))
    assert compound("a flumpy day", *lex) > compound("a grobble day", *lex)
    # a malformed rating is reported with its file and line
    (posts / "tune-02.tsv").write_text("lots\tflumpy\n", encoding="utf-8")
    p = subprocess.run(cmd, capture_output=True, text=True)
    assert p.returncode != 0 and "tune-02.tsv:1:" in p.stderr, p.stderr


def test_a_way_out_of_a_plight_turns_it_around():
    # A way out ("freed", "found alive", "reopened", "allowed to return
    # home") turns around the plights of its sentence, before or after it;
    # not a death, nor when negated, nor a release that frees no one.
    assert_signs(["Kidnapped aid workers freed in Mali",
                  "After 14 months in captivity, the aid worker was "
                  "released on Thursday.",
                  "The missing hikers were found alive on Tuesday.",
                  "The 3,000 evacuated residents were allowed to return "
                  "home.",
                  "The airport reopened today after a two-day closure.",
                  "Freed hostages reunited with their families."],
                 ["The hostages were not freed.",
                  "Two people died and one was found alive in the rubble.",
                  "Rescue teams are still searching for 30 missing people.",
                  "The pet was buried alive."])
    # a release or a return with no plight is no news
    for r in score(["The report will be released on Friday.",
                    "He will meet the chancellor before returning home."]):
        assert abs(r["compound"]) < 0.1, r


def test_smaller_than_feared():
    # a bad thing that turned out smaller, milder or less severe than
    # feared is good news; worse than feared, bad news; a comparative
    # describes the bad thing only after "was", "were" ("far" between)
    assert_signs(["Job losses were far smaller than many had feared.",
                  "The damage was less severe than feared.",
                  "The recession was milder than expected."],
                 ["Job losses were worse than feared.",
                  "Losses were bigger than expected.",
                  "The money was divided among smaller exporters after "
                  "the collapse."])


def test_driven_out_and_escaped_with_only():
    # bad people driven out, a bad thing that ends, a town that escaped
    # with only light rain: good news; people driven out by a flood: bad
    assert_signs(["The insurgents were forced out of the port city.",
                  "Bird flu outbreak ends",
                  "The coastal towns escaped with only light rain."],
                 ["Residents were forced out by the floods."])


def test_a_launch_is_no_attack():
    assert_signs(["The rocket lifted off on schedule and placed all 22 "
                  "satellites in orbit."],
                 ["A rocket hit the village."])


def test_no_trace_of_a_bad_thing():
    # "trace" does not use up a negation's reach: "did not find any trace
    # of contamination" is good news
    assert_signs(["Inspectors did not find any trace of contamination in "
                  "the town's drinking water."],
                 ["Inspectors found traces of contamination in the town's "
                  "drinking water."])


def test_the_bad_thing_a_fall_or_an_end_describes_at_length():
    # a verb of fall or end turns around the whole bad thing before it, a
    # phrase with a preposition or a "that" clause included ("deaths from
    # drug overdoses", "the drought that had gripped Spain"), and "has"
    # lets an end reach back as far as a fall does
    assert_signs(["Deaths from drug overdoses fell by nearly a quarter last "
                  "year.",
                  "The drought that had gripped Spain has ended.",
                  "The drought in southern Spain has ended.",
                  "The deadly virus has been eliminated from the country."],
                 ["Deaths from drug overdoses rose by nearly a quarter last "
                  "year.",
                  "A depressed price would mean a lower price.",
                  "The team was eliminated in the first round."])


def test_cases_that_never_came_and_charges_that_were_dropped():
    # "of" and "with" do not use up a negation's reach before its target
    # ("no reports of casualties"), only after it ("no loss of quality");
    # a conviction, a charge or a ban is a plight that a court's way out
    # ("cleared", "overturned", "drops charges") turns around, when it is
    # named close after the way out and before any "and"
    assert_signs(["There were no immediate reports of casualties.",
                  "The country recorded a full year without a single case "
                  "of wild polio.",
                  "They make copies with almost no loss of sound quality.",
                  "The journalist, wrongly convicted last year, was cleared "
                  "by an appeals court.",
                  "The court overturned the ban.",
                  "Court Drops Charges Against Three Journalists"],
                 ["Police cleared the protest camp and arrested 40 people.",
                  "The bus overturned on the motorway and three passengers "
                  "were arrested.",
                  "He was arrested and charged with murder."])


def test_outbreaks_declared_over_and_damage_repaired():
    # "declares ... over" ends the bad thing between; a gerund after a
    # preposition is no verb of fall ("died after falling"); damage and
    # lost power are plights that a repair or a reconnection turns around;
    # "scrap" turns what it scraps around; a jury "clears" of charges
    assert_signs(["Tanzania declares Marburg outbreak over",
                  "The damaged schools have all been repaired.",
                  "The bridge, destroyed in March, reopened to traffic on "
                  "Friday.",
                  "Moldova and Romania scrap roaming charges",
                  "Jury clears nurse of all charges"],
                 ["Two climbers died after falling from a ridge.",
                  "The storm damaged 300 homes and destroyed the church.",
                  "Frost wipes out a third of the apricot crop",
                  "The government will scrap free school meals."])


def test_bad_things_stopped_brought_under_control_or_down_to_zero():
    # "stopped", "ceased" and "under control" end the bad thing before
    # them, after a passive as far as after a perfect; "zero" after "to"
    # or "close to" is a number, not a negator; things got back and work
    # found again turn the plights around, and a noun's plight the bad
    # word before it that names its cause ("flood evacuees"; not a verb's
    # subject, "the quake destroyed"); a fall in donations and a cut
    # in journey times are news of the measure; a good word inside a name
    # is nothing a fall describes ("Greater Manchester")
    assert_signs(["Traffic accidents at the junction stopped almost "
                  "completely after the roundabout was built.",
                  "The blight that threatened crops has been brought under "
                  "control.",
                  "Unemployment in the town fell to zero.",
                  "The museum regained the manuscripts that had been stolen.",
                  "Rescuers pulled all 14 miners out alive.",
                  "The last of the flood evacuees returned to their homes.",
                  "Divers pulled the crew alive from a capsized trawler.",
                  "The man walked free after 27 years in prison.",
                  "The wildfire that threatened the town was put out "
                  "overnight.",
                  "The new metro line cut journey times by half.",
                  "I passed the bar exam!!!",
                  "Burglaries in Greater Manchester fell by almost a "
                  "quarter last year."],
                 ["Donations dropped by a third this year.",
                  "Two died and one was found alive after the quake "
                  "destroyed the building.",
                  "The kidnappers returned to the village.",
                  "The way that guy treats his dog makes my blood boil.",
                  "my playlist keeps skipping songs. drives me nuts"])


def test_disasters_spared_and_ways_out_that_a_death_undoes():
    # a disaster is a plight: a way out turns it ("the dog lost in the
    # floods was reunited"), and so does no harm done ("no casualties");
    # but a death or a wound named keeps every plight of the sentence bad;
    # "before" and "by" end the clause after an end ("under control")
    assert_signs(["The earthquake caused no casualties and only minor "
                  "damage, officials said on Sunday.",
                  "The blind dog, lost during the floods, was reunited with "
                  "its owners after three weeks.",
                  "All 23 miners trapped by a tunnel collapse were brought "
                  "to the surface alive on Thursday.",
                  "The fire was brought under control before it reached the "
                  "village.",
                  "Rescuers reached the stranded hikers before nightfall, "
                  "and all eight were flown to safety.",
                  "The missing fishing boat was found off the coast and all "
                  "five crew are safe.",
                  "An anonymous donor has given 5 million dollars to the "
                  "children's hospital to build a new cancer ward."],
                 ["The flood destroyed 300 homes and killed 12 people; 40 "
                  "were rescued.",
                  "The storm killed 12 people.",
                  "Two died and one was found alive after the quake "
                  "destroyed the building."])


def test_prices_records_headlines_and_plights_told_after_the_way_out():
    # what households buy is a burden whose price is the news; a thing
    # "the lowest in" or "its highest level since" years has fallen or
    # risen; a headline's present after a plural subject is a verb; a way
    # out reaches into the "after" clause that tells the plight; an end
    # reaches back across a relative clause; relief in posts
    assert_signs(["Bread prices fell for the first time in three years.",
                  "Air pollution in Delhi was the lowest in at least eight "
                  "years.",
                  "Traffic deaths in New York City drop to record low",
                  "Rescuers pulled all 14 miners out alive on Saturday "
                  "after they had been trapped underground for two days.",
                  "The drought that gripped the region ended.",
                  "Residents were allowed back into their homes after the "
                  "gas leak was sealed.",
                  "deadline moved to next week. huge sigh of relief",
                  "got a B on the midterm. not amazing but I'll take it, was "
                  "expecting worse"],
                 ["Food prices rose sharply this month.",
                  "Inflation was the highest in 40 years.",
                  "The local newspaper, founded in 1887, printed its final "
                  "edition on Saturday.",
                  "The gas leak killed two workers before it was sealed.",
                  "this cold weather is seriously getting me down"])


def test_sympathy_small_moves_ways_out_of_alarms_and_things_avoided():
    # "aww" takes the sentence's side, as a crying face does; "cut the crap"
    # is impatience; the wire's small moves and levels reached describe the
    # bad thing before them; an alarm that ends in normal service, a storm
    # named after the homes it cut off, and clashes a hotline avoids are
    # ways out
    assert_signs(["Aww that's the sweetest thing anyone has said all week",
                  "The jobless rate edged down to 4.9 percent.",
                  "Homicides reached their lowest level in four decades.",
                  "Flights were operating normally after a fire alarm "
                  "earlier in the day.",
                  "Power has been restored to homes flooded by the storm.",
                  "The two navies set up a hotline to avoid clashes.",
                  "The drought that gripped the region for two years "
                  "ended.",
                  "The bank did not collapse, as many had feared.",
                  "They agreed to suspend retaliatory tariffs.",
                  "Parliament voted to repeal the law that criminalised "
                  "homelessness."],
                 ["Aww I miss her so much",
                  "But you will, cut the crap",
                  "Inflation ticked up to 3.1 percent.",
                  "Unemployment is at its highest level since 2015.",
                  "Avoid this place.",
                  "The government suspended aid to the refugees."])


def test_laughter_long_missed_grins_letdowns_and_long_waits():
    # what one had not had "this much" of "in years" is praise of the day
    # that brought it; a fear compared away is no fear; a grin likened to
    # an idiot's is joy; a full battery is no charge in court; "aw man" is
    # a letdown and a wait "still" going on a complaint
    assert_signs(["Haven't had this much fun in years!",
                  "haven't laughed that hard in ages",
                  "The exam was not nearly as bad as I feared",
                  "Just found out I'm going to be an aunt, grinning like an "
                  "idiot",
                  "Phone fully charged, back online"],
                 ["Haven't had this much trouble with a landlord in years",
                  "aw man",
                  "Still waiting on that package, third week now",
                  "He was charged with fraud."])


def test_a_key_with_a_possessive_matches_the_split_tokens():
    # "'s" is a token of its own: "wit's end" and "Alzheimer's" are keys of
    # two and three tokens, rules alone
    off = ("--set", "plugin.sentiment.tuning=learned=0")
    assert_signs([], ["I am at my wit's end.", "He was diagnosed with "
                      "Alzheimer's."], neg_below=-0.3, sets=off)
    assert abs(compound("The children's hospital opened.", *off)) < 0.1


def test_the_informal_english_of_posts():
    off = ("--set", "plugin.sentiment.tuning=learned=0")
    assert_signs(["this song slaps", "too cute omg", "that's fire",
                  "straight fire", "no probs, happy to help",
                  "i'm wheezing at this"],
                 ["we're cooked", "got friendzoned again", "such a cashgrab",
                  "ugh #worstdayever", "took an L today"], sets=off)
