"""What the browser tests share: the system's headless Chromium, a check that keeps a screenshot
when it fails, full-page screenshots, and printing a page to PDF to count its pages."""
import base64
import io
import os

from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PAPERS = {"letter": (8.5, 11), "a4": (8.27, 11.69)}


def start_chromium():
    """Headless Chromium and chromedriver from the system, no network."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400"]:
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


class Checks:
    """Counts passed checks; the first failure saves a screenshot and ends the test."""

    def __init__(self, driver, shots, failure_name):
        self.driver, self.shots, self.failure_name, self.passed = driver, shots, failure_name, 0

    def __call__(self, condition, what):
        if not condition:
            self.driver.save_screenshot(os.path.join(self.shots, self.failure_name))
            raise SystemExit(f"FAILED: {what} (at {self.driver.current_url})")
        self.passed += 1


def full_page_screenshot(driver, path, width):
    """The whole page at `width`, as tall as it is (up to 4000 px)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, 4000))
    driver.save_screenshot(path)


def printed_pages(driver, paper, keep_as=None):
    """How many pages the current page prints on, on Letter or A4; keeps the PDF if asked."""
    width, height = PAPERS[paper]
    pdf = base64.b64decode(driver.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": width, "paperHeight": height, "printBackground": True})["data"])
    if keep_as:
        with open(keep_as, "wb") as file:
            file.write(pdf)
    return len(PdfReader(io.BytesIO(pdf)).pages)
