/**
 * Names that become Kubernetes or DNS names (a cluster, a Deployment, a namespace, a Helm release): the
 * rules of an RFC 1123 label, checked in one place for the forms and the plan action, with a message in
 * words and the nearest valid name to suggest.
 */

/** The rules a name follows. */
export interface NameRules {
  /** Longest name allowed (63 for a DNS label; shorter where something is appended to it). */
  maxLength: number;
  /** True when the first character must be a letter (cluster names, Deployments); else a letter or digit. */
  startWithLetter: boolean;
  /** Suggested when nothing usable is left of the value, e.g. "my-cluster". */
  fallback: string;
}

/** A DNS label (RFC 1123), e.g. a namespace: lowercase letters, digits and '-', at most 63 characters. */
export const DNS_LABEL_RULES: NameRules = {
  maxLength: 63,
  startWithLetter: false,
  fallback: 'my-name',
};

/**
 * A cluster name: a DNS label that starts with a letter (Magnum requires it), at most 40 characters because
 * Magnum derives node and load balancer names from it plus suffixes, and those stop at 63.
 */
export const CLUSTER_NAME_RULES: NameRules = {
  maxLength: 40,
  startWithLetter: true,
  fallback: 'my-cluster',
};

/** The nearest name that follows the rules: lowercase, other characters turned into '-', trimmed. */
export function suggestName(raw: string, rules: NameRules): string {
  const start = rules.startWithLetter ? /^[^a-z]+/ : /^[^a-z0-9]+/;
  const s = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(start, '')
    .slice(0, rules.maxLength)
    .replace(/-+$/, '');
  return s || rules.fallback;
}

const CHARACTERS = "lowercase letters, digits and '-'";

/** The rules a name breaks, as the clauses of a sentence after "Use lowercase letters, digits and '-'". */
function brokenRules(name: string, rules: NameRules): string[] {
  const broken: string[] = [];
  if (/[^a-z0-9-]/.test(name)) broken.push(CHARACTERS);
  const first = rules.startWithLetter ? /^[a-z]/i : /^[a-z0-9]/i;
  if (!first.test(name))
    broken.push(
      rules.startWithLetter
        ? 'starting with a letter'
        : 'starting with a letter or digit',
    );
  if (name.endsWith('-')) broken.push('ending with a letter or digit');
  if (name.length > rules.maxLength)
    broken.push(`at most ${rules.maxLength} characters`);
  return broken;
}

export type NameCheckResult =
  | { ok: true }
  | {
      ok: false;
      /** "Use lowercase letters, digits and '-': gpu-lab": the rules and the suggested name. */
      message: string;
      suggestion: string;
      /** The rules broken, e.g. ["lowercase letters, digits and '-'", "starting with a letter"]. */
      broken: string[];
    };

/** Checks a name against the rules; an empty name is left to the form's "required". */
export function checkName(name: string, rules: NameRules): NameCheckResult {
  const broken = brokenRules(name, rules);
  if (name.length === 0 || broken.length === 0) return { ok: true };
  const suggestion = suggestName(name, rules);
  const clauses = [CHARACTERS, ...broken.filter(b => b !== CHARACTERS)];
  return {
    ok: false,
    broken,
    suggestion,
    message: `Use ${clauses.join(', ')}: ${suggestion}`,
  };
}
