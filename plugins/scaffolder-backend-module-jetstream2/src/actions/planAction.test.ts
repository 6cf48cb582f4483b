import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createClusterPlanAction } from './planAction';
import {
  looksLikeSecret,
  planCluster,
  suggestClusterName,
  tokenEnvVarFor,
} from './cluster/planCluster';
import {
  badRequests,
  FAKE_SECRET,
  INTERNAL_FIELD_NAME,
  listFiles,
  loggedText,
  makeContext,
  outputsOf,
  validRequest,
} from './__testUtils__';

describe('jetstream2:cluster:plan', () => {
  const mockDir = createMockDirectory();
  const action = createClusterPlanAction();

  beforeEach(() => mockDir.clear());

  it('plans an autoscaling GPU cluster and computes its size and cost', async () => {
    const { ctx, logger } = makeContext(validRequest, {
      workspacePath: mockDir.path,
    });
    await action.handler(ctx);
    const out = outputsOf(ctx);

    expect(out.clusterName).toBe('gpu-lab');
    expect(out.kubernetesVersion).toBe('1.33');
    expect(out.minSize).toEqual({
      nodes: 2,
      workers: 1,
      vcpus: 12,
      memoryGb: 45,
      gpus: 0.25,
      gpuMemoryGb: 10,
      suPerHour: 36, // m3.quad 4 SU/h + g3.medium 8 vCPU × 4
      suPerDay: 864,
      suPerMonth: 26280, // 36 × 730 hours
    });
    expect(out.maxSize).toMatchObject({
      nodes: 5,
      vcpus: 36,
      memoryGb: 135,
      gpus: 1,
      gpuMemoryGb: 40,
      suPerHour: 132,
    });
    expect(out.suPerHourMin).toBe(36);
    expect(out.suPerHourMax).toBe(132);
    expect(out.coresAtMax).toBe(36);
    expect(out.quotaCores).toBe(64);
    expect(out.gpu).toBe(true);
    expect(out.tokenEnvVar).toBe('GPU_LAB_TOKEN');
    expect(out.summary).toContain(
      '| at maximum size | 5 (1 + 4) | 36 | 135 GB | 1 A100 (40 GB) | **132 SU/h** |',
    );
    expect(out.warnings[0]).toMatch(
      /labels cannot be changed after creation.*"Most workers" = 4 is final/,
    );
    expect(out.warningsMarkdown).toMatch(/^- ⚠️ Magnum labels/);
    expect(loggedText(logger)).toMatch(
      /Planned magnum cluster gpu-lab: 36–132 SU\/h/,
    );
    expect(listFiles(mockDir.path)).toEqual([]);
  });

  it('gives the same plan in a dry run and writes nothing', async () => {
    const real = makeContext(validRequest, { workspacePath: mockDir.path });
    await action.handler(real.ctx);
    const dry = makeContext(validRequest, {
      workspacePath: mockDir.path,
      isDryRun: true,
    });
    await action.handler(dry.ctx);
    expect(outputsOf(dry.ctx)).toEqual(outputsOf(real.ctx));
    expect(loggedText(dry.logger)).toContain('[dry run]');
    expect(listFiles(mockDir.path)).toEqual([]);
  });

  it('applies defaults: one m3.quad master, one m3.quad worker, Magnum on IU, newest template', () => {
    const plan = planCluster({
      clusterName: 'small',
      allocation: 'xyz000001',
      applicationCredential: 'c1',
    });
    expect(plan).toMatchObject({
      method: 'magnum',
      region: 'IU',
      clusterTemplate: 'kubernetes-1-33-jammy',
      masterCount: 1,
      masterFlavor: 'm3.quad',
      workerFlavor: 'm3.quad',
      nodeCount: 1,
      minNodes: 1,
      maxNodes: 1,
      autoscaling: false,
      dockerVolumeSize: 10,
      quotaCores: 150,
    });
    expect(plan.maxSize.suPerHour).toBe(8);
    expect(plan.summary).toContain(
      '| total | 2 (1 + 1) | 8 | 30 GB | – | **8 SU/h** |',
    );
  });

  it('charges r3 at 2 SU per vCPU-hour and warns near the quota', () => {
    const plan = planCluster({
      ...validRequest,
      allocationKind: 'cpu',
      workerFlavor: 'r3.large',
      addons: [],
      nodeCount: 2,
      autoscaling: false,
      minNodes: undefined,
      maxNodes: undefined,
    });
    expect(plan.maxSize.suPerHour).toBe(4 + 2 * 64 * 2);
    expect(plan.coresAtMax).toBe(132);
    expect(plan.warnings.join('\n')).toMatch(/uses 132 of the 150 cores/);
  });

  it('accepts a raised quota and three masters', () => {
    const plan = planCluster({
      ...validRequest,
      workerFlavor: 'g3.xl',
      masterCount: 3,
      maxNodes: 4,
      quotaCores: 200,
    });
    expect(plan.coresAtMax).toBe(3 * 4 + 4 * 32);
    expect(plan.maxSize.gpus).toBe(4);
  });

  it('accepts a credential id and Kubespray/CACAO without autoscaling', () => {
    for (const method of ['kubespray', 'cacao']) {
      const plan = planCluster({
        ...validRequest,
        method,
        autoscaling: false,
        applicationCredential: '0123456789abcdef0123456789abcdef',
      });
      expect(plan.method).toBe(method);
      expect(plan.warnings.join('\n')).not.toMatch(/labels cannot be changed/);
    }
  });

  it.each(badRequests)(
    'refuses %s with an actionable message',
    async (_label, change, message) => {
      const { ctx } = makeContext(
        { ...validRequest, ...change },
        { workspacePath: mockDir.path },
      );
      const error = await action.handler(ctx).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      // a person reads it in the task log: labels, not field names; words, not a stack trace
      expect(error.message).not.toMatch(INTERNAL_FIELD_NAME);
      expect(error.stack).toBe(`InputError: ${error.message}`);
      expect(ctx.output).not.toHaveBeenCalled();
      expect(listFiles(mockDir.path)).toEqual([]);
    },
  );

  it('gives every warning and the summary in words, naming fields by their labels', async () => {
    const { ctx } = makeContext(
      { ...validRequest, maxNodes: 7, minNodes: 7, nodeCount: 7 },
      { workspacePath: mockDir.path },
    );
    await action.handler(ctx);
    const out = outputsOf(ctx);
    expect(out.warnings.length).toBeGreaterThan(2);
    expect([...out.warnings, out.summary].join('\n')).not.toMatch(
      INTERNAL_FIELD_NAME,
    );
    expect(out.summary).toContain('per month (730 h)');
    expect(out.summary).not.toMatch(/30 days/);
  });

  it('never repeats a pasted secret in the error or the logs', async () => {
    const { ctx, logger } = makeContext(
      { ...validRequest, applicationCredential: FAKE_SECRET },
      { workspacePath: mockDir.path },
    );
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e,
    );
    expect(error.message).not.toContain(FAKE_SECRET);
    expect(error.message).not.toContain(FAKE_SECRET.slice(0, 12));
    expect(loggedText(logger)).not.toContain(FAKE_SECRET.slice(0, 12));
  });
});

describe('plan helpers', () => {
  it('suggests DNS-safe names', () => {
    expect(suggestClusterName('My_GPU Cluster!')).toBe('my-gpu-cluster');
    expect(suggestClusterName('42')).toBe('my-cluster');
    expect(suggestClusterName('x'.repeat(60))).toHaveLength(40);
  });

  it('derives the token variable from the name', () => {
    expect(tokenEnvVarFor('js2-gpu-1')).toBe('JS2_GPU_1_TOKEN');
  });

  it('tells credential references from secrets', () => {
    expect(looksLikeSecret('magnum-cred')).toBe(false);
    expect(looksLikeSecret('MagnumCred2025')).toBe(false);
    expect(looksLikeSecret('0123456789abcdef0123456789abcdef')).toBe(false);
    expect(looksLikeSecret(FAKE_SECRET)).toBe(true);
    expect(looksLikeSecret('aB3dE5gH7jK9mN1pQ3sT5vX7')).toBe(true);
    expect(looksLikeSecret('export OS_APPLICATION_CREDENTIAL_SECRET=x')).toBe(
      true,
    );
  });
});
