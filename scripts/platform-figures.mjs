// `node scripts/platform-figures.mjs`: what each profile of the bundled platform asks of
// the machine (memory and CPU requests, images), read from bundled-manifests/ itself; the
// README's figures come from here. Image sizes are known only for images in local Docker.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const entry = fromRoot('engine/dist/cluster/platform/index.js');
if (!existsSync(entry)) {
  console.error(`${entry} is missing: build Skiff first with \`npm run build\`.`);
  process.exit(1);
}
const { formatGiB, loadPlatformManifest, profileFigures } = await import(entry);

/** Bytes of each image present in local Docker; absent images and no Docker are skipped. */
async function localImageSizes(images) {
  const sizes = new Map();
  for (const image of images) {
    try {
      const { stdout } = await promisify(execFile)('docker', [
        'image',
        'inspect',
        '--format',
        '{{.Size}}',
        image,
      ]);
      sizes.set(image, Number(stdout.trim()));
    } catch {
      // not pulled, or no Docker: its size cannot be known offline
    }
  }
  return sizes;
}

const bundleDir = fromRoot('bundled-manifests');
const platform = await loadPlatformManifest(bundleDir);
const rows = [];
for (const profile of ['lite', 'full']) {
  const figures = await profileFigures(bundleDir, platform, profile);
  const sizes = await localImageSizes(figures.images);
  const known = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const size =
    sizes.size === figures.images.length
      ? formatGiB(known)
      : `unknown (${sizes.size} of ${figures.images.length} images in local Docker` +
        (sizes.size > 0 ? `, ${formatGiB(known)} so far)` : ')');
  console.log(`${profile}:`);
  console.log(`  components       ${figures.components}`);
  console.log(`  memory requests  ${formatGiB(figures.memoryRequests)}`);
  console.log(`  cpu requests     ${figures.cpuRequests.toFixed(2)} cores`);
  console.log(`  images           ${figures.images.length}`);
  console.log(`  total image size ${size}`);
  rows.push(
    `| ${profile} | ${formatGiB(figures.memoryRequests)} | ${figures.cpuRequests.toFixed(2)} cores ` +
      `| ${figures.images.length} | ${sizes.size === figures.images.length ? size : 'unknown'} |`,
  );
}
// The README's table rows, ready to paste (`npx prettier --write` realigns them).
console.log(`\nREADME rows:\n${rows.join('\n')}`);
