"""prepare(): Article in, cleaned Document or Rejection (with every reason) out; language and dates."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from dyadwatch.ingest import is_english, measure_language, parse_published, prepare
from dyadwatch.ingest import validate
from dyadwatch.ingest.html import HtmlError
from dyadwatch.records import Article, Document, Rejection

ENGLISH = (
    "Vietnam and the Philippines signed an agreement on Tuesday to set up a hotline between their coast "
    "guards, the Philippine foreign ministry said, as both countries face growing pressure from Chinese "
    "vessels in the South China Sea.\n\n"
    "The deal was signed in Hanoi during a state visit by the Philippine president, who also met "
    "Vietnamese leaders to discuss rice trade and fisheries."
)

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Manila and Hanoi sign coast guard hotline deal | Straits Observer</title>
<meta property="og:site_name" content="Straits Observer">
<meta property="og:title" content="Manila and Hanoi sign coast guard hotline deal">
<meta property="article:published_time" content="2024-01-30T18:40:00+08:00">
<link rel="canonical" href="https://www.straitsobserver.test/asia/2024/01/30/hotline-deal">
</head>
<body>
<header>
  <a href="/">Straits Observer</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/asia/">Asia</a></li><li><a href="/markets/">Markets</a></li>
  <li><a href="/subscribe/">Subscribe</a></li></ul></nav>
</header>
<main>
<article>
  <h1>Manila and Hanoi sign coast guard hotline deal</h1>
  <p class="byline">By Rosa Dizon, Regional Correspondent</p>
  <figure><img src="/img/hanoi.jpg" alt=""><figcaption>Officials sign the agreement in Hanoi. Photo: Straits Observer</figcaption></figure>
  <p>Vietnam and the Philippines signed an agreement on Tuesday to set up a hotline between their coast guards,
  the Philippine foreign ministry said, as both countries face growing pressure from Chinese vessels in the
  South China Sea.</p>
  <p>The deal was signed in Hanoi during a state visit by the Philippine president, who also met Vietnamese
  leaders to discuss rice trade and fisheries.</p>
  <p>China's foreign ministry said on Wednesday that it hoped the two countries would not harm regional
  stability, and repeated its claim to most of the waterway.</p>
  <div class="share">Share this article <a href="#">Facebook</a> <a href="#">X</a></div>
</article>
</main>
<footer>
  <p>About us | Contact | Careers</p>
  <p>© 2024 Straits Observer Media. All rights reserved.</p>
</footer>
</body>
</html>
"""


def article(text: str | None = ENGLISH, **kw) -> Article:
    return Article(origin=kw.pop("origin", "test.jsonl:1"), text=text, **kw)


def test_english_article_becomes_a_document_with_given_metadata():
    doc = prepare(article(id="ph-vn-01", title="Hotline deal signed", url="https://wire.test/1",
                          outlet="wire.test", published="2024-01-30T09:00:00+08:00"))
    assert isinstance(doc, Document)
    assert (doc.doc_id, doc.title, doc.url, doc.outlet, doc.published, doc.origin) == (
        "ph-vn-01", "Hotline deal signed", "https://wire.test/1", "wire.test", date(2024, 1, 30), "test.jsonl:1")
    assert doc.text == ENGLISH
    assert doc.content_hash == hashlib.sha256(ENGLISH.encode("utf-8")).hexdigest()


def test_doc_id_is_derived_from_the_cleaned_text_when_missing():
    noisy = prepare(article("Share this article\n\n" + ENGLISH + "\n\nSign in to comment"))
    clean = prepare(article(ENGLISH, origin="other.txt"))
    assert noisy.doc_id == clean.doc_id == "d-" + hashlib.sha256(ENGLISH.encode()).hexdigest()[:16]


def test_html_page_gives_main_text_and_page_metadata():
    doc = prepare(Article(origin="page.html", html=PAGE, raw_bytes=len(PAGE)))
    assert isinstance(doc, Document)
    assert doc.title == "Manila and Hanoi sign coast guard hotline deal"
    assert doc.outlet == "Straits Observer"
    assert doc.published == date(2024, 1, 30)
    assert doc.url == "https://www.straitsobserver.test/asia/2024/01/30/hotline-deal"
    paragraphs = doc.text.split("\n\n")
    assert "Vietnam and the Philippines signed an agreement on Tuesday" in paragraphs[1]
    assert paragraphs[-1].startswith("China's foreign ministry said on Wednesday")
    for furniture in ("Markets", "Subscribe", "By Rosa Dizon", "Photo:", "Share this", "All rights reserved",
                      "Careers"):
        assert furniture not in doc.text


def test_article_metadata_wins_over_the_page():
    doc = prepare(Article(origin="x.jsonl:4", html=PAGE, outlet="observer.test", published="2024-02-01",
                          title="Given title"))
    assert (doc.outlet, doc.published, doc.title) == ("observer.test", date(2024, 2, 1), "Given title")


def test_oversized_is_checked_first_and_reports_sizes():
    rej = prepare(article("\x00" * 50, raw_bytes=3_000_000, id="big"))
    assert isinstance(rej, Rejection) and rej.reason == "oversized" and rej.doc_id == "big"
    assert "3,000,000" in rej.detail and "2,000,000" in rej.detail
    assert prepare(article(ENGLISH), max_bytes=100).reason == "oversized"


@pytest.mark.parametrize("text", [
    ENGLISH[:200] + "\x00\x00" + ENGLISH[200:],
    "".join(chr(c) for c in range(1, 32)) * 20 + ENGLISH,
])
def test_binary_text_is_rejected(text):
    assert prepare(article(text)).reason == "binary"


def test_unpaired_surrogates_are_undecodable():
    assert prepare(article(ENGLISH + "\ud800")).reason == "undecodable"


def test_missing_text_is_rejected():
    assert prepare(article(None)).reason == "missing_text"
    assert prepare(article("   \n ")).reason == "missing_text"


@pytest.mark.parametrize("text", [
    "Share this article\n\nSign in to comment\n\n© 2024 Straits Observer",
    "Manila and Hanoi sign coast guard hotline deal",
    "Talks resumed.",
])
def test_nothing_of_substance_is_empty(text):
    rej = prepare(article(text))
    assert rej.reason == "empty" and "words after cleaning" in rej.detail


def test_page_without_main_text_is_empty():
    nav_only = "<html><body><nav><a href='/'>Home</a> <a href='/asia/'>Asia</a></nav></body></html>"
    assert prepare(Article(origin="nav.html", html=nav_only)).reason == "empty"
    rej = prepare(Article(origin="blank.html", html="<html><head><title>x</title></head><body></body></html>"))
    assert rej.reason == "empty" and "no main text" in rej.detail


def test_unparseable_page_is_bad_html(monkeypatch):
    def broken(html, url=None):
        raise HtmlError("ParserError: Document is empty")

    monkeypatch.setattr(validate, "extract_html", broken)
    assert prepare(Article(origin="b.html", html="<html>")).reason == "bad_html"


GERMAN = ("Die Bundesregierung hat am Dienstag neue Gespräche mit Vertretern aus Peking angekündigt. Nach Angaben "
          "des Auswärtigen Amtes sollen die Beratungen noch in diesem Monat in Berlin stattfinden, wobei auch die "
          "Lage auf der koreanischen Halbinsel zur Sprache kommen wird.")
FRENCH = ("Le ministre des Affaires étrangères a rencontré mardi son homologue chinois à Paris. Selon un communiqué "
          "publié par le ministère, les deux pays sont convenus de renforcer leur coopération économique et de "
          "poursuivre le dialogue sur la situation dans la péninsule coréenne.")
SPANISH = ("El gobierno de Corea del Sur anunció el lunes que enviará una delegación a Pekín para discutir la "
           "situación en la península. Según fuentes oficiales, los diplomáticos también tratarán temas comerciales "
           "y de seguridad regional con sus homólogos chinos.")
KOREAN = ("북한 국무위원장이 중국 주재 외교관들에게 새로운 지침을 내린 것으로 알려졌다. 정부 소식통은 이번 조치가 "
          "지난달 평양에서 열린 회의 이후 전달됐다고 밝혔다. 전문가들은 양국 관계의 변화를 주목하고 있다.")
CHINESE = ("朝鲜领导人近日指示驻华外交官调整工作方式，多名分析人士认为两国关系出现降温迹象。外交部发言人表示，"
           "中方重视发展两国传统友好合作关系，这一立场没有改变。")


@pytest.mark.parametrize("text", [GERMAN, FRENCH, SPANISH, KOREAN, CHINESE])
def test_other_languages_are_non_english(text):
    rej = prepare(article(text))
    assert rej.reason == "non_english" and "function words" in rej.detail


@pytest.mark.parametrize("text", [
    ENGLISH,
    "Seoul recalls envoy\n\nSouth Korea recalled its ambassador from Tokyo on Monday over a textbook dispute.",
    "Ursula von der Leyen met Chinese Premier Li Qiang in Beijing.",
    "Kim Jong-un inspected a drone factory near Pyongyang, KCNA said.",
    "Brazilian President Luiz Inácio Lula da Silva arrived in Beijing for a state visit on Friday.",
])
def test_english_texts_are_english(text):
    assert is_english(text), measure_language(text).describe()


def test_english_article_quoting_a_little_french_stays_english():
    text = ENGLISH + '\n\nThe French envoy called the deal "une étape importante pour la région" in a post.'
    assert is_english(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-07-31", date(2024, 7, 31)),
    ("2024-07-31T23:30:00+09:00", date(2024, 7, 31)),
    ("2024-07-31T14:30:00Z", date(2024, 7, 31)),
    ("2024-07-31 08:00", date(2024, 7, 31)),
    ("Wed, 31 Jul 2024 09:15:00 +0900", date(2024, 7, 31)),
    ("last Tuesday", None),
    ("2024-02-30", None),
    ("", None),
    (None, None),
])
def test_published_parsing(value, expected):
    assert parse_published(value) == expected


def test_unparseable_published_is_kept_as_none_not_rejected():
    doc = prepare(article(published="sometime in spring"))
    assert isinstance(doc, Document) and doc.published is None


def test_a_dropped_published_date_says_what_date_the_document_got():
    undated = prepare(article(published="99999-01-01"))
    assert isinstance(undated, Document) and undated.published is None
    assert any("99999-01-01" in w and w.endswith("stored undated") for w in undated.warnings)
    dated = prepare(article(published="0001-01-01",
                            text="NAIROBI, Kenya, Aug. 9, 2025 -- " + ENGLISH))
    assert isinstance(dated, Document) and dated.published == date(2025, 8, 9)
    assert any("0001-01-01" in w and w.endswith("not used") for w in dated.warnings)
    assert not any("stored undated" in w for w in dated.warnings)
