import { expect, test } from '@playwright/test';

test('the catalog lists the sample services and opens an entity page', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();

  for (const name of ['JupyterHub', 'BinderHub', 'GPU training', 'Science API']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Science API', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/science-api/);
  await expect(
    page.getByText('Public HTTP API that serves processed observations', { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Kubernetes' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/entity-page.png', fullPage: true });
});
