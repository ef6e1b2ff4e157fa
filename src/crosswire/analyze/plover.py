"""PLOVER trigger lexicon: which verb or noun (with which particle or object) names which kind of event.

Built from the PLOVER category definitions and the CAMEO->PLOVER crosswalk (CAMEO's verb phrases per
code), not from any evaluation sentence, so it stays general. Kinds follow PLOVER with three finer
names kept for readers: VISIT (a CONSULT mode), ACCUSE (a DISAPPROVE mode) and SEIZE (a COERCE mode);
``COARSE`` folds them back when scoring against PLOVER gold.
"""

from __future__ import annotations

COARSE = {"VISIT": "CONSULT", "ACCUSE": "DISAPPROVE", "SEIZE": "COERCE"}


def _expand(table: dict[str, str]) -> dict[str, str]:
    """``{"CONSULT": "meet negotiate ..."}`` -> ``{"meet": "CONSULT", ...}``."""
    return {word: kind for kind, words in table.items() for word in words.split()}


# Verb lemma -> kind, when the verb alone carries the meaning.
VERBS = _expand(
    {
        "CONSULT": "meet negotiate consult confer discuss mediate convene telephone phone",
        "VISIT": "visit tour arrive travel",
        "AGREE": "agree pledge promise offer propose accept sign ratify commit vow conclude",
        "SUPPORT": "praise endorse support back welcome commend hail applaud defend apologize apologise "
        "forgive recognize recognise congratulate thank",
        "COOPERATE": "cooperate co-operate collaborate coordinate co-ordinate ally partner",
        "AID": "aid help assist donate fund finance supply rescue shelter",
        "CONCEDE": "concede yield relent accede comply capitulate resign lift ease",
        "RETREAT": "release free withdraw retreat evacuate disarm demobilize demobilise surrender",
        "DEMAND": "demand urge ask request appeal press insist seek plead petition beg",
        "DISAPPROVE": "criticize criticise condemn denounce deplore decry censure rebuke slam protest complain "
        "chide scold oppose",
        "ACCUSE": "accuse blame allege sue charge",
        "INVESTIGATE": "investigate probe inquire",
        "REJECT": "reject refuse decline dismiss rebuff veto defy spurn repudiate deny",
        "THREATEN": "threaten warn",
        "PROTEST": "demonstrate rally march riot picket boycott",
        "MOBILIZE": "mobilize mobilise deploy mass amass station reinforce",
        "SANCTION": "sanction sever suspend recall expel freeze downgrade embargo",
        "COERCE": "arrest detain jail imprison sentence convict deport ban outlaw censor restrict "
        "blockade prosecute indict raid evict",
        "SEIZE": "seize confiscate capture occupy impound annex",
        "ASSAULT": "kill murder assassinate abduct kidnap hijack torture beat massacre attack assault "
        "shoot stab behead execute injure wound rape detonate destroy ambush",
        "FIGHT": "fight clash shell bombard battle invade bomb",
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
}

# Verbs whose meaning comes from their object ("held talks", "launched an attack", "imposed sanctions").
LIGHT_VERBS = frozenset(
    [
        "hold",
        "have",
        "conduct",
        "stage",
        "launch",
        "carry",
        "mount",
        "make",
        "pay",
        "sign",
        "reach",
        "conclude",
        "impose",
        "issue",
        "deliver",
        "give",
        "provide",
        "begin",
        "start",
        "open",
        "resume",
        "continue",
        "join",
        "announce",
        "order",
        "declare",
        "take",
        "send",
        "organize",
        "organise",
        "lead",
        "hit",
        "call",
        "extend",
        "approve",
        "grant",
        "receive",
    ]
)

# Noun lemma -> kind, for event nouns ("the meeting between", "talks with", "an attack on").
NOUNS = _expand(
    {
        "CONSULT": "meeting talk negotiation consultation summit discussion conference session",
        "VISIT": "visit trip tour",
        "AGREE": "agreement accord deal pact treaty pledge promise offer proposal",
        "SUPPORT": "praise endorsement recognition apology",
        "COOPERATE": "cooperation co-operation collaboration coordination partnership alliance",
        "AID": "aid assistance donation relief loan asylum",
        "RETREAT": "ceasefire cease-fire truce withdrawal release pullout",
        "DEMAND": "demand appeal request call",
        "DISAPPROVE": "criticism condemnation complaint",
        "ACCUSE": "accusation allegation lawsuit",
        "INVESTIGATE": "investigation probe inquiry",
        "REJECT": "rejection refusal veto",
        "THREATEN": "threat ultimatum warning",
        "PROTEST": "protest demonstration rally strike riot boycott sit-in march",
        "MOBILIZE": "deployment mobilization mobilisation buildup build-up alert",
        "SANCTION": "sanction embargo expulsion suspension",
        "COERCE": "arrest detention curfew ban crackdown restriction blockade deportation raid",
        "SEIZE": "seizure occupation confiscation annexation",
        "ASSAULT": "attack assault killing murder assassination bombing kidnapping abduction massacre "
        "torture hijacking shooting",
        "FIGHT": "fighting clash battle offensive airstrike air-strike shelling invasion incursion",
    }
)

# Objects that make a trigger verb something else ("release a statement", "back the bill" stays).
NOT_EVENT_OBJECTS = {
    "release": frozenset(
        [
            "statement",
            "report",
            "video",
            "detail",
            "figure",
            "data",
            "result",
            "communique",
            "photo",
            "image",
            "list",
        ]
    ),
    "issue": frozenset(["statement", "report"]),
    "sign": frozenset(["autograph"]),
    "charge": frozenset(["fee", "price"]),
    "free": frozenset(),
}

# Kinds that speak about another act ("threatened an attack", "accused X of killing"): the act they
# govern is not an event of its own.
SPEECH_ACTS = frozenset(
    {"THREATEN", "AGREE", "DEMAND", "REJECT", "ACCUSE", "DISAPPROVE", "SUPPORT", "INVESTIGATE", "DENY"}
)

# Kinds a negation turns into a refusal ("did not agree", "refused to meet" is REJECT already).
NEGATED_TO_REJECT = frozenset(
    {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "AID", "CONCEDE", "RETREAT", "VISIT"}
)
