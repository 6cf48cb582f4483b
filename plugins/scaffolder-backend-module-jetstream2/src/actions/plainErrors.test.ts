import { InputError } from '@backstage/errors';
import { withoutStack, withPlainErrors } from './plainErrors';

describe('withPlainErrors', () => {
  it('lets an InputError through with its message as its whole stack', async () => {
    const handler = withPlainErrors('jetstream2:test', async () => {
      throw new InputError('"Cluster name" is empty: choose a short name.');
    });
    const error = await handler({}).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('"Cluster name" is empty: choose a short name.');
    // the scaffolder writes String(error.stack) into the task log
    expect(String(error.stack)).toBe(
      'InputError: "Cluster name" is empty: choose a short name.',
    );
  });

  it('reports a fault of the portal in words, keeping the original as the cause', async () => {
    const original = new TypeError(
      "Cannot read properties of undefined (reading 'vcpus')",
    );
    const handler = withPlainErrors('jetstream2:test', async () => {
      throw original;
    });
    const error = await handler({}).catch(e => e);
    expect(error.message).toBe(
      "jetstream2:test stopped on an error of the portal, not of your request: Cannot read properties of undefined (reading 'vcpus'). Run the template again; if it fails the same way, tell the platform team.",
    );
    expect(String(error.stack)).not.toMatch(/\n\s+at |\.ts:\d+/);
    expect(error.cause).toBe(original);
  });

  it('passes results through untouched', async () => {
    const seen: number[] = [];
    await withPlainErrors('jetstream2:test', async (n: number) => {
      seen.push(n);
    })(7);
    expect(seen).toEqual([7]);
  });
});

describe('withoutStack', () => {
  it('keeps name and message only', () => {
    const e = withoutStack(new RangeError('too big'));
    expect(e.stack).toBe('RangeError: too big');
  });
});
