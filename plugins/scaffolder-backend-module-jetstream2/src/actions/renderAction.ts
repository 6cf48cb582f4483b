import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { fieldLabel } from '@internal/plugin-jetstream2-kubernetes-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ZodImpl } from './cluster/zod';
import { planCluster } from './cluster/planCluster';
import { clusterRequestFields } from './cluster/request';
import {
  ClusterEntityDetails,
  parseYaml,
  RenderedFile,
  renderClusterFiles,
} from './cluster/renderFiles';
import { outputPlan, planOutputFields } from './planAction';
import { withPlainErrors } from './plainErrors';

/** Options of jetstream2:cluster:render. */
export interface ClusterRenderActionOptions {
  /**
   * A folder on the backend host where real (not dry) runs also leave a copy of the rendered files, in
   * `<exportDirectory>/<clusterName>/<taskId>/`, for portals with no git host to publish to.
   */
  exportDirectory?: string;
}

const ENTITY_REF =
  /^(?:(?:group|user):)?(?:[a-z0-9][a-z0-9._-]{0,62}\/)?[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;
const TAG = /^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$/;
const SYSTEM = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,62}$/;

function checkEntityDetails(input: {
  owner: string;
  description?: string;
  system?: string;
  tags?: string[];
}): ClusterEntityDetails {
  const problems: string[] = [];
  if (!ENTITY_REF.test(input.owner)) {
    problems.push(
      `${fieldLabel('owner')} "${
        input.owner
      }" is not an entity reference; use a group or user such as "group:default/platform-team" or "platform-team".`,
    );
  }
  if (
    input.system !== undefined &&
    input.system !== '' &&
    !SYSTEM.test(input.system)
  ) {
    problems.push(`The system "${input.system}" is not a valid entity name.`);
  }
  for (const t of input.tags ?? []) {
    if (!TAG.test(t) || t.length > 63) {
      problems.push(
        `The tag "${t}" is not a valid catalog tag: use lowercase letters, digits, ':', '+', '#' and single '-' between words, at most 63 characters.`,
      );
    }
  }
  if (problems.length) {
    throw new InputError(
      `The catalog details have ${problems.length} problem${
        problems.length === 1 ? '' : 's'
      }:\n${problems.map((p, i) => `${i + 1}. ${p}`).join('\n')}`,
    );
  }
  return {
    owner: input.owner,
    description: input.description || undefined,
    system: input.system || undefined,
    tags: input.tags ?? [],
  };
}

function resolveTarget(workspacePath: string, targetPath: string): string {
  try {
    return resolveSafeChildPath(workspacePath, targetPath);
  } catch {
    throw new InputError(
      `${fieldLabel(
        'targetPath',
      )} "${targetPath}" points outside the workspace; use a relative folder such as "cluster".`,
    );
  }
}

async function writeFiles(baseDir: string, files: RenderedFile[]) {
  for (const f of files) {
    const target = resolveSafeChildPath(baseDir, f.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, f.content, {
      encoding: 'utf8',
      mode: f.executable ? 0o755 : 0o644,
    });
  }
}

/** Copies the files to the portal's export folder; a failure names neither the folder nor the host's paths. */
async function exportFiles(
  exportDirectory: string,
  subPath: string,
  files: RenderedFile[],
): Promise<string> {
  try {
    const dir = resolveSafeChildPath(exportDirectory, subPath);
    await writeFiles(dir, files);
    return dir;
  } catch (e) {
    throw new Error(
      `the files could not be copied to the portal's export folder (${
        (e as NodeJS.ErrnoException).code ?? (e as Error).name
      }); they are still in this task's workspace. The platform team should check jetstream2.scaffolder.exportDirectory`,
    );
  }
}

/** The rendered files as Markdown, for a template's output text when there is no git host. */
export function filesAsMarkdown(files: RenderedFile[], prefix: string): string {
  const languages: Record<string, string> = {
    sh: 'bash',
    tf: 'hcl',
    tfvars: 'hcl',
    yaml: 'yaml',
  };
  const lang = (p: string) =>
    languages[p.slice(p.lastIndexOf('.') + 1)] ?? 'markdown';
  return files
    .filter(f => f.path !== 'README.md')
    .map(
      f =>
        `#### \`${path.posix.join(prefix, f.path)}\`\n\n~~~${lang(
          f.path,
        )}\n${f.content.trimEnd()}\n~~~`,
    )
    .join('\n\n');
}

/**
 * `jetstream2:cluster:render` plans the cluster like jetstream2:cluster:plan, then writes what creates
 * it (Magnum script + OpenTofu file, Kubespray inventory, or CACAO steps), a README and the catalog and
 * app-config entries into the workspace. In a dry run it writes only into the (temporary) dry-run
 * workspace, which is what the template editor shows, and never to the export directory.
 */
export function createClusterRenderAction(
  options: ClusterRenderActionOptions = {},
) {
  return createTemplateAction({
    id: 'jetstream2:cluster:render',
    description:
      'Writes the files that create a planned Jetstream2 Kubernetes cluster (Magnum, Kubespray or CACAO), its README, catalog-info.yaml and app-config snippet into the workspace.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Render a Magnum cluster into the folder "cluster"',
        example: [
          'steps:',
          '  - id: render',
          '    action: jetstream2:cluster:render',
          '    input:',
          '      clusterName: gpu-lab',
          '      allocation: abc123456',
          '      allocationKind: gpu',
          '      workerFlavor: g3.medium',
          '      applicationCredential: gpu-lab-magnum',
          '      owner: group:default/data-science',
          '      targetPath: cluster',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        ...clusterRequestFields,
        owner: (z: ZodImpl) =>
          z.string({
            description: 'Owner of the cluster Resource (entity reference)',
          }),
        description: (z: ZodImpl) =>
          z.string({ description: 'What the cluster is for' }).optional(),
        system: (z: ZodImpl) =>
          z.string({ description: 'System the cluster belongs to' }).optional(),
        tags: (z: ZodImpl) =>
          z.array(z.string(), { description: 'Extra catalog tags' }).optional(),
        targetPath: (z: ZodImpl) =>
          z
            .string({ description: 'Folder inside the workspace to write to' })
            .optional(),
      },
      output: {
        ...planOutputFields,
        files: (z: ZodImpl) =>
          z.array(z.string(), {
            description: 'Paths written, relative to the workspace',
          }),
        entityRef: (z: ZodImpl) =>
          z.string({ description: 'Reference of the cluster Resource' }),
        catalogInfoPath: (z: ZodImpl) => z.string(),
        readme: (z: ZodImpl) =>
          z.string({ description: 'The README as Markdown' }),
        filesMarkdown: (z: ZodImpl) =>
          z.string({ description: 'All other files as Markdown code blocks' }),
        exportedTo: (z: ZodImpl) =>
          z.string({
            description:
              'Folder on the backend host holding a copy ("" when not exported)',
          }),
      },
    },
    handler: withPlainErrors('jetstream2:cluster:render', async ctx => {
      // Check everything before writing anything.
      const plan = planCluster(ctx.input);
      const entity = checkEntityDetails(ctx.input);
      const targetPath = ctx.input.targetPath || '.';
      const targetDir = resolveTarget(ctx.workspacePath, targetPath);
      const files = renderClusterFiles(plan, entity);
      for (const f of files.filter(x => x.path.endsWith('.yaml')))
        parseYaml(f.content);

      await writeFiles(targetDir, files);
      const relative = files.map(f =>
        path.posix.join(
          path.relative(ctx.workspacePath, targetDir).split(path.sep).join('/'),
          f.path,
        ),
      );

      let exportedTo = '';
      if (options.exportDirectory && !ctx.isDryRun) {
        exportedTo = await exportFiles(
          options.exportDirectory,
          path.join(plan.clusterName, ctx.task.id),
          files,
        );
        ctx.logger.info(`Copied the files to ${exportedTo}`);
      }
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry run] ' : ''}Rendered ${plan.method} cluster ${
          plan.clusterName
        }: ${relative.join(', ')}`,
      );

      outputPlan(ctx.output, plan);
      ctx.output('files', relative);
      ctx.output('entityRef', `resource:default/${plan.clusterName}`);
      ctx.output(
        'catalogInfoPath',
        path.posix.join(targetPath, 'catalog-info.yaml'),
      );
      ctx.output('readme', files[0].content);
      ctx.output(
        'filesMarkdown',
        filesAsMarkdown(files, targetPath === '.' ? '' : targetPath),
      );
      ctx.output('exportedTo', exportedTo);
    }),
  });
}
