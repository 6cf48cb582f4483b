import {
  expect,
  expectChartsHaveTextAlternatives,
  expectNoSeriousA11yViolations,
  kubernetesTab,
  signIn,
  test,
} from './fixtures';

// axe (WCAG 2.1 A/AA and best practices) on every page and card of ours: no serious or critical
// violations; every chart has a text alternative.

const sciencePath = '/catalog/default/component/science-api';

test('the entity tab has no serious accessibility violations', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(sciencePath);
  await kubernetesTab(page, sciencePath).click();
  await expect(page.getByText('Workloads across clusters')).toBeVisible();
  await expect(page.getByText(/^Pods on /).first()).toBeVisible();
  // the collapsed sections too, open
  for (const section of ['What these objects are', 'Where it runs'])
    await page.getByRole('button', { name: section }).click();
  await expect(
    page.getByRole('article', { name: 'Pod concept' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the entity Kubernetes tab');
  await expectChartsHaveTextAlternatives(page, 'the entity Kubernetes tab');
});

test('the overview card has no serious accessibility violations', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(sciencePath);
  const card = page
    .getByText('Kubernetes at a glance', { exact: true })
    .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByText(/pods running|No pods found/)).toBeVisible();
  // axe takes a CSS selector: mark the card
  await card.evaluate(el => el.setAttribute('data-axe', 'overview-card'));
  await expectNoSeriousA11yViolations(page, 'the overview card', {
    include: '[data-axe="overview-card"]',
  });
  await expectChartsHaveTextAlternatives(
    page,
    'the overview card',
    '[data-axe="overview-card"]',
  );
});

for (const tab of [
  { name: 'Guides', path: '/jetstream2-kubernetes', ready: 'list' as const },
  {
    name: 'Concepts',
    path: '/jetstream2-kubernetes/concepts',
    ready: 'concept' as const,
  },
  {
    name: 'Clusters',
    path: '/jetstream2-kubernetes/clusters',
    ready: 'chart' as const,
  },
]) {
  test(`the page's ${tab.name} tab has no serious accessibility violations`, async ({
    page,
  }) => {
    await signIn(page);
    await page.goto(tab.path);
    await expect(
      page.getByRole('tab', { name: tab.name, selected: true }),
    ).toBeVisible();
    if (tab.ready === 'list') {
      await expect(
        page
          .getByRole('list', { name: 'Guides' })
          .getByRole('listitem')
          .first(),
      ).toBeVisible();
    } else if (tab.ready === 'concept') {
      await expect(
        page.getByRole('link', { name: 'etcd (cluster store)' }).first(),
      ).toBeVisible();
    } else {
      await expect(
        page.getByRole('img', { name: /^Capacity of / }).first(),
      ).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, `the ${tab.name} tab`);
    const charts = await expectChartsHaveTextAlternatives(
      page,
      `the ${tab.name} tab`,
    );
    if (tab.ready === 'chart')
      expect(charts, 'capacity charts on the Clusters tab').toBeGreaterThan(0);
  });
}

test('the home page has no serious accessibility violations', async ({
  page,
}) => {
  await signIn(page);
  await expect(
    page
      .getByRole('list', { name: 'Your services on Kubernetes' })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the home page');
  await expectChartsHaveTextAlternatives(page, 'the home page');
});
