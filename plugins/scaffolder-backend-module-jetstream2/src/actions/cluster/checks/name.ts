import { MAX_CLUSTER_NAME_LENGTH } from '../request';
import type { PlanCheck } from './types';

/** A lowercase RFC 1123 label close to what was typed, for "did you mean" hints. */
export function suggestClusterName(raw: string): string {
  const s = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, MAX_CLUSTER_NAME_LENGTH)
    .replace(/-+$/, '');
  return s || 'my-cluster';
}

/** Name: a DNS-safe label, short enough for the node names Magnum derives from it. */
export const nameCheck: PlanCheck = {
  id: 'name',
  run({ input }) {
    const name = input.clusterName;
    const facts = { clusterName: name };
    if (name.length === 0) {
      return {
        facts,
        problems: [
          'clusterName is empty: choose a short name such as "gpu-lab".',
        ],
      };
    }
    const problems: string[] = [];
    const suggestion = suggestClusterName(name);
    if (name.length > MAX_CLUSTER_NAME_LENGTH) {
      problems.push(
        `clusterName "${name}" has ${name.length} characters; the limit is ${MAX_CLUSTER_NAME_LENGTH} because Magnum adds node-group and random suffixes to it and node names must stay within 63 characters. Try "${suggestion}".`,
      );
    }
    if (/[A-Z]/.test(name)) {
      problems.push(
        `clusterName "${name}" has uppercase letters; cluster names are DNS labels and must be lowercase, e.g. "${suggestion}".`,
      );
    }
    const badChars = [...new Set(name.replace(/[A-Za-z0-9-]/g, ''))];
    if (badChars.length > 0) {
      problems.push(
        `clusterName "${name}" contains ${badChars
          .map(c => JSON.stringify(c))
          .join(
            ', ',
          )}; use only lowercase letters, digits and '-', e.g. "${suggestion}".`,
      );
    }
    if (!/^[A-Za-z]/.test(name)) {
      problems.push(
        `clusterName "${name}" must start with a letter (Magnum requires it), e.g. "${suggestion}".`,
      );
    }
    if (name.endsWith('-')) {
      problems.push(`clusterName "${name}" must not end with '-'.`);
    }
    return { facts, problems };
  },
};
