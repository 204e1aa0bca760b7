"""Screenshot of the Ask tab for the README: `.venv/bin/python scripts/screenshot.py URL OUT.png`.

Needs the app running (make run) and Debian's chromium (scripts/ensure-browser).
"""

import sys

from playwright.sync_api import sync_playwright

QUESTION = "Who does the DSRSG/RC/HC report to?"


def main(url: str, out: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url, wait_until="load")
        page.wait_for_selector("#pa-question")
        page.locator("#pa-question textarea").first.fill(QUESTION)
        page.locator("#pa-ask").click()
        page.wait_for_selector(".pa-source summary", timeout=60000)
        page.locator(".pa-source > summary").first.click()
        page.screenshot(path=out, full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
