import type { Locator, Page } from '@playwright/test';
import { expect, screenshotAtWidths, signIn, test } from './fixtures';

// Issue 26: a researcher opening a service's Kubernetes tab at 1280 × 800 reads, without scrolling, what
// is wrong, why (the log line or the event) and what to do next; the tab is at most three screens long.
// Runs against the real backend and the local control plane seeded with the sample services.

const VIEWPORT = { width: 1280, height: 800 };
const SERVICES = ['science-api', 'jupyterhub', 'binderhub', 'gpu-training'];

test.use({ viewport: VIEWPORT });

const tabPath = (name: string) =>
  `/catalog/default/component/${name}/kubernetes`;

/** The "needs attention" summary once the entity's view has loaded (or its one healthy line). */
function summary(page: Page): Locator {
  return page
    .getByRole('region', { name: /^Needs attention \(\d+\)$/ })
    .or(page.getByRole('region', { name: 'Health' }));
}

/** Fails unless the element lies wholly inside the first screen, with the page not scrolled. */
async function expectInFirstScreen(page: Page, element: Locator, what: string) {
  await expect(element, `${what} is shown`).toBeVisible();
  const box = await element.boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  expect(scrollY, 'the page is not scrolled').toBe(0);
  expect(box, `${what} has a box`).not.toBeNull();
  expect(
    {
      bottom: Math.ceil(box!.y + box!.height) <= VIEWPORT.height,
      right: Math.ceil(box!.x + box!.width) <= VIEWPORT.width,
    },
    `${what} at x ${box!.x}–${box!.x + box!.width}, y ${box!.y}–${
      box!.y + box!.height
    } lies inside the first ${VIEWPORT.width} × ${VIEWPORT.height} screen`,
  ).toEqual({ bottom: true, right: true });
}

/** Fails when an element inside the summary is wider than its box (cut off or scrolling sideways). */
async function expectNothingScrollsSideways(region: Locator, what: string) {
  const wide = await region.evaluate(root =>
    [root, ...Array.from(root.querySelectorAll<HTMLElement>('*'))]
      .filter(el => el.scrollWidth > el.clientWidth + 1)
      .filter(el => getComputedStyle(el).overflowX !== 'visible')
      .map(
        el => `${el.tagName.toLowerCase()} "${el.textContent?.slice(0, 40)}"`,
      ),
  );
  expect(wide, `elements of ${what} that are cut off or scroll`).toEqual([]);
}

test('Science API: the crash loop, its log line and a working Logs button in the first screen', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(tabPath('science-api'));
  const region = summary(page);
  await expect(region).toBeVisible();
  const crash = region
    .getByRole('listitem')
    .filter({ hasText: /worker.*keeps crashing: restarted \d+ times?/ });
  await expectInFirstScreen(page, crash, 'the crash-looping worker');
  // the evidence: the last error line of its container's log, read through our logs route
  const logLine = crash.getByText(/ConnectionError.*cache:6379/);
  await expectInFirstScreen(page, logLine, "the worker log's error line");
  const logs = crash.getByRole('button', { name: /^Logs of worker-/ });
  await expectInFirstScreen(page, logs, 'the Logs button');
  await expectNothingScrollsSideways(region, 'the summary');

  await logs.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/ConnectionError/).first()).toBeVisible();
});

test('JupyterHub: the pending claim and the missing StorageClass in the first screen', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(tabPath('jupyterhub'));
  const region = summary(page);
  await expect(region).toBeVisible();
  const claim = region
    .getByRole('listitem')
    .filter({ hasText: /is waiting for storage/ })
    .first();
  await expectInFirstScreen(page, claim, 'the pending claim');
  await expectInFirstScreen(
    page,
    claim.getByText(/cinder-csi/).first(),
    'the missing StorageClass',
  );
  await expectNothingScrollsSideways(region, 'the summary');
});

test('every seeded service: the summary fits at 1024 and 1280 px, and the tab is at most three screens', async ({
  page,
}) => {
  await signIn(page);
  const lengths: string[] = [];
  for (const name of SERVICES) {
    await page.setViewportSize(VIEWPORT);
    await page.goto(tabPath(name));
    const region = summary(page);
    await expect(region, `${name}: the summary`).toBeVisible();
    // the pods table is the tab's last live part to load
    await expect(
      page.getByText(/^Pods on /).first(),
      `${name}: the pods`,
    ).toBeVisible();
    const height = await page.evaluate(
      () => document.scrollingElement!.scrollHeight,
    );
    lengths.push(
      `${name} ${height} px (${(height / VIEWPORT.height).toFixed(2)} screens)`,
    );
    expect(
      height,
      `${name}: the tab is ${height} px long at 1280 px; at most ${
        3 * VIEWPORT.height
      }`,
    ).toBeLessThanOrEqual(3 * VIEWPORT.height);
    await expectNothingScrollsSideways(region, `${name}'s summary at 1280 px`);
    await page.setViewportSize({ width: 1024, height: VIEWPORT.height });
    await expectNothingScrollsSideways(region, `${name}'s summary at 1024 px`);
  }
  // eslint-disable-next-line no-console
  console.log(`[tab length at 1280 px] ${lengths.join('; ')}`);

  await page.setViewportSize(VIEWPORT);
  await page.goto(tabPath('science-api'));
  await screenshotAtWidths(page, 'entity-tab-first-screen', {
    ready: summary(page),
  });
});

test('the catalog path …/kubernetes opens our tab, and the tab links there', async ({
  page,
}) => {
  await signIn(page);
  const entityPath = '/catalog/default/component/science-api';
  await page.goto(`${entityPath}/kubernetes`);
  await expect(summary(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${entityPath}/kubernetes$`));

  await page.goto(entityPath);
  await page.locator(`a[href="${entityPath}/kubernetes"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${entityPath}/kubernetes$`));
  await expect(summary(page)).toBeVisible();
});
