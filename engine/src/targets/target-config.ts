/**
 * A target as settings.json keeps it: everything but the secret (bearer token, cookie),
 * which lives in $SKIFF_HOME/secrets/targets/<name>.json (0600). Validation names the
 * field and the fix, and runs at the edge (API body, CLI flags).
 */
import { z } from 'zod';
import type { TargetAuthInput, TargetInput } from '../api/contract.js';
import { SkiffError } from '../core/errors.js';

/** DNS-label-like so a name is safe as a file name and in a URL path. */
export const TARGET_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const storedTargetSchema = z.strictObject({
  url: z.url(),
  auth: z.strictObject({
    type: z.enum(['none', 'bearer', 'kubeconfig', 'serviceAccountTokenFile', 'cookie']),
    kubeconfigPath: z.string().min(1).optional(),
    context: z.string().min(1).optional(),
    tokenFile: z.string().min(1).optional(),
  }),
  namespace: z.string().min(1).optional(),
  tls: z
    .strictObject({
      caFile: z.string().min(1).optional(),
      insecureSkipVerify: z.boolean().optional(),
    })
    .optional(),
  uiUrl: z.url().optional(),
});

export type StoredTarget = z.infer<typeof storedTargetSchema>;

/** The secret half of a target. */
export interface TargetSecret {
  token?: string;
  cookie?: string;
}

/** A target with its secret, for the client only; never sent anywhere but the target. */
export interface ResolvedTarget extends StoredTarget {
  name: string;
  secret: TargetSecret;
}

export function checkTargetName(name: string): string {
  if (!TARGET_NAME.test(name)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `name: "${name}" is not a valid target name. Use lowercase letters, digits and "-" (at most 63, starting and ending with a letter or digit), e.g. "prod-kubeflow".`,
      { field: 'name' },
    );
  }
  return name;
}

const invalid = (field: string, message: string): SkiffError =>
  new SkiffError('INVALID_ARGUMENT', `${field}: ${message}`, { field });

/** Splits a validated input into what settings keep and what the secret file keeps. */
export function splitTargetInput(input: unknown): { stored: StoredTarget; secret: TargetSecret } {
  if (typeof input !== 'object' || input === null) {
    throw invalid('body', 'send a target: {url, auth: {type, …}, namespace?, tls?}');
  }
  const value = input as Partial<TargetInput> & { auth?: Partial<TargetAuthInput> };
  const url = checkUrl(value.url, 'url');
  const auth = value.auth ?? { type: 'none' };
  const stored: StoredTarget = { url, auth: { type: 'none' } };
  const secret: TargetSecret = {};
  const text = (v: unknown, field: string, fix: string): string => {
    if (typeof v !== 'string' || v.trim() === '') throw invalid(field, fix);
    return v.trim();
  };
  switch (auth.type) {
    case 'none':
      break;
    case 'bearer':
      stored.auth = { type: 'bearer' };
      secret.token = text(auth.token, 'auth.token', 'give the bearer token (--token)');
      break;
    case 'cookie':
      stored.auth = { type: 'cookie' };
      secret.cookie = text(
        auth.cookie,
        'auth.cookie',
        'give the session cookie, e.g. "oauth2_proxy=…" or "authservice_session=…" (--cookie)',
      );
      break;
    case 'serviceAccountTokenFile':
      stored.auth = {
        type: 'serviceAccountTokenFile',
        tokenFile: text(
          auth.tokenFile,
          'auth.tokenFile',
          'give the token file path (--token-file)',
        ),
      };
      break;
    case 'kubeconfig':
      stored.auth = {
        type: 'kubeconfig',
        kubeconfigPath: text(
          auth.kubeconfigPath,
          'auth.kubeconfigPath',
          'give the kubeconfig path (--kubeconfig)',
        ),
        ...(typeof auth.context === 'string' && auth.context !== ''
          ? { context: auth.context }
          : {}),
      };
      break;
    default:
      throw invalid(
        'auth.type',
        'use one of none, bearer, kubeconfig, serviceAccountTokenFile, cookie',
      );
  }
  if (value.namespace !== undefined && value.namespace !== '') {
    if (!TARGET_NAME.test(value.namespace)) {
      throw invalid('namespace', `"${value.namespace}" is not a Kubernetes namespace name`);
    }
    stored.namespace = value.namespace;
  }
  const tls = value.tls;
  if (tls?.caFile !== undefined || tls?.insecureSkipVerify === true) {
    stored.tls = {
      ...(tls.caFile !== undefined
        ? { caFile: text(tls.caFile, 'tls.caFile', 'give a PEM file') }
        : {}),
      ...(tls.insecureSkipVerify === true ? { insecureSkipVerify: true } : {}),
    };
  }
  if (value.uiUrl !== undefined && value.uiUrl !== '')
    stored.uiUrl = checkUrl(value.uiUrl, 'uiUrl');
  return { stored, secret };
}

function checkUrl(value: unknown, field: string): string {
  if (typeof value !== 'string')
    throw invalid(field, 'give the KFP API URL, e.g. https://kubeflow.example.com/pipeline');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, `"${value}" is not a URL; use e.g. https://kubeflow.example.com/pipeline`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(field, `use http:// or https://, not ${url.protocol}`);
  }
  if (url.search !== '' || url.hash !== '') throw invalid(field, 'leave out ?query and #fragment');
  return value.replace(/\/+$/, '');
}
