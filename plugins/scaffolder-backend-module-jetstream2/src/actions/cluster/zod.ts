import type { TemplateActionOptions } from '@backstage/plugin-scaffolder-node';
import { z as localZod } from 'zod/v3';

/**
 * The zod implementation the scaffolder hands to schema callbacks. Its types come from
 * @backstage/plugin-scaffolder-node's copy of zod, which TypeScript treats as distinct from ours.
 */
export type ZodImpl = Parameters<
  NonNullable<NonNullable<TemplateActionOptions['schema']>['input']>[string]
>[0];

/** Our own zod v3 at run time, typed as the scaffolder's so schema callbacks accept it. */
export const z = localZod as unknown as ZodImpl;
