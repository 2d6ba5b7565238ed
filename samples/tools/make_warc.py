"""Write the sample web archives: articles/archive.warc.gz and bad/truncated.warc.gz.

The archives are committed; rerun this script only to change them:

    .venv/bin/python samples/tools/make_warc.py

Record ids and dates are fixed so the output is the same on every run. The pages
are articles written for frontlines' demo and tests, not real reporting.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

SAMPLES = Path(__file__).resolve().parent.parent

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{published}">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/ukraine">Ukraine</a> <a href="/subscribe">Subscribe</a></nav>
<main><article>
<h1>{title}</h1>
{paragraphs}
</article></main>
<footer><p>&copy; {year} {site}. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""

GRAIN_DEAL = {
    "url": "https://example.org/harbour-news/2023/07/17/russia-quits-grain-deal",
    "site": "Harbour News Agency",
    "title": "Russia quits Black Sea grain deal, warns ships bound for Ukraine",
    "published": "2023-07-17T14:10:00+00:00",
    "warc_date": "2023-07-17T15:02:11Z",
    "paragraphs": [
        "Russia said on Monday that it was pulling out of the Black Sea Grain Initiative, the "
        "agreement brokered by the United Nations and Turkey a year ago that let Ukraine export "
        "more than 32 million tonnes of grain and other food through a protected sea corridor.",
        "\"When the part of the Black Sea agreements concerning Russia is fulfilled, Russia will "
        "immediately return to the implementation of this deal,\" Kremlin spokesman Dmitry Peskov "
        "told reporters, saying Moscow's demands to ease restrictions on its own food and "
        "fertiliser exports had not been met.",
        "Hours earlier, two people were killed and their daughter wounded when the Kerch bridge "
        "linking Russia to annexed Crimea was hit by what Russian officials said were Ukrainian "
        "sea drones. Peskov said the attack was not connected to the decision.",
        "UN Secretary-General Antonio Guterres said he deeply regretted the move and that "
        "hundreds of millions of people facing hunger would pay the price. Turkish President "
        "Tayyip Erdogan said he believed President Vladimir Putin wanted the deal to continue.",
        "Ukrainian President Volodymyr Zelenskiy said in a video address that Ukraine was ready "
        "to keep exporting grain through the corridor without Russia's participation. On "
        "Wednesday, Russia's defence ministry said on Telegram that from 20 July all ships "
        "heading to Ukrainian ports would be regarded as potential carriers of military cargo.",
        "Russian missiles and drones struck port facilities in Odesa and Chornomorsk on three "
        "nights in a row after the announcement, destroying about 60,000 tonnes of grain, "
        "Ukraine's agriculture ministry said.",
    ],
}

CHASIV_YAR = {
    "url": "https://example.org/steppe-observer/2024/04/09/chasiv-yar-assault",
    "site": "Steppe Observer",
    "title": "Russia throws thousands of troops at Chasiv Yar, Ukrainian commander says",
    "published": "2024-04-09T07:45:00+00:00",
    "warc_date": "2024-04-09T09:30:40Z",
    "paragraphs": [
        "Russian forces are trying to capture the hilltop town of Chasiv Yar in Ukraine's Donetsk "
        "region before 9 May, Ukraine's top commander said, warning that the situation on the "
        "eastern front had \"significantly worsened\" in recent days.",
        "Colonel General Oleksandr Syrskyi said on Telegram on Saturday that Russia had "
        "concentrated about 20,000 to 25,000 troops for the assault on Chasiv Yar, which lies "
        "about 10 km west of Bakhmut. Russian assault groups backed by armoured vehicles had "
        "attacked the eastern Kanal district of the town, he said.",
        "Chasiv Yar stands on heights behind the Siverskyi Donets-Donbas canal, and its loss "
        "would expose the cities of Kostiantynivka, Druzhkivka and Kramatorsk to Russian "
        "artillery, military analysts said. Only about 700 of its 12,000 pre-war residents "
        "remain, according to local officials.",
        "Nazar Voloshyn, a spokesman for Ukraine's Khortytsia group of forces, told Ukrainian "
        "television on Monday that Russian troops had reached the outskirts of the town but "
        "had been pushed back, and that Russia had used glide bombs against the town dozens of "
        "times over the weekend. The report could not be independently verified.",
        "Russia's defence ministry said its forces had improved their positions near the "
        "villages of Ivanivske and Bohdanivka, just east of the town, and killed up to 300 "
        "Ukrainian soldiers in the past day.",
    ],
}

# Only in the truncated archive, so that its one complete record is a new article.
EL_FASHER = {
    "url": "https://example.org/horn-and-nile/2024/05/14/el-fasher-fighting",
    "site": "Horn and Nile Report",
    "title": "Dozens killed as fighting reaches El Fasher, last army stronghold in Darfur",
    "published": "2024-05-14T12:00:00+00:00",
    "warc_date": "2024-05-14T13:15:00Z",
    "paragraphs": [
        "At least 27 people have been killed in three days of fighting between Sudan's army and "
        "the Rapid Support Forces in El Fasher, the capital of North Darfur, Medecins Sans "
        "Frontieres said on Monday, as the paramilitary group closed in on the army's last "
        "stronghold in the Darfur region.",
        "The RSF shelled residential areas in the east and south of the city on Friday and "
        "Saturday, and army aircraft carried out air strikes on RSF positions, residents said. "
        "The South Hospital received more than 130 wounded, MSF said in a statement.",
        "About 1.8 million people live in and around El Fasher, many of them displaced from "
        "other parts of Darfur. The United Nations has warned that an assault on the city could "
        "lead to large-scale killings along ethnic lines, as in El Geneina last year.",
        "The RSF said in a statement that it was responding to attacks by the army and allied "
        "armed groups and that it did not target civilians. The claims could not be "
        "independently verified.",
    ],
}


def page(article: dict) -> bytes:
    """The HTML page of an article, with nav and footer boilerplate around the text."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in article["paragraphs"])
    return PAGE.format(
        title=article["title"], site=article["site"], published=article["published"],
        year=article["published"][:4], paragraphs=paragraphs,
    ).encode("utf-8")


def record_id(name: str) -> str:
    # Fixed ids (uuid5 of a name) keep the archives byte-identical between runs.
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'frontlines-samples/' + name)}>"


def write_pair(writer: WARCWriter, article: dict, *, with_request: bool) -> None:
    url = article["url"]
    if with_request:
        host = url.split("/")[2]
        path = "/" + url.split("/", 3)[3]
        req_headers = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [("Host", host), ("User-Agent", "frontlines-sample-crawler/1.0"), ("Accept", "text/html")],
            is_http_request=True,
        )
        writer.write_record(writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), http_headers=req_headers,
            warc_headers_dict={"WARC-Record-ID": record_id(url + "#request"), "WARC-Date": article["warc_date"]},
        ))
    body = page(article)
    http_headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    writer.write_record(writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": record_id(url + "#response"), "WARC-Date": article["warc_date"]},
    ))


def build(articles: list[tuple[dict, bool]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for article, with_request in articles:
        write_pair(writer, article, with_request=with_request)
    return buf.getvalue()


def main() -> None:
    good = build([(GRAIN_DEAL, True), (CHASIV_YAR, False)])
    (SAMPLES / "articles" / "archive.warc.gz").write_bytes(good)

    # A complete first record, then the second record cut off halfway through its gzip member,
    # as a crawl interrupted mid-write leaves it.
    first = build([(EL_FASHER, False)])
    both = build([(EL_FASHER, False), (GRAIN_DEAL, False)])
    cut = len(first) + (len(both) - len(first)) // 2
    (SAMPLES / "bad" / "truncated.warc.gz").write_bytes(both[:cut])


if __name__ == "__main__":
    main()
