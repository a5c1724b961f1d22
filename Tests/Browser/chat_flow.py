"""Drives headless Chromium through a whole session in the web chat at a phone's width (390 px):
once by clicking and typing with JavaScript on, once with JavaScript off. Each time it closes the
browser and opens it again on the same profile, and checks the conversation resumes where it
ended. With JavaScript on it also checks that the chat page has no axe violations, that nothing
scrolls sideways, and that after a press the keyboard focus lands on the next choice.

    chat_flow.py BASE_URL SCREENSHOT_FOLDER
"""
import os
import shutil
import sys
import tempfile

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, shots = sys.argv[1], sys.argv[2]
os.makedirs(shots, exist_ok=True)
ANSWERS = ["Riverside Family Services", "Parent Cafe", "A weekly drop-in for parents", "1", "2", "2", "1", "3", "4",
           "More trust", "We will keep you posted", "1", "skip"]
checks = 0


def browser(profile, javascript):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--user-data-dir={profile}"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_window_size(390, 844)
    return driver


def check(driver, condition, what):
    global checks
    if not condition:
        driver.save_screenshot(os.path.join(shots, "chat-failure.png"))
        raise SystemExit(f"FAILED: {what} (at {driver.current_url})")
    checks += 1


def message_count(driver):
    return len(driver.find_elements(By.CSS_SELECTOR, "#messages li"))


def send(driver, answer):
    """Presses the numbered choice when the answer is its number, else types the answer."""
    before = message_count(driver)
    buttons = driver.find_elements(By.CSS_SELECTOR, "#choices button")
    if answer.isdigit() and buttons:
        buttons[int(answer) - 1].click()
    else:
        box = driver.find_element(By.ID, "answer")
        box.clear()
        box.send_keys(answer)
        driver.find_element(By.CSS_SELECTOR, "#compose button").click()
    WebDriverWait(driver, 10).until(lambda _: message_count(driver) > before + 1)


def no_violations(driver, where):
    axe = Axe(driver)
    axe.inject()
    violations = axe.run()["violations"]
    check(driver, not violations, f"axe finds no violations {where}: {[v['id'] for v in violations]}")


def run(javascript):
    label = "script" if javascript else "no-script"
    profile = tempfile.mkdtemp(prefix="flowlinks-chat-")
    try:
        driver = browser(profile, javascript)
        driver.get(base + "/chat")
        if javascript:
            no_violations(driver, "on the first page")
        driver.find_element(By.CSS_SELECTOR, "button.start").click()
        WebDriverWait(driver, 10).until(lambda _: driver.find_elements(By.ID, "answer"))
        for index, answer in enumerate(ANSWERS):
            send(driver, answer)
            if javascript and index == 2:
                check(driver, driver.switch_to.active_element.text.startswith("1. "),
                      "after an answer, the focus is on the next question's first choice")
                no_violations(driver, "during the conversation")
                check(driver, driver.find_element(By.ID, "announce").get_attribute("aria-live") == "polite",
                      "new messages are announced politely")
        text = driver.find_element(By.ID, "messages").text
        check(driver, "Recommended level:" in text, f"with {label}, the session ends with the result")
        scroll, inner = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        check(driver, scroll <= inner, f"with {label}, the chat does not scroll sideways ({scroll} > {inner})")
        driver.save_screenshot(os.path.join(shots, f"chat-{label}-390.png"))
        driver.quit()

        driver = browser(profile, javascript)
        driver.get(base + "/chat")
        check(driver, "Recommended level:" in driver.find_element(By.ID, "messages").text,
              f"with {label}, reopening the browser resumes the conversation")
        driver.quit()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


run(javascript=True)
run(javascript=False)
print(f"chat browser test: {checks} checks passed, screenshots in {shots}")
