"""Reporting and stance verbs with the polarity each one carries, and polarity-bearing words."""

from __future__ import annotations

import re
from collections.abc import Iterator

from api.extractive.gazetteer import DAY_NAMES, MONTH_NAMES
from api.schemas import Polarity

# Verb forms (and fixed phrases) that introduce what an actor says or where it stands. The
# polarity is about the thing the verb governs: one *urges* what it wants, *condemns* what it
# does not. Neutral verbs take their polarity from the words of the complement.
STANCE_VERBS: dict[str, Polarity] = {
    **dict.fromkeys(
        (
            "said says say told tells stated states announced announces added adds noted notes "
            "reported reports claimed claims alleged alleges explained explains argued argues "
            "insisted insists asserted asserts declared declares acknowledged acknowledges "
            "confirmed confirms suggested suggests wrote writes according described describes "
            "expressed expresses maintained maintains believes believed"
        ).split(),
        Polarity.NEUTRAL,
    ),
    **dict.fromkeys(
        (
            "warned warns condemned condemns denounced denounces criticized criticizes "
            "criticised criticises accused accuses denied denies rejected rejects opposed "
            "opposes protested protests slammed slams blasted blasts decried decries "
            "threatened threatens vetoed vetoes refused refuses dismissed dismisses disputed "
            "disputes objected objects blamed blames deplored deplores oppose reject condemn "
            "criticise criticize condemning criticising criticizing rejecting opposing "
            "attacked attacks questioned questions challenged challenges"
        ).split(),
        Polarity.OPPOSE,
    ),
    **dict.fromkeys(
        (
            "pledged pledges promised promises vowed vows supported supports backed backs "
            "welcomed welcomes praised praises endorsed endorses urged urges requested "
            "requests demanded demands proposed proposes approved approves agreed agrees "
            "joined joins favored favors favoured favours applauded applauds hailed hails "
            "defended defends asked asks committed commits support accept endorse defending "
            "backing supporting welcoming praising urging thanked thanks congratulated "
            "congratulates offered offers"
        ).split(),
        Polarity.SUPPORT,
    ),
}
# Verbs after which a capitalized single word is almost surely a speaker ("Austin said").
SPEAKING_VERBS = frozenset(
    [
        *(word for word in STANCE_VERBS if word not in {"according", "joined", "joins"}),
        *"hopes hoped wants wanted".split(),
    ]
)
# Verbs of wanting or hoping: a stance only when they say what is wanted.
WANTING_VERBS = ("hope", "hopes", "hoped", "hoping", "want", "wants", "wanted")
STANCE_VERBS.update(
    {
        # Reporting verbs in other forms: "are expressing", "stressed".
        **dict.fromkeys(
            "express expressing stressed stresses insist insisting".split(), Polarity.NEUTRAL
        ),
        # The base forms a plural subject takes ("critics argue", "experts stress", "officials
        # concede"), and reporting verbs not listed above in every form.
        **dict.fromkeys(
            (
                "argue claim note believe contend contends contended maintain suggest stress "
                "assert acknowledge allege explain describe declare confirm concede admit "
                "worry worries worried"
            ).split(),
            Polarity.NEUTRAL,
        ),
        **dict.fromkeys(
            (
                "complain complains complained complaining caution cautions cautioned cautioning "
                "doubt doubts doubted doubting sue sues sued suing"
            ).split(),
            Polarity.OPPOSE,
        ),
        # Seeking a thing is siding with it ("are seeking a death sentence", "sought a
        # ceasefire").
        **dict.fromkeys("seek seeks seeking sought".split(), Polarity.SUPPORT),
        # Admitting, conceding and fearing report a view whose words give the side ("admits
        # the dispute is frustrating", "fears 200 jobs are at risk"); "saying" reports for the
        # subject of the clause it follows ("has been critical of the report, saying ...").
        **dict.fromkeys(
            "admits admitted conceded concedes fears feared saying".split(), Polarity.NEUTRAL
        ),
        # Wanting or hoping for something is siding with it ("hopes to get agreement", "does
        # not want a delay").
        **dict.fromkeys(WANTING_VERBS, Polarity.SUPPORT),
        # Progressive and base forms of the stance verbs ("is warning", "continue to deny").
        **dict.fromkeys(
            (
                "warning warn denouncing denounce accusing accuse blaming blame refusing "
                "threatening disputing dispute questioning challenging protesting deny denying "
                "objecting vetoing slamming"
            ).split(),
            Polarity.OPPOSE,
        ),
        **dict.fromkeys(
            (
                "demanding demand pledging promising vowing hailing applauding endorsing "
                "approving requesting welcome praise urge appealed appeals"
            ).split(),
            Polarity.SUPPORT,
        ),
        # Deeds that show where the doer stands: one decides on, orders or adopts what it
        # wants, and abandons or declines what it does not. "decided", "voted" and
        # "declined" count only before "to" ("decided to break off contacts").
        **dict.fromkeys(
            "decided decides ordered orders adopted adopts voted votes".split(),
            Polarity.SUPPORT,
        ),
        **dict.fromkeys("abandoned abandons declined declines".split(), Polarity.OPPOSE),
        # apologizing for something disowns it ("apologizing for his company's bids")
        **dict.fromkeys(
            "apologized apologizes apologizing apologised apologises apologising".split(),
            Polarity.OPPOSE,
        ),
        # Deeds against something: banning, suing, blocking or cutting ties with it.
        **dict.fromkeys(
            (
                "banned bans barred sued sues suing overturned overturns blocked blocks "
                "suspended suspends scrapped scraps severed severs expelled expels boycotted "
                "boycotts resisted resists"
            ).split(),
            Polarity.OPPOSE,
        ),
        # Deeds for something: recommending, nominating, ratifying, authorizing or upholding it.
        **dict.fromkeys(
            (
                "recommended recommends nominated nominates ratified ratifies authorised "
                "authorized authorizes authorises upheld upholds"
            ).split(),
            Polarity.SUPPORT,
        ),
        # Disagreeing, dissenting from a vote; encouraging or championing a cause.
        **dict.fromkeys(
            "disagreed disagrees disagree dissented dissents dissenting".split(),
            Polarity.OPPOSE,
        ),
        **dict.fromkeys(
            "encouraged encourages encouraging championed champions championing".split(),
            Polarity.SUPPORT,
        ),
        # Praising and scolding in other words ("lauded South Korea for creating a task
        # force", "rebuked the agency").
        **dict.fromkeys(
            "lauded lauds commended commends extolled extols touted touts".split(),
            Polarity.SUPPORT,
        ),
        **dict.fromkeys(
            (
                "lambasted lambastes castigated castigates chided chides rebuked rebukes "
                "faulted faults assailed assails derided derides ridiculed ridicules mocked "
                "mocks scolded scolds berated berates excoriated excoriates"
            ).split(),
            Polarity.OPPOSE,
        ),
    }
)
# Multi-word stance phrases, matched on lowercased text.
STANCE_PHRASES: dict[str, Polarity] = {
    "called for": Polarity.SUPPORT,
    "called on": Polarity.SUPPORT,
    "calls on": Polarity.SUPPORT,
    "calling on": Polarity.SUPPORT,
    "appealed for": Polarity.SUPPORT,
    "hit out at": Polarity.OPPOSE,
    "hits out at": Polarity.OPPOSE,
    "lashed out at": Polarity.OPPOSE,
    "lashes out at": Polarity.OPPOSE,
    "work with": Polarity.SUPPORT,
    "does not wash": Polarity.OPPOSE,
    "doesn't wash": Polarity.OPPOSE,
    "calls for": Polarity.SUPPORT,
    "in favor of": Polarity.SUPPORT,
    "in favour of": Polarity.SUPPORT,
    "voiced support": Polarity.SUPPORT,
    "expressed support": Polarity.SUPPORT,
    "voiced its disapproval": Polarity.OPPOSE,
    "voiced disapproval": Polarity.OPPOSE,
    "voiced opposition": Polarity.OPPOSE,
    "expressed concern": Polarity.OPPOSE,
    "expressed opposition": Polarity.OPPOSE,
    "spoke out against": Polarity.OPPOSE,
    "came out against": Polarity.OPPOSE,
    "voted against": Polarity.OPPOSE,
    "voted for": Polarity.SUPPORT,
    "ruled out": Polarity.OPPOSE,
    "rules out": Polarity.OPPOSE,
    "paid tribute": Polarity.SUPPORT,
    "pays tribute": Polarity.SUPPORT,
    "calling for": Polarity.SUPPORT,
    "has confidence in": Polarity.SUPPORT,
    "have confidence in": Polarity.SUPPORT,
    "no confidence in": Polarity.OPPOSE,
    "is opposed to": Polarity.OPPOSE,
    "critical of": Polarity.OPPOSE,
    "pressed for": Polarity.SUPPORT,
    "presses for": Polarity.SUPPORT,
    "pressing for": Polarity.SUPPORT,
    "pushed for": Polarity.SUPPORT,
    "pushes for": Polarity.SUPPORT,
    "lobbied for": Polarity.SUPPORT,
    "argued for": Polarity.SUPPORT,
    "argued against": Polarity.OPPOSE,
    "are opposed to": Polarity.OPPOSE,
    "was opposed to": Polarity.OPPOSE,
    "were opposed to": Polarity.OPPOSE,
    # Claiming a deed as one's own is standing behind it ("claimed responsibility for the
    # attacks").
    "claimed responsibility": Polarity.SUPPORT,
    "claims responsibility": Polarity.SUPPORT,
    "claiming responsibility": Polarity.SUPPORT,
    "claimed credit": Polarity.SUPPORT,
    "claims credit": Polarity.SUPPORT,
}

# Each fixed phrase as a whole-word pattern, compiled once: stance phrases are looked for in
# every sentence and every reported content.
_PHRASE_PATTERNS: dict[str, re.Pattern[str]] = {
    phrase: re.compile(rf"\b{re.escape(phrase)}\b") for phrase in STANCE_PHRASES
}


def phrase_matches(lowered: str) -> Iterator[tuple[str, Polarity, re.Match[str]]]:
    """Every fixed stance phrase in lowercased text, as (phrase, polarity, match), phrase by
    phrase in the order of ``STANCE_PHRASES``."""
    for phrase, polarity in STANCE_PHRASES.items():
        if phrase in lowered:  # a plain substring test first: most sentences hold no phrase
            for match in _PHRASE_PATTERNS[phrase].finditer(lowered):
                yield phrase, polarity, match


# Stance phrases with variable words, as regular expressions on lowercased text: lending one's
# support ("has given his support to the document"), and industrial action, the way workers
# oppose their employer ("downed tools", "imposed work bans", "went on strike").
_POSSESSIVE = r"(?:(?:his|her|its|their|our|my|full|strong|in-principle)\s+)*"
# Words after "on" that say when, not on what: "extended the ban on Monday".
_WHEN_WORDS = "|".join(name.lower() for name in (*DAY_NAMES, *MONTH_NAMES)) + r"|\d"
STANCE_PATTERNS: dict[str, Polarity] = {
    r"\b(?:gave|given|give|gives|giving|lent|lend|lends|lending|threw|thrown)\s+"
    rf"{_POSSESSIVE}(?:support|backing|blessing|endorsement)\b": Polarity.SUPPORT,
    r"\b(?:downed|down|downing)\s+tools\b": Polarity.OPPOSE,
    r"\b(?:went|go|gone|going|come|came)\s+(?:out\s+)?on\s+strike\b": Polarity.OPPOSE,
    r"\b(?:took|take|taken|taking|threatened|began|begun)\s+industrial\s+action\b": (
        Polarity.OPPOSE
    ),
    r"\b(?:imposed|impose|imposing)\s+(?:work\s+)?bans\b": Polarity.OPPOSE,
    # a ban, a moratorium or an embargo placed on something ("imposed a gradual ban on")
    r"\b(?:imposed|imposes|impose|imposing|placed|places|put|puts|extend|extends|extended|"
    r"extending)\s+(?:a|an|its|the|their)\s+(?:[a-z-]+\s+)?(?:ban|moratorium|embargo)\s+on\b"
    rf"(?!\s+(?:{_WHEN_WORDS})\b)": (Polarity.OPPOSE),
    # appealing a ruling is contesting it ("is already appealing the underlying commission order")
    r"\b(?:appealed|appeals|appeal|appealing)\s+(?:against\s+)?(?:the|a|an|its|his|her|their)\s+"
    r"(?:[a-z'’-]+\s+){0,3}(?:order|ruling|decision|verdict|conviction|sentence|judgment|judgement)s?"
    r"\b": Polarity.OPPOSE,
    r"\b(?:turned|turns|turn|turning)\s+down\b": Polarity.OPPOSE,
    # a court or a vote against something ("ruled against the administration", "struck down")
    r"\b(?:ruled|rules|ruling)\s+against\b": Polarity.OPPOSE,
    r"\b(?:struck|strikes|strike|striking)\s+(?:it\s+|them\s+)?down\b": Polarity.OPPOSE,
    # signing a deal or a law is putting one's name to it ("signed a merger agreement",
    # "signed it into law", "entered into a definitive merger agreement")
    r"\b(?:signed|signs|sign|signing)\s+(?:(?:it|them|the\s+bill)\s+into\s+law|"
    r"(?:a|an|the|its|their)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:agreement|deal|accord|treaty|contract|pact))\b": Polarity.SUPPORT,
    r"\b(?:entered|enters|entering)\s+into\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:agreement|deal|accord|contract|pact)\b": Polarity.SUPPORT,
    # where one stands, said of one: "has been skeptical of zero-rating offers", "were all
    # opposed to the regulations", "was a big proponent of shelters", "a longtime critic of the
    # United Nations" ("as opposed to" only compares)
    r"\b(?:skeptical|sceptical|suspicious|wary|dismissive)\s+(?:of|about)\b": Polarity.OPPOSE,
    r"\bsupportive\s+of\b": Polarity.SUPPORT,
    # "called the ruling "a disservice"": a name put on a thing in quotation marks judges it
    # by the words quoted (but "called the police" says nothing)
    r"\b(?:called|calls|calling)\b(?=\s+(?:it|(?:the|this|that|his|her|their|its)\s+[a-z]\w*)"
    r"[^\"“”.;:]{0,60}?\s[\"“])": Polarity.NEUTRAL,
    r"\b(?:is|are|was|were|been|be|remains?|remained)\s+(?:[a-z]+\s+)?(?:opposed|hostile)\s+to\b": (
        Polarity.OPPOSE
    ),
    r"\b(?:is|are|was|were|been|be|a|an|as)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:proponent|supporter|advocate|champion|backer)s?\s+of\b": Polarity.SUPPORT,
    r"\b(?:is|are|was|were|been|be|a|an|as)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:opponent|critic|foe|detractor)s?\s+of\b": Polarity.OPPOSE,
}
# All the patterns as one, to pass over the many sentences that hold none in a single scan.
_ANY_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in STANCE_PATTERNS))


def pattern_matches(lowered: str) -> Iterator[tuple[Polarity, re.Match[str]]]:
    """Every match of each stance pattern in lowercased text, pattern by pattern in the order
    of ``STANCE_PATTERNS``."""
    if _ANY_PATTERN.search(lowered) is None:
        return
    for pattern, polarity in STANCE_PATTERNS.items():
        for match in re.finditer(pattern, lowered):
            yield polarity, match


# Words that turn the polarity of the word or verb after them.
NEGATORS = frozenset(
    [
        *["not", "no", "never", "cannot", "nothing", "neither", "nor", "without", "hardly"],
        "none",
        # averting a harm is a good thing: "averted a potentially serious incident"
        *["averted", "prevented", "avoided"],
    ]
)

NEGATIVE_WORDS = frozenset(
    (
        "disappointment disappointed greedy belligerent arrogant insufficient unanswered "
        "inconsistencies damaged skepticism scepticism sceptical skeptical hoax resign "
        "cover-up sad devastated criminal vandalism unfounded ridiculous hard difficult tense "
        "provocation sanctions retaliatory negligence punishment split destroy blame "
        "responsibility unacceptable abandoned reject rejected violated violate violation "
        "violations dangerous danger threat threats threaten illegal unlawful provocation "
        "provocations provocative aggression aggressive reckless condemn condemned "
        "unacceptable destabilizing destabilising hostile attack attacks war dismissed regrets "
        "regretted crimes crime terrorism terrorist irresponsible escalation escalate "
        "out-of-control disapproval oppose opposed wrong fail failed failure crisis "
        "catastrophic catastrophe harmful serious grave worrying concern concerns concerned "
        "warned warning punish retaliate retaliation unjustified baseless lies false worried "
        "worry fears fear disappointed disappointing unfair reject rejected criticism critical "
        "damage damaging deny denied refuse refused breach blame fault mistake problem "
        "problems outrage outraged angry anger shocked regret tragic disaster risk risks "
        "inappropriate inadequate unhappy betrayal scandal misleading lied bad worse worst "
        "poor unfairly unjust biased flawed excessive one-sided witch-hunt criticised "
        "criticized slammed deplorable disgraceful outrageous dissatisfaction dissatisfied "
        "irrelevant draconian unsatisfactory alarming alarmed bullying bully bullied "
        "frustrating frustrated "
        # being appalled by or wary of something is against it
        "appalled appalling horrified horrifying furious dismayed disgusted disgraceful "
        "shameful absurd nonsense wary "
        # calling a claim wrong or a step ill-judged is disputing it ("is just absolutely
        # incorrect", "it would be premature to go ahead", "undermines innovation")
        "incorrect inaccurate untrue misguided premature unwise undermine undermines "
        "undermining "
        # judging a claim, a plan or a deed unsound, unfair or vile, or being shaken by it
        "uninformed inflammatory deceptive unwarranted unjustifiable unreasonable unrealistic "
        "unworkable unsustainable ineffective counterproductive wasteful overpriced corrupt "
        "hypocrisy sexist bigoted divisive polarizing undemocratic unconstitutional inhumane "
        "heinous barbaric negligent questionable doubtful doubts unconscionable intolerable "
        "inexcusable indefensible discriminatory overblown exaggerated groundless bogus bunk "
        "rubbish garbage mistreatment afraid nervous anxious unsettled unsettling "
        "unpalatable redundant redundancies "
        # names put on a plan or a ruling to damn it ("a disservice", "a bloated monstrosity")
        # that the general lexicon lacks
        "disservice bloated monstrosity boondoggle sham debacle overreach giveaway"
    ).split()
)
POSITIVE_WORDS = frozenset(
    (
        "verified prepared willing satisfied relieved closure accountable confidence credit "
        "unity ready welcomed assure assured deserve legitimate restraint dialogue forward "
        "protect tribute sacrificed hopeful agreed accept accepted confident welcome welcomed "
        "support supported good great positive progress success successful important agreement "
        "cooperation peace peaceful stability stable strong strengthen determination "
        "commitment committed benefit beneficial constructive hope hopeful historic "
        "breakthrough favor favour praise pleased happy confident glad proud optimistic "
        "encouraging satisfied deserve deserves right fair improve improved improvement better "
        "best backing welcome welcomed effective safe secure win won victory "
        # being pleased with something sides with it
        "delighted thrilled excited grateful honoured honored heartened encouraged impressed "
        "enthusiastic "
        # judging a claim or a plan sound, needed or well made
        "credible reasonable sensible balanced worthwhile invaluable vital essential necessary "
        "crucial warranted prudent transparent robust solid upbeat "
        "bullish payoff"
    ).split()
)

# Grief words: negative, except about a death or a loss, where they side with the one lost
# ("she feels devastated by Mr Blake's death").
SORROW_WORDS = frozenset(
    ["devastated", "saddened", "heartbroken", "grieving", "mourn", "mourned", "mourning", "sad"]
)
LOSS_WORDS = frozenset(
    ["death", "deaths", "died", "killed", "loss", "passing", "murder", "murdered"]
)
