"""Personal names: common given names of many cultures, name particles and suffixes, and the
keys that let spelling variants of one name meet ("Qasem"/"Qassem", "Abdel Mahdi"/"Abdul-Mahdi").

The given-name list is what lets "Jane Arraf" be recognised as a person with no title and no
speech verb nearby; words that are also common capitalised English words ("Will", "May",
"Grant", "Bill") are left out, so a headline's first word is not taken for a first name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

GIVEN_NAMES = frozenset(
    """
    Aaron Abby Abigail Adam Adrian Adriana Agnes Aidan Aisha Alan Albert Alberto Alec Alex
    Alexander Alexandra Alexei Alexis Alfred Alice Alicia Alison Allison Alvaro Amanda Amber Amelia
    Amy Ana Andre Andrea Andreas Andrei Andrew Andy Angela Angelina Anita Ann Anna Anne Annie
    Anthony Antoine Antonio Antony Arthur Ashley Audrey Austin Barack Barbara Barry Beatrice
    Becky Ben Benjamin Bernard Bernie Beth Betsy Betty Beverly Bob Bobby Boris Brad Bradley
    Brandon Brenda Brendan Brett Brian Bridget Brittany Bruce Bruno Bryan Caitlin Calvin Cameron
    Camila Carl Carla Carlos Carmen Carol Caroline Carolyn Casey Catherine Cathy Cecilia Charles
    Charlie Charlotte Chelsea Cheryl Chris Christian Christina Christine Christopher Chuck Cindy
    Claire Clara Claudia Clint Cody Colin Connor Craig Cristina Curtis Cynthia Daisy Dale Dan Dana
    Daniel Daniela Danielle Danny Darren Dave David Dean Debbie Deborah Debra Denis Denise Dennis
    Derek Diana Diane Dick Diego Dmitri Dmitry Dominic Don Donald Donna Doris Dorothy Doug Douglas
    Duncan Dustin Dylan Ed Eddie Edgar Eduardo Edward Edwin Eileen Elaine Eleanor Elena Eli Elijah
    Elisabeth Elizabeth Ella Ellen Elliot Elon Emily Emma Emmanuel Enrique Eric Erica Erik Erin
    Ernest Esther Ethan Eugene Eva Evan Evelyn Felipe Felix Fernando Fiona Frances Francesca
    Francis Francisco Frank Franklin Fred Frederick Gabriel Gabriela Gail Gareth Gary Gavin
    Geoffrey George Gerald Gerard Gina Giovanni Giuseppe Glen Glenn Gloria Gordon Graham Greg
    Gregory Gustavo Hannah Hans Harold Harriet Harry Hayley Heather Heidi Helen Helena Henry
    Herbert Hillary Holly Howard Hugh Hugo Ian Igor Irene Iris Isaac Isabel Isabella Ivan Jack
    Jackie Jacob Jacqueline Jake James Jamie Jan Jane Janet Janice Jared Jason Javier Jean Jeff
    Jeffrey Jennifer Jenny Jeremy Jerome Jerry Jesse Jessica Jill Jim Jimmy Joan Joanna Joanne
    Jodi Joe Joel Johan John Johnny Jon Jonathan Jorge Jose José Joseph Josh Joshua Joyce Juan
    Judith Judy Julia Julian Julie Juliet Justin Karen Karl Kate Katherine Kathleen Kathryn Kathy
    Katie Katrin Kay Keith Kelly Ken Kenneth Kevin Kim Kimberly Kirk Kirsten Kristen Kurt Kyle
    Lara Larry Laura Lauren Lawrence Leah Lee Leo Leon Leonard Leslie Liam Linda Lindsay Lindsey
    Lisa Liz Lois Lori Louis Louise Lucas Lucia Lucy Luis Luke Lynn Madeleine Madison Malcolm
    Manuel Marc Marcel Marco Marcus Margaret Maria Marie Marina Mario Marion Marisa Marjorie
    Mark Marta Martha Martin Mary Matt Matthew Maureen Max Maxine Megan Melanie Melania Melissa
    Michael Michaela Micheal Michel Michele Michelle Miguel Mike Mikhail Miles Milton Miranda
    Mitch Mitchell Mitt Molly Monica Morgan Nadia Nancy Naomi Natalie Natasha Nathan Nathaniel
    Neil Nicholas Nick Nicola Nicolas Nicole Nigel Nikki Nina Noah Norman Oliver Olivia Oscar
    Owen Pablo Pamela Paolo Patricia Patrick Paul Paula Pauline Pedro Peggy Penny Peter Phil
    Philip Phillip Pierre Rachel Rafael Ralph Ramon Randy Raquel Ray Raymond Rebecca Regina
    Reginald Renee Ricardo Richard Rick Ricky Rita Rob Robert Roberta Roberto Robin Rod Rodney
    Roger Roland Ron Ronald Rose Rosemary Ross Roy Ruby Rudy Russell Ruth Ryan Sally Sam Samantha
    Samuel Sandra Sara Sarah Scott Sean Sebastian Sergei Sergey Seth Shannon Sharon Shaun Sheila
    Shirley Simon Sofia Sonia Sophia Sophie Stacey Stanley Stefan Stella Stephanie Stephen Steve
    Steven Stuart Susan Susannah Suzanne Sylvia Tamara Tanya Ted Teresa Terry Theresa Thomas Tim
    Timothy Tina Todd Tom Tommy Tony Tracy Travis Trevor Troy Tyler Valerie Vanessa Vera Veronica
    Victor Victoria Vincent Virginia Vivian Vladimir Walter Wayne Wendy Wesley William Willie
    Yvonne Zach Zachary Zoe Zoey Bill Jeb Newt Rand Reince Kellyanne Lindsey Ivanka Tiffany Barron
    Rex Tucker Nikki Rudy Hakeem Elizabeth Debbie Amy Beto Pete Kirsten Cory Tulsi Stacey Ilhan
    Abbas Abdel Abdul Abdullah Abdulrahman Abu Adel Adil Ahmad Ahmed Akram Ali Amal Amin Amina
    Amir Amr Anwar Ashraf Ayman Aziz Bashar Bassam Fadi Fahd Faisal Farah Farid Fatima Fatma Fawzi
    Firas Habib Hadi Haidar Haider Hamad Hamid Hamza Hana Hani Haroun Hasan Hassan Hatem Hazem
    Hisham Hossam Hossein Hussain Hussein Ibrahim Imad Imran Isa Ismail Jabbar Jalal Jamal Jamil
    Javad Jawad Kamal Karim Khaled Khalid Khalil Layla Leila Mahdi Mahmoud Majid Malik Mansour
    Marwan Maryam Masoud Mehdi Mohamed Mohammad Mohammed Mohsen Muhammad Muhammed Mustafa
    Nabil Nader Nasser Nawaf Nizar Nour Nouri Omar Osama Qasem Qassem Qasim Rami Rania Rashid Reza
    Saad Sabah Saddam Saeed Said Salah Saleh Salim Salman Sami Samir Sara Sayed Shadi Suleiman
    Sultan Tamim Tarek Tariq Walid Yasser Yassin Youssef Yousef Yusuf Zaid Zainab Zayed Ziad
    Akbar Ebrahim Ehsan Esmail Farhad Hamidreza Hassan Javad Kazem Mahmoud Majid Mojtaba Morteza
    Nasrin Parisa Ruhollah Shirin
    Ahmet Ayse Burak Can Cem Emine Emre Fatih Hakan Kemal Mehmet Mesut Murat Mustafa Recep Selim
    Tayyip Yusuf
    Avi Benny Binyamin Eitan Ehud Gideon Moshe Naftali Shimon Tzipi Yair Yitzhak Yossi
    Aleksandr Aleksei Anatoly Dmitri Galina Irina Maxim Nikolai Oleg Olga Pavel Svetlana Tatiana
    Vadim Valentina Viktor Volodymyr Yulia Yuri Petro
    Aarav Amit Anand Anil Arjun Arvind Deepak Indira Kamala Lakshmi Manmohan Narendra Nirmala
    Pooja Priya Priyanka Rahul Raj Rajesh Ravi Sanjay Shashi Sonia Sunil Vijay Vikram Yogi
    Chen Hui Jiang Jin Li Lin Liu Ming Ping Qiang Wei Xi Xiao Ying Yong Zhang Zhou
    Akira Haruki Hiroshi Kenji Naoko Shinzo Takeshi Yoshihide Yuki Fumio
    Jae Ji Min Moon Seung Sung Kyung
    Abiy Amadou Chinua Chimamanda Cyril Fela Jacob Kofi Kwame Mamadou Muhammadu Nelson Oluwaseun
    Thabo Uhuru Yoweri
    Alejandro Andrés Carlos Cristiano Fidel Gabriel Hugo Jair Lula Mauricio Nicolás Sergio
    Angela Emmanuel Francois François Gerhard Helmut Jacques Jens Jürgen Lars Nicolas Olaf Rishi
    Sigmar Ursula Viktor Wolfgang
    """.split()
)

# Lower-case (or capitalised) pieces that glue to the next name word: "Abu Mahdi", "bin Salman".
PARTICLES = frozenset(
    "abu abd abdel abdul abdal al el ad ash as at an ar bin ben ibn bint van von der den de da del "
    "della di du dos das la le mac".split()
)
SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV V".split())

_ARABIC_ABD = re.compile(r"\b(?:abd[\s-]?[ae]l|abd[eu]l|abd)\b[\s-]*", re.I)
# Particles that may also open a name as a given name ("Ben Smith", "Van Morrison").
_LEADING_GIVEN = frozenset("ben van de da del di du la le mac".split())
_ARTICLE = re.compile(r"\b(?:al|el|ad|ash|as|at|an|ar)-", re.I)


@dataclass(frozen=True, slots=True)
class Name:
    """A parsed personal name: ``given`` and ``surname`` keys, plus the display parts."""

    given: str | None
    surname: str
    middle: tuple[str, ...] = ()
    suffix: str | None = None

    def compatible(self, other: Name) -> bool:
        """Same person by name alone: same surname key, and no conflict in given names or
        middle initials (a missing part is not a conflict)."""
        if self.surname != other.surname:
            return False
        if self.given and other.given and self.given != other.given:
            return False
        mine, theirs = [m[0] for m in self.middle], [m[0] for m in other.middle]
        return not (mine and theirs and mine != theirs)


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A phonetic-ish key for transliteration variants: lower case, no accents or hyphens,
    doubled letters collapsed, the first vowel reduced to a/i/u and later vowels to one mark
    ("Qassem" = "Qasem", "Youssef" = "Yusuf", "Soleimani" = "Sulaimani"; "Hassan" != "Hussein")."""
    letters = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(ch for ch in letters if ch.isalpha())
    key: list[str] = []
    vowels = ""
    for i, ch in enumerate(letters + " "):
        if ch in "aeiou" or (ch == "y" and i > 0 and letters[i - 1] not in "aeiou"):
            vowels += ch
            continue
        if vowels:
            key.append(_vowel_class(vowels) if not any(k in "aiuV" for k in key) else "V")
            vowels = ""
        if ch != " " and (not key or key[-1] != ch):
            key.append(ch)
    return "".join(key)


def _vowel_class(vowels: str) -> str:
    if "a" in vowels:
        return "a"
    return "u" if "o" in vowels or "u" in vowels else "i"


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """Words of a name with particles glued to what follows: "Abu Mahdi al-Muhandis" ->
    ["Abumahdi", "al-Muhandis"]-like keys; "Abdel Mahdi" and "Abdul-Mahdi" give one word."""
    text = _ARABIC_ABD.sub("abd", name)
    text = _ARTICLE.sub(lambda m: m.group()[:-1] + " ", text)
    words: list[str] = []
    glue = ""
    for i, word in enumerate(text.replace("-", " ").split()):
        lower = word.lower().strip(".")
        if (lower in PARTICLES and not (i == 0 and lower in _LEADING_GIVEN)) or lower == "abd":
            glue += word.lower()
            continue
        words.append(glue + word)
        glue = ""
    if glue:
        words.append(glue)
    return tuple(words)


@lru_cache(maxsize=65536)
def parse_name(name: str) -> Name:
    """Split a full name into given name, middle names or initials, surname and suffix."""
    words = list(name_words(name))
    suffix = None
    if len(words) > 1 and words[-1] in SUFFIXES:
        suffix = words.pop().rstrip(".")
    middle = tuple(w.rstrip(".") for w in words[1:-1])
    surname = spelling_key(words[-1]) if words else ""
    given = spelling_key(words[0]) if len(words) > 1 else None
    return Name(given=given, surname=_drop_article(surname), middle=middle, suffix=suffix)


def _drop_article(key: str) -> str:
    """"almuhandis" and "muhandis" are one surname."""
    for article in ("al", "il"):
        if key.startswith(article) and len(key) > len(article) + 3:
            return key[len(article) :]
    return key


@lru_cache(maxsize=65536)
def surname_key(word: str) -> str:
    """The key a surname-only mention ("Soleimani", "al-Muhandis") is matched by."""
    return _drop_article(spelling_key(name_words(word)[-1])) if word.strip() else ""
