import {
  expect,
  guestToken,
  screenshotAtWidths,
  signIn,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';
import { backstageToken, expectSignedIn, signInWithOidc } from './oidc';

/*
 * The template forms speak plainly and block what cannot work (issue 26, "Forms"): names are answered
 * in words with the fixed name, a cluster over the core quota or over the allocation balance cannot reach
 * Create, the review step shows the cost, the deploy and JupyterHub GPU forms say whether the chosen
 * cluster has room (against the real local control plane, whose one GPU the seeded gpu-training trainer
 * holds), and a refused plan leaves no stack trace in its task log.
 */

const createPage = (template: string, formData: Record<string, unknown>) =>
  `/create/templates/default/${template}?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;

const magnum = {
  clusterName: 'e2e-forms',
  allocation: 'abc123456',
  allocationKind: 'gpu',
  applicationCredential: 'e2e-forms-magnum',
  owner: 'group:default/platform-team',
  masterFlavor: 'm3.quad',
  workerFlavor: 'g3.medium',
  nodeCount: 1,
};

/** From the first step of a prefilled form to the step that shows `field`. */
async function nextUntil(page: Page, field: RegExp) {
  for (let i = 0; i < 5; i++) {
    if (await page.getByLabel(field).count()) break;
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(page.getByLabel(field)).toBeVisible();
}

/** No raw regular expression anywhere on the page. */
async function expectNoPattern(page: Page) {
  await expect(page.locator('body')).not.toContainText('must match pattern');
  await expect(page.locator('body')).not.toContainText('^[a-z]');
}

test('the Magnum form answers "GPU-Lab" in words with the fixed name', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(createPage('jetstream2-magnum-cluster', magnum));
  const name = page.getByLabel(/Cluster name/);
  await name.fill('GPU-Lab');
  const message = "Use lowercase letters, digits and '-': gpu-lab";
  await expect(page.getByText(message)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  // still on the first step; the list of errors at the top is in words too
  await expect(
    page.getByText(
      "'Cluster name' must use lowercase letters, digits and '-' only",
    ),
  ).toBeVisible();
  await expect(page.getByText(message)).toHaveCount(1);
  await expectNoPattern(page);
  await screenshotAtWidths(page, 'form-name-in-words', {
    ready: page.getByText(message),
  });

  await page.getByRole('button', { name: 'Use gpu-lab' }).click();
  await expect(name).toHaveValue('gpu-lab');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel(/Allocation id/)).toBeVisible();
});

test('the Magnum form blocks Create over the core quota, in words', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    createPage('jetstream2-magnum-cluster', { ...magnum, nodeCount: 8 }),
  );
  await nextUntil(page, /Workers at creation/);
  const cost = page.getByRole('status', { name: 'Estimated cost' });
  // 4 + 8 × 8 = 68 cores, over the GPU allocation's 64
  const problem =
    'At its largest the cluster needs 68 cores (1 × m3.quad + 8 × g3.medium) but the allocation\'s quota is 64 cores. Lower "Workers at creation" to 7 or less';
  await expect(cost).toContainText(problem);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText(`'Estimated cost' ${problem}`)).toBeVisible();
  await expect(page.getByLabel(/Workers at creation/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
  await expectNoPattern(page);
  await screenshotAtWidths(page, 'form-over-quota', { ready: cost });
});

test('the Magnum form blocks Create over the allocation balance, and its review shows the cost', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    createPage('jetstream2-magnum-cluster', {
      ...magnum,
      nodeCount: 3,
      allocationBalance: 50000,
    }),
  );
  await nextUntil(page, /Workers at creation/);
  const cost = page.getByRole('status', { name: 'Estimated cost' });
  // 4 + 3 × 32 = 100 SU/h = 73,000 SU a month (730 h)
  await expect(cost).toContainText('100 SU/h · 73,000 SU per month');
  const problem =
    'which exceeds the allocation balance of 50,000 SU by 23,000 SU. Lower "Workers at creation", pick a smaller "Worker flavor", or ask ACCESS for more SUs.';
  await expect(cost).toContainText(problem);
  // on to the last steps: Sizing does not let go
  for (let i = 0; i < 3; i++)
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  await expect(page.getByText(problem).first()).toBeVisible();
  await expect(page.getByLabel(/Workers at creation/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);

  // within the balance, the review lists the cost
  await page.getByLabel(/Workers at creation/).fill('1');
  await expect(cost).toContainText(
    'Fits in the allocation balance of 50,000 SU for a month.',
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: 'Estimated cost' });
  await expect(row).toContainText('36 SU/h · 26,280 SU per month');
  await screenshotAtWidths(page, 'form-review-cost', { ready: row });
});

test('the deploy form tells a researcher the only GPU of js2-demo is taken, and what the service will cost', async ({
  page,
}) => {
  expect(
    process.env.LOCAL_CLUSTER_URL,
    'LOCAL_CLUSTER_URL is not set: this test needs the local control plane, whose GPU the seeded gpu-training service holds',
  ).toBeTruthy();
  // a researcher (not platform-team): the whole cluster is refused, its free room by flavor is not
  await signInWithOidc(page, 'blake');
  await expectSignedIn(page);
  const headers = { Authorization: `Bearer ${await backstageToken(page)}` };
  const whole = await page.request.get(
    '/api/jetstream2-kubernetes/clusters/js2-demo',
    { headers },
  );
  expect(whole.status(), 'the whole cluster for a researcher').toBe(403);
  const room = await page.request.get(
    '/api/jetstream2-kubernetes/clusters/js2-demo/capacity',
    { headers },
  );
  expect(room.status(), await room.text()).toBe(200);
  const body = await room.text();
  expect(body, 'a node or pod name in the capacity answer').not.toMatch(
    /"name"|js2-demo-(worker|gpu|control)|gpu-training/,
  );
  await page.goto(
    createPage('jetstream2-deploy-service', {
      name: 'gpu-demo',
      image: 'nvcr.io/nvidia/pytorch:24.08-py3',
      port: 8080,
      owner: 'group:default/data-science',
      cluster: 'resource:default/js2-demo',
      namespace: 'ml',
      replicas: 1,
      cpu: '250m',
      memory: '256Mi',
      gpu: true,
      serviceType: 'ClusterIP',
    }),
  );
  await nextUntil(page, /Replicas/);
  const check = page.getByRole('status', {
    name: 'Cost and room on the cluster',
  });
  await expect(check).toContainText(
    '0 of 1 GPU free on js2-demo: this will stay Pending',
  );
  // one GPU pod takes a whole g3.medium (8 vCPU × 4 SU)
  await expect(check).toContainText('About 32 SU/h · 23,360 SU per month');
  await expect(check).toContainText('You can still create it.');
  await screenshotAtWidths(page, 'form-deploy-gpu-pending', { ready: check });

  // a warning, not a block: the review lists it and Create is there
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await expect(
    page.getByRole('row').filter({ hasText: 'Cost and room on the cluster' }),
  ).toContainText('0 of 1 GPU free on js2-demo: this will stay Pending');

  // without a GPU the service fits
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByLabel(/Needs a GPU/).uncheck();
  await expect(check).toContainText(/Fits on js2-demo: [\d.]+ CPU cores/);
});

test('the JupyterHub GPU form checks the room for each GPU flavor', async ({
  page,
}) => {
  expect(
    process.env.LOCAL_CLUSTER_URL,
    'LOCAL_CLUSTER_URL is not set: this test needs the local control plane',
  ).toBeTruthy();
  await signIn(page);
  await page.goto(
    createPage('jetstream2-jupyterhub-gpu', {
      cluster: 'resource:default/js2-demo',
      namespace: 'jhub',
      releaseName: 'jhub',
      owner: 'group:default/science-gateways',
      adminUser: 'admin',
      gpuFlavors: ['g3.medium', 'g3.large'],
    }),
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const check = page.getByRole('status', {
    name: 'Cost and room for GPU servers',
  });
  await expect(check).toContainText(
    '0 of 1 g3.medium GPU free on js2-demo: this will stay Pending',
  );
  await expect(check).toContainText(
    'js2-demo has no g3.large node: this will stay Pending',
  );
  await expect(check).toContainText(
    'A g3.medium GPU server: About 32 SU/h · 23,360 SU per month',
  );
  await screenshotAtWidths(page, 'form-jupyterhub-gpu', { ready: check });
});

test('a plan the action refuses leaves words in the task log, no stack trace', async ({
  page,
  request,
}) => {
  const token = await guestToken(request);
  const headers = { Authorization: `Bearer ${token}` };
  // a trial allocation passes the form's schema but not the plan: the task fails in its first step
  const created = await request.post('/api/scaffolder/v2/tasks', {
    headers,
    data: {
      templateRef: 'template:default/jetstream2-magnum-cluster',
      values: {
        ...magnum,
        // what the form fills in by default, which the API does not
        clusterTemplate: 'kubernetes-1-33-jammy',
        masterCount: 1,
        dockerVolumeSize: 10,
        allocationKind: 'trial',
        workerFlavor: 'm3.small',
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = await created.json();

  let log = '';
  await expect
    .poll(
      async () => {
        const events = await request.get(
          `/api/scaffolder/v2/tasks/${id}/events`,
          { headers },
        );
        const list = (await events.json()) as Array<{
          type: string;
          body: { message?: string; status?: string };
        }>;
        log = list.map(e => e.body.message ?? '').join('\n');
        return list.some(e => e.type === 'completion');
      },
      { message: `task ${id} did not complete`, timeout: 60_000 },
    )
    .toBe(true);
  expect(log).toContain(
    'InputError: The cluster request has 1 problem:\n1. A trial allocation has a quota of 2 cores, too small for any Kubernetes cluster',
  );
  expect(log, 'a stack frame or a source path in the task log').not.toMatch(
    /\n\s+at |\.(ts|js):\d+|node_modules|\/plugins\//,
  );

  await signIn(page);
  await page.goto(`/create/tasks/${id}`);
  await expect(
    page.getByText(/trial allocation has a quota of 2 cores/).first(),
  ).toBeVisible();
  await screenshotAtWidths(page, 'form-task-refused', {
    ready: page.getByText(/trial allocation has a quota of 2 cores/).first(),
  });
});
