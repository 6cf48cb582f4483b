import { expect, signIn, test } from './fixtures';

// The Create form of the Magnum template shows the planned cluster's SU cost live (the
// Jetstream2ClusterCost field), from the same cost model the plan step uses.

const formData = {
  clusterName: 'e2e-cost',
  allocation: 'abc123456',
  allocationKind: 'gpu',
  applicationCredential: 'e2e-cost-magnum',
  owner: 'group:default/platform-team',
  masterFlavor: 'm3.quad',
  workerFlavor: 'g3.medium',
  nodeCount: 1,
};

test('the Create form shows the cost as the node count changes', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    `/create/templates/default/jetstream2-magnum-cluster?formData=${encodeURIComponent(
      JSON.stringify(formData),
    )}`,
  );
  // Cluster, then Project: both prefilled from the query.
  await expect(page.getByLabel(/Cluster name/)).toHaveValue('e2e-cost');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel(/Allocation id/)).toHaveValue('abc123456');
  await page.getByRole('button', { name: 'Next' }).click();

  const cost = page.getByRole('status', { name: 'Estimated cost' });
  // m3.quad 4 SU/h + g3.medium 32 SU/h
  await expect(cost).toContainText('36 SU/h · 26,280 SU per month');

  const workers = page.getByLabel(/Workers at creation/);
  await workers.fill('3');
  await expect(cost).toContainText('100 SU/h · 73,000 SU per month');

  // 4 + 8 × 8 = 68 cores: over the GPU allocation's 64-core quota
  await workers.fill('8');
  await expect(cost).toContainText('quota is 64 cores');

  await workers.fill('2');
  await expect(cost).toContainText('68 SU/h · 49,640 SU per month');
});
