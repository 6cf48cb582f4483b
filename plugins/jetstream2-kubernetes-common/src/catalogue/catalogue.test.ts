import {
  type ConceptId,
  type GuideId,
  conceptCategories,
  concepts,
  conceptsForKind,
  getConcept,
  GUIDE_SOURCES,
  getGuide,
  guides,
  guidesForConcept,
  searchGuides,
} from './index';
import { conceptTable } from './concepts';
import { resourceRegistry } from '../resources/registry';

const ids = (items: { id: string }[]) => items.map(item => item.id);

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

function host(url: string): string {
  return new URL(url).host;
}

describe('guides', () => {
  it('has the sixteen guides with unique ids', () => {
    expect(duplicates(ids(guides))).toEqual([]);
    expect(ids(guides).sort()).toEqual(
      [
        'k8s-overview',
        'k8s-cluster-kubeadm',
        'k8s-kubespray',
        'k8s-magnum',
        'k8s-manage-apps',
        'k8s-volumes',
        'k8s-manila',
        'k8s-minikube',
        'k8s-binderhub',
        'k8s-gpu',
        'k8s-cacao',
        'zonca-jupyterhub',
        'zonca-credentials',
        'zonca-softscale',
        'k8s-debug-pods',
        'k8s-external-address',
      ].sort(),
    );
  });

  it('links each guide over https to its own source', () => {
    for (const guide of guides) {
      const url = new URL(guide.url);
      expect([guide.id, url.protocol]).toEqual([guide.id, 'https:']);
      const expectedHost = {
        'zonca.dev': 'www.zonca.dev',
        'jetstream2-docs': 'docs.jetstream-cloud.org',
        'kubernetes.io': 'kubernetes.io',
      }[guide.source];
      expect([guide.id, url.host]).toEqual([guide.id, expectedHost]);
      for (const link of guide.links ?? []) {
        expect([guide.id, new URL(link.url).protocol]).toEqual([
          guide.id,
          'https:',
        ]);
        expect([guide.id, link.title.trim().length > 0]).toEqual([
          guide.id,
          true,
        ]);
      }
    }
    expect(GUIDE_SOURCES).toEqual(
      expect.arrayContaining([...new Set(guides.map(g => g.source))]),
    );
    expect(new Set(guides.map(guide => guide.url)).size).toBe(guides.length);
  });

  it('follows the docs site layout for docs pages', () => {
    expect(getGuide('k8s-volumes')?.url).toBe(
      'https://docs.jetstream-cloud.org/general/k8svolumes/',
    );
    expect(getGuide('k8s-cacao')?.url).toBe(
      'https://docs.jetstream-cloud.org/ui/cacao/intro/',
    );
    expect(getGuide('zonca-softscale')?.url).toBe(
      'https://www.zonca.dev/posts/2024-02-02-soft-scaling-kubernetes-jetstream',
    );
  });

  it('fills the text fields, keeping summaries short', () => {
    for (const guide of guides) {
      expect([guide.id, guide.title.trim().length > 0]).toEqual([
        guide.id,
        true,
      ]);
      expect([guide.id, guide.purpose.trim().length > 0]).toEqual([
        guide.id,
        true,
      ]);
      expect([
        guide.id,
        guide.summary.length > 0 && guide.summary.length <= 300,
      ]).toEqual([guide.id, true]);
      expect([guide.id, guide.concepts.length > 0]).toEqual([guide.id, true]);
    }
  });

  it('marks only Kubespray as superseded', () => {
    expect(ids(guides.filter(guide => guide.superseded))).toEqual([
      'k8s-kubespray',
    ]);
  });

  it('points the guides that have a template at the right one', () => {
    const templates = Object.fromEntries(
      guides
        .filter(guide => guide.templateRef)
        .map(guide => [guide.id, guide.templateRef]),
    );
    expect(templates).toEqual({
      'k8s-magnum': 'template:default/jetstream2-magnum-cluster',
      'k8s-kubespray': 'template:default/jetstream2-kubespray-cluster',
      'k8s-gpu': 'template:default/jetstream2-jupyterhub-gpu',
      'k8s-manage-apps': 'template:default/jetstream2-deploy-service',
    });
  });
});

describe('concepts', () => {
  const seed = [
    'pod',
    'node',
    'kubelet',
    'kube-proxy',
    'container-runtime',
    'service',
    'replicaset',
    'deployment',
    'control-plane',
    'api-server',
    'etcd',
    'controller-manager',
    'scheduler',
  ];

  it('has unique ids, the whole seed glossary and at least 28 concepts', () => {
    expect(duplicates(ids(concepts))).toEqual([]);
    expect(ids(concepts)).toEqual(expect.arrayContaining(seed));
    expect(concepts.length).toBeGreaterThanOrEqual(28);
  });

  it('spells the control plane properly', () => {
    expect(getConcept('control-plane')?.name).toBe('Control plane');
    for (const concept of concepts) {
      expect(
        `${concept.name} ${concept.summary} ${concept.description}`,
      ).not.toMatch(/control pane/i);
    }
  });

  it('covers every guide-added concept', () => {
    expect(ids(concepts)).toEqual(
      expect.arrayContaining([
        'namespace',
        'persistent-volume',
        'persistent-volume-claim',
        'storage-class',
        'ingress',
        'horizontal-pod-autoscaler',
        'daemonset',
        'statefulset',
        'job',
        'cronjob',
        'configmap',
        'secret',
        'gpu-device-plugin',
        'taints-tolerations',
        'helm-release',
        'load-balancer',
        'cni',
        'lease',
        'event',
      ]),
    );
  });

  it('keeps summaries short and descriptions in two to four paragraphs', () => {
    for (const concept of concepts) {
      expect([
        concept.id,
        concept.summary.length > 0 && concept.summary.length <= 300,
      ]).toEqual([concept.id, true]);
      const paragraphCount = concept.description.split(/\n\s*\n/).length;
      expect([concept.id, paragraphCount >= 2 && paragraphCount <= 4]).toEqual([
        concept.id,
        true,
      ]);
    }
  });

  it('uses only known categories and related concepts', () => {
    const categoryIds = ids(conceptCategories);
    expect(duplicates(categoryIds)).toEqual([]);
    const known = new Set(ids(concepts));
    for (const concept of concepts) {
      expect([concept.id, categoryIds.includes(concept.category)]).toEqual([
        concept.id,
        true,
      ]);
      const unknown = concept.related.filter(
        id => !known.has(id) || id === concept.id,
      );
      expect([concept.id, unknown]).toEqual([concept.id, []]);
    }
  });

  it('links references over https to kubernetes.io (Helm to its own site)', () => {
    for (const concept of concepts) {
      expect(concept.referenceUrl).toBeDefined();
      const url = new URL(concept.referenceUrl!);
      expect([concept.id, url.protocol]).toEqual([concept.id, 'https:']);
      const expectedHost =
        concept.id === 'helm-release' ? 'helm.sh' : 'kubernetes.io';
      expect([concept.id, host(concept.referenceUrl!)]).toEqual([
        concept.id,
        expectedHost,
      ]);
    }
  });

  it('gives each Kubernetes kind to at most one concept, and components none', () => {
    const kinds = concepts.flatMap(concept => concept.kinds);
    expect(duplicates(kinds)).toEqual([]);
    for (const id of [
      'kubelet',
      'etcd',
      'scheduler',
      'load-balancer',
      'gpu-device-plugin',
    ]) {
      expect([id, getConcept(id)?.kinds]).toEqual([id, []]);
    }
  });
});

describe('guide and concept links', () => {
  const guideIds = new Set(ids(guides));
  const conceptIds = new Set(ids(concepts));

  it('refers only to concepts and guides that exist', () => {
    for (const guide of guides) {
      const missing = guide.concepts.filter(id => !conceptIds.has(id));
      expect([guide.id, missing]).toEqual([guide.id, []]);
      expect([guide.id, duplicates(guide.concepts)]).toEqual([guide.id, []]);
    }
    for (const concept of concepts) {
      const missing = concept.guides.filter(id => !guideIds.has(id));
      expect([concept.id, missing]).toEqual([concept.id, []]);
      expect([concept.id, duplicates(concept.guides)]).toEqual([
        concept.id,
        [],
      ]);
    }
  });

  it('agrees in both directions: a guide lists a concept exactly when the concept lists the guide', () => {
    const fromGuides = guides.flatMap(guide =>
      guide.concepts.map(c => `${guide.id} -> ${c}`),
    );
    const fromConcepts = concepts.flatMap(concept =>
      concept.guides.map(g => `${g} -> ${concept.id}`),
    );
    expect(fromConcepts.sort()).toEqual(fromGuides.sort());
  });

  it('derives each concept\u2019s guides from the guides, in catalogue order', () => {
    for (const concept of concepts) {
      expect([concept.id, concept.guides]).toEqual([
        concept.id,
        ids(guidesForConcept(concept.id)),
      ]);
    }
    expect(getConcept('pod')?.guides).toEqual([
      'k8s-overview',
      'k8s-manage-apps',
      'k8s-volumes',
      'k8s-manila',
      'k8s-gpu',
      'k8s-debug-pods',
    ]);
    expect(getConcept('load-balancer')?.guides).toEqual([
      'k8s-magnum',
      'k8s-external-address',
    ]);
  });

  it('writes the link in one place: the concept table has no guides lists', () => {
    for (const entry of conceptTable) {
      expect([entry.id, 'guides' in entry]).toEqual([entry.id, false]);
    }
  });

  it('leaves only the known concepts without a guide', () => {
    // A new concept that no guide lists shows a card with no way forward: add it here on purpose.
    expect(
      ids(concepts.filter(concept => concept.guides.length === 0)),
    ).toEqual(['statefulset', 'job', 'cronjob', 'lease']);
  });

  it('has every guide teach at least one concept that the portal explains', () => {
    const taught = new Set(concepts.flatMap(concept => concept.guides));
    expect(ids(guides).filter(id => !taught.has(id))).toEqual([]);
  });

  it('has the overview teach the whole seed glossary', () => {
    expect(getGuide('k8s-overview')?.concepts).toEqual(
      expect.arrayContaining([
        'pod',
        'node',
        'kubelet',
        'kube-proxy',
        'container-runtime',
        'service',
        'replicaset',
        'deployment',
        'control-plane',
        'api-server',
        'etcd',
        'controller-manager',
        'scheduler',
      ]),
    );
  });
});

describe('the catalogue and the resource registry', () => {
  it('explain each collected kind with a concept that claims that kind', () => {
    const explained = resourceRegistry.filter(def => 'conceptId' in def);
    expect(explained.map(def => def.kind)).toEqual(
      expect.arrayContaining(['Pod', 'Deployment', 'Node', 'StorageClass']),
    );
    for (const def of explained) {
      if (!('conceptId' in def)) continue;
      const concept = getConcept(def.conceptId);
      expect([def.kind, concept?.id]).toEqual([def.kind, def.conceptId]);
      expect([def.kind, concept?.kinds.includes(def.kind)]).toEqual([
        def.kind,
        true,
      ]);
    }
  });
});

describe('typed ids', () => {
  it('derives GuideId and ConceptId from the tables (checked by tsc)', () => {
    const guideId: GuideId = 'k8s-gpu';
    const conceptId: ConceptId = 'gpu-device-plugin';
    // @ts-expect-error: no guide of the catalogue has this id
    const wrongGuide: GuideId = 'k8s-no-such-guide';
    // @ts-expect-error: concept ids are lowercase
    const wrongConcept: ConceptId = 'Pod';
    expect(getGuide(guideId)?.concepts).toContain(conceptId);
    expect([getGuide(wrongGuide), getConcept(wrongConcept)]).toEqual([
      undefined,
      undefined,
    ]);
  });
});

describe('look-ups', () => {
  it('finds guides and concepts by id', () => {
    expect(getGuide('k8s-magnum')?.title).toMatch(/Magnum/);
    expect(getGuide('nope')).toBeUndefined();
    expect(getConcept('etcd')?.category).toBe('control-plane');
    expect(getConcept('Pod')).toBeUndefined();
  });

  it('maps Kubernetes kinds to concepts, case-sensitively', () => {
    expect(ids(conceptsForKind('Pod'))).toEqual(['pod']);
    expect(ids(conceptsForKind('PersistentVolumeClaim'))).toEqual([
      'persistent-volume-claim',
    ]);
    expect(ids(conceptsForKind('Lease'))).toEqual(['lease']);
    expect(conceptsForKind('pod')).toEqual([]);
    expect(conceptsForKind('Unknown')).toEqual([]);
  });

  it('lists the guides of a concept', () => {
    expect(ids(guidesForConcept('gpu-device-plugin'))).toEqual(['k8s-gpu']);
    expect(ids(guidesForConcept('persistent-volume-claim'))).toEqual([
      'k8s-volumes',
      'zonca-jupyterhub',
    ]);
    expect(guidesForConcept('statefulset')).toEqual([]);
  });

  it('orders concept categories with labels', () => {
    expect(conceptCategories[0]).toEqual({
      id: 'workload',
      label: 'Workloads',
    });
    expect(conceptCategories.find(c => c.id === 'control-plane')?.label).toBe(
      'Control plane',
    );
    expect(conceptCategories).toHaveLength(9);
  });
});

describe('searchGuides', () => {
  it('finds guides by free text, ignoring case', () => {
    expect(ids(searchGuides({ text: 'manila' }))).toEqual(['k8s-manila']);
    expect(ids(searchGuides({ text: 'MANILA' }))).toEqual(['k8s-manila']);
    expect(ids(searchGuides({ text: 'etcd' }))).toEqual([
      'k8s-overview',
      'k8s-cluster-kubeadm',
    ]);
  });

  it('searches tools and steps too, requiring every word', () => {
    expect(ids(searchGuides({ text: 'terraform' }))).toEqual([
      'k8s-kubespray',
      'k8s-cacao',
    ]);
    expect(ids(searchGuides({ text: 'shelve uncordon' }))).toEqual([
      'zonca-softscale',
    ]);
    expect(searchGuides({ text: 'manila terraform' })).toEqual([]);
  });

  it('filters by concept and source, combined with text', () => {
    expect(
      ids(searchGuides({ conceptId: 'persistent-volume-claim' })),
    ).toContain('k8s-volumes');
    expect(ids(searchGuides({ source: 'zonca.dev' }))).toEqual([
      'zonca-jupyterhub',
      'zonca-credentials',
      'zonca-softscale',
    ]);
    expect(ids(searchGuides({ text: 'helm', source: 'zonca.dev' }))).toEqual([
      'zonca-jupyterhub',
    ]);
    expect(
      ids(searchGuides({ conceptId: 'ingress', source: 'zonca.dev' })),
    ).toEqual(['zonca-jupyterhub']);
  });

  it('finds the guide on crashing pods by "crash" and by "logs"', () => {
    expect(ids(searchGuides({ text: 'crash' }))).toEqual(['k8s-debug-pods']);
    expect(ids(searchGuides({ text: 'logs' }))).toEqual(['k8s-debug-pods']);
    expect(ids(searchGuides({ source: 'kubernetes.io' }))).toEqual([
      'k8s-debug-pods',
    ]);
  });

  it('finds the guide on missing addresses by "load balancer" and "floating ip"', () => {
    expect(ids(searchGuides({ text: 'loadbalancer address' }))).toEqual([
      'k8s-external-address',
    ]);
    expect(ids(searchGuides({ text: 'floating ip' }))).toEqual([
      'k8s-external-address',
    ]);
  });

  it('returns every guide without filters and none for an unknown concept', () => {
    expect(searchGuides({})).toHaveLength(guides.length);
    expect(searchGuides({ text: '   ' })).toHaveLength(guides.length);
    expect(searchGuides({ conceptId: 'no-such-concept' })).toEqual([]);
  });
});
