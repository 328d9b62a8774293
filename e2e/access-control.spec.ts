import { expect, test, type Page } from "@playwright/test";

// Runs against the second server of playwright.config.ts, started with STASH_SYNC_TOKEN.
const token = process.env.E2E_ACCESS_TOKEN!;
const SESSION = "stash_sync_session";

async function signIn(page: Page, value: string) {
  await page.getByLabel("Access token").fill(value);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a person signs in once with the token and lands on the page they asked for", async ({
  page,
  context,
}) => {
  await page.goto("/syncs");
  await expect(page).toHaveURL(/\/login\?next=%2Fsyncs$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await signIn(page, "not-the-token");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/not the access token/);

  await signIn(page, token);
  await expect(page).toHaveURL(/\/syncs$/, { timeout: 15_000 });

  const cookie = (await context.cookies()).find((c) => c.name === SESSION);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  expect(cookie?.value).not.toContain(token);
});

test("signing out ends the session in this browser", async ({ page, context }) => {
  await page.goto("/login");
  await signIn(page, token);
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });

  await page.goto("/login");
  await expect(page.getByText("You are signed in")).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Sign out" }).click();

  // Back on the sign-in page, now asking for the token.
  await expect(page.getByLabel("Access token")).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  expect((await context.cookies()).some((c) => c.name === SESSION)).toBe(false);
  await page.goto("/scenes");
  await expect(page).toHaveURL(/\/login\?next=%2Fscenes$/);
});

test("programs need the bearer token; actions without a session are refused", async ({
  request,
}) => {
  expect((await request.get("/api/trpc/sync.running")).status()).toBe(401);
  expect((await request.get("/api/scenes/1/sync-logs")).status()).toBe(401);
  const withToken = await request.get("/api/trpc/sync.running", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(withToken.status()).toBe(200);

  const action = await request.post("/", {
    headers: { "next-action": "7f0000000000000000000000000000000000000000" },
    data: "[]",
  });
  expect(action.status()).toBe(401);
});

test("a server action posted from another site is refused with 403, even with a session", async ({
  page,
  context,
}) => {
  await page.goto("/login");
  await signIn(page, token);
  // Signed in only once the action's redirect has landed; leaving earlier races the cookie.
  await expect(page).toHaveURL(/\/$/, { timeout: 15_000 });
  await page.goto("/login");
  // The sign-out form's action id, as a plain HTML form would post it.
  const field = await page
    .getByRole("main")
    .locator('form input[type="hidden"][name^="$ACTION_ID_"]')
    .getAttribute("name");
  expect(field).toBeTruthy();

  const forged = await page.request.post("/login", {
    headers: { origin: "https://evil.example" },
    multipart: { [field!]: "" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect((await context.cookies()).some((c) => c.name === SESSION)).toBe(true);

  // The same post from this site's own origin does sign out: the refusal was about the origin.
  const own = await page.request.post("/login", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { [field!]: "" },
    maxRedirects: 0,
  });
  expect(own.status()).toBe(303);
  expect((await context.cookies()).some((c) => c.name === SESSION)).toBe(false);
});

test("a return address that leaves the site after sign-in brings a person to the dashboard", async ({
  page,
  context,
  baseURL,
}) => {
  const leftTheSite: string[] = [];
  await context.route(
    (url) => url.hostname.endsWith("evil.example"),
    (route) => {
      leftTheSite.push(route.request().url());
      return route.abort();
    },
  );
  const hostile = "/login?next=%2F%09%2Fevil.example%2Fx";

  await page.goto(hostile);
  await signIn(page, token);
  await expect(page).toHaveURL(`${baseURL}/`, { timeout: 15_000 });

  // Signed in now: the page offers "Continue", which must not leave either.
  await page.goto(hostile);
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  expect(leftTheSite).toEqual([]);
});
