import { expect, type Page } from '@playwright/test';

// Sign-in through the real OpenID Connect provider (scripts/oidc-dev-server.mjs, which playwright.config.ts
// starts): avery (platform-team), blake (data-science), sam (not a user of the portal).

/** Signs in from the sign-in page through the provider's popup: login form, then consent. */
export async function signInWithOidc(page: Page, login: string) {
  await page.goto('/');
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign In' }).click();
  const popup = await popupOpened;
  await popup.getByPlaceholder('Enter any login').fill(login);
  // The dev server does not check passwords; the field is required by its form.
  await popup.getByPlaceholder('and password').fill('any');
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();
  await closed;
}

export async function expectSignedIn(page: Page) {
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
    'the sidebar after OIDC sign-in',
  ).toBeVisible();
}

/** The Backstage token of the browser's OIDC session, as the app gets it (its session cookie). */
export async function backstageToken(page: Page): Promise<string> {
  const res = await page.request.get(
    '/api/auth/oidc/refresh?optional&env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(res.ok(), `oidc refresh answered ${res.status()}`).toBeTruthy();
  const body = await res.json();
  return body.backstageIdentity.token;
}
