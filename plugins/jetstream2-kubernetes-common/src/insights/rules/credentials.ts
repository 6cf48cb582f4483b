import type { InsightRule } from './types';

/** The API server rejects the portal's credentials (401) or access (403). */
export const credentials: InsightRule = {
  ruleIds: ['cluster-credentials'],
  evaluate(input) {
    const err = input.clusterError;
    if (!err || (err.reason !== 'unauthorized' && err.reason !== 'forbidden'))
      return [];
    const what =
      err.reason === 'unauthorized'
        ? 'rejects the portal\u2019s credentials (HTTP 401)'
        : 'refuses the portal access (HTTP 403)';
    return [
      {
        ruleId: 'cluster-credentials',
        severity: 'error',
        title: 'The cluster does not accept the portal\u2019s credentials',
        reason: `The API server ${what}. On Jetstream2 this usually means an application credential or service-account token expired or was replaced; the guide shows how to put a new credential into the cluster and restart what uses it.`,
        guideId: 'zonca-credentials',
        conceptIds: ['secret'],
        objects: [],
      },
    ];
  },
};
