import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ZodImpl } from '../cluster/zod';

const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/**
 * `jetstream2:git:repo-url` gives publish:gitea its `repoUrl` for a new repository on the portal's own Git
 * host (the first `integrations.gitea` entry) in the organisation `jetstream2.scaffolder.repositoryOwner`
 * (default `jetstream2`), so a researcher never picks a Git host or owner. Refuses a name that is not a
 * DNS label before anything is created.
 */
export function createRepoUrlAction(options: { config: Config }) {
  return createTemplateAction({
    id: 'jetstream2:git:repo-url',
    description:
      "The repoUrl of a new repository on the portal's Git host, for publish:gitea.",
    supportsDryRun: true,
    schema: {
      input: {
        name: (z: ZodImpl) => z.string({ description: 'Repository name' }),
      },
      output: {
        repoUrl: (z: ZodImpl) => z.string(),
        repoPage: (z: ZodImpl) => z.string(),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      if (!DNS_LABEL.test(name) || name.length > 63) {
        throw new InputError(
          `"${name}" cannot name the repository and the Kubernetes objects: use lowercase letters, digits and "-", starting with a letter and ending with a letter or digit, at most 63 characters.`,
        );
      }
      const gitea = options.config.getOptionalConfigArray('integrations.gitea');
      if (!gitea || gitea.length === 0) {
        throw new InputError(
          'The portal has no Git host to publish to (integrations.gitea in app-config); npm start adds the local one (tools/gitea).',
        );
      }
      const host = gitea[0].getString('host');
      const baseUrl =
        gitea[0].getOptionalString('baseUrl') ?? `https://${host}`;
      const owner =
        options.config.getOptionalString(
          'jetstream2.scaffolder.repositoryOwner',
        ) ?? 'jetstream2';
      ctx.output('repoUrl', `${host}?owner=${owner}&repo=${name}`);
      ctx.output('repoPage', `${baseUrl.replace(/\/$/, '')}/${owner}/${name}`);
    },
  });
}
