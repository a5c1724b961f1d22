"""Drives headless Chromium through the facilitator pages, as a facilitator would:
sign in -> sessions list -> open a session -> see the chart -> sign out; then, at a phone's
width (390 px) and a desktop's (1280 px), checks that no page scrolls sideways and that the
chart's marks are on screen, prints the one-page summary to Letter and to A4 and checks that
each is one page, and checks the keyboard focus (skip link first, outline contrast >= 3:1).

Run by Tests/Browser/run.sh against a server it starts on 127.0.0.1; saves a screenshot of
each page at each width in the folder given as the second argument. Uses the system chromium
and chromedriver only (no network), and pypdf to count printed pages.
"""
import os
import sys

from browser_support import Checks, printed_pages, start_chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)

driver = start_chromium()
check = Checks(driver, shots, "failure.png")


def arrived(path):
    """Waits until the browser has loaded `path` after a click (a form post and its redirect)."""
    try:
        WebDriverWait(driver, 10).until(expected_conditions.url_to_be(base + path))
        return True
    except Exception:
        return False


def contrast(rgb_a, rgb_b):
    """WCAG contrast ratio of two sRGB colours given as (r, g, b) in 0-255."""
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    lighter, darker = sorted([luminance(rgb_a), luminance(rgb_b)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css):
    """(r, g, b) of a computed colour such as "rgb(180, 77, 18)"."""
    return tuple(int(float(part)) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def check_layouts(session_path):
    """At a phone's and a desktop's width: nothing scrolls sideways, the chart's marks are on screen."""
    pages = {"sessions": "/facilitator/sessions", "session": session_path, "overview": "/facilitator/overview",
             "summary": session_path + "/summary"}
    for width in (390, 1280):
        driver.set_window_size(width, 900)
        for name, path in pages.items():
            driver.get(base + path)
            scroll, inner = driver.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            check(scroll <= inner, f"{name} at {width} px does not scroll sideways ({scroll} > {inner})")
            for mark in driver.find_elements(By.CSS_SELECTOR, "table.chart .mark"):
                left, right = driver.execute_script(
                    "const r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", mark)
                check(mark.is_displayed() and left >= 0 and right <= inner,
                      f"{name} at {width} px shows the chart mark {mark.text!r} on screen")
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(height + 120, 4000))
            driver.save_screenshot(os.path.join(shots, f"{name}-{width}.png"))
            driver.set_window_size(width, 900)
    driver.set_window_size(1280, 1400)


def check_printed_summary(path):
    """The summary prints on one page of Letter and of A4."""
    driver.get(base + path)
    for paper in ("letter", "a4"):
        pages = printed_pages(driver, paper, os.path.join(shots, f"summary-{paper}.pdf"))
        check(pages == 1, f"the summary prints on one {paper} page (printed {pages})")


def check_keyboard_focus():
    """The first Tab lands on the skip link; a focused link's outline stands out from the page (>= 3:1)."""
    driver.get(base + "/facilitator/sessions")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    check(focused.get_attribute("class") == "skip" and focused.get_attribute("href").endswith("#main"),
          "the first Tab reaches the skip link")
    focused.send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    outline, width, background = driver.execute_script(
        "const s = getComputedStyle(arguments[0]); "
        "return [s.outlineColor, parseFloat(s.outlineWidth), getComputedStyle(document.body).backgroundColor]", focused)
    ratio = contrast(rgb(outline), rgb(background))
    check(width >= 2 and ratio >= 3, f"the focus outline contrasts {ratio:.2f}:1 with the page, at {width}px")


try:
    driver.get(base + "/facilitator/sessions")
    check(driver.current_url.endswith("/facilitator/login"), "an anonymous visitor is sent to sign in")
    driver.find_element(By.ID, "username").send_keys("maria")
    driver.find_element(By.ID, "password").send_keys("wrong password!!")
    driver.find_element(By.CSS_SELECTOR, "form.stacked button").click()
    WebDriverWait(driver, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    check("Wrong username or password." in driver.page_source, "a wrong password is refused")

    driver.find_element(By.ID, "password").send_keys("correct horse battery")
    driver.find_element(By.CSS_SELECTOR, "form.stacked button").click()
    check(arrived("/facilitator/sessions"), "signing in opens the sessions list")
    rows = driver.find_elements(By.CSS_SELECTOR, "table.sessions tbody tr")
    check(len(rows) == 2, f"the list shows both sessions (saw {len(rows)})")
    driver.save_screenshot(os.path.join(shots, "sessions.png"))

    driver.find_element(By.CSS_SELECTOR, "input[name=search]").send_keys("Parent Cafe")
    driver.find_element(By.CSS_SELECTOR, "form.filters button").click()
    WebDriverWait(driver, 10).until(expected_conditions.url_contains("search="))
    rows = driver.find_elements(By.CSS_SELECTOR, "table.sessions tbody tr")
    check(len(rows) == 1, "searching narrows the list")

    rows[0].find_element(By.CSS_SELECTOR, "a").click()
    WebDriverWait(driver, 10).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, "table.chart")))
    marks = [mark.text for mark in driver.find_elements(By.CSS_SELECTOR, "table.chart .mark")]
    check("TODAY" in [m.upper() for m in marks], "the chart marks where each dimension is today")
    check("RECOMMENDED" in [m.upper() for m in marks], "the chart marks the recommended level")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.chart tbody tr")) == 3, "the chart has a row per dimension")
    check(len(driver.find_elements(By.CSS_SELECTOR, "script")) == 0, "no script element reached the page")
    driver.save_screenshot(os.path.join(shots, "session.png"))

    session_path = driver.current_url[len(base):]
    check_layouts(session_path)
    check_printed_summary(session_path + "/summary")
    check_keyboard_focus()

    driver.find_element(By.CSS_SELECTOR, "nav form button").click()
    check(arrived("/facilitator/login"), "signing out returns to the sign-in page")
    driver.get(base + "/facilitator/sessions")
    check(driver.current_url.endswith("/facilitator/login"), "after signing out the pages need a sign-in again")
finally:
    driver.quit()

print(f"browser test: {check.passed} checks passed, screenshots in {shots}")
