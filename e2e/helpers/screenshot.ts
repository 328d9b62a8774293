import { test, type Page } from "@playwright/test";

/** Saves the whole page beside the test's other output (test-results/), named for the state. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}
