import {
  checkName,
  CLUSTER_NAME_RULES,
  fieldLabel,
  suggestName,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

/** A lowercase DNS label close to what was typed, for "did you mean" hints. */
export function suggestClusterName(raw: string): string {
  return suggestName(raw, CLUSTER_NAME_RULES);
}

/**
 * Name: a DNS-safe label, short enough for the node names Magnum derives from it. The same rules and words
 * as the form's name field (checkName in -common).
 */
export const nameCheck: PlanCheck = {
  id: 'name',
  run({ input }) {
    const name = input.clusterName;
    const facts = { clusterName: name };
    const label = fieldLabel('clusterName');
    if (name.length === 0) {
      return {
        facts,
        problems: [`${label} is empty: choose a short name such as "gpu-lab".`],
      };
    }
    const result = checkName(name, CLUSTER_NAME_RULES);
    if (result.ok) return { facts };
    const why =
      name.length > CLUSTER_NAME_RULES.maxLength
        ? ` (Magnum adds node-group and random suffixes to it, and node names must stay within 63 characters)`
        : '';
    return {
      facts,
      problems: [
        `${label} "${name}" is not a valid cluster name${why}. ${result.message}.`,
      ],
    };
  },
};
