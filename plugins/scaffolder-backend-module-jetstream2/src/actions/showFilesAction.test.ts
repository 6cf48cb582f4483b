import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createShowFilesAction } from './showFilesAction';
import { makeContext, outputsOf } from './__testUtils__';

describe('jetstream2:files:show', () => {
  const mockDir = createMockDirectory();
  const action = createShowFilesAction();

  beforeEach(() => {
    mockDir.setContent({
      workspace: {
        out: { 'values.yaml': 'a: 1\n', sub: { 'run.sh': 'echo hi\n' } },
      },
    });
  });

  it('shows every file of a folder as code blocks', async () => {
    const { ctx } = makeContext(
      { path: 'out' },
      { workspacePath: path.join(mockDir.path, 'workspace'), isDryRun: true },
    );
    await action.handler(ctx);
    const out = outputsOf(ctx);
    expect(out.files).toEqual(['out/sub/run.sh', 'out/values.yaml']);
    expect(out.markdown).toBe(
      '#### `out/sub/run.sh`\n\n~~~bash\necho hi\n~~~\n\n#### `out/values.yaml`\n\n~~~yaml\na: 1\n~~~',
    );
  });

  it.each([
    ['../secrets', /points outside the workspace/],
    ['missing', /does not exist in the workspace/],
  ])('refuses %s', async (p, message) => {
    const { ctx } = makeContext(
      { path: p },
      { workspacePath: path.join(mockDir.path, 'workspace') },
    );
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
  });
});
