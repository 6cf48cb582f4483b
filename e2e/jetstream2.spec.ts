import {
  expect,
  guestIdentity,
  guestToken,
  kubernetesTab,
  kubernetesTabUrl,
  screenshotAtWidths,
  signIn,
  test,
} from './fixtures';

// Runs against the real backend (jetstream2-kubernetes routes and search collator) and the real local
// control plane seeded with the sample services (tools/local-cluster/seed).

const sciencePath = '/catalog/default/component/science-api';

test('an entity shows its pods, concept cards and a recommended guide', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(sciencePath);
  await kubernetesTab(page, sciencePath).click();
  await expect(page).toHaveURL(kubernetesTabUrl(sciencePath));

  await expect(page.getByText('Workloads across clusters')).toBeVisible();
  await expect(page.getByText(/^Pods on /).first()).toBeVisible();
  // at least one pod of the seeded Deployment, rendered by upstream's PodsTable
  await expect(
    page.getByText(/^api-[a-z0-9]+-[a-z0-9]+$/).first(),
  ).toBeVisible();

  // concepts and "Where it runs" are collapsed, each with a one-line summary
  await page.getByRole('button', { name: 'What these objects are' }).click();
  for (const concept of ['Pod', 'Deployment', 'Service']) {
    await expect(
      page.getByRole('article', { name: `${concept} concept` }),
    ).toBeVisible();
  }
  const guides = page
    .getByText('Recommended guides')
    .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(guides.getByRole('link').first()).toBeVisible();

  await page.getByRole('button', { name: 'Where it runs' }).click();
  await expect(page.getByText(/^Cluster /).first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'etcd (cluster store)' }).first(),
  ).toBeVisible();

  await screenshotAtWidths(page, 'entity-tab', {
    ready: page.getByText('Workloads across clusters'),
  });
});

test('the overview card shows health at a glance and the most useful guide', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(sciencePath);
  const card = page
    .getByText('Kubernetes at a glance', { exact: true })
    .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(card.getByText(/pods running|No pods found/)).toBeVisible();
  await expect(card.getByRole('link').first()).toHaveAttribute(
    'href',
    /\/jetstream2-kubernetes\/guides\//,
  );
  await screenshotAtWidths(page, 'overview-card', {
    element: card,
    ready: card,
  });
});

test('the guides page filters by concept and deep-links to a concept', async ({
  page,
}) => {
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
    .poll(
      async () =>
        page
          .getByRole('list', { name: 'Guides' })
          .getByRole('listitem')
          .count(),
      {
        message: 'the concept filter narrows the guides',
      },
    )
    .toBeLessThan(before);
  await expect(
    page.getByRole('list', { name: 'Guides' }).getByRole('listitem').first(),
  ).toBeVisible();
  await screenshotAtWidths(page, 'page', {
    ready: page
      .getByRole('list', { name: 'Guides' })
      .getByRole('listitem')
      .first(),
  });

  await page.getByRole('tab', { name: 'Concepts' }).click();
  await expect(page).toHaveURL(/\/jetstream2-kubernetes\/concepts/);
  await screenshotAtWidths(page, 'page-concepts', {
    ready: page.getByRole('link', { name: 'etcd (cluster store)' }).first(),
  });

  await page.getByRole('tab', { name: 'Clusters' }).click();
  await expect(
    page.getByRole('img', { name: /^Capacity of / }).first(),
  ).toBeVisible();
  await expect(page.getByText('Create a cluster')).toBeVisible();
  await screenshotAtWidths(page, 'page-clusters', {
    ready: page.getByRole('img', { name: /^Capacity of / }).first(),
  });

  await page.goto('/jetstream2-kubernetes/concepts/pod');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Pod' }),
  ).toBeVisible();
});

test("the home page lists the guest's groups' services, unhealthy first, with a guide", async ({
  page,
  request,
}) => {
  // The oracle: what the catalog says the guest's groups own and annotate for Kubernetes.
  const { token, ownershipEntityRefs } = await guestIdentity(request);
  const expected = new Set<string>();
  for (const annotation of [
    'backstage.io/kubernetes-id',
    'backstage.io/kubernetes-label-selector',
  ]) {
    const query = new URLSearchParams({
      filter: `relations.ownedBy=${ownershipEntityRefs.join(
        ',relations.ownedBy=',
      )},metadata.annotations.${annotation}`,
    });
    // one filter with repeated keys is an OR over the owners
    const res = await request.get(`/api/catalog/entities/by-query?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.ok(), `catalog query answered ${res.status()}`).toBeTruthy();
    for (const e of (await res.json()).items)
      expected.add(e.metadata.title ?? e.metadata.name);
  }
  expect(
    expected.size,
    `annotated services owned by ${ownershipEntityRefs.join(', ')}`,
  ).toBeGreaterThan(0);

  await signIn(page);
  // signing in at / lands on the home page
  await expect(page).toHaveURL(/\/$/);
  const list = page.getByRole('list', { name: 'Your services on Kubernetes' });
  await expect(list.getByRole('listitem')).toHaveCount(expected.size);
  for (const name of expected) {
    await expect(list.getByRole('link', { name, exact: true })).toBeVisible();
  }
  // the website has no Kubernetes annotation, so it is never listed
  await expect(list.getByRole('link', { name: 'Project website' })).toHaveCount(
    0,
  );

  const rows = list.getByRole('listitem');
  const verdicts = await rows.evaluateAll(items =>
    items.map(li => li.querySelector('span')?.textContent ?? ''),
  );
  const rank: Record<string, number> = {
    Failing: 0,
    'Needs attention': 1,
    Unknown: 2,
    Starting: 3,
    Healthy: 4,
    Done: 5,
  };
  const ranks = verdicts.map(v => rank[v] ?? -1);
  expect(
    ranks.every(r => r >= 0),
    `every row has a verdict: ${verdicts.join(', ')}`,
  ).toBe(true);
  expect(
    ranks,
    `verdicts of the rows, unhealthy first: ${verdicts.join(', ')}`,
  ).toEqual([...ranks].sort((a, b) => a - b));
  // the first row's most useful guide is linked
  await expect(
    rows.first().locator('a[href*="/jetstream2-kubernetes/guides/"]'),
  ).toBeVisible();

  // the guest is in platform-team, which owns the js2-demo cluster: the other groups' failing services
  // there are listed too (the Science API's worker crash-loops by the seed's design)
  const operated = page.getByRole('list', {
    name: 'Unhealthy services on the clusters you operate',
  });
  await expect(
    operated.getByRole('link', { name: 'Science API', exact: true }),
  ).toBeVisible();
  await expect(operated.getByText(/^On js2-demo: /).first()).toBeVisible();

  const first = rows.first().locator('a[href^="/catalog/"]');
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await page.goBack();
  await screenshotAtWidths(page, 'home', {
    ready: list.getByRole('listitem').first(),
  });
});

test('search finds a concept', async ({ page, request }) => {
  // The guides collator may finish after the portal reports ready; wait for the index, not for time.
  const token = await guestToken(request);
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/search/query?term=etcd', {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!res.ok()) return `HTTP ${res.status()}`;
        const { results } = await res.json();
        return (results as Array<{ document: { location: string } }>).some(r =>
          r.document.location.includes('/jetstream2-kubernetes/concepts/etcd'),
        )
          ? 'indexed'
          : `${results.length} results without the etcd concept`;
      },
      {
        message:
          'the search index has the etcd concept (GET /api/search/query?term=etcd)',
        timeout: 90_000,
        intervals: [500, 1_000, 2_000],
      },
    )
    .toBe('indexed');

  await signIn(page);
  await page.goto('/search?query=etcd');
  const result = page
    .locator('a[href*="/jetstream2-kubernetes/concepts/etcd"]')
    .first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(
    page.getByRole('heading', { level: 2, name: /etcd/ }),
  ).toBeVisible();
});

test('search lists a service whose name matches before concepts, and has a filter for guides and concepts', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  // both indexes are built by then: the catalog's Science API and the "API server" concept
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/search/query?term=science%20api', {
          headers: { Authorization: `Bearer ${token}` },
        });
        if (!res.ok()) return [`HTTP ${res.status()}`];
        const { results } = await res.json();
        return (results as Array<{ type: string; document: { title: string } }>)
          .slice(0, 3)
          .map(r => `${r.type}: ${r.document.title}`);
      },
      {
        message: 'the Science API is the first result for "science api"',
        timeout: 90_000,
        intervals: [500, 1_000, 2_000],
      },
    )
    .toContain('software-catalog: Science API');
  const res = await request.get('/api/search/query?term=science%20api', {
    headers: { Authorization: `Bearer ${token}` },
  });
  const { results } = await res.json();
  expect(results[0].document.title).toBe('Science API');

  await signIn(page);
  await page.goto('/search?query=crash');
  await page
    .getByRole('tab', { name: 'Guides and concepts' })
    .or(page.getByText('Guides and concepts', { exact: true }))
    .first()
    .click();
  await expect(
    page
      .getByRole('link', { name: /Read logs and debug a crashing pod/ })
      .first(),
  ).toBeVisible();
});
