import {
  expect,
  kubernetesTab,
  kubernetesTabUrl,
  signIn,
  test,
} from './fixtures';

const sciencePath = '/catalog/default/component/science-api';

test('sign-in lands on the home page; the catalog is at /catalog', async ({
  page,
}) => {
  await signIn(page);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Your services on Kubernetes')).toBeVisible();

  // a direct load of /catalog is the catalog, not a 404
  await page.goto('/catalog');
  await expect(
    page.getByRole('heading', { name: /Catalog/ }).first(),
  ).toBeVisible();
  await expect(page.getByText(/not found|404/i)).toHaveCount(0);

  // the sidebar's Home link and the logo lead back to the home page
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Home', exact: true }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Your services on Kubernetes')).toBeVisible();
});

test('the catalog lists the sample services and opens an entity page', async ({
  page,
}) => {
  await signIn(page);

  // The catalog opens on the guest's own components; show every component.
  await page.goto('/catalog?filters%5Bkind%5D=component&filters%5Buser%5D=all');
  for (const name of [
    'JupyterHub',
    'BinderHub',
    'GPU training',
    'Science API',
  ]) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Science API', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${sciencePath}$`));
  await expect(
    page
      .getByText('Public HTTP API that serves processed observations', {
        exact: false,
      })
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/entity-page.png',
    fullPage: true,
  });

  // ONE Kubernetes tab: ours (upstream's entity-content:kubernetes/kubernetes is off in app-config.yaml)
  const tabs = page
    .locator(`a[href^="${sciencePath}/"]`)
    .filter({ hasText: /^(Kubernetes|Workloads & guides)$/ });
  await expect(tabs.first()).toBeVisible();
  expect(await tabs.count(), 'Kubernetes tabs on the entity page').toBe(1);

  await kubernetesTab(page, sciencePath).click();
  await expect(page).toHaveURL(kubernetesTabUrl(sciencePath));
  await expect(page.getByText('Workloads across clusters')).toBeVisible();
});
