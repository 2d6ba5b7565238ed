"""A small demo-like database built from records written here (no NLP stage runs), for API and browser tests.

Each article is a few sentences; each event names its sentence, trigger, place,
date, actors and quantities, and the builder finds every span in the text, so
the evidence offsets are real.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from frontlines.ingest.normalise import article_id
from frontlines.records import (
    Actor,
    Article,
    ArticleStatus,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Place,
    PlaceKind,
    Precision,
    Quantity,
    Quote,
    Sector,
    StageInfo,
    TimeValue,
)

PLACES = {
    "Kherson": (46.6354, 32.6169, "Kherson Oblast"),
    "Snihurivka": (47.0756, 32.8053, "Mykolaiv Oblast"),
    "Mykolaiv": (46.9750, 31.9946, "Mykolaiv Oblast"),
    "Kharkiv": (49.9935, 36.2304, "Kharkiv Oblast"),
    "Bakhmut": (48.5953, 38.0003, "Donetsk Oblast"),
    "Nova Kakhovka": (46.7546, 33.3486, "Kherson Oblast"),
    "Izium": (49.2120, 37.2566, "Kharkiv Oblast"),
    "Kupiansk": (49.7106, 37.6159, "Kharkiv Oblast"),
    "Kramatorsk": (48.7232, 37.5563, "Donetsk Oblast"),
    "Odessa": (31.8457, -102.3676, "Texas"),  # a namesake abroad: the outlier a geocoder's slip leaves
}
ACTORS = {
    "Russian forces": ("Russian Armed Forces", "RUS", Sector.MILITARY),
    "Russia": ("Russia", "RUS", Sector.GOVERNMENT),
    "Ukrainian troops": ("Ukrainian Armed Forces", "UKR", Sector.MILITARY),
    "Ukraine's military": ("Ukrainian Armed Forces", "UKR", Sector.MILITARY),
    "Sergei Shoigu": ("Sergei Shoigu", "RUS", Sector.GOVERNMENT),
    "civilians": ("Civilians", "UKR", Sector.CIVILIAN),
}
TYPES = {  # PLOVER type -> (ACLED event type, sub-event type)
    "ASSAULT": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "FIGHT": ("Battles", "Armed clash"),
    "COERCE": ("Violence against civilians", "Attack"),
}


@dataclass
class EventSpec:
    sentence: int
    trigger: str
    plover: str
    place: str | None
    date: dt.date | None
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    quantities: tuple[tuple[Any, ...], ...] = ()  # (text, kind, value) or, vague, (text, kind, None, low, high)
    status: EventStatus = EventStatus.HAPPENED
    attributed_to: str | None = None
    acled: tuple[str, str] | None = None  # (event type, sub-event type) when not the type's default
    granularity: str = "day"  # or month ("in April": date is any day of it) or year ("last year")
    date_text: str | None = None  # the time expression when not "November 9"


@dataclass
class ArticleSpec:
    title: str
    source: str
    published: dt.date
    sentences: list[str]
    events: list[EventSpec] = field(default_factory=list)
    quote: tuple[str, str, str] | None = None  # (content, speaker text, cue) in the text
    url: str | None = None


def _find(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    i = text.find(needle, start)
    if i < 0:
        raise ValueError(f"{needle!r} not in {text[start:start + 80]!r}")
    return i, i + len(needle)


def _ev(aid: str, text: str, s: int, e: int) -> Evidence:
    return Evidence(article_id=aid, start=s, end=e, text=text[s:e])


def _place(aid: str, text: str, name: str, lo: int, hi: int) -> Place:
    s, e = _find(text, name, lo)
    if e > hi:
        raise ValueError(name)
    lat, lon, admin1 = PLACES[name]
    return Place(text=name, evidence=_ev(aid, text, s, e), name=name, gazetteer_id=f"test:{name.lower()}",
                 kind=PlaceKind.SETTLEMENT, lat=lat, lon=lon, admin1=admin1, country="UKR",
                 precision=Precision.EXACT, reason="test fixture")


def _actor(aid: str, text: str, mention: str, lo: int) -> Actor:
    s, e = _find(text, mention, lo)
    name, country, sector = ACTORS[mention]
    return Actor(text=mention, evidence=_ev(aid, text, s, e), name=name, country=country, sector=sector,
                 side=country, kind="group" if sector is not Sector.GOVERNMENT else "state")


def build(spec: ArticleSpec) -> tuple[Article, Extraction]:
    """The Article and its Extraction, with every span located in the text."""
    text = " ".join(spec.sentences)
    aid = article_id(text)
    bounds = []
    pos = 0
    for sent in spec.sentences:
        bounds.append((pos, pos + len(sent)))
        pos += len(sent) + 1
    places: dict[tuple[str, int], Place] = {}
    actors: list[Actor] = []
    times: list[TimeValue] = []
    quantities: list[Quantity] = []
    events: list[Event] = []
    for ev in spec.events:
        lo, hi = bounds[ev.sentence]
        place = None
        if ev.place:
            place = places.setdefault((ev.place, ev.sentence), _place(aid, text, ev.place, lo, hi))
        time = None
        if ev.date:
            s, e = _find(text, ev.date_text or ev.date.strftime("%B %-d"), lo)  # each sentence states its date
            start, end, value = ev.date, ev.date, ev.date.isoformat()
            if ev.granularity == "year":
                start, end, value = dt.date(ev.date.year, 1, 1), dt.date(ev.date.year, 12, 31), str(ev.date.year)
            elif ev.granularity == "month":
                nxt = dt.date(ev.date.year + ev.date.month // 12, ev.date.month % 12 + 1, 1)
                start, end = dt.date(ev.date.year, ev.date.month, 1), nxt - dt.timedelta(days=1)
                value = start.isoformat()[:7]
            time = TimeValue(text=text[s:e], evidence=_ev(aid, text, s, e), value=value,
                             start=start, end=end, granularity=ev.granularity)
            times.append(time)
        srcs = tuple(_actor(aid, text, m, lo) for m in ev.sources)
        tgts = tuple(_actor(aid, text, m, lo) for m in ev.targets)
        actors.extend(srcs + tgts)
        qs = []
        for qtext, kind, value, *vague in ev.quantities:
            s, e = _find(text, qtext, lo)
            low, high = vague if vague else (None, None)
            qs.append(Quantity(text=qtext, evidence=_ev(aid, text, s, e), kind=kind, value=value, low=low, high=high,
                               qualifier="vague" if vague else None))
        quantities.extend(qs)
        ts, te = _find(text, ev.trigger, lo)
        acled = ev.acled or TYPES[ev.plover]
        events.append(Event(
            evidence=_ev(aid, text, lo, hi), trigger=ev.trigger, plover_type=ev.plover,
            acled_event_type=acled[0], acled_sub_event_type=acled[1], sources=srcs, targets=tgts,
            place=place, time=time, quantities=tuple(qs), status=ev.status, attributed_to=ev.attributed_to,
            confidence=0.8 if ev.status is EventStatus.HAPPENED else 0.6,
            trigger_evidence=_ev(aid, text, ts, te), stages=("test.builder@1",),
        ))
    quotes: list[Quote] = []
    if spec.quote:
        content, speaker, cue = spec.quote
        cs, ce = _find(text, content)
        ss, se = _find(text, speaker)
        us, ue = _find(text, cue)
        sp = _actor(aid, text, speaker, 0)
        quotes.append(Quote(content=content, evidence=_ev(aid, text, cs, ce), direct=True, speaker=sp,
                            speaker_text=speaker, speaker_evidence=_ev(aid, text, ss, se), cue=cue,
                            cue_evidence=_ev(aid, text, us, ue), medium="televised statement"))
        actors.append(sp)
    article = Article(id=aid, text=text, title=spec.title, url=spec.url, source=spec.source,
                      published=spec.published, language="en",
                      ingested_at=dt.datetime(2022, 11, 12, tzinfo=dt.timezone.utc), status=ArticleStatus.PENDING,
                      origin="tests/api/builders.py")
    extraction = Extraction(
        article_id=aid, places=tuple(places.values()), times=tuple(times), quantities=tuple(quantities),
        actors=tuple(actors), quotes=tuple(quotes), events=tuple(events),
        stages=(StageInfo(name="test.builder", version="1"),),
    )
    return article, extraction


D = dt.date


def demo_specs() -> list[ArticleSpec]:
    """Four articles, ten events over six days, in four places: a demo-like map."""
    return [
        ArticleSpec(
            title="Russia orders withdrawal from Kherson", source="Test Wire", published=D(2022, 11, 9),
            url="https://example.org/kherson-withdrawal",
            sentences=[
                "Russia ordered its troops to withdraw from Kherson on November 9.",
                "Sergei Shoigu said the move would save the lives of servicemen.",
                "Ukrainian troops advanced near Snihurivka on November 9, officials said.",
                "Russian forces shelled Mykolaiv on November 8, killing 7 people.",
            ],
            events=[
                EventSpec(0, "withdraw", "RETREAT", "Kherson", D(2022, 11, 9), sources=("Russia",),
                          status=EventStatus.ORDERED),
                EventSpec(2, "advanced", "FIGHT", "Snihurivka", D(2022, 11, 9), sources=("Ukrainian troops",),
                          status=EventStatus.CLAIMED, attributed_to="Ukrainian officials"),
                EventSpec(3, "shelled", "ASSAULT", "Mykolaiv", D(2022, 11, 8), sources=("Russian forces",),
                          quantities=(("7 people", "killed", 7),)),
            ],
            quote=("the move would save the lives of servicemen", "Sergei Shoigu", "said"),
        ),
        ArticleSpec(
            title="Ukrainian troops enter Kherson", source="Kyiv Daily", published=D(2022, 11, 11),
            sentences=[
                "Ukrainian troops entered Kherson on November 11 as Russian forces withdrew.",
                "About 30,000 Russian forces crossed the Dnipro near Nova Kakhovka on November 10.",
                "Ukraine's military said it shelled Nova Kakhovka on November 11.",
            ],
            events=[
                EventSpec(0, "withdrew", "RETREAT", "Kherson", D(2022, 11, 11), sources=("Russian forces",)),
                EventSpec(1, "crossed", "RETREAT", "Nova Kakhovka", D(2022, 11, 10), sources=("Russian forces",),
                          quantities=(("30,000", "troops", 30000),)),
                EventSpec(2, "shelled", "ASSAULT", "Nova Kakhovka", D(2022, 11, 11),
                          sources=("Ukraine's military",), status=EventStatus.CLAIMED,
                          attributed_to="Ukrainian Armed Forces"),
            ],
        ),
        ArticleSpec(
            title="Shelling in Kharkiv and Bakhmut", source="Test Wire", published=D(2022, 11, 7),
            sentences=[
                "Russian forces shelled Kharkiv on November 6, wounding 4 civilians.",
                "Russian forces attacked Bakhmut on November 7 and 12 soldiers were killed.",
            ],
            events=[
                EventSpec(0, "shelled", "ASSAULT", "Kharkiv", D(2022, 11, 6), sources=("Russian forces",),
                          targets=("civilians",), quantities=(("4 civilians", "injured", 4),)),
                EventSpec(1, "attacked", "FIGHT", "Bakhmut", D(2022, 11, 7), sources=("Russian forces",),
                          quantities=(("12 soldiers", "killed", 12),)),
            ],
        ),
        ArticleSpec(
            title="Russia denies strikes on civilians", source="State Agency", published=D(2022, 11, 12),
            sentences=[
                "Russia denied that Russian forces attacked civilians in Kherson on November 12.",
                "Ukrainian troops repelled an assault near Bakhmut on November 12.",
            ],
            events=[
                EventSpec(0, "attacked", "COERCE", "Kherson", D(2022, 11, 12), sources=("Russian forces",),
                          targets=("civilians",), status=EventStatus.DENIED, attributed_to="Russia"),
                EventSpec(1, "repelled", "FIGHT", "Bakhmut", D(2022, 11, 12), sources=("Ukrainian troops",)),
            ],
        ),
    ]


XSS_TITLE = '<img src=x onerror="window.__pwned=1">Headline'
XSS_SENTENCES = [
    "Russian forces shelled Kharkiv on November 10 <script>window.__pwned=1</script> near the market.",
    'A witness wrote <img src=x onerror="window.__pwned=2"> and <b onmouseover="window.__pwned=3">hover</b>.',
]


def xss_spec() -> ArticleSpec:
    """An article whose title and text carry script and event-handler payloads."""
    return ArticleSpec(
        title=XSS_TITLE, source='<script>window.__pwned=4</script>Evil Outlet', published=D(2022, 11, 10),
        url="javascript:window.__pwned=5",
        sentences=XSS_SENTENCES,
        events=[EventSpec(0, "shelled", "ASSAULT", "Kharkiv", D(2022, 11, 10), sources=("Russian forces",))],
    )


CAPTURE = ("Strategic developments", "Non-state actor overtakes territory")
RETAKE = ("Strategic developments", "Government regains territory")


def sequence_specs() -> list[ArticleSpec]:
    """Snihurivka captured (March), a contested claim of its retaking (September, denied), retaken (November,
    two independent outlets); and the Mykolaiv shelling reported again by another outlet with another toll."""
    return [
        ArticleSpec(
            title="Russian forces take Snihurivka", source="Test Wire", published=D(2022, 3, 3),
            url="https://example.org/snihurivka-captured",
            sentences=["Russian forces captured Snihurivka on March 2 after heavy fighting with Ukrainian troops."],
            events=[EventSpec(0, "captured", "FIGHT", "Snihurivka", D(2022, 3, 2), sources=("Russian forces",),
                              targets=("Ukrainian troops",), acled=CAPTURE)],
        ),
        ArticleSpec(
            title="Kyiv says Snihurivka retaken", source="Kyiv Daily", published=D(2022, 9, 20),
            sentences=["Ukraine's military said Ukrainian troops retook Snihurivka from Russian forces on September 19."],
            events=[EventSpec(0, "retook", "FIGHT", "Snihurivka", D(2022, 9, 19), sources=("Ukrainian troops",),
                              targets=("Russian forces",), status=EventStatus.CLAIMED,
                              attributed_to="Ukrainian Armed Forces", acled=RETAKE)],
        ),
        ArticleSpec(
            title="Moscow denies loss of Snihurivka", source="State Agency", published=D(2022, 9, 21),
            sentences=["Russia denied that Ukrainian troops retook Snihurivka from Russian forces on September 19."],
            events=[EventSpec(0, "retook", "FIGHT", "Snihurivka", D(2022, 9, 19), sources=("Ukrainian troops",),
                              targets=("Russian forces",), status=EventStatus.DENIED, attributed_to="Russia",
                              acled=RETAKE)],
        ),
        ArticleSpec(
            title="Ukrainian flag over Snihurivka", source="Test Wire", published=D(2022, 11, 11),
            url="https://example.org/snihurivka-retaken",
            sentences=["Ukrainian troops retook Snihurivka from Russian forces on November 10, residents said."],
            events=[EventSpec(0, "retook", "FIGHT", "Snihurivka", D(2022, 11, 10), sources=("Ukrainian troops",),
                              targets=("Russian forces",), acled=RETAKE)],
        ),
        ArticleSpec(
            title="Snihurivka back in Ukrainian hands", source="Global Post", published=D(2022, 11, 12),
            url="https://example.com/snihurivka",
            sentences=["Ukrainian troops retook Snihurivka from Russian forces on November 10."],
            events=[EventSpec(0, "retook", "FIGHT", "Snihurivka", D(2022, 11, 10), sources=("Ukrainian troops",),
                              targets=("Russian forces",), acled=RETAKE)],
        ),
        ArticleSpec(
            title="Deadly shelling in Mykolaiv", source="Global Post", published=D(2022, 11, 9),
            url="https://example.com/mykolaiv",
            sentences=["Russian forces shelled Mykolaiv on November 8, killing 9 people, the mayor said."],
            events=[EventSpec(0, "shelled", "ASSAULT", "Mykolaiv", D(2022, 11, 8), sources=("Russian forces",),
                              quantities=(("9 people", "killed", 9),))],
        ),
    ]


def fill(store: Any, specs: list[ArticleSpec] | None = None) -> list[tuple[Article, Extraction]]:
    """Store every spec's article and extraction; returns them."""
    built = [build(s) for s in (specs if specs is not None else demo_specs())]
    for article, extraction in built:
        store.add_article(article)
        store.save_extraction(extraction)
    return built


def honest_specs() -> list[ArticleSpec]:
    """Reports whose markers and dates are easy to draw wrongly: a date known only to its year or month,
    a city's population beside an attack, troop numbers, and a vague toll ("dozens")."""
    return [
        ArticleSpec(
            title="Izium looks back on a year of occupation", source="Kyiv Independent", published=D(2023, 3, 2),
            url="https://example.com/izium-year",
            sentences=["Russian forces shelled Izium repeatedly in 2022, residents said.",
                       "Ukrainian troops retook Kupiansk in April 2022 and held it."],
            events=[EventSpec(0, "shelled", "ASSAULT", "Izium", D(2022, 1, 1), sources=("Russian forces",),
                              granularity="year", date_text="2022"),
                    EventSpec(1, "retook", "FIGHT", "Kupiansk", D(2022, 4, 1), sources=("Ukrainian troops",),
                              granularity="month", date_text="April 2022")],
        ),
        ArticleSpec(
            title="Shelling of Kramatorsk", source="Wire", published=D(2023, 5, 3),
            url="https://example.com/kramatorsk",
            sentences=["Russian forces shelled Kramatorsk, a city of 150,000 people, on May 2.",
                       "Russian forces massed 24 troops near Bakhmut on May 2.",
                       "Russian forces shelled Kharkiv on May 2, killing dozens of civilians, officials said."],
            events=[EventSpec(0, "shelled", "ASSAULT", "Kramatorsk", D(2023, 5, 2), sources=("Russian forces",),
                              quantities=(("150,000 people", "people", 150_000),)),
                    EventSpec(1, "massed", "FIGHT", "Bakhmut", D(2023, 5, 2), sources=("Russian forces",),
                              quantities=(("24 troops", "troops", 24),)),
                    EventSpec(2, "shelled", "ASSAULT", "Kharkiv", D(2023, 5, 2), sources=("Russian forces",),
                              quantities=(("dozens of civilians", "killed", None, 24, 99),))],
        ),
        ArticleSpec(
            title="Port shelled", source="Wire", published=D(2023, 5, 4), url="https://example.com/odessa",
            sentences=["Russian forces shelled Odessa on May 3."],  # placed in Texas by mistake
            events=[EventSpec(0, "shelled", "ASSAULT", "Odessa", D(2023, 5, 3), sources=("Russian forces",))],
        ),
    ]


# A small gazetteer for the base map's place labels: a country, cities from 1.4 million down to villages.
LABEL_PLACES = [
    # (name, lat, lon, kind, population, capital)
    ("Ukraine", 49.0, 32.0, "country", 44_000_000, False),
    ("Kyiv", 50.4501, 30.5234, "settlement", 2_950_000, True),
    ("Kharkiv", 49.9935, 36.2304, "settlement", 1_430_000, False),
    ("Dnipro", 48.4647, 35.0462, "settlement", 980_000, False),
    ("Mykolaiv", 46.9750, 31.9946, "settlement", 470_000, False),
    ("Kherson", 46.6354, 32.6169, "settlement", 280_000, False),
    ("Kramatorsk", 48.7232, 37.5563, "settlement", 150_000, False),
    ("Bakhmut", 48.5953, 38.0003, "settlement", 72_000, False),
    ("Izium", 49.2120, 37.2566, "settlement", 45_000, False),
    ("Nova Kakhovka", 46.7546, 33.3486, "settlement", 44_000, False),
    ("Kupiansk", 49.7106, 37.6159, "settlement", 27_000, False),
    ("Snihurivka", 47.0756, 32.8053, "settlement", 12_000, False),
    ("Balakliia", 49.4627, 36.8588, "settlement", 26_000, False),
    ("Chuhuiv", 49.8356, 36.6880, "settlement", 31_000, False),
    ("Vovchansk", 50.2908, 36.9413, "settlement", 17_000, False),
    ("Klishchiivka", 48.5236, 37.9701, "settlement", 600, False),
    ("Andriivka", 48.5011, 37.9650, "settlement", 800, False),
    ("Ivanivske", 48.5872, 37.9397, "settlement", 900, False),
    ("Soledar", 48.6845, 38.0858, "settlement", 10_500, False),
]


def write_label_gazetteer(path: Any) -> Any:
    """A gazetteer file holding only :data:`LABEL_PLACES` (for the labels route and the map)."""
    from frontlines.geo.gazetteer import Entry, write_gazetteer

    entries = [Entry(gid=f"test:{name.lower().replace(' ', '-')}", name=name, kind=kind, lat=lat, lon=lon,
                     country="UKR", population=pop, capital=capital, source="tests")
               for name, lat, lon, kind, pop, capital in LABEL_PLACES]
    return write_gazetteer(path, entries)
