import { isRecord, type KubeObject } from './component-objects.js';

/**
 * Every image an object will make a node pull. Offline, an image missed here is an image
 * missing from the preload, so besides `image:` fields this reads the images that
 * controllers start later and that manifests name only as text: env values (KFP's driver
 * and launcher), args (`--executor-image=…`) and ConfigMap data (Argo's executor, Katib's
 * suggestion images).
 *
 * In free text an image must be written fully qualified with a tag or digest
 * (`quay.io/argoproj/argoexec:v3.5.14`), which tells it apart from URLs and host:port.
 */

const HOST = String.raw`(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?`;
const PATH = String.raw`(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+`;
const TAG = String.raw`:[\w][\w.-]{0,127}`;
const DIGEST = String.raw`@sha256:[a-f0-9]{64}`;
/** A fully qualified, tagged or digested reference inside free text. */
const QUALIFIED = new RegExp(
  String.raw`(?<![\w./:@-])${HOST}${PATH}(?:${TAG}(?:${DIGEST})?|${DIGEST})(?![\w./:@-])`,
  'g',
);
/** `image: x`, `"image": "x"`, `image=x` inside embedded YAML, JSON or flags. */
const KEYED = /\bimage["']?\s*[:=]\s*["']?([^\s"',}\]]+)/gi;

/** The images an object names, in the order found, each once. */
export function images(object: KubeObject): string[] {
  // A CRD only describes fields (some are called `image`); it starts nothing.
  if (object.kind === 'CustomResourceDefinition') return [];
  const found = new Set<string>();
  // Metadata is about the object (annotations may quote old images), not what it runs.
  for (const [key, value] of Object.entries(object)) if (key !== 'metadata') walk(value, found);
  return [...found];
}

function walk(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, found);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'image' && typeof item === 'string') found.add(item);
      else walk(item, found);
    }
  } else if (typeof value === 'string') {
    for (const ref of imagesInText(value)) found.add(ref);
  }
}

/** Image references written inside a string: a flag, an env value, embedded YAML/JSON. */
export function imagesInText(text: string): string[] {
  const refs = [...text.matchAll(KEYED)].map((m) => m[1] ?? '');
  refs.push(...[...text.matchAll(QUALIFIED)].map((m) => m[0]));
  // `$(VAR)` and `{{.Image}}` are filled in later, by Kubernetes or a template.
  return [...new Set(refs.filter((ref) => ref !== '' && !/^[${]/.test(ref)))];
}

/** Pinned: a digest, or a tag other than `latest`; a bare name floats to `latest`. */
export function isPinnedImage(ref: string): boolean {
  if (/@sha256:[a-f0-9]{64}$/.test(ref)) return true;
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  if (colon < 0) return false;
  const tag = lastSegment.slice(colon + 1);
  return tag !== '' && tag !== 'latest';
}
