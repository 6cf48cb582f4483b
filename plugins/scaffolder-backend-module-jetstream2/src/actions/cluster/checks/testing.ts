import { z } from '../zod';
import { clusterRequestSchema } from '../request';
import { validRequest } from '../../__testUtils__';
import { planChecks } from '.';
import type { CheckContext, PlanCheck, PlanFacts } from './types';

/** The context a check sees for the valid GPU request with `change` applied, after the checks before it. */
export function contextFor(
  check: PlanCheck,
  change: Record<string, unknown> = {},
): CheckContext {
  const input = clusterRequestSchema(z).parse({ ...validRequest, ...change });
  const facts: Partial<PlanFacts> = {};
  let hasProblems = false;
  for (const earlier of planChecks) {
    if (earlier === check) break;
    const r = earlier.run({ input, facts, hasProblems });
    Object.assign(facts, r.facts);
    hasProblems ||= (r.problems ?? []).length > 0;
  }
  return { input, facts, hasProblems };
}

/** Runs one check on the valid request with `change` applied. */
export function runCheck(
  check: PlanCheck,
  change: Record<string, unknown> = {},
) {
  const r = check.run(contextFor(check, change));
  return {
    facts: r.facts ?? {},
    problems: r.problems ?? [],
    warnings: [...(r.leadingWarnings ?? []), ...(r.warnings ?? [])],
  };
}
