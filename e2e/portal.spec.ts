import { expect, test } from '@playwright/test';

test('the catalog lists the sample services and opens an entity page', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();

  // The catalog opens on the guest's own components; show every component.
  await page.goto('/?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  for (const name of ['JupyterHub', 'BinderHub', 'GPU training', 'Science API']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Science API', exact: true }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/science-api/);
  await expect(
    page.getByText('Public HTTP API that serves processed observations', { exact: false }).first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/entity-page.png', fullPage: true });

  // The upstream Kubernetes tab is there for annotated services.
  // (the sidebar has a "Kubernetes" page too; the entity tab comes last)
  await page.getByRole('link', { name: 'Kubernetes', exact: true }).last().click();
  await expect(page).toHaveURL(/\/science-api\/kubernetes$/);
});
