import { expect, test } from "@playwright/test";

test("the home page tells a new user the library is empty and how to connect Stash", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Your library is empty")).toBeVisible();
  await expect(page.getByText("STASH_URL=")).toBeVisible();
});
