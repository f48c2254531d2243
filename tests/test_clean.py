"""Cleaning on real text: the founding article first, then pages from the benchmarks."""

from conftest import SAMPLE, page_html

from dragoman.clean import clean, detect_layout, split_paragraphs
from dragoman.ingest import RawArticle
from dragoman.ingest.html import html_to_raw
from dragoman.quotemarks import repair_quotes


def cleaned_sample():
    return clean(RawArticle(source=str(SAMPLE), text=SAMPLE.read_text("utf-8")))


def test_founding_article_title_is_found_across_its_two_lines():
    assert cleaned_sample().title == "Assad Ally Russia Says \u2018Terrorist Group\u2019 Cannot Be Allowed To Run Syria"


def test_founding_article_body_is_unwrapped_and_keeps_split_names():
    text = cleaned_sample().text
    assert "President Bashar al-Assad's seat of power" in text
    assert "This threat will not be limited to Syria" in text
    assert "Lavrov spoke after talks on Saturday" in text
    assert "\n" not in text.split("\n\n")[0]


def test_founding_article_boilerplate_leaves_the_body():
    text = cleaned_sample().text
    for junk in ("https://", "themoscowtimes.com", "Related article", "HANDOUT", "Press OfficeAFP"):
        assert junk not in text


def test_every_removed_piece_is_kept_with_its_kind_and_source_offsets():
    article = cleaned_sample()
    source = SAMPLE.read_text("utf-8")
    kinds = [p.kind for p in article.removed]
    assert kinds == ["title", "caption", "credit", "author-link", "related-link", "url"]
    for piece in article.removed:
        assert source[piece.start:piece.end] == piece.text


def test_caption_and_credit_are_kept_apart_from_the_body():
    captions = {p.kind: p.text for p in cleaned_sample().captions}
    assert captions["caption"].startswith("Turkish Foreign Minister Hakan Fidan (C)")
    assert captions["caption"].endswith("in the Qatari capital.")
    assert captions["credit"] == "HANDOUT Turkish Foreign Minister Press OfficeAFP"


def test_no_publication_date_from_a_related_articles_url():
    article = cleaned_sample()
    assert article.published is None
    assert article.published_from == "none"


def test_wire_and_outlet_come_from_the_author_link():
    article = cleaned_sample()
    assert (article.wire, article.outlet) == ("AFP", "themoscowtimes.com")


def test_broken_quote_marks_are_balanced():
    text = cleaned_sample().text
    assert 'a "terrorist group" as Islamist-led rebels' in text
    assert 'agreements," Lavrov said' in text
    assert 'which he said "strongly reiterated sovereignty' in text
    assert 'failed to "seize these opportunities" during' in text
    assert 'as a "terrorist organisation" by Western' in text
    assert "at HTS\u2019 success" in text  # a possessive, outside any quote: untouched


def test_quote_repair_leaves_balanced_and_nested_quotes_alone():
    balanced = 'the defence ministry said "there is no truth to news claiming" the army has withdrawn'
    assert repair_quotes(balanced) == balanced
    nested = '"He told me \'not now\' and left," she said.'
    assert repair_quotes(nested) == nested


def test_layout_of_pasted_text_and_of_one_paragraph_per_line():
    assert detect_layout(SAMPLE.read_text("utf-8")) == "wrapped"
    lines = "First paragraph is here.\nSecond one, short.\nA third paragraph that is rather longer than the others.\nFourth."
    assert detect_layout(lines) == "paragraphs"
    assert len(split_paragraphs(lines, None)) == 4


def test_reuters_page_caption_credit_dateline_signoff_and_wire():
    raw = html_to_raw(page_html("oann-paris-protest.html.gz"), "oann", url="https://www.oann.com/protesters")
    article = clean(raw)
    assert article.wire == "Reuters"
    assert article.text.startswith("Protesters opposed")
    assert [p.kind for p in article.captions] == ["caption", "credit"]
    assert "FILE PHOTO" not in article.text
    assert article.published == "2020-01-18"
    removed = {p.kind: p.text for p in article.removed}
    assert removed["dateline"] == "PARIS (Reuters) \u2013 "
    assert removed["signoff"].startswith("(Reporting by Gus Trompiz")
    assert "Reporting by" not in article.text and "Reuters" not in article.text
    for piece in article.removed:
        assert raw.text[piece.start:piece.end] == piece.text


def test_wire_datelines_leave_the_body_and_give_the_date_and_wire():
    # The founding article's dateline as AFP writes it, with a capitalised month.
    article = clean(RawArticle(source="afp", text=(
        "DOHA, Dec. 7, 2024 (AFP) - Russian Foreign Minister Sergei Lavrov said on Saturday that a "
        "\"terrorist group\" must not be allowed to take over Syria.")))
    assert article.text.startswith("Russian Foreign Minister")
    assert (article.published, article.published_from, article.wire) == ("2024-12-07", "text", "AFP")
    assert article.warnings == ["published: read from a date line in the text"]
    assert [(p.kind, p.text) for p in article.removed] == [("dateline", "DOHA, Dec. 7, 2024 (AFP) - ")]


def test_a_title_case_place_and_colon_is_a_dateline_only_for_a_known_place():
    # As Indian papers open a story: the place and a colon, in title case or capitals.
    story = "The city police on Monday arrested a local councillor after a week of riots."
    for opening in ("Mumbai: ", "MUMBAI: ", "Mumbai, March 16: "):
        article = clean(RawArticle(source="paper", text=opening + story))
        assert article.text == story and [(p.kind, p.text) for p in article.removed] == [("dateline", opening)]
    assert clean(RawArticle(source="paper", text="Update: " + story)).text == "Update: " + story


def test_a_party_marker_in_a_lead_is_not_a_caption():
    lead = "Gov. Kristi Noem (R) said Tuesday that she would sign the bill once it reached her desk."
    article = clean(RawArticle(source="lead", text=lead))
    assert article.text == lead and article.captions == []
    caption = "Russian President Vladimir Putin (R) and Turkish President Recep Tayyip Erdogan (L) shake hands."
    assert clean(RawArticle(source="c", text=caption + "\n\n" + lead)).text == lead


def test_a_short_question_is_a_headline_and_a_bulleted_date_is_a_dateline():
    # The start of a Snopes fact-check (ScrapingHub benchmark page 8380689f, MIT), pasted as text.
    pasted = ("Does Marie Yovanovitch Have a Net Worth of $17 Million?\n\n"
              "An unsubstantiated rumor was circulated in November 2019 in an apparent attempt to discredit "
              "the former U.S. ambassador to Ukraine.\n\n"
              "- Published 18 November 2019\n\n"
              "Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.")
    article = clean(RawArticle(source="snopes", text=pasted))
    assert article.title == "Does Marie Yovanovitch Have a Net Worth of $17 Million?"
    assert (article.published, article.published_from) == ("2019-11-18", "text")
    assert "Published" not in article.text and article.text.startswith("An unsubstantiated rumor")


def test_a_headline_repeated_atop_the_body_leaves_the_body():
    from dragoman.clean import repeats_title

    # Title and first line of a New York Times opinion page (ScrapingHub benchmark, MIT).
    assert repeats_title("Is Football Violence a Crime?", "Opinion | Is Football Violence a Crime?")
    assert not repeats_title("Crime?", "Opinion | Is Football Violence a Crime?")
