"""Ukrainian place names in Latin letters: the national table and the spellings news uses.

:func:`romanise` applies the table of Ukraine's Cabinet of Ministers resolution 55
(27 January 2010), which wire services, ACLED and UCDP follow: word-initial
є/ї/й/ю/я are ye/yi/y/yu/ya, elsewhere ie/i/i/iu/ia; зг is zgh; ь and apostrophes
are dropped. :func:`spellings` adds the forms people actually write for the same
name, each from a rule that applies to every name, never a list per town:

- є/ї/й/ю/я as ye/yi/y/yu/ya everywhere ("Klishchiyivka") or as ie/i/i/iu/ia
  everywhere, and a doubled consonant written once ("Zaporizhia");
- adjectival endings: -skyi as -sky/-skiy/-skyy/-skii (-ske and -s'ke are one key
  already, since lookup keys drop apostrophes); -ivka also as -ovka;
- one Russian-style form (:func:`russian_style`), since much reporting takes names
  from Russian sources: г as g, и as i, the suffix -iv- as -ov- (Krasnohorivka ->
  Krasnogorovka, Artemivsk -> Artemovsk), -iiv- as -eyev- (Avdiivka -> Avdeyevka),
  neuter adjectives -ske/-ne as -skoye/-noye (Pervomaiske -> Pervomayskoye).
  Irregular Russian names (Kremennaya for Kreminna, Artemovsk for Bakhmut) are not
  derivable: GeoNames lists them as alternate names of the towns it carries, often only
  in Cyrillic; :func:`russian_forms` writes those in Latin letters (Марганец -> Marganets).
"""

from __future__ import annotations

import re

# letter -> (word-initial, elsewhere); one string when both are the same
_TABLE: dict[str, tuple[str, str]] = {
    "а": ("a", "a"), "б": ("b", "b"), "в": ("v", "v"), "г": ("h", "h"), "ґ": ("g", "g"), "д": ("d", "d"),
    "е": ("e", "e"), "є": ("ye", "ie"), "ж": ("zh", "zh"), "з": ("z", "z"), "и": ("y", "y"), "і": ("i", "i"),
    "ї": ("yi", "i"), "й": ("y", "i"), "к": ("k", "k"), "л": ("l", "l"), "м": ("m", "m"), "н": ("n", "n"),
    "о": ("o", "o"), "п": ("p", "p"), "р": ("r", "r"), "с": ("s", "s"), "т": ("t", "t"), "у": ("u", "u"),
    "ф": ("f", "f"), "х": ("kh", "kh"), "ц": ("ts", "ts"), "ч": ("ch", "ch"), "ш": ("sh", "sh"),
    "щ": ("shch", "shch"), "ь": ("", ""), "ю": ("yu", "iu"), "я": ("ya", "ia"),
    # Russian letters that turn up in Ukrainian data entry
    "ы": ("y", "y"), "э": ("e", "e"), "ё": ("yo", "io"), "ъ": ("", ""),
}
_APOSTROPHES = "'\u2019\u02bc\u2018`\u00b4"
_IOTATED = frozenset("єїйюя")
_CONSONANTS = frozenset("бвгґджзклмнпрстфхцчшщ")

# Latin letters typed for their Cyrillic look-alikes inside a Cyrillic word ("Бoгатирівка")
_HOMOGLYPHS = str.maketrans("aceiopxyACEHIKMOPTXB", "асеіорхуАСЕНІКМОРТХВ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def fix_homoglyphs(text: str) -> str:
    """Latin look-alike letters inside Cyrillic words replaced by the Cyrillic ones."""
    if not _CYRILLIC.search(text):
        return text
    return " ".join(
        w.translate(_HOMOGLYPHS) if _CYRILLIC.search(w) else w for w in text.split(" ")
    )


def romanise(text: str, *, iotated: str = "official") -> str:
    """``text`` in Latin letters by the 2010 national table.

    ``iotated`` chooses how є/ї/й/ю/я are written: "official" (ye/yi/y/yu/ya at the
    start of a word, ie/i/i/iu/ia elsewhere), "y" (ye/yi/y/yu/ya everywhere) or "i"
    (ie/i/i/iu/ia everywhere). Characters outside the table are kept.
    """
    out: list[str] = []
    prev = ""  # previous source letter, lower case; "" at a word start
    for ch in text:
        low = ch.lower()
        if low in _APOSTROPHES:
            out.append("")  # dropped, but the next letter is not word-initial
            continue
        pair = _TABLE.get(low)
        if pair is None:
            out.append(ch)
            prev = low if ch.isalpha() else ""
            continue
        if low in _IOTATED and iotated != "official":
            latin = pair[0] if iotated == "y" else pair[1]
        else:
            latin = pair[0] if not prev else pair[1]
        if low == "г" and prev == "з":
            latin = "gh"  # зг -> zgh, so that it is not read as "zh"
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = low
    return "".join(out)


def _single_consonants(text: str) -> str:
    """A doubled consonant written once: Запоріжжя -> Запоріжя (Zaporizhia)."""
    out: list[str] = []
    for ch in text:
        if out and ch == out[-1] and ch.lower() in _CONSONANTS:
            continue
        out.append(ch)
    return "".join(out)


_ADJ_ENDING = re.compile(r"yi\b")
_IVKA = re.compile(r"(?<=[^aeiouy])ivka\b")


def spellings(name: str) -> tuple[str, ...]:
    """The official romanisation of a Ukrainian ``name`` first, then other spellings in use."""
    name = fix_homoglyphs(name)
    official = romanise(name)
    found: dict[str, None] = {official: None}
    for source in (name, _single_consonants(name)):
        for mode in ("official", "y", "i"):
            found[romanise(source, iotated=mode)] = None
    for form in list(found):
        if _ADJ_ENDING.search(form):
            for end in ("y", "iy", "yy", "ii"):
                found[_ADJ_ENDING.sub(end, form)] = None
        if _IVKA.search(form):
            found[_IVKA.sub("ovka", form)] = None
    for form in russian_style(name):
        found[form] = None
    return tuple(found)


# Russian-style forms: rules on the Cyrillic word, then the table with г as g and и as i
_RU_SUFFIX = (
    # (Ukrainian ending, Russian-style endings): neuter and masculine adjectives, -ivka/-ivsk
    (re.compile(r"іїв(?=к|ськ|\b)"), ("еєв", "еев")),
    (re.compile(r"ів(?=к|ськ|\b)"), ("ов",)),
)
_RU_ENDINGS = (
    (re.compile(r"ське\b"), ("ськоє", "ськое")),
    (re.compile(r"цьке\b"), ("цькоє", "цькое")),
    (re.compile(r"([аоеийн])не\b"), (r"\1ноє", r"\1ное")),
    (re.compile(r"ська\b"), ("ськая",)),
    (re.compile(r"([кгх])ий\b"), (r"\1ій", r"\1і")),  # -ський -> -skiy, -sky
    (re.compile(r"ий\b"), ("ый", "ы")),  # Новий -> Novyy, Novy
)
_RU_LETTERS = str.maketrans({"г": "ґ", "и": "і", "Г": "Ґ", "И": "І"})


def russian_style(name: str) -> tuple[str, ...]:
    """Russian-style Latin forms of a Ukrainian ``name``, by a few productive rules.

    Krasnohorivka -> Krasnogorovka, Novomykhailivka -> Novomikhaylovka, Pervomaiske ->
    Pervomayskoye/Pervomayskoe, Avdiivka -> Avdeyevka/Avdeevka. Returns () when no rule
    changes the name.
    """
    forms = [fix_homoglyphs(name)]
    for pattern, repls in (*_RU_SUFFIX, *_RU_ENDINGS):
        nxt: list[str] = []
        for form in forms:
            if pattern.search(form.lower()):
                for repl in repls:
                    nxt.append(_sub_keep_case(pattern, repl, form))
            else:
                nxt.append(form)
        forms = nxt
    out: dict[str, None] = {}
    for form in forms:
        # г -> g and и -> i: ґ and і romanise to g and i; й and iotated letters as y
        out[romanise(form.translate(_RU_LETTERS), iotated="y")] = None
    plain = romanise(name, iotated="y")
    out.pop(plain, None)
    out.pop(romanise(name), None)
    return tuple(out)


def _sub_keep_case(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """``pattern`` matched on the lower-cased text, replaced in ``text`` (endings are lower case)."""
    low = text.lower()
    pieces: list[str] = []
    last = 0
    for m in pattern.finditer(low):
        pieces.append(text[last : m.start()])
        pieces.append(m.expand(repl))
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


# Russian names (a user's import of Russia's or Belarus's postal file): the BGN/PCGN-style
# table news uses, with е as ye only at a word start and ё as yo.
_RUSSIAN: dict[str, tuple[str, str]] = {
    **_TABLE, "г": ("g", "g"), "е": ("ye", "e"), "и": ("i", "i"), "й": ("y", "y"), "ю": ("yu", "yu"),
    "я": ("ya", "ya"), "ё": ("yo", "yo"), "ы": ("y", "y"), "э": ("e", "e"), "ь": ("", ""), "ъ": ("", ""),
}


def romanise_russian(text: str) -> str:
    """A Russian name in Latin letters (Белгород -> Belgorod, Шебекино -> Shebekino)."""
    out: list[str] = []
    prev = ""
    for ch in text:
        low = ch.lower()
        pair = _RUSSIAN.get(low)
        if pair is None:
            out.append("" if low in _APOSTROPHES else ch)
            prev = low if ch.isalpha() else ""
            continue
        latin = pair[0] if not prev or (low == "е" and prev in "аеёиоуыэюяьъ") else pair[1]
        if ch != low and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = low
    return "".join(out)


def russian_spellings(name: str) -> tuple[str, ...]:
    """The Latin form of a Russian ``name`` first, then variants (е as e, -iy as -y)."""
    main = romanise_russian(name)
    found: dict[str, None] = {main: None}
    found[main.replace("ye", "e").replace("Ye", "E")] = None
    for form in list(found):
        if re.search(r"[iy]y\b", form):
            found[re.sub(r"([iy])y\b", r"\1", form)] = None
    return tuple(found)


# The Russian alphabet: a Cyrillic name written only in its letters may be the Russian form of a
# Ukrainian place's name (Артемовск, Кременная, Марганец); one with і/ї/є/ґ is Ukrainian, one with
# ў/ј/љ/њ is Belarusian or South Slavic, and neither is read as Russian.
_RUSSIAN_WORD = re.compile(r"^[А-Яа-яЁё \-'\u2019]+$")


def russian_forms(names: tuple[str, ...]) -> tuple[str, ...]:
    """Latin forms news uses of the Russian-alphabet Cyrillic ``names`` of one place (GeoNames'
    alternate names): BGN/PCGN-like (:func:`russian_spellings`), and й also as i ("Gulyaipole"
    beside "Gulyaypole"), -aya also as -aia ("Kremennaia"). Latin names in ``names`` are not repeated."""
    have = {n.lower() for n in names}
    out: dict[str, None] = {}
    for name in names:
        name = fix_homoglyphs(name)
        if not _RUSSIAN_WORD.match(name) or not _CYRILLIC.search(name):
            continue
        for form in russian_spellings(name):
            out[form] = None
            if "й" in name.lower():
                out[romanise_russian(name.replace("й", "и").replace("Й", "И"))] = None
            if re.search(r"aya\b", form):
                out[re.sub(r"aya\b", "aia", form)] = None
    return tuple(f for f in out if f.lower() not in have)
