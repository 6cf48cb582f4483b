import { objectStatus } from '../../resources/status';
import { listNames, plural, ref, verb } from './helpers';
import type { InsightRule } from './types';

/** LoadBalancer Services and Ingresses that have no address yet. */
export const noExternalAddress: InsightRule = {
  ruleIds: ['no-external-address'],
  evaluate(input) {
    const services = (input.objects.services ?? []).filter(
      s => objectStatus('Service', s).state === 'No address',
    );
    const ingresses = (input.objects.ingresses ?? []).filter(
      i => objectStatus('Ingress', i).state === 'No address',
    );
    const refs = [
      ...services.map(s => ref('Service', s)),
      ...ingresses.map(i => ref('Ingress', i)),
    ];
    if (refs.length === 0) return [];
    const one = refs.length === 1;
    const title = one
      ? `${
          services.length
            ? `LoadBalancer Service ${refs[0].name}`
            : `Ingress ${refs[0].name}`
        } has no ${services.length ? 'external ' : ''}address`
      : [
          services.length > 0 &&
            `${plural(
              services.length,
              'LoadBalancer Service',
            )} without an external address`,
          ingresses.length > 0 &&
            `${plural(ingresses.length, 'Ingress')} without an address`,
        ]
          .filter(Boolean)
          .join(' and ');
    return [
      {
        ruleId: 'no-external-address',
        severity: 'warning',
        title,
        reason: `${listNames(refs)} ${verb(
          refs.length,
          'has',
          'have',
        )} no address yet. Check first that the cluster runs a load-balancer controller (and an ingress controller for an Ingress), that its application credential includes the load-balancer role, and that the allocation has a free floating IP (10 by default, 4 on GPU allocations); the guide goes through these checks in order.`,
        guideId: 'k8s-external-address',
        conceptIds: [
          'load-balancer',
          ...(services.length > 0 ? (['service'] as const) : []),
          ...(ingresses.length > 0 ? (['ingress'] as const) : []),
        ],
        objects: refs,
      },
    ];
  },
};
