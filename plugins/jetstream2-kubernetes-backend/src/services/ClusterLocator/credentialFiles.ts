import { promises as fs } from 'node:fs';
import type { FileRead } from './resolveCluster';

/** What a file looked like when it was read: compared on each check to notice a change without reading it. */
export async function fileStamp(path: string): Promise<string> {
  try {
    // stat follows symlinks, so a Kubernetes secret volume's `..data` swap changes the inode.
    const s = await fs.stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** A file as read, with its stamp taken just before (so a change during the read is noticed next time). */
export type StampedFileRead = FileRead & { stamp: string };

/** Reads token and CA files; a file that cannot be read gives its error code, never a throw. */
export async function readCredentialFiles(
  paths: Iterable<string>,
): Promise<Map<string, StampedFileRead>> {
  const files = new Map<string, StampedFileRead>();
  for (const path of new Set(paths)) {
    const stamp = await fileStamp(path);
    try {
      files.set(path, { content: await fs.readFile(path, 'utf8'), stamp });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'read error';
      files.set(path, { error: code, stamp });
    }
  }
  return files;
}

/** True when any of the files looks different from when it was read. */
export async function anyFileChanged(
  files: ReadonlyMap<string, StampedFileRead>,
): Promise<boolean> {
  for (const [path, { stamp }] of files) {
    if ((await fileStamp(path)) !== stamp) return true;
  }
  return false;
}
