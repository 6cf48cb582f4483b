import { promises as fs } from 'node:fs';
import path from 'node:path';
import { useTempDir } from '../../__testUtils__/locator';
import {
  anyFileChanged,
  fileStamp,
  readCredentialFiles,
} from './credentialFiles';

describe('readCredentialFiles', () => {
  const temp = useTempDir();

  it('reads each file once with its stamp, and gives the error code of a file it cannot read', async () => {
    const token = await temp.write('token', 'file-token\n');
    const missing = await temp.path('not-yet');
    const directory = path.dirname(missing);
    const files = await readCredentialFiles([token, missing, token, directory]);
    expect([...files.keys()]).toEqual([token, missing, directory]);
    expect(files.get(token)).toEqual({
      content: 'file-token\n',
      stamp: await fileStamp(token),
    });
    expect(files.get(missing)).toEqual({
      error: 'ENOENT',
      stamp: 'missing:ENOENT',
    });
    expect(files.get(directory)).toMatchObject({ error: 'EISDIR' });
  });

  it('notices a change of any file read, including one that appears', async () => {
    const token = await temp.write('token', 'one');
    const missing = await temp.path('not-yet');
    const files = await readCredentialFiles([token, missing]);
    expect(await anyFileChanged(files)).toBe(false);
    await fs.writeFile(missing, 'late');
    expect(await anyFileChanged(files)).toBe(true);
    expect(await anyFileChanged(await readCredentialFiles([token]))).toBe(
      false,
    );
    await fs.writeFile(token, 'two, longer');
    expect(await anyFileChanged(files)).toBe(true);
  });
});

describe('fileStamp', () => {
  const temp = useTempDir();

  it('changes when a file is rewritten, replaced or removed, and only then', async () => {
    const file = await temp.write('token', 'one');
    const first = await fileStamp(file);
    expect(await fileStamp(file)).toBe(first);

    await fs.writeFile(file, 'two, longer');
    const rewritten = await fileStamp(file);
    expect(rewritten).not.toBe(first);

    // replaced by a rename, as editors and secret updates do
    const next = await temp.write('token.next', 'two, longer');
    await fs.rename(next, file);
    expect(await fileStamp(file)).not.toBe(rewritten);

    await fs.rm(file);
    expect(await fileStamp(file)).toBe('missing:ENOENT');
  });

  it("follows symlinks, so a Kubernetes secret volume's ..data swap is noticed with the same content", async () => {
    // The layout of a mounted secret: token -> ..data/token, ..data -> a timestamped directory.
    const v1 = await temp.path('v1');
    const v2 = await temp.path('v2');
    const dir = path.dirname(v1);
    for (const version of [v1, v2]) {
      await fs.mkdir(version);
      await fs.writeFile(path.join(version, 'token'), 'same');
    }
    await fs.symlink('v1', path.join(dir, '..data'));
    const token = path.join(dir, 'token');
    await fs.symlink(path.join('..data', 'token'), token);
    const before = await fileStamp(token);

    await fs.symlink('v2', path.join(dir, '..data_tmp'));
    await fs.rename(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
    expect(await fs.readFile(token, 'utf8')).toBe('same');
    expect(await fileStamp(token)).not.toBe(before);
  });
});
