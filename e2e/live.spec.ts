import { execFileSync } from 'node:child_process';
import { expect, kubernetesTab, signIn, test } from './fixtures';

// The Kubernetes tab follows the cluster without a reload: kubectl changes the real local control plane,
// the backend's watches see it, a change notice (signals) reaches the page, and the page refetches.

const binderPath = '/catalog/default/component/binderhub';

function kubectl(...args: string[]): string {
  if (!process.env.KUBECONFIG) {
    throw new Error(
      'KUBECONFIG is not set: run the end-to-end tests through `npm test`, which starts the local control plane',
    );
  }
  return execFileSync('kubectl', args, { encoding: 'utf8' });
}

function replicas(): number {
  return Number(
    kubectl(
      '-n',
      'binder',
      'get',
      'deployment',
      'binder',
      '-o',
      'jsonpath={.spec.replicas}',
    ),
  );
}

test.describe.configure({ mode: 'serial' });

test('a kubectl scale shows on the open tab without a reload', async ({
  page,
}) => {
  const before = replicas();
  const wanted = before + 2;
  await signIn(page);
  await page.goto(binderPath);
  await kubernetesTab(page, binderPath).click();
  const table = page
    .getByText('Workloads across clusters')
    .locator('xpath=ancestor::*[contains(@class,"MuiPaper-root")][1]');
  await expect(
    table.getByText(`${before}/${before} ready`).first(),
  ).toBeVisible();
  // signals reach the page: the indicator says the view is pushed, not polled
  await expect(page.getByTestId('live-indicator').first()).toHaveText(
    /^Live · updated/,
  );

  let navigations = 0;
  page.on('framenavigated', frame => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  try {
    kubectl(
      '-n',
      'binder',
      'scale',
      'deployment',
      'binder',
      `--replicas=${wanted}`,
    );
    await expect(
      table.getByText(`${wanted}/${wanted} ready`).first(),
      `the tab should show ${wanted}/${wanted} ready after kubectl scale, without a reload`,
    ).toBeVisible({ timeout: 30_000 });
    expect(navigations).toBe(0);
  } finally {
    kubectl(
      '-n',
      'binder',
      'scale',
      'deployment',
      'binder',
      `--replicas=${before}`,
    );
  }
});

test('a pod that starts crash-looping brings its guide onto the open tab', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(binderPath);
  await kubernetesTab(page, binderPath).click();
  await expect(page.getByText('Workloads across clusters')).toBeVisible();
  const guides = page
    .getByText('Recommended guides')
    .locator('xpath=ancestor::*[contains(@class,"MuiCard-root")][1]');
  await expect(guides).toBeVisible();
  try {
    kubectl(
      '-n',
      'binder',
      'patch',
      'deployment',
      'binder',
      '--type=merge',
      '-p',
      JSON.stringify({
        spec: {
          template: {
            metadata: {
              annotations: { 'local-cluster.jetstream2/simulate': 'crashloop' },
            },
          },
        },
      }),
    );
    await expect(
      // visible only: the guides' collapsed reasons name the state too
      page.getByText('CrashLoopBackOff').filter({ visible: true }).first(),
      'a crash-looping pod should appear on the tab without a reload',
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      guides.getByRole('link', { name: /Read logs and debug a crashing pod/ }),
      'the crash-loop guide should be recommended',
    ).toBeVisible({ timeout: 30_000 });
  } finally {
    kubectl('-n', 'binder', 'rollout', 'undo', 'deployment', 'binder');
  }
});

test("the crash-looping worker's logs open from the tab, with the previous run's error, and the tab shows its cost", async ({
  page,
}) => {
  const sciencePath = '/catalog/default/component/science-api';
  await signIn(page);
  await page.goto(sciencePath);
  await kubernetesTab(page, sciencePath).click();
  // what the service costs, in SU
  await expect(page.getByText('What it costs')).toBeVisible();
  await expect(page.getByText(/SU per hour/).first()).toBeVisible();
  // the seeded worker crash-loops: open its logs through our backend (not upstream's proxy)
  await page
    .getByRole('button', { name: /^Logs of worker-/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/^Logs of worker-/)).toBeVisible();
  await dialog
    .getByRole('checkbox', { name: 'Previous run (before the last restart)' })
    .check();
  const log = dialog.getByLabel(/^Log of /);
  await expect(
    log,
    "the previous run's log should end with the error that made the worker exit",
  ).toContainText('ConnectionError', { timeout: 30_000 });
});
