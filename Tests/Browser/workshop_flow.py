"""Drives headless Chromium through a workshop, as a facilitator running one would: the
workshop page (join instructions and QR code), at a phone's width (390 px) and a desktop's
(1280 px) without sideways scrolling; the QR code, screenshotted and decoded with zbarimg, holds
the join link the page shows; the live wall updates by itself within 10 seconds after one more
person finishes; each team's report prints on one Letter and one A4 page.

Run by Tests/Browser/run.sh against a server it starts on 127.0.0.1, with the workshop's code
as the third argument; saves screenshots in the folder given as the second argument. Uses the
system chromium, chromedriver and zbarimg (Debian's zbar-tools) only, no network.
"""
import json
import os
import subprocess
import sys
import time
import urllib.request

from browser_support import Checks, full_page_screenshot, printed_pages, start_chromium
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, shots, code = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(shots, exist_ok=True)
driver = start_chromium()
check = Checks(driver, shots, "workshop-failure.png")


def sign_in():
    driver.get(base + "/facilitator/login")
    driver.find_element(By.ID, "username").send_keys("maria")
    driver.find_element(By.ID, "password").send_keys("correct horse battery")
    driver.find_element(By.CSS_SELECTOR, "form.stacked button").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("/facilitator/sessions"))


def check_no_sideways_scrolling(path, name):
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        driver.get(base + path)
        scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        check(scroll <= inner, f"{name} at {width} px does not scroll sideways ({scroll} > {inner})")
        full_page_screenshot(driver, os.path.join(shots, f"{name}-{width}.png"), width)
    driver.set_window_size(1280, 1400)


def check_qr_code():
    """The QR code on the page decodes to the join link written under it."""
    driver.get(base + f"/facilitator/workshops/{code}")
    figure = driver.find_element(By.CSS_SELECTOR, "figure.qr svg")
    png = os.path.join(shots, "workshop-qr.png")
    with open(png, "wb") as file:
        file.write(figure.screenshot_as_png)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", png], capture_output=True, text=True)
    expected = driver.find_element(By.CSS_SELECTOR, ".qr-text").text.strip()
    check(decoded.returncode == 0, f"zbarimg finds a QR code in the page's image ({decoded.stderr.strip()})")
    check(decoded.stdout.strip() == expected, f"the QR code holds {expected!r} (decoded {decoded.stdout.strip()!r})")
    check(expected == f"{base}/chat/{code}", f"the QR code opens the web chat joined to the workshop ({expected})")


# Riverside's three members and a partner, who see the Parent Cafe differently, and Northside's
# two members: the member-or-partner question, organization, initiative, then the questions.
PEOPLE = [
    "1 1 1 Drop-in yes some 2 1 2 4 skip skip skip",
    "1 1 1 Drop-in yes yes 3 2 4 5 skip skip skip",
    "1 1 1 Drop-in maybe some 4 1 4 3 skip skip skip",
    "2 1 1 2 1 2 skip skip",
    "1 2 2 Clinic yes yes 3 2 3 4 skip skip skip",
    "1 2 2 Clinic yes yes 3 2 3 4 skip skip skip",
]


def converse(conversation, replies):
    """One person joins the workshop over the generic channel and gives every reply."""
    for number, text in enumerate([f"join {code}"] + replies):
        body = json.dumps({"conversation": conversation, "message_id": f"m{number}", "text": text}).encode()
        request = urllib.request.Request(
            base + "/webhooks/generic", data=body, headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request) as response:
            check(response.status == 200, f"the generic channel takes {text!r}")


def finish_one_more_session():
    """One more Riverside member finishes, as the meeting goes on."""
    converse("late-arrival", ["1", "1", "1", "A monthly coffee", "yes", "yes", "4", "2", "4", "5", "skip", "skip", "skip"])


def check_live_wall():
    """The live wall updates by itself, without a reload, within 10 seconds of a new answer."""
    driver.get(base + f"/facilitator/workshops/{code}/live")
    before = int(driver.find_element(By.ID, "finished").text)
    full_page_screenshot(driver, os.path.join(shots, "workshop-live-1280.png"), 1280)
    finish_one_more_session()
    started = time.monotonic()
    try:
        # why: the wall reloads itself; a count read while it reloads is gone or empty, so those
        # moments are waited through, not taken as a failure.
        WebDriverWait(
            driver, 10, poll_frequency=0.25,
            ignored_exceptions=(NoSuchElementException, StaleElementReferenceException, ValueError),
        ).until(lambda d: int(d.find_element(By.ID, "finished").text) == before + 1)
        updated = True
    except Exception:
        updated = False
    check(updated, f"the live wall shows {before + 1} finished within 10 s without a manual reload")
    print(f"live wall updated after {time.monotonic() - started:.1f} s")
    driver.set_window_size(1280, 1400)


def check_team_reports():
    """Each team's report prints on one page of Letter and of A4."""
    driver.get(base + f"/facilitator/workshops/{code}")
    links = [a.get_attribute("href") for a in driver.find_elements(By.LINK_TEXT, "Printable team report")]
    check(len(links) >= 2, f"the workshop page links a report per team (saw {len(links)})")
    for index, link in enumerate(links):
        driver.get(link)
        check("Team recommendation" in driver.page_source, "the team report shows the team recommendation")
        for paper in ("letter", "a4"):
            pages = printed_pages(driver, paper, os.path.join(shots, f"team-report-{index}-{paper}.pdf"))
            check(pages == 1, f"team report {index + 1} prints on one {paper} page (printed {pages})")
        if index == 0:
            full_page_screenshot(driver, os.path.join(shots, "team-report-1280.png"), 1280)
            driver.set_window_size(1280, 1400)


try:
    for person, answers in enumerate(PEOPLE):
        converse(f"workshop-{person}", answers.split())
    sign_in()
    driver.get(base + "/facilitator/workshops")
    check(code in driver.page_source, "the workshops list shows the workshop's code")
    driver.find_element(By.LINK_TEXT, "Spring partners workshop").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains(f"/facilitator/workshops/{code}"))
    check("How to join" in driver.page_source, "the workshop page says how to join")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.chart.marks")) >= 2, "each team's chart is on the page")
    check(len(driver.find_elements(By.CSS_SELECTOR, "script")) == 0, "no script element reached the page")
    check_no_sideways_scrolling(f"/facilitator/workshops/{code}", "workshop")
    check_no_sideways_scrolling(f"/facilitator/workshops/{code}/live", "workshop-live")
    check_qr_code()
    check_team_reports()
    check_live_wall()
finally:
    driver.quit()

print(f"workshop browser test: {check.passed} checks passed, screenshots in {shots}")
