import { execFileSync } from 'node:child_process';
import {
  expect,
  expectNoSeriousA11yViolations,
  screenshotAtWidths,
  signIn,
  test,
  type Page,
} from './fixtures';

// The entity's Topology tab on the real local control plane: the objects the backend's cache holds, drawn
// by the DependencyGraph, with verdicts and guides, a side panel per object, and live updates.

const hubPath = '/catalog/default/component/jupyterhub';
const sciencePath = '/catalog/default/component/science-api';

function kubectl(...args: string[]): string {
  if (!process.env.KUBECONFIG) {
    throw new Error(
      'KUBECONFIG is not set: source the local control plane env (tools/local-cluster/start.sh) first',
    );
  }
  return execFileSync('kubectl', args, { encoding: 'utf8' });
}

/**
 * Opens the entity's Topology tab (a top-level tab beside Kubernetes); returns the
 * milliseconds from the click to the first drawn node.
 */
async function openTopology(page: Page, entityPath: string): Promise<number> {
  await page.goto(entityPath);
  const started = Date.now();
  await page
    .getByRole('menuitem', { name: 'Topology' })
    .or(page.locator(`a[href="${entityPath}/topology"]`))
    .first()
    .click();
  await expect(page).toHaveURL(`${entityPath}/topology`);
  await expect(
    page.getByTestId('topology-node').first(),
    'the topology should draw its first node',
  ).toBeVisible();
  return Date.now() - started;
}

const nodeButton = (page: Page, name: RegExp) =>
  page.getByTestId('topology-node').and(page.getByRole('button', { name }));

test.describe.configure({ mode: 'serial' });

test("JupyterHub's hub Service, hub pod and pending claim with the volumes guide; proxy-public without an address", async ({
  page,
}) => {
  await signIn(page);
  const ms = await openTopology(page, hubPath);
  console.log(
    `topology of jupyterhub: first node drawn ${ms} ms after the click`,
  );
  await expect(
    nodeButton(page, /^Service hub; /),
    'the hub Service should be drawn',
  ).toBeVisible();
  await expect(nodeButton(page, /^Pod hub-/)).toBeVisible();
  const claim = nodeButton(page, /^PersistentVolumeClaim hub-db-dir; /);
  await expect(claim).toHaveAccessibleName(/guide: /);
  await expect(
    nodeButton(page, /^External address proxy-public: none yet; .*guide: /),
  ).toBeVisible();

  // keyboard: focus the claim and press Enter; the side panel names the guide that fixes it
  await claim.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'hub-db-dir' });
  await expect(panel).toBeVisible();
  await expect(
    panel.getByRole('button', { name: /^Open the guide: / }),
  ).toHaveAttribute('href', '/jetstream2-kubernetes/guides/k8s-volumes');
  await expect(panel.getByRole('heading', { name: 'Events' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the topology side panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  await expectNoSeriousA11yViolations(page, 'the entity Topology tab');
  await screenshotAtWidths(page, 'topology-jupyterhub', {
    ready: page.getByTestId('topology-node').first(),
  });
});

test("Science API's Deployment, ReplicaSet and pods on their nodes follow kubectl scale without a reload", async ({
  page,
}) => {
  const replicas = () =>
    Number(
      kubectl(
        '-n',
        'science',
        'get',
        'deployment',
        'api',
        '-o',
        'jsonpath={.spec.replicas}',
      ),
    );
  const before = replicas();
  const wanted = before + 2;
  await signIn(page);
  await openTopology(page, sciencePath);
  await expect(nodeButton(page, /^Deployment api; /)).toBeVisible();
  await expect(nodeButton(page, /^ReplicaSet api-/)).toBeVisible();
  const apiPods = nodeButton(page, /^Pod api-/);
  await expect(apiPods).toHaveCount(before);
  await expect(
    nodeButton(page, /^Node .*m3\./).first(),
    "the pods' nodes should show their flavor",
  ).toBeVisible();
  await screenshotAtWidths(page, 'topology-science-api', {
    ready: page.getByTestId('topology-node').first(),
  });

  let navigations = 0;
  page.on('framenavigated', frame => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  try {
    kubectl(
      '-n',
      'science',
      'scale',
      'deployment',
      'api',
      `--replicas=${wanted}`,
    );
    await expect(
      apiPods,
      `the graph should draw ${wanted} api pods after kubectl scale, without a reload`,
    ).toHaveCount(wanted, { timeout: 60_000 });
    expect(navigations).toBe(0);
  } finally {
    kubectl(
      '-n',
      'science',
      'scale',
      'deployment',
      'api',
      `--replicas=${before}`,
    );
  }
});
