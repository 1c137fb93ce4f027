import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Writes a file so that a reader sees the old content or the new one, never a part: the new
 * content goes to a temporary file beside it, which is then renamed over the old one (a rename
 * within one directory is atomic on POSIX file systems).
 */
export async function writeFileAtomic(root: string, file: string, content: string | Uint8Array) {
  const target = join(root, file);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function copyFileAtomic(from: string, root: string, file: string) {
  const target = join(root, file);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  await copyFile(from, temporary);
  await rename(temporary, target);
}

export async function removeFile(root: string, file: string) {
  await rm(join(root, file), { force: true });
}

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
