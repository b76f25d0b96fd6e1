"""Word lists for attribution: cue verbs and nouns by reliability, and the words around them.

Verbs are listed by lemma and inflected here, so a new verb needs one entry (``admit*`` doubles
its final consonant, ``call+for`` needs its particle). Tiers follow how often a lemma marks an
attribution outside quotation marks in annotated political news (PolNeAR): tier 1 ("said",
"argued") nearly always does; tier 2 ("believe", "support") when a third party is its subject and
a clause or object follows; tier 3 ("attack", "plan") only when a "that" clause or quote follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

TIER1_VERBS = """
say tell write add argue note suggest announce explain acknowledge warn urge recall insist vow
cite reiterate concede declare criticize criticise accuse praise describe predict reply ask
conclude emphasize emphasise mention complain assert remind blast decry tout denounce lament
chide brag muse deride assail lambaste liken slam* portray characterize shout boast chant refuse
assure hint speculate reveal reject blame wonder condemn contend proclaim endorse stress
remember expect agree confirm mock echo admit* promise caution applaud defend decline propose
imply rebuke repeat congratulate worry claim respond threaten deny hope highlight retort clarify
inform pronounce quip implore express rail bemoan disavow recount tweet testify indicate surmise
posit concur* plead opine reaffirm rebut* interject observe scold berate castigate laud dub*
dismiss apologize apologise joke yell scream whisper mutter exclaim theorize theorise allege
disclose hail disagree forecast retweet counter lash+out point+out shoot+back fire+back
push+back weigh+in sum+up call+for call+on call+out sound+off speak+out single+out refer*+to
point+to point+at stated stating encourage convince deem invoke answer side+with request
reportedly make+it+clear make+clear put+it take+aim+at take+issue+with go+on+to+say lash+out+at
take+to+twitter take+a+swipe+at take+a+shot+at articulate downplay outline allude+to lay+out
trumpet herald brag* bristle utter vouch+for contradict elaborate reference react+to brush+off
brush+aside shrug+off spar*+with balk+at mull persuade talk+about speak+about speak+of
comment+on ask+about
""".split()

TIER2_VERBS = """
prefer* quote name nominate unveil title sound oppose recognize recognise show doubt realize
realise recommend report underscore estimate promote believe label know signal seek fear paint
decide pledge intend aim demand imagine question learn think want thank dispute favor favour
notice determine understand support feel view champion call seem appear sought suspect assume
charge welcome insult discuss talk acknowledge acquiesce assess anticipate envision foresee
dislike hate love wish defend post find interpret recite rebuff distance attribute+to
""".split()

TIER3_VERBS = """
attack compare remark credit plan comment challenge project press back document prove advise
protest vote rule hear email order trust figure rank block rate advocate cast consider continue
detail embrace issue mean offer publish push read regard release see speak target voice
""".split()

# Lemmas whose bare and -s forms are more often nouns ("the report", "voters' support"): these
# count as verbs only after a subject-like word ("he supports", "Democrats support").
NOUN_LIKE = frozenset(
    """support tweet issue question report release call view charge claim detail email favor
    favour back talk plan attack comment vote rule post order quote demand promise pledge fear
    worry hope doubt estimate forecast challenge praise blame push slam blast protest document
    press project rank rate block trust figure credit remark signal label paint cast offer aim
    speech concern dispute echo counter endorse shout chant wonder mock defend boast show name
    request answer voice title sound""".split()
)

# Verbs of intention, the weaker cues that may take "to": "wants to", "plans to", "vowed to".
INTENTION_VERBS = frozenset(
    "want plan hope expect seek sought aim intend decide seem appear pledge vow".split()
)

# Verbs that take the person addressed before the content: "told reporters that ...".
ADDRESSEE_VERBS = frozenset(
    "tell inform assure remind warn urge advise ask promise notify convince persuade email".split()
)

# Nouns that carry an attribution, with the prepositions that introduce their content:
# "his claim that ...", "criticism of the plan", "support for the bill".
NOUN_CUES: dict[str, frozenset[str]] = {
    noun: frozenset(prepositions.split())
    for nouns, prepositions in (
        ("criticism criticisms", "of"),
        ("claim claims assertion assertions contention insistence", ""),
        ("concerns worries", "about over"),
        ("allegation allegations accusation accusations", "of"),
        ("complaint complaints", "about"),
        ("suggestion suggestions warning warnings admission belief beliefs", ""),
        ("endorsement endorsements", "of"),
        ("speculation rumors rumours", "about"),
        ("praise", "for"),
    )
    for noun in nouns.split()
}

# What a poll or study is called when it is the source: "In a new Quinnipiac poll, ...".
STUDY_NOUNS = frozenset("poll polls survey surveys study studies report analysis census".split())

IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing", "written"),
    "think": ("thinks", "thought", "thinking"),
    "know": ("knows", "knew", "knowing", "known"),
    "feel": ("feels", "felt", "feeling"),
    "see": ("sees", "saw", "seeing", "seen"),
    "hear": ("hears", "heard", "hearing"),
    "find": ("finds", "found", "finding"),
    "seek": ("seeks", "sought", "seeking"),
    "sought": (),
    "read": ("reads", "read", "reading"),
    "understand": ("understands", "understood", "understanding"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "cast": ("casts", "cast", "casting"),
    "shoot": ("shoots", "shot", "shooting"),
    "foresee": ("foresees", "foresaw", "foreseeing", "foreseen"),
    "speak": ("speaks", "spoke", "speaking", "spoken"),
    "learn": ("learns", "learned", "learnt", "learning"),
    "prove": ("proves", "proved", "proving", "proven"),
    "mean": ("means", "meant", "meaning"),
    "fire": ("fires", "fired", "firing"),
    "sum": ("sums", "summed", "summing"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking", "taken"),
    "go": ("goes", "went", "going", "gone"),
    "put": ("puts", "put", "putting"),
    "stated": (),
    "stating": (),
    "reportedly": (),
}

# "Speaking on condition of anonymity", "who asked not to be named": the speaker is unnamed.
ANONYMITY_MARKERS = (
    "condition of anonymity",
    "conditions of anonymity",
    "condition that he not be named",
    "condition that she not be named",
    "condition they not be named",
    "not authorized to speak",
    "not authorized to discuss",
    "asked not to be named",
    "asked not to be identified",
    "declined to be named",
    "declined to be identified",
    "requested anonymity",
    "spoke anonymously",
    "speaking anonymously",
    "granted anonymity",
    "familiar with",
)
# Words that must occur in a sentence before the anonymity markers are searched for (speed).
ANONYMITY_HINTS = ("anonym", "familiar with", "authorized", "named", "identified")

# Unnamed speakers described by role: "a senior official", "sources close to the campaign".
ANONYMOUS_HEADS = frozenset(
    """official officials source sources aide aides person people insider insiders adviser
    advisers advisor advisors diplomat diplomats officer officers staffer staffers member
    members spokesman spokeswoman spokesperson""".split()
)

# Outlets that relay what others said: "according to CNN's Jake Tapper" reached us via CNN.
OUTLETS = (
    "Associated Press",
    "Agence France-Presse",
    "New York Times",
    "Washington Post",
    "Wall Street Journal",
    "Los Angeles Times",
    "USA Today",
    "Fox News",
    "CBS News",
    "NBC News",
    "ABC News",
    "Al Jazeera",
    "Financial Times",
    "Huffington Post",
    "Daily Mail",
    "The Guardian",
    "The Times",
    "The Hill",
    "Reuters",
    "AP",
    "AFP",
    "Bloomberg",
    "CNN",
    "MSNBC",
    "NBC",
    "ABC",
    "CBS",
    "Fox",
    "BBC",
    "NPR",
    "PBS",
    "Politico",
    "POLITICO",
    "Axios",
    "UPI",
    "Xinhua",
    "TASS",
    "Interfax",
    "Breitbart",
    "BuzzFeed",
)

# Common first names, to tell "she" from "he" when no title or earlier pronoun says.
FEMALE_NAMES = frozenset(
    """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie
    Rebecca Laura Sharon Cynthia Kathleen Amy Angela Anna Ana Maria Helen Nicole Samantha Katherine
    Christine Emma Julia Hillary Nancy Elena Sofia Sophie Claire Grace Alice Rachel Hannah Olivia
    Isabel Lucia Carmen Rosa Fatima Aisha Priya Mei Yuki Ingrid Greta Marta Elise Nora Leila
    Dana Mira Hope Kellyanne Sarah Nikki Elizabeth Kamala Theresa Angela Marine Ursula""".split()
)
MALE_NAMES = frozenset(
    """James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald
    Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon
    Benjamin Samuel Frank Gregory Raymond Alexander Patrick Jack Dennis Jerry Tyler Aaron Jose
    Henry Adam Peter Nathan Tom Bernie Barack Joe Ted Marco Jeb Mike Chris Bill Harold Tomas Omar
    Ahmed Mohammed Youssef Carlos Juan Luis Pedro Hans Klaus Ivan Dmitri Vladimir Xi Hiro Rahul
    Emmanuel Mitch Chuck Rand Ben Newt Rudy Reince Corey Boris Justin Recep Benjamin""".split()
)

# Role nouns and the titles a person with that role carries: "the senator" is Sen. X.
ROLE_TITLES = {
    "senator": ("sen.", "sen", "senator"),
    "governor": ("gov.", "gov", "governor"),
    "congressman": ("rep.", "rep"),
    "congresswoman": ("rep.", "rep"),
    "representative": ("rep.", "rep"),
    "president": ("president",),
    "mayor": ("mayor",),
    "judge": ("judge",),
    "minister": ("minister",),
    "spokesman": ("spokesperson", "spokeswoman"),
    "spokeswoman": ("spokesperson", "spokesman"),
}

# Last words of an outlet's name: "The Harbour Gazette", "Valley Public Radio".
OUTLET_WORDS = (
    "Times Post News Journal Herald Tribune Gazette Chronicle Telegraph Guardian Observer Courier "
    "Radio Television TV Magazine Press Wire Daily Dispatch Examiner Inquirer Register Sentinel"
).split()

SUBJECT_PRONOUNS = frozenset("he she they we i you it who".split())
OBJECT_PRONOUNS = frozenset("me him her us them you it".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "they": "p", "them": "p"}

# Line-initial labels that end in a colon but name no speaker ("Update: ...", "Watch: ...").
COLON_LABELS = frozenset(
    """q a plus so remember revealed contributing twitter update updated watch read related note
    editor photo video source sources latest breaking exclusive warning correction listen see
    also the more here why what how who when where""".split()
)

# What a statement came in: "said in a statement", "told in a phone interview".
MEDIA = frozenset(
    """statement statements interview interviews email e-mail letter speech tweet post op-ed memo
    video release conference call briefing ad""".split()
)

# Modal verbs: "would support" states no one's view yet, so weaker cues after them are skipped.
MODALS = frozenset("would will could can may might should shall must 'd ’d 'll ’ll".split())

# Words that sit between a subject and its cue verb and belong to the cue ("has also said").
VERB_MODIFIERS = frozenset(
    """has have had is was were are am be been being will would could can may might must should
    shall did does do not n't never also later previously repeatedly recently often once again
    already still just even then now publicly privately reportedly long frequently first further
    quickly immediately initially ultimately finally always subsequently separately similarly
    openly explicitly specifically flatly strongly forcefully loudly bluntly angrily sharply
    simply actually apparently clearly essentially effectively widely consistently formally
    officially vehemently pointedly tearfully jokingly proudly curtly tersely 've 'd 'll ’ve ’d
    ’ll didn't doesn't don't hasn't haven't wasn't isn't won't wouldn't didn’t doesn’t don’t
    hasn’t haven’t wasn’t isn’t won’t wouldn’t""".split()
)

# Words that end a subject noun phrase when scanning left from a cue.
CLAUSE_BOUNDARIES = frozenset(
    """that because when while if although though since after before as but and or so where
    whether than until unless how why what whereas nor yet once whenever wherever whatever
    which who whom whose said says told""".split()
)

DETERMINERS = frozenset(
    """the a an this these those his her their its our my your some many several other both all
    most few each every no another any such""".split()
)

TITLES = frozenset(
    """mr mrs ms miss dr prof sen rep gov gen col lt maj capt sgt adm rev hon president senator
    governor secretary minister judge justice mayor chairman chairwoman ambassador spokesman
    spokeswoman spokesperson""".split()
)

# Determiners that stand alone as subjects: "another says", "many argue".
PRONOMINAL = frozenset("another one some many most both all few several others each none".split())

PREPOSITIONS = frozenset(
    """in on at during after before about of for to with from by over under into onto via
    through across against among between without within""".split()
)

# Words that open the time or place adjunct that may follow a cue ("said Tuesday", "said last week").
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
    recently earlier later previously last this late early""".split()
)


def _regular_forms(lemma: str, double: bool) -> tuple[str, ...]:
    """The -s, -ed and -ing forms of a regular verb; ``double`` doubles a final consonant."""
    if lemma.endswith("ee"):
        return (lemma + "s", lemma + "d", lemma + "ing")
    if lemma.endswith("e"):
        return (lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma + "es", lemma + "ed", lemma + "ing")
    if double:
        return (lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing")
    return (lemma + "s", lemma + "ed", lemma + "ing")


def inflect(entry: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``"admit*"`` -> ("admit", its forms, ()); ``"refer*+to"`` -> ("refer", forms, ("to",))."""
    head, *rest = entry.split("+")
    word = head.rstrip("*")
    if word in IRREGULAR:
        return word, (word, *IRREGULAR[word]), tuple(rest)
    return word, (word, *_regular_forms(word, head.endswith("*"))), tuple(rest)


def verb_table(tiers: Iterable[tuple[int, Iterable[str]]]) -> dict[str, VerbEntry]:
    """Every inflected form -> its lemma, its tier alone (0: only with a particle) and with particles.

    A verb listed only with a particle ("point+out") is a cue only with that particle.
    """
    alone: dict[str, tuple[str, int]] = {}
    with_particle: dict[str, dict[tuple[str, ...], int]] = {}
    lemmas: dict[str, str] = {}
    for tier, entries in tiers:
        for entry in entries:
            lemma, forms, particle = inflect(entry)
            for form in forms:
                lemmas.setdefault(form, lemma)
                if particle:
                    with_particle.setdefault(form, {}).setdefault(particle, tier)
                else:
                    alone.setdefault(form, (lemma, tier))
    return {
        form: VerbEntry(lemma, alone.get(form, (lemma, 0))[1], with_particle.get(form, {}))
        for form, lemma in lemmas.items()
    }


class VerbEntry(NamedTuple):
    lemma: str
    tier: int  # 0: a cue only with one of its particles
    particles: dict[tuple[str, ...], int]  # following words that make one cue: ("out",), ("it", "clear")


VERBS = verb_table([(1, TIER1_VERBS), (2, TIER2_VERBS), (3, TIER3_VERBS)])

# "-ing" forms of tier-1 verbs: ", adding that ..." starts a new attribution, ending the last one's content.
PARTICIPLES = frozenset(form for form, entry in VERBS.items() if form.endswith("ing") and entry.tier == 1)
