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

test('the console fixture fails on React warnings that name our components and only reports the others', async ({
  page,
  consoleEntries,
}) => {
  // The production build strips React's warnings, so this feeds the fixture the shape a development build
  // logs: a component stack after the message.
  await page.goto('/');
  await page.evaluate(() => {
    const warn =
      'Warning: Each child in a list should have a unique "key" prop.%s';
    console.error(
      warn,
      '\n    at li\n    at HomePageCard (http://localhost:7017/static/main.js:1:1)',
    );
    console.error(
      warn,
      '\n    at tr\n    at CatalogTable (http://localhost:7017/static/main.js:1:1)',
    );
    console.warn('Material-UI: the `fade` color utility was renamed');
  });
  await expect
    .poll(
      () =>
        consoleEntries.filter(e => /unique "key"|Material-UI/.test(e.text))
          .length,
      {
        message: 'the three messages reach the fixture',
      },
    )
    .toBe(3);
  const fed = consoleEntries.filter(e =>
    /unique "key"|Material-UI/.test(e.text),
  );
  expect(fed.filter(e => e.react)).toHaveLength(2);
  expect(fed.filter(e => e.ours).map(e => e.text)).toEqual([
    expect.stringContaining('at HomePageCard'),
  ]);
  // remove what was fed, or the fixture fails this test at its end, as it would for a real one
  for (const e of fed) consoleEntries.splice(consoleEntries.indexOf(e), 1);
});
