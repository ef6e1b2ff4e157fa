"""A small list of common English given names that are nearly always one gender's.

The last resort of ``gender``: a report that never writes "Mr." or "she" of a person still tells
a reader that "Donald" is a he. Written for crosswire (no third-party data), kept short and
conservative: names commonly given to either sex ("Chris", "Jordan", "Kelly", "Leslie", "Pat",
"Robin", "Jesse", "Dana") are left out, so an unknown or shared name gives no gender at all.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MALE = _words(
    """
    aaron adam alan albert alexander alfred allen andrew anthony antonin arnold arthur barack barry
    ben benjamin bernard bernie bill billy bob bobby brad bradley brian bruce bryan carl carlos
    charles charlie chuck clarence craig curtis dan daniel danny darrell dave david dennis derek
    dick don donald doug douglas duncan earl ed eddie edward eli elijah eric ernest eugene frank
    franklin fred frederick gary george gerald glenn gordon greg gregory harold harry harvey henry
    herbert howard hugh ian isaac jack jacob jake james jason jeb jeff jeffrey jeremy jerry jim
    jimmy joe joel john johnny jon jonathan joseph josh joshua juan keith ken kenneth kevin kurt
    larry lawrence leonard lewis louis luis luke marco marcus mark martin matt matthew
    michael mike mitch mitt muhammad nathan neil newt nicholas nick norman oliver oscar patrick paul
    peter phil philip ralph randall randy raymond reince richard rick robert rod rodney roger
    ron ronald roy rudy rush russell ryan sam samuel scott sean sergei seth stanley stephen steve
    steven stuart ted terence terrence thomas tim timothy todd tom tony travis trey vladimir
    walter wayne william willie zachary
    """
)

FEMALE = _words(
    """
    abigail alice alicia alison allison amanda amy andrea angela angelique ann anna anne annie
    barbara betsy betty beverly brenda carly carmel carol caroline carolyn catherine cathy charlotte
    cheryl christina christine cindy claire condoleezza cynthia deborah debbie debra denise diana
    diane donna doris dorothy elaine eleanor elizabeth ellen emily emma erin evelyn gennifer gloria
    grace gwen hannah heather heidi helen hillary hope huma irene ivana ivanka jane janet janice
    jean jeanne jennifer jessica jill joan joanne joyce judith judy julia julie karen kate katherine
    kathleen kathryn kathy katie kayleigh kellyanne kirsten laura lauren linda lisa loretta
    lori louise lucy madeleine margaret maria marie marilyn martha mary maxine megan megyn melania
    melanie melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy
    rachel rebecca rita rosa rose ruth sally samantha sandra sara sarah sharon shirley stephanie
    susan susana suzanne teresa theresa tina valerie victoria virginia wendy
    """
)


# Given names also common as surnames: written alone ("Scott said") they may be anyone's surname.
_SURNAMES = _words(
    """
    allen bruce carl craig dean douglas earl franklin grant henry howard james lee lewis martin
    mitchell neil nelson paul russell scott stanley stewart thomas wayne warren rose hope grace joyce
    """
)


def gender_of_first_name(name: str) -> str | None:
    """ "m", "f" or None for a person's name by its first word. A one-word name counts only when
    it is no common surname too: "Melanie" is a she, a bare "Scott" may be anyone's surname."""
    words = name.lower().replace(".", " ").split()
    if not words or len(words) == 1 and words[0] in _SURNAMES:
        return None
    first = words[0]
    if first in MALE:
        return "m"
    if first in FEMALE:
        return "f"
    return None
