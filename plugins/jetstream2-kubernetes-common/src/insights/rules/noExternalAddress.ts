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
    const what: string[] = [];
    if (services.length > 0)
      what.push(
        `${plural(
          services.length,
          'LoadBalancer Service',
        )} without an external address`,
      );
    if (ingresses.length > 0)
      what.push(`${plural(ingresses.length, 'Ingress')} without an address`);
    return [
      {
        ruleId: 'no-external-address',
        severity: 'warning',
        title: what.join(' and '),
        reason: `${listNames(refs)} ${verb(
          refs.length,
          'has',
          'have',
        )} no address yet. On Jetstream2 addresses come from Octavia load balancers and an ingress controller, which Magnum clusters set up (the credential needs the load-balancer role); the Magnum guide covers both.`,
        guideId: 'k8s-magnum',
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
