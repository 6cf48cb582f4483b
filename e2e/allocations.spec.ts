import type { APIRequestContext } from '@playwright/test';
import {
  expect,
  expectChartsHaveTextAlternatives,
  expectNoSeriousA11yViolations,
  guestToken,
  screenshotAtWidths,
  signIn,
  test,
} from './fixtures';
import { backstageToken, expectSignedIn, signInWithOidc } from './oidc';

/*
 * Allocations and notifications on the real portal and the local control plane. Development samples the
 * SU burn every 15 s in one-minute buckets and checks service health every 15 s (app-config.yaml), so the
 * seed's history and its notifications appear within a minute or two of the start.
 *
 * The guest is a member of science-gateways (and platform-team); JupyterHub, owned by science-gateways, is
 * failing in the seed: its hub waits on a volume claim that cannot bind.
 */

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Notice {
  id: string;
  read?: string | null;
  payload: { title: string; link?: string; topic?: string };
}

async function notifications(
  request: APIRequestContext,
  token: string,
): Promise<Notice[]> {
  const res = await request.get('/api/notifications/notifications?limit=100', {
    headers: bearer(token),
  });
  expect(res.status(), 'GET /api/notifications/notifications').toBe(200);
  return (await res.json()).notifications;
}

const hubNotices = (list: Notice[]) =>
  list.filter(n => n.payload.title.startsWith('JupyterHub is failing'));

async function allocation(
  request: APIRequestContext,
  token: string,
  name: string,
) {
  return request.get(`/api/jetstream2-kubernetes/allocations/default/${name}`, {
    headers: bearer(token),
  });
}

test('a science-gateways member sees the JupyterHub notification in the bell and opens the guide from it', async ({
  page,
  request,
  consoleEntries,
}) => {
  const token = await guestToken(request);
  await expect
    .poll(async () => hubNotices(await notifications(request, token)).length, {
      message:
        'a notification about the failing JupyterHub for the guest (science-gateways)',
      timeout: 120_000,
      intervals: [1_000, 2_000],
    })
    .toBe(1);
  const [notice] = hubNotices(await notifications(request, token));
  expect(notice.payload.link).toMatch(/^\/jetstream2-kubernetes\/guides\//);
  expect(notice.payload.topic).toBe('Service health');

  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  const bell = nav.getByRole('link', { name: /Notifications/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page).toHaveURL(/\/notifications/);
  const title = page.getByRole('link', { name: notice.payload.title });
  await expect(title).toBeVisible();
  await screenshotAtWidths(page, 'notifications', { ready: title });
  // the page's filters are @backstage/ui selects (react-aria-components, of which the notifications plugin
  // has its own nested copy): they work, and nothing fails in the console
  await page.getByRole('button', { name: /Topic$/ }).click();
  await page.getByRole('option', { name: 'Service health' }).click();
  await expect(title).toBeVisible();
  expect(
    consoleEntries
      .filter(e => e.type === 'pageerror' || e.type === 'error')
      .map(e => e.text),
    'errors in the console on the notifications page',
  ).toEqual([]);

  await title.click();
  await expect(page).toHaveURL(new RegExp(`${notice.payload.link}$`));
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();

  // still one, however many rounds the notifier ran meanwhile
  expect(hubNotices(await notifications(request, token))).toHaveLength(1);
});

test('the seed allocation shows its history, burn and run-out date, which agree', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  // two measured buckets: a history, not only the burn measured now
  let body: any;
  await expect
    .poll(
      async () => {
        const res = await allocation(
          request,
          token,
          'science-gateways-allocation',
        );
        if (!res.ok()) return `HTTP ${res.status()}`;
        body = await res.json();
        return body.history.length >= 2
          ? 'history'
          : `${body.history.length} samples`;
      },
      {
        message: 'two one-minute samples of the science gateways allocation',
        timeout: 180_000,
        intervals: [2_000, 5_000],
      },
    )
    .toBe('history');
  expect(body.burnBasis).toBe('history');
  expect(body.burnSuPerHour).toBeGreaterThan(0);
  // the figures agree: whole days of the balance at the burn, and the date that many days from today
  expect(body.runwayDays).toBe(
    Math.floor(body.balanceSu / body.burnSuPerHour / 24),
  );
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  const runsOut = new Date(today.getTime() + body.runwayDays * 86_400_000);
  expect(body.runsOutOn).toBe(runsOut.toISOString().slice(0, 10));

  await signIn(page);
  await page.goto(
    '/catalog/default/resource/science-gateways-allocation/allocation',
  );
  const day = runsOut.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const headline = page
    .getByText(`until ${day}, ${body.runwayDays} days`)
    .first();
  await expect(headline).toBeVisible();
  const chart = page.getByRole('img', {
    name: /^SU burn of allocation cis240017: \d+ samples of 1 minute/,
  });
  await expect(chart).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Burn by service' }).getByRole('link', {
      name: 'JupyterHub',
    }),
  ).toBeVisible();
  await expectChartsHaveTextAlternatives(page, 'the allocation page', 'main');
  await expectNoSeriousA11yViolations(page, 'the allocation page', {
    include: 'main',
  });
  await screenshotAtWidths(page, 'allocation', { ready: chart });

  // the home card says the same runway
  await page.goto('/');
  const yours = page.getByRole('list', { name: 'Your allocations' });
  await expect(yours.getByText(`until ${day}`).first()).toBeVisible();
});

test("a researcher reads their own group's allocation and is refused another group's", async ({
  page,
}) => {
  // blake (data-science) through the real OpenID Connect sign-in: the policy's condition is resolved by
  // the catalog with a real on-behalf-of token
  await signInWithOidc(page, 'blake');
  await expectSignedIn(page);
  const token = await backstageToken(page);
  const own = await allocation(page.request, token, 'data-science-allocation');
  expect(own.status(), 'blake reads the data-science allocation').toBe(200);
  expect((await own.json()).allocationId).toBe('bio240021');
  const other = await allocation(
    page.request,
    token,
    'science-gateways-allocation',
  );
  expect(other.status(), "blake reads the science gateways' allocation").toBe(
    403,
  );
  await page.goto('/catalog/default/group/data-science');
  await expect(
    page.getByRole('list', { name: /^Allocations of / }).getByText(/^Lasts /),
  ).toBeVisible();
});
