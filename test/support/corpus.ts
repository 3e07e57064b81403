import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The third-party corpus sits beside the checkout; tests skip with a reason without it. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const KFP_IR_VALID = join(CORPUS_DIR, 'kfp-ir', 'valid');

let announced = false;

export function corpusAvailable(): boolean {
  const found = existsSync(KFP_IR_VALID);
  if (!found && !announced) {
    announced = true;
    console.warn(
      `[skip] corpus tests skipped: ${CORPUS_DIR} not found (it sits beside the checkout as ../shared/corpus).`,
    );
  }
  return found;
}

/** Pipeline files under a corpus folder, as paths relative to kfp-ir/valid. */
export function corpusFiles(folder = ''): string[] {
  const root = join(KFP_IR_VALID, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile() && /\.(ya?ml|json|zip)$/.test(path))
    .map((path) => relative(KFP_IR_VALID, path))
    .sort();
}
