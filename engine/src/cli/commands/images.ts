import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SkiffError } from '../../core/errors.js';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';

export const help = `Usage: skiff images list PIPELINE_FILE [--json]
       skiff images push PIPELINE_FILE --registry HOST:PORT[/prefix] [--out FILE]
                         [--username U] [--json]

The container images a compiled pipeline needs, for running it on a remote Kubeflow.
Images built on this machine (\`local/…\`, or names Docker has no registry digest for)
cannot be pulled by a remote cluster: \`push\` tags each one
REGISTRY/NAME:TAG (the \`local/\` prefix dropped, the tag kept), pushes it with Docker,
and with --out writes the pipeline again naming the pushed images. Talks to Docker
directly; the engine need not run.

Actions:
  list   Table: image, present in the local Docker, local-only (a cluster cannot pull it)
  push   Retag and push the local-only images; prints old → new

Options:
  --registry R    HOST:PORT[/prefix], no scheme, e.g. 127.0.0.1:5000 or registry.example.com/team.
                  A plain-http registry must be in Docker's insecure-registries
                  (127.0.0.0/8 always is)
  --out FILE      push: write the pipeline with the pushed image names to FILE
  --username U    push: registry user; the password is read from SKIFF_REGISTRY_PASSWORD
  --json          Print JSON

Examples:
  skiff images list pipeline.yaml
  skiff images push pipeline.yaml --registry 127.0.0.1:5000 --out pipeline.remote.yaml
  skiff pipeline push pipeline.remote.yaml --target prod
`;

const OPTIONS = {
  registry: { type: 'string' },
  out: { type: 'string' },
  username: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('images', () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const [action, ...rest] = positionals;
  if (action !== 'list' && action !== 'push') {
    throw usageError(
      'images',
      action === undefined
        ? 'Missing action: list or push'
        : `Unknown action "${action}"; use list or push`,
    );
  }
  expectPositionals('images', rest, 1, 1, 'PIPELINE_FILE');
  const file = rest[0] ?? '';
  const out = (text: string): void => void ctx.stdout.write(text);
  const [{ readPackageFile }, { createDockerImageStore }, { listPipelineImages }] =
    await Promise.all([
      import('../../targets/push-file.js'),
      import('../../targets/images/docker-image-store.js'),
      import('../../targets/images/pipeline-images.js'),
    ]);
  const pkg = await readPackageFile(file);
  const store = createDockerImageStore();
  const images = await listPipelineImages(pkg.pipelineSpec, store);

  if (action === 'list') {
    if (values.json) out(`${JSON.stringify(images, null, 2)}\n`);
    else out(table(images));
    return 0;
  }
  if (values.registry === undefined) {
    throw usageError('images', 'push needs --registry HOST:PORT[/prefix], e.g. 127.0.0.1:5000');
  }
  const password = ctx.env.SKIFF_REGISTRY_PASSWORD;
  if (values.username !== undefined && (password === undefined || password === '')) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      'username: --username needs the password in SKIFF_REGISTRY_PASSWORD.',
      { field: 'username' },
    );
  }
  const localOnly = images.filter((i) => i.localOnly).map((i) => i.image);
  const [{ retagAndPush }, { rewriteImages }, { exportPackageYaml }] = await Promise.all([
    import('../../targets/images/retag-and-push.js'),
    import('../../targets/images/rewrite-images.js'),
    import('../../packages/export-yaml.js'),
  ]);
  const pushed = await retagAndPush({
    store,
    registry: values.registry,
    images: localOnly,
    ...(values.username !== undefined
      ? { auth: { username: values.username, password: password ?? '' } }
      : {}),
    onLine: (line) => void ctx.stderr.write(`${line}\n`),
  });
  if (values.out !== undefined) {
    await writeFile(values.out, exportPackageYaml(rewriteImages(pkg, pushed)));
  }
  if (values.json) out(`${JSON.stringify({ pushed }, null, 2)}\n`);
  else if (pushed.length === 0) out('No local-only images: a remote cluster can pull them all.\n');
  else {
    for (const { from, to } of pushed) out(`${from} → ${to}\n`);
    if (values.out !== undefined) out(`Wrote ${values.out} with the pushed image names.\n`);
    else out('Use these names in the pipeline (or pass --out FILE to have them written).\n');
  }
  return 0;
}

function table(
  rows: Array<{ image: string; presentLocally: boolean; localOnly: boolean }>,
): string {
  if (rows.length === 0) return 'The pipeline names no container images.\n';
  const width = Math.max('IMAGE'.length, ...rows.map((r) => r.image.length));
  const yes = (flag: boolean): string => (flag ? 'yes' : 'no');
  const lines = [`${'IMAGE'.padEnd(width)}  PRESENT LOCALLY  LOCAL-ONLY`];
  for (const r of rows) {
    lines.push(
      `${r.image.padEnd(width)}  ${yes(r.presentLocally).padEnd(15)}  ${yes(r.localOnly)}`,
    );
  }
  const local = rows.filter((r) => r.localOnly).length;
  if (local > 0) {
    lines.push(
      '',
      `${String(local)} image(s) a remote cluster cannot pull. Publish them with \`skiff images push FILE --registry HOST:PORT --out FILE\`.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
