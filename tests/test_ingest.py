"""Readers on real bytes: HTML pages, and feeds, JSON Lines and WARC files built from them."""

import io
import json

from conftest import PAGES, SAMPLE, page_html
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dragoman.errors import InputError
from dragoman.ingest import read_bytes, read_inputs


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_html_page_gives_title_date_outlet_and_body():
    raw = only(read_inputs([str(PAGES / "aljazeera-afghanistan-helicopter.html.gz")], 10**7))
    assert raw.title == "US service members killed in Afghanistan helicopter crash"
    assert raw.published == "2019-11-20" and raw.published_from == "html-meta"
    assert raw.outlet == "Al Jazeera"
    assert "Two United States service members have been killed" in raw.text


def test_comments_inside_a_paragraph_do_not_cut_it():
    """React pages (here a New York Times page of the ScrapingHub benchmark, ``702d1da6…``) split
    text nodes with empty comments; the paragraph goes on after them."""
    filler = "<p>The trade war has lasted more than a year and a half, and no deal is signed yet.</p>" * 4
    quote = ("<p>“We’re taking in billions of dollars in tariff money from China,” Mr. Trump said on Nov. 8. "
             "“I like <!-- -->our<!-- --> situation very much.”</p>")
    page = f"<html><body><article>{filler}{quote}{filler}</article></body></html>".encode()
    article = only(read_bytes(page, "nyt.html"))
    assert "“I like our situation very much.”" in article.text


def test_plain_text_file_is_read_as_is():
    raw = only(read_inputs([str(SAMPLE)], 10**7))
    assert raw.text == SAMPLE.read_text("utf-8")
    assert raw.source == str(SAMPLE)


def test_jsonl_keeps_ids_and_metadata_and_reads_html_lines():
    lines = [
        json.dumps({"id": "a1", "text": SAMPLE.read_text("utf-8"), "published": "2024-12-07", "outlet": "The Moscow Times"}),
        json.dumps({"id": "a2", "html": page_html("aljazeera-afghanistan-helicopter.html.gz"), "url": "https://www.aljazeera.com/x"}),
    ]
    first, second = read_bytes("\n".join(lines).encode(), "batch.jsonl")
    assert (first.id, first.published, first.published_from, first.outlet) == ("a1", "2024-12-07", "given", "The Moscow Times")
    assert first.source == "batch.jsonl:1"
    assert second.id == "a2" and second.url == "https://www.aljazeera.com/x"
    assert "helicopter crash" in second.text


def test_rss_entries_become_articles_with_link_and_date():
    paragraph = "In a joint statement published Oct. 25, the Russian and Syrian defense ministries accused U.S. forces"
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Polygraph</title>
    <item><title>Russia and Syria</title><link>https://www.polygraph.info/a/30279001.html</link>
    <pubDate>Mon, 18 Nov 2019 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>{paragraph}.</p><p>The Pentagon rejected these accusations.</p>]]></description></item>
    </channel></rss>"""
    raw = only(read_bytes(feed.encode(), "feed.xml"))
    assert raw.url == "https://www.polygraph.info/a/30279001.html"
    assert (raw.published, raw.published_from) == ("2019-11-18", "given")
    assert raw.text == paragraph + ".\nThe Pentagon rejected these accusations."


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return out.getvalue()


def test_warc_response_records_become_articles_with_their_uri():
    data = warc_bytes([
        ("https://www.aljazeera.com/news/2019/11/helicopter", page_html("aljazeera-afghanistan-helicopter.html.gz")),
        ("https://www.polygraph.info/a/30279001.html", page_html("polygraph-al-tanf.html.gz")),
    ])
    first, second = read_bytes(data, "crawl.warc.gz")
    assert first.url.startswith("https://www.aljazeera.com/") and first.source == "crawl.warc.gz#1"
    assert "U.S.-backed Syrian Forces" in second.title


def test_directories_are_walked_and_gzip_pages_read(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html.gz").write_bytes((PAGES / "polygraph-al-tanf.html.gz").read_bytes())
    (tmp_path / "article.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / ".hidden").write_text("not an article")
    items = list(read_inputs([str(tmp_path)], 10**7))
    assert [type(i).__name__ for i in items] == ["Skipped", "RawArticle", "RawArticle"]
    assert items[0].reason == "hidden file, not read"
    assert items[2].source.endswith("page.html.gz")


def test_latin1_text_is_decoded():
    text = "Le ministre a déclaré samedi que la Syrie ne doit pas tomber entre les mains d'un groupe terroriste. " * 3
    raw = only(read_bytes(text.encode("latin-1"), "article.txt"))
    assert "déclaré" in raw.text


def test_feed_without_entries_is_an_error():
    item = only(read_bytes(b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "empty.rss"))
    assert isinstance(item, InputError) and "not a readable feed" in item.reason


def test_gzip_page_with_broken_stream_is_an_error():
    data = (PAGES / "polygraph-al-tanf.html.gz").read_bytes()[:400]
    item = only(read_bytes(data, "broken.html.gz"))
    assert isinstance(item, InputError) and "broken gzip" in item.reason


def test_json_lines_longer_than_the_limit_are_read_line_by_line(tmp_path):
    """The size limit applies to each article of a long JSON Lines file, not to the file."""
    body = "Sweden has dropped its investigation into a rape allegation against Julian Assange. " * 4
    lines = [json.dumps({"id": n, "text": body}) for n in range(1, 6)]
    lines[2] = json.dumps({"id": 3, "text": body * 20})  # one article over the limit
    lines[3] = "{not json"
    path = tmp_path / "long.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    limit = len(lines[0]) * 3
    assert path.stat().st_size > limit

    items = list(read_inputs([str(path)], limit))
    assert [i.id for i in items if not isinstance(i, InputError)] == ["1", "2", "5"]
    errors = {str(i.source).rsplit(":", 1)[-1]: i.reason for i in items if isinstance(i, InputError)}
    assert "over the" in errors["3"] and "invalid JSON" in errors["4"]
