"""PLOVER trigger lexicon: which verb or noun (with which particle or object) names which kind of event.

Built from the PLOVER category definitions and the CAMEO->PLOVER crosswalk (CAMEO's verb phrases per
code), not from any evaluation sentence, so it stays general. Kinds follow PLOVER with three finer
names kept for readers: VISIT (a CONSULT mode), ACCUSE (a DISAPPROVE mode) and SEIZE (a COERCE mode);
``COARSE`` folds them back when scoring against PLOVER gold.
"""

from __future__ import annotations

COARSE = {"VISIT": "CONSULT", "ACCUSE": "DISAPPROVE", "SEIZE": "COERCE"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _expand(table: dict[str, str]) -> dict[str, str]:
    """``{"CONSULT": "meet negotiate ..."}`` -> ``{"meet": "CONSULT", ...}``."""
    return {word: kind for kind, words in table.items() for word in words.split()}


# Verb lemma -> kind, when the verb alone carries the meaning.
VERBS = _expand(
    {
        "CONSULT": "meet negotiate consult confer discuss mediate convene telephone phone host",
        "VISIT": "visit tour arrive travel",
        "AGREE": "agree pledge promise offer propose accept ratify commit conclude",
        "SUPPORT": "praise endorse support back welcome commend hail applaud defend apologize apologise "
        "forgive recognize recognise congratulate thank sign",
        "COOPERATE": "cooperate co-operate collaborate coordinate co-ordinate ally partner extradite",
        "AID": "aid help assist donate fund finance supply rescue shelter contribute",
        "CONCEDE": "concede yield relent accede comply capitulate resign lift ease allow permit relax",
        "RETREAT": "release free withdraw retreat evacuate disarm demobilize demobilise surrender",
        "DEMAND": "demand urge ask request appeal press insist seek plead petition beg pressure",
        "DISAPPROVE": "criticize criticise condemn denounce deplore decry censure rebuke slam complain "
        "chide scold oppose",
        "ACCUSE": "accuse blame allege sue charge",
        "INVESTIGATE": "investigate probe inquire",
        "REJECT": "reject refuse decline dismiss rebuff veto defy spurn repudiate deny renege violate",
        "THREATEN": "threaten warn",
        "PROTEST": "demonstrate rally march riot picket boycott protest",
        "MOBILIZE": "mobilize mobilise deploy mass amass station reinforce patrol",
        "SANCTION": "sanction sever suspend recall expel freeze downgrade embargo",
        "COERCE": "arrest detain jail imprison sentence convict deport ban outlaw censor restrict "
        "blockade prosecute indict raid evict demolish hack deface",
        "SEIZE": "seize confiscate capture occupy impound annex",
        "ASSAULT": "kill murder assassinate abduct kidnap hijack torture beat massacre attack assault "
        "shoot stab behead execute injure wound rape detonate destroy ambush",
        "FIGHT": "fight clash shell bombard battle invade bomb retake recapture",
    }
)

# (verb lemma, particle or preposition) -> kind: "call for", "met with" and phrasal verbs.
PHRASAL = {
    ("call", "for"): "DEMAND",
    ("call", "on"): "DEMAND",
    ("call", "upon"): "DEMAND",
    ("break", "off"): "SANCTION",
    ("cut", "off"): "SANCTION",
    ("pull", "out"): "RETREAT",
    ("pull", "back"): "RETREAT",
    ("crack", "down"): "COERCE",
    ("step", "down"): "CONCEDE",
    ("back", "down"): "CONCEDE",
    ("give", "in"): "CONCEDE",
    ("turn", "down"): "REJECT",
    ("blow", "up"): "ASSAULT",
    ("talk", "with"): "CONSULT",
    ("speak", "with"): "CONSULT",
    ("confer", "with"): "CONSULT",
    ("fire", "at"): "FIGHT",
    ("fire", "on"): "FIGHT",
    ("go", "on"): "PROTEST",  # "went on strike" / "on hunger strike": confirmed by the noun below
    ("take", "to"): "PROTEST",  # "took to the streets"
    ("strike", "at"): "FIGHT",
    ("call", "off"): "CONCEDE",
    ("push", "for"): "DEMAND",
    ("hand", "over"): "AID",
}

# (verb lemma, direct-object lemma) -> kind: the object decides ("send troops" vs "send aid").
VERB_OBJECT = {
    ("send", "troop"): "MOBILIZE",
    ("send", "force"): "MOBILIZE",
    ("send", "soldier"): "MOBILIZE",
    ("send", "tank"): "MOBILIZE",
    ("send", "warship"): "MOBILIZE",
    ("cut", "tie"): "SANCTION",
    ("cut", "relation"): "SANCTION",
    ("cut", "aid"): "SANCTION",
    ("break", "tie"): "SANCTION",
    ("break", "relation"): "SANCTION",
    ("take", "hostage"): "ASSAULT",
    ("open", "fire"): "FIGHT",
    ("fire", "missile"): "FIGHT",
    ("fire", "rocket"): "FIGHT",
    ("fire", "shell"): "FIGHT",
    ("fire", "shot"): "FIGHT",
    ("strike", "target"): "FIGHT",
    ("lift", "sanction"): "RETREAT",
    ("lift", "embargo"): "RETREAT",
    ("ease", "sanction"): "RETREAT",
    ("lift", "blockade"): "RETREAT",
    ("grant", "asylum"): "AID",
    ("provide", "asylum"): "AID",
    ("impose", "curfew"): "COERCE",
    ("violate", "ceasefire"): "FIGHT",
    ("violate", "truce"): "FIGHT",
    ("lodge", "protest"): "DISAPPROVE",
    ("lodge", "complaint"): "DISAPPROVE",
    ("receive", "observer"): "RETREAT",
    ("receive", "inspector"): "RETREAT",
    ("receive", "peacekeeper"): "RETREAT",
    ("strengthen", "force"): "MOBILIZE",
    ("put", "alert"): "MOBILIZE",
    ("sign", "agreement"): "SUPPORT",
    ("sign", "treaty"): "SUPPORT",
    ("sign", "accord"): "SUPPORT",
    ("sign", "pact"): "SUPPORT",
}
# Verb families x object families: giving material is AID, cutting links is SANCTION...
_GIVE = _words("give provide send deliver supply hand donate ship airlift")
_MATERIAL = _words(
    "aid arm weapon money dollar food medicine supply fund grant loan assistance equipment fuel"
)
_CUT = _words("halt reduce cut end stop suspend cancel freeze")
_LINKS = _words(
    "aid supply assistance mediation talk negotiation visit meeting relation tie cooperation trade"
)
_FAMILIES = (
    (_GIVE, _MATERIAL, "AID"),
    (_CUT, _LINKS, "SANCTION"),
    (_words("establish restore upgrade resume normalize normalise"), _words("tie relation"), "SUPPORT"),
    (_words("block"), _words("road street roadway highway traffic transport railway bridge"), "PROTEST"),
    (_words("launch fire"), _words("artillery rocket missile mortar airstrike shell"), "FIGHT"),
    (_words("declare impose"), _words("emergency siege law curfew"), "COERCE"),
    (_words("share"), _words("information intelligence evidence expertise data"), "COOPERATE"),
    (_words("cancel remove relax shorten lift"), _words("restriction curfew ban"), "CONCEDE"),
)
for _verbs, _objects, _kind in _FAMILIES:
    VERB_OBJECT.update({(v, o): _kind for v in _verbs for o in _objects if (v, o) not in VERB_OBJECT})

# Intent: "will visit", "ready to lift", "willing to withdraw". PLOVER codes an intended cooperative act
# as AGREE and an intended hostile one as THREATEN; "must" makes any act a DEMAND.
INTENT_AUX = frozenset({"will", "would", "shall", "'ll"})
INTENT_HEADS = _words("willing ready prepared plan intend decide vow swear pledge promise offer")
COOPERATIVE = frozenset({"CONSULT", "VISIT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
HOSTILE = frozenset({"SANCTION", "COERCE", "SEIZE", "ASSAULT", "FIGHT", "MOBILIZE", "PROTEST"})
# Kinds with no direction: "A met B" and "B met A" are one meeting (``retold.told_once``).
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Subjects that make a killing an act of war (FIGHT) rather than unconventional violence (ASSAULT).
MILITARY = _words(
    "aircraft army troop soldier force jet warplane plane helicopter artillery tank navy military missile "
    "drone gunship bomber"
)

# Verbs whose meaning comes from their object ("held talks", "launched an attack", "imposed sanctions").
LIGHT_VERBS = _words(
    "hold have conduct stage launch carry mount make pay sign reach conclude impose issue deliver give "
    "provide begin start open resume continue join announce order declare take send organize organise "
    "lead hit call extend approve grant receive renew undertake complete finish speed engage"
)

# Noun lemma -> kind, for event nouns ("the meeting between", "talks with", "an attack on").
NOUNS = _expand(
    {
        "CONSULT": "meeting talk negotiation consultation summit discussion conference session mediation",
        "VISIT": "visit trip tour",
        "AGREE": "agreement accord deal pact treaty pledge promise offer proposal consensus",
        "SUPPORT": "praise endorsement recognition apology",
        "COOPERATE": "cooperation co-operation collaboration coordination partnership alliance",
        "AID": "aid assistance donation relief loan asylum",
        "RETREAT": "ceasefire cease-fire truce withdrawal release pullout",
        "DEMAND": "demand appeal request call",
        "DISAPPROVE": "criticism condemnation complaint",
        "ACCUSE": "accusation allegation lawsuit",
        "INVESTIGATE": "investigation probe inquiry hearing",
        "REJECT": "rejection refusal veto",
        "THREATEN": "threat ultimatum warning",
        "PROTEST": "protest demonstration rally strike riot boycott sit-in march",
        "MOBILIZE": "deployment mobilization mobilisation buildup build-up alert patrol",
        "SANCTION": "sanction embargo expulsion suspension",
        "COERCE": "arrest detention curfew ban crackdown restriction blockade deportation raid",
        "SEIZE": "seizure occupation confiscation annexation",
        "ASSAULT": "attack assault killing murder assassination bombing kidnapping abduction massacre "
        "torture hijacking shooting cleansing",
        "FIGHT": "fighting clash battle offensive airstrike air-strike shelling invasion incursion",
    }
)

# Objects that make a trigger verb something else ("release a statement", "back the bill" stays).
NOT_EVENT_OBJECTS = {
    "release": frozenset(
        "statement report video detail figure data result communique photo image list".split()
    ),
    "issue": frozenset(["statement", "report"]),
    "sign": frozenset(["autograph"]),
    "charge": frozenset(["fee", "price"]),
    "free": frozenset(),
    # "Mara Quint contributed reporting": a staff credit line, not aid
    "contribute": frozenset("reporting report research writing article story".split()),
    # "to meet sales targets", "committed suicide", "beat back a challenge": no parties meet or fight
    "meet": frozenset(
        "target goal deadline need requirement standard expectation criterion threshold obligation "
        "quota payroll cost challenge condition".split()
    ),
    "commit": frozenset("suicide crime offense offence fraud error mistake foul sin perjury".split()),
    "beat": frozenset("challenge expectation odds estimate forecast record deadline traffic".split()),
}

# Verbs that are an event only with one of these objects: "recalled its ambassador" is a SANCTION,
# but "recalls earlier declarations" / "we might recall" is remembering, and "recalled 1m cars" a
# product recall.
ONLY_WITH_OBJECTS = {
    "recall": frozenset(
        "ambassador envoy diplomat consul emissary representative delegation mission staff personnel "
        "troop soldier force official minister negotiator observer monitor peacekeeper".split()
    ),
}

# Nature is no party: an earthquake that "struck the city, killing 14" neither fights nor assaults
# anyone, and PLOVER has no disaster category, so acts of hostility with such a subject are dropped.
NATURAL_FORCES = _words(
    "earthquake quake tremor aftershock storm hurricane typhoon cyclone tornado twister flood flooding "
    "deluge downpour rain snow snowstorm blizzard hail wind gale fire wildfire bushfire blaze flame "
    "landslide mudslide avalanche tsunami wave drought heatwave heat eruption volcano lava lightning "
    "outbreak epidemic pandemic virus disease"
)
NOT_BY_NATURE = HOSTILE | {"THREATEN"}

# Kinds that speak about another act ("threatened an attack", "accused X of killing"): the act they
# govern is not an event of its own.
SPEECH_ACTS = frozenset(
    {"THREATEN", "AGREE", "DEMAND", "REJECT", "ACCUSE", "DISAPPROVE", "SUPPORT", "INVESTIGATE"}
)

# Kinds a negation turns into a refusal ("did not agree", "refused to meet" is REJECT already).
NEGATED_TO_REJECT = frozenset(
    {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "RETREAT", "VISIT"}
)
