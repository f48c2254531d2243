"""The web UI end to end: the real server on a loopback port, driven in headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them) and Selenium; nothing
is downloaded. With ``CI`` set a missing browser fails the test; elsewhere it skips with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time

import pytest
from conftest import SAMPLE

pytest.importorskip("fastapi", reason="the server extra is not installed (pip install -e '.[server]')")
import uvicorn  # noqa: E402

from dragoman.server.app import create_app  # noqa: E402
from test_server import LAVROV, build_corpus  # noqa: E402

WAIT = 60
"""Seconds a page may take to show what is checked."""
ANALYSIS_WAIT = 300
"""Seconds the founding article's analysis may take on a busy machine (a few on an idle one)."""


def browser_paths() -> tuple[str, str]:
    """Chromium and its driver from the system, or the reason they cannot be used."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return missing("Selenium is not installed (pip install -e '.[test]')")
    binary = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
    driver = shutil.which("chromedriver")
    if not binary or not driver:
        return missing("no Chromium with chromedriver on PATH (apt-get install chromium chromium-driver)")
    return binary, driver


def missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI needs the browser test: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """The app on a free loopback port, in a thread, sharing the session's loaded pipeline."""
    corpus = build_corpus(tmp_path_factory.getbasetemp(), pipeline)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(str(corpus), pipeline=pipeline), log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT
    while not running.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    running.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = browser_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1400,1000", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()


def wait_for(driver, css: str, text: str = "", timeout: float = WAIT):
    """The first element matching ``css`` whose text contains ``text``, once the page shows it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def found(d):
        error = d.find_elements(By.CSS_SELECTOR, ".error")
        if error:
            raise AssertionError(f"the page shows an error: {error[0].text}")
        return next((e for e in d.find_elements(By.CSS_SELECTOR, css) if text in e.text), False)

    return WebDriverWait(driver, timeout).until(found, f"no {css!r} with {text!r}")


def open_view(driver, base: str, hash_path: str) -> None:
    """A fresh page load (the query differs each time), so no view is left over from the last."""
    driver.get(f"{base}/?load={time.monotonic_ns()}#/{hash_path}")


def analyze(driver, base: str, text: str, date: str = "") -> None:
    from selenium.webdriver.common.by import By

    open_view(driver, base, "analyze")
    wait_for(driver, "#analyze-button")
    driver.execute_script("document.getElementById('article-input').value = arguments[0];"
                          "document.getElementById('article-date').value = arguments[1];", text, date)
    driver.find_element(By.ID, "analyze-button").click()
    wait_for(driver, "#analyze-status", "Analyzed", timeout=ANALYSIS_WAIT)


def test_a_pasted_article_shows_lavrovs_quote_highlighted_and_attributed(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    analyze(browser, server, SAMPLE.read_text("utf-8"), "2024-12-07")
    item = wait_for(browser, ".quote-item", "inadmissible")
    assert item.find_element(By.CSS_SELECTOR, ".speaker").text == "Sergei Lavrov"
    quote_id = item.get_attribute("data-quote")
    pieces = browser.find_elements(By.CSS_SELECTOR, f'#article-text .seg[data-quote="{quote_id}"]')
    assert "".join(p.text for p in pieces).startswith("It's inadmissible to allow the terrorist group")
    assert {p.get_attribute("data-speaker") for p in pieces} == {"Sergei Lavrov"}
    assert all("hl-quote" in p.get_attribute("class").split() for p in pieces)
    assert pieces[0].value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"

    item.click()  # the quote's evidence is marked in the text and its record shown
    assert all("selected" in p.get_attribute("class").split() for p in pieces)
    speaker = wait_for(browser, "#evidence .speaker", "Sergei Lavrov")
    speaker.find_element(By.CSS_SELECTOR, "a").click()
    wait_for(browser, "#evidence h3", "Sergei Lavrov")
    marked = browser.find_elements(By.CSS_SELECTOR, "#article-text .seg.selected")
    assert sum("Lavrov" in m.text for m in marked) >= 5
    assert wait_for(browser, ".list-event .item", "CONSULT")
    browser.save_screenshot(str(tmp_path / "analyzed.png"))
    assert (tmp_path / "analyzed.png").stat().st_size > 10_000


def test_article_text_is_shown_as_text_never_run(server, browser):
    hostile = ('Foreign Minister Sergei Lavrov said on Saturday: "<script>window.pwned = 1</script>'
               '<img src=x onerror="window.pwned = 2"> is not a tag here."')
    analyze(browser, server, hostile)
    text = wait_for(browser, "#article-text", "<script>window.pwned = 1</script>")
    assert "<img src=x" in text.text
    assert browser.execute_script("return window.pwned === undefined && !document.querySelector('#article-text img, "
                                  "#article-text script')")


@pytest.mark.parametrize("view, css, named", [
    ("search?q=inadmissible", ".results li", "Assad Ally Russia Says"),
    ("stories", ".story-link", "Russia and Syria"),
    (f"actor/{LAVROV}", "h2.actor-name", "Sergei Lavrov"),
    (f"actor/{LAVROV}", "table q", "It's inadmissible"),
    ("actors?country=RUS", ".actor-link", "Sergei Lavrov"),
    ("network", "svg.network .node text", "Sergei Lavrov"),
    ("timeline", ".timeline .happening", "CONSULT"),
    ("contested", ".pair", "Doha meeting never happened"),
])
def test_each_corpus_view_shows_its_named_content(server, browser, view, css, named):
    open_view(browser, server, view)
    wait_for(browser, css, named)


def test_a_story_opens_with_its_reports_and_a_report_with_its_evidence(server, browser, tmp_path):
    from selenium.webdriver.common.by import By

    open_view(browser, server, "stories")
    wait_for(browser, ".story-link", "Russia and Syria").click()
    wait_for(browser, "h2.story-title")
    reports = browser.find_elements(By.CSS_SELECTOR, ".reports li")
    assert len(reports) == 2 and all("al-tanf" in r.text for r in reports)  # the page's URL, the text file's path
    reports[0].find_element(By.CSS_SELECTOR, "a").click()
    wait_for(browser, "#article-text", "Tanf")
    open_view(browser, server, "contested")
    assert wait_for(browser, ".pair .status-denied", "denied")
    open_view(browser, server, "network")
    node = wait_for(browser, f'svg.network .node[data-id="{LAVROV}"]')
    browser.save_screenshot(str(tmp_path / "network.png"))
    node.click()
    wait_for(browser, "h2.actor-name", "Sergei Lavrov")
