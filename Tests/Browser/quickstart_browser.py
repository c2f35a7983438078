#!/usr/bin/env python3
"""Drives the Quickstart app in headless Chromium as a user would: logs in
through the form, flashes messages, uploads a file through a form and saves
a screenshot of a rendered template.

Usage: quickstart_browser.py BASE_URL SCREENSHOT.png [--trust-spki BASE64_SHA256]

BASE_URL may be https: then --trust-spki names the one server key Chromium
trusts (base64 SHA-256 of its SubjectPublicKeyInfo, as
--ignore-certificate-errors-spki-list takes it), every other certificate
error still counts, and the login must set a Secure session cookie.

Prints one line `ok` and exits 0 when every step passes; prints what each
failed step expected and saw and exits 1 otherwise; exits 3, naming what is
missing and how to install it, when selenium, chromium or chromedriver is absent.
"""
import os
import sys
import tempfile
import time

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MISSING_DEPENDENCIES = 3


def missing_dependencies():
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the Python module selenium (pip install selenium)")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            missing.append(f"{path} (apt-get install {package})")
    return missing


class CheckFailed(Exception):
    pass


def start_browser(trusted_spki=None):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # --no-sandbox because tests run as root, where Chromium refuses its sandbox;
    # --disable-dev-shm-usage because containers give /dev/shm only 64 MB.
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1024,768"):
        options.add_argument(flag)
    if trusted_spki:
        # Trust the test server's key alone, rather than ignoring every certificate error.
        options.add_argument(f"--ignore-certificate-errors-spki-list={trusted_spki}")
    # An explicit driver path keeps Selenium Manager from trying to download one.
    return webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))


def page_text(driver):
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By

    try:
        return driver.find_element(By.TAG_NAME, "body").text
    except WebDriverException:
        return None  # the page is being replaced


def expect_text(driver, expected, timeout=5):
    """Waits until the page's visible text is `expected`: after a click the
    browser may still be on the old page, so one read is not enough."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    seen = None

    def shows_expected(d):
        nonlocal seen
        seen = page_text(d)
        return seen == expected

    try:
        WebDriverWait(driver, timeout).until(shows_expected)
    except TimeoutException:
        raise CheckFailed(f"at {driver.current_url}: expected {expected!r}, saw {seen!r}") from None


def log_in_through_the_form(driver, base):
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/login")
    driver.find_element(By.NAME, "username").send_keys("alice")
    driver.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    expect_text(driver, "Logged in as alice")
    if base.startswith("https:"):
        # SESSION_COOKIE_SECURE: the browser keeps the cookie for https only.
        cookie = driver.get_cookie("session")
        if cookie is None or not cookie.get("secure"):
            raise CheckFailed(f"expected a Secure session cookie over https, saw {cookie!r}")
    # The session cookie, not the POST, carries the login: a fresh GET must still see it.
    driver.get(f"{base}/session")
    expect_text(driver, "Logged in as alice")
    driver.get(f"{base}/logout")
    expect_text(driver, "You are not logged in")


def flash_shows_messages_once(driver, base):
    driver.get(f"{base}/flash")
    expect_text(driver, "message:You were successfully logged in|warning:Second message")
    driver.refresh()
    expect_text(driver, "no messages")


def upload_through_a_form(driver, base, workdir):
    from selenium.webdriver.common.by import By

    # The app has no upload page (GET /upload says "upload form"), so the form is a local file.
    content = b"uploaded by the browser test\n"
    upload = os.path.join(workdir, "notes for you.txt")
    with open(upload, "wb") as file:
        file.write(content)
    form = os.path.join(workdir, "upload.html")
    with open(form, "w") as file:
        file.write(f'<form action="{base}/upload" method="post" enctype="multipart/form-data">'
                   '<input type="file" name="the_file"><input type="submit" value="Upload"></form>')
    driver.get("file://" + form)
    driver.find_element(By.NAME, "the_file").send_keys(upload)
    driver.find_element(By.CSS_SELECTOR, "input[type=submit]").click()
    # secure_filename turns the spaces into underscores.
    expect_text(driver, f"saved notes_for_you.txt {len(content)}")


def screenshot_a_rendered_template(driver, base, screenshot):
    driver.get(f"{base}/hello-tpl/Browser")
    expect_text(driver, "Hello Browser!")
    if not driver.save_screenshot(screenshot):
        raise CheckFailed(f"could not write the screenshot to {screenshot}")
    with open(screenshot, "rb") as file:
        head = file.read(8)
    size = os.path.getsize(screenshot)
    if head != b"\x89PNG\r\n\x1a\n" or size < 1000:
        raise CheckFailed(f"{screenshot}: expected a PNG image, saw {size} bytes starting {head!r}")


def main():
    arguments = sys.argv[1:]
    trusted_spki = None
    if len(arguments) == 4 and arguments[2] == "--trust-spki":
        trusted_spki = arguments.pop(3)
        arguments.pop(2)
    if len(arguments) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    base, screenshot = arguments[0].rstrip("/"), arguments[1]
    missing = missing_dependencies()
    if missing:
        print("cannot run the browser test, missing: " + "; ".join(missing), file=sys.stderr)
        print("install them with: apt-get install chromium chromium-driver && pip install selenium",
              file=sys.stderr)
        return MISSING_DEPENDENCIES

    from selenium.common.exceptions import WebDriverException

    started = time.monotonic()
    driver = start_browser(trusted_spki)
    failures = []
    try:
        with tempfile.TemporaryDirectory() as workdir:
            steps = [
                ("log in through the form", lambda: log_in_through_the_form(driver, base)),
                ("flash shows messages once", lambda: flash_shows_messages_once(driver, base)),
                ("upload through a form", lambda: upload_through_a_form(driver, base, workdir)),
                ("screenshot a rendered template", lambda: screenshot_a_rendered_template(driver, base, screenshot)),
            ]
            # Every step runs even after a failure, so one run tells which features work.
            for name, step in steps:
                try:
                    step()
                    print(f"passed: {name}", file=sys.stderr)
                except CheckFailed as failure:
                    failures.append(f"FAILED {name}: {failure}")
                except WebDriverException as error:
                    # Typically a missing form field: show the page that lacks it.
                    failures.append(f"FAILED {name}: {(error.msg or type(error).__name__).splitlines()[0]} at {driver.current_url}, "
                                    f"page shows {page_text(driver)!r}")
    finally:
        driver.quit()
    print(f"browser steps took {time.monotonic() - started:.1f}s", file=sys.stderr)
    if failures:
        print("\n".join(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
