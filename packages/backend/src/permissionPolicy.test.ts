import fs from 'node:fs';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import {
  kubernetesClustersReadPermission,
  kubernetesProxyPermission,
  kubernetesResourcesReadPermission,
} from '@backstage/plugin-kubernetes-common';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { scaffolderPermissions } from '@backstage/plugin-scaffolder-common/alpha';
import {
  jetstream2KubernetesAllocationsReadPermission,
  jetstream2KubernetesCapacityReadPermission,
  jetstream2KubernetesClustersReadPermission,
  jetstream2KubernetesWorkloadsReadPermission,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { parseAllDocuments } from 'yaml';
import {
  CLUSTER_ACTION_IDS,
  CLUSTER_TEMPLATE_TAG,
  PLATFORM_TEAM,
  PortalPermissionPolicy,
} from './permissionPolicy';

const user = (name: string, groups: string[]): PolicyQueryUser => {
  const userEntityRef = `user:default/${name}`;
  const ownershipEntityRefs = [userEntityRef, ...groups];
  return {
    info: { userEntityRef, ownershipEntityRefs },
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
  } as PolicyQueryUser;
};

const platform = user('avery', [PLATFORM_TEAM]);
const researcher = user('blake', ['group:default/data-science']);
const policy = new PortalPermissionPolicy();

const byName = (name: string): Permission => {
  const found = [
    ...catalogPermissions,
    ...scaffolderPermissions,
    kubernetesProxyPermission,
    kubernetesClustersReadPermission,
    kubernetesResourcesReadPermission,
    jetstream2KubernetesClustersReadPermission,
    jetstream2KubernetesWorkloadsReadPermission,
    jetstream2KubernetesAllocationsReadPermission,
    jetstream2KubernetesCapacityReadPermission,
  ].find(p => p.name === name);
  if (!found) throw new Error(`unknown permission ${name}`);
  return found;
};

const decide = (name: string, who?: PolicyQueryUser) =>
  policy.handle({ permission: byName(name) }, who);

/** Evaluates a conditional decision's criteria with the catalog's real rules. */
function matches(
  criteria: PermissionCriteria<PermissionCondition>,
  entity: Entity,
): boolean {
  if ('allOf' in criteria) return criteria.allOf.every(c => matches(c, entity));
  if ('anyOf' in criteria) return criteria.anyOf.some(c => matches(c, entity));
  if ('not' in criteria) return !matches(criteria.not, entity);
  const rule = Object.values(permissionRules).find(
    r => r.name === criteria.rule,
  );
  if (!rule) throw new Error(`no catalog rule ${criteria.rule}`);
  return rule.apply(entity, criteria.params as any);
}

/** The allocations as committed, with the ownedBy relation the catalog adds from spec.owner. */
function allocations(): Entity[] {
  const file = path.resolve(__dirname, '../../../catalog/allocations.yaml');
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => {
    const entity = doc.toJS() as Entity;
    const targetRef = `group:default/${entity.spec!.owner}`;
    return { ...entity, relations: [{ type: 'ownedBy', targetRef }] };
  });
}

/** The templates as committed, so that a changed tag changes these tests' outcome. */
function templates(): Entity[] {
  const root = path.resolve(__dirname, '../../../catalog/templates');
  return fs
    .readdirSync(root)
    .filter(dir => fs.existsSync(path.join(root, dir, 'template.yaml')))
    .flatMap(dir =>
      parseAllDocuments(
        fs.readFileSync(path.join(root, dir, 'template.yaml'), 'utf8'),
      ).map(doc => doc.toJS() as Entity),
    );
}

describe('PortalPermissionPolicy', () => {
  describe.each([
    // permission, platform team, other signed-in user, no user
    ['kubernetes.proxy', 'ALLOW', 'DENY', 'DENY'],
    ['kubernetes.clusters.read', 'ALLOW', 'DENY', 'DENY'],
    ['kubernetes.resources.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['jetstream2-kubernetes.clusters.read', 'ALLOW', 'DENY', 'DENY'],
    ['jetstream2-kubernetes.workloads.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['jetstream2-kubernetes.allocations.read', 'ALLOW', 'CONDITIONAL', 'DENY'],
    ['jetstream2-kubernetes.capacity.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['catalog.entity.read', 'ALLOW', 'CONDITIONAL', 'DENY'],
    ['catalog.entity.create', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.entity.delete', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.entity.refresh', 'ALLOW', 'ALLOW', 'DENY'],
    ['catalog.entity.validate', 'ALLOW', 'ALLOW', 'DENY'],
    ['catalog.location.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['catalog.location.create', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.location.analyze', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.location.delete', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.ingestion.read', 'ALLOW', 'DENY', 'DENY'],
    ['catalog.ingestion.manage', 'ALLOW', 'DENY', 'DENY'],
    ['scaffolder.template.parameter.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['scaffolder.template.step.read', 'ALLOW', 'ALLOW', 'DENY'],
    ['scaffolder.template.dry-run', 'ALLOW', 'DENY', 'DENY'],
    ['scaffolder.template.management', 'ALLOW', 'DENY', 'DENY'],
    ['scaffolder.task.create', 'ALLOW', 'ALLOW', 'DENY'],
    ['scaffolder.task.read', 'ALLOW', 'CONDITIONAL', 'DENY'],
    ['scaffolder.task.cancel', 'ALLOW', 'CONDITIONAL', 'DENY'],
    ['scaffolder.action.execute', 'ALLOW', 'CONDITIONAL', 'DENY'],
  ] as const)('%s', (name, forPlatform, forResearcher, forNobody) => {
    it(`is ${forPlatform} for the platform team`, async () => {
      expect((await decide(name, platform)).result).toBe(
        AuthorizeResult[forPlatform],
      );
    });
    it(`is ${forResearcher} for other signed-in users`, async () => {
      expect((await decide(name, researcher)).result).toBe(
        AuthorizeResult[forResearcher],
      );
    });
    it(`is ${forNobody} without a user`, async () => {
      expect((await decide(name)).result).toBe(AuthorizeResult[forNobody]);
    });
  });

  it('allows reads of permissions it does not know, and denies the rest, to signed-in users', async () => {
    const read = {
      type: 'basic' as const,
      name: 'some-plugin.thing.read',
      attributes: { action: 'read' as const },
    };
    const update = { ...read, attributes: { action: 'update' as const } };
    const plain = { ...read, attributes: {} };
    await expect(
      policy.handle({ permission: read }, researcher),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      policy.handle({ permission: update }, researcher),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: plain }, researcher),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      policy.handle({ permission: update }, platform),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(policy.handle({ permission: read })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('decides by group membership, not by user name', async () => {
    const guestInPlatform = user('guest', [PLATFORM_TEAM]);
    const averyOutside = user('avery', ['group:default/data-science']);
    expect((await decide('kubernetes.proxy', guestInPlatform)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    expect((await decide('kubernetes.proxy', averyOutside)).result).toBe(
      AuthorizeResult.DENY,
    );
  });

  describe('the conditional catalog read of other signed-in users', () => {
    let decision: ConditionalPolicyDecision;
    beforeAll(async () => {
      decision = (await decide(
        'catalog.entity.read',
        researcher,
      )) as ConditionalPolicyDecision;
    });

    it('is decided by the catalog', () => {
      expect(decision).toMatchObject({
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
      });
    });

    it('hides exactly the templates tagged as cluster-creating', () => {
      const all = templates();
      const visible = all
        .filter(t => matches(decision.conditions, t))
        .map(t => t.metadata.name)
        .sort();
      const hidden = all
        .filter(t => !matches(decision.conditions, t))
        .map(t => t.metadata.name)
        .sort();
      expect(hidden).toEqual([
        'jetstream2-kubespray-cluster',
        'jetstream2-magnum-cluster',
      ]);
      expect(visible).toEqual([
        'jetstream2-deploy-service',
        'jetstream2-jupyterhub-gpu',
      ]);
    });

    it('keeps every other entity, including components tagged like clusters', () => {
      const component: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'api', tags: [CLUSTER_TEMPLATE_TAG] },
        spec: { type: 'service', owner: 'data-science' },
      };
      const group: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'platform-team' },
        spec: { type: 'team', children: [] },
      };
      expect(matches(decision.conditions, component)).toBe(true);
      expect(matches(decision.conditions, group)).toBe(true);
    });
  });

  it("lets other signed-in users read their own groups' allocations only", async () => {
    const readable = async (who: PolicyQueryUser) => {
      const decision = (await decide(
        'jetstream2-kubernetes.allocations.read',
        who,
      )) as ConditionalPolicyDecision;
      expect(decision).toMatchObject({
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
      });
      return allocations()
        .filter(a => matches(decision.conditions, a))
        .map(a => a.metadata.name);
    };
    expect(await readable(researcher)).toEqual(['data-science-allocation']);
    expect(
      await readable(user('casey', ['group:default/science-gateways'])),
    ).toEqual(['science-gateways-allocation']);
    expect(await readable(user('stranger', []))).toEqual([]);
  });

  it('lets other signed-in users run every scaffolder action but the cluster ones', async () => {
    const decision = (await decide(
      'scaffolder.action.execute',
      researcher,
    )) as PolicyDecision;
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: 'scaffolder-action',
      conditions: {
        not: {
          anyOf: CLUSTER_ACTION_IDS.map(actionId => ({
            rule: 'HAS_ACTION_ID',
            resourceType: 'scaffolder-action',
            params: { actionId },
          })),
        },
      },
    });
  });

  it('lets other signed-in users read and cancel only their own scaffolder tasks', async () => {
    for (const name of ['scaffolder.task.read', 'scaffolder.task.cancel']) {
      expect(await decide(name, researcher)).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'scaffolder',
        resourceType: 'scaffolder-task',
        conditions: {
          rule: 'IS_TASK_OWNER',
          resourceType: 'scaffolder-task',
          params: { createdBy: ['user:default/blake'] },
        },
      });
    }
  });
});
