"""Drives headless Chromium through the facilitator pages, as a facilitator would:
sign in -> sessions list -> open a session -> see the chart -> sign out.

Run by Tests/Browser/run.sh against a server it starts on 127.0.0.1; saves a screenshot of
each page in the folder given as the second argument. Uses the system chromium and
chromedriver only (no network).
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

base, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
checks = 0


def check(condition, what):
    global checks
    if not condition:
        driver.save_screenshot(os.path.join(shots, "failure.png"))
        raise SystemExit(f"FAILED: {what} (at {driver.current_url})")
    checks += 1


def arrived(path):
    """Waits until the browser has loaded `path` after a click (a form post and its redirect)."""
    try:
        WebDriverWait(driver, 10).until(expected_conditions.url_to_be(base + path))
        return True
    except Exception:
        return False


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

    driver.find_element(By.CSS_SELECTOR, "nav form button").click()
    check(arrived("/facilitator/login"), "signing out returns to the sign-in page")
    driver.get(base + "/facilitator/sessions")
    check(driver.current_url.endswith("/facilitator/login"), "after signing out the pages need a sign-in again")
finally:
    driver.quit()

print(f"browser test: {checks} checks passed, screenshots in {shots}")
