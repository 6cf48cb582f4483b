import { expect, Page, test } from '@playwright/test';

// Runs against the real backend (jetstream2-kubernetes routes and search collator) and the real local
// control plane seeded with the sample services (tools/local-cluster/seed).

async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();
}

test('an entity shows its pods, concept cards and a recommended guide', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/science-api');
  // the entity page's tabs are links or tabs depending on the header in use
  await page
    .getByRole('tab', { name: 'Workloads & guides' })
    .or(page.getByRole('link', { name: 'Workloads & guides', exact: true }))
    .first()
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/science-api\/workloads/);

  await expect(page.getByText('Workloads across clusters')).toBeVisible();
  await expect(page.getByText(/^Pods on /).first()).toBeVisible();
  // at least one pod of the seeded Deployment, rendered by upstream's PodsTable
  await expect(page.getByText(/^api-[a-z0-9]+-[a-z0-9]+$/).first()).toBeVisible();

  for (const concept of ['Pod', 'Deployment', 'Service']) {
    await expect(page.getByRole('article', { name: `${concept} concept` })).toBeVisible();
  }
  const guides = page.getByText('Recommended guides').locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(guides.getByRole('link').first()).toBeVisible();

  await expect(page.getByText(/^Cluster /).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'etcd (cluster store)' }).first()).toBeVisible();

  await page.screenshot({ path: 'test-results/screenshots/entity-tab.png', fullPage: true });
});

test('the guides page filters by concept and deep-links to a concept', async ({ page }) => {
  await signIn(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Kubernetes', exact: true }).click();
  await expect(page).toHaveURL(/\/jetstream2-kubernetes/);

  const guides = page.getByRole('list', { name: 'Guides' });
  await expect(guides.getByRole('listitem').first()).toBeVisible();
  const before = await guides.getByRole('listitem').count();

  await page.getByLabel('Concept', { exact: true }).first().click();
  await page.getByRole('option', { name: 'etcd (cluster store)' }).click();
  await expect(page).toHaveURL(/concept=etcd/);
  await expect
    .poll(async () => page.getByRole('list', { name: 'Guides' }).getByRole('listitem').count())
    .toBeLessThan(before);
  await expect(page.getByRole('list', { name: 'Guides' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/page.png', fullPage: true });

  await page.getByRole('tab', { name: 'Clusters' }).click();
  await expect(page.getByRole('img', { name: /^Capacity of / }).first()).toBeVisible();
  await expect(page.getByText('Create a cluster')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/page-clusters.png', fullPage: true });

  await page.goto('/jetstream2-kubernetes/concepts/pod');
  await expect(page.getByRole('heading', { level: 2, name: 'Pod' })).toBeVisible();
});

test('search finds a concept', async ({ page }) => {
  await signIn(page);
  await page.goto('/search?query=etcd');
  const result = page.locator('a[href*="/jetstream2-kubernetes/concepts/etcd"]').first();
  await expect(result).toBeVisible({ timeout: 60_000 });
  await result.click();
  await expect(page.getByRole('heading', { level: 2, name: /etcd/ })).toBeVisible();
});
