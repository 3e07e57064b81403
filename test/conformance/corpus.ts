/**
 * The reference corpus (third-party test data kept beside the checkout at
 * `../shared/corpus`, never copied into the project). Tests that use it skip, saying
 * why, when it is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_ROOT = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** The absolute path of a corpus folder, or undefined (with a printed reason) when it is absent. */
export function corpusFolder(folder: string, suite: string): string | undefined {
  const path = join(CORPUS_ROOT, folder);
  if (existsSync(path)) return path;
  console.warn(
    `[skip] ${suite}: the reference corpus is not at ${path} (clone it beside the project).`,
  );
  return undefined;
}

/** Files under `folder` (recursively) whose names end with one of `endings`, relative and sorted. */
export function corpusFiles(folder: string, endings: string[]): string[] {
  const found: string[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (endings.some((ending) => entry.name.toLowerCase().endsWith(ending))) {
        found.push(relative(folder, path));
      }
    }
  };
  visit(folder);
  return found.sort();
}
