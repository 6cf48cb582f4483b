import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ZodImpl } from './cluster/zod';
import { withPlainErrors } from './plainErrors';

const MAX_BYTES = 256 * 1024;

function fenceLanguage(p: string): string {
  const ext = path.extname(p).slice(1);
  return (
    (
      {
        sh: 'bash',
        tf: 'hcl',
        tfvars: 'hcl',
        yaml: 'yaml',
        yml: 'yaml',
        md: 'markdown',
        json: 'json',
      } as Record<string, string>
    )[ext] ?? ''
  );
}

async function listFolder(root: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFolder(root, p)));
    else if (e.isFile())
      out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out.sort();
}

/**
 * `jetstream2:files:show` turns files of the workspace into Markdown code blocks, so a template's output
 * page can show (and a person can copy) what was rendered when there is no git host to publish to.
 */
export function createShowFilesAction() {
  return createTemplateAction({
    id: 'jetstream2:files:show',
    description:
      'Returns workspace files as Markdown code blocks for the template output page.',
    supportsDryRun: true,
    schema: {
      input: {
        path: (z: ZodImpl) =>
          z
            .string({ description: 'Folder (or file) inside the workspace' })
            .optional(),
      },
      output: {
        files: (z: ZodImpl) => z.array(z.string()),
        markdown: (z: ZodImpl) => z.string(),
      },
    },
    handler: withPlainErrors('jetstream2:files:show', async ctx => {
      const rel = ctx.input.path || '.';
      let target: string;
      try {
        target = resolveSafeChildPath(ctx.workspacePath, rel);
      } catch {
        throw new InputError(
          `The folder "${rel}" points outside the workspace; use a relative folder.`,
        );
      }
      const stat = await fs.stat(target).catch(() => undefined);
      if (!stat) {
        throw new InputError(
          `The folder "${rel}" does not exist in the workspace; check the earlier step that writes it.`,
        );
      }
      const files = stat.isDirectory()
        ? await listFolder(ctx.workspacePath, target)
        : [path.relative(ctx.workspacePath, target).split(path.sep).join('/')];
      const blocks: string[] = [];
      for (const f of files) {
        const content = await fs.readFile(
          path.join(ctx.workspacePath, f),
          'utf8',
        );
        const shown =
          content.length > MAX_BYTES
            ? `${content.slice(0, MAX_BYTES)}\n… (truncated)`
            : content;
        blocks.push(
          `#### \`${f}\`\n\n~~~${fenceLanguage(f)}\n${shown.trimEnd()}\n~~~`,
        );
      }
      ctx.output('files', files);
      ctx.output('markdown', blocks.join('\n\n'));
    }),
  });
}
