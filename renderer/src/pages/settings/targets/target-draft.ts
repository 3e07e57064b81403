import type { TargetAuthInput, TargetInput, TargetView } from '@skiff/engine/api-contract';

export type AuthType = TargetAuthInput['type'];

/** The add/edit form as text. Secrets start empty: the engine never sends them back. */
export interface TargetDraft {
  name: string;
  url: string;
  authType: AuthType;
  token: string;
  kubeconfigPath: string;
  context: string;
  tokenFile: string;
  cookie: string;
  namespace: string;
  caFile: string;
  insecureSkipVerify: boolean;
  uiUrl: string;
}

/** Error messages keyed by draft field name (`name`, `url`, `token`, …). */
export type TargetErrors = Partial<Record<keyof TargetDraft, string>>;

export const AUTH_LABELS: Record<AuthType, string> = {
  none: 'None',
  bearer: 'Bearer token',
  kubeconfig: 'Kubeconfig context',
  serviceAccountTokenFile: 'Service-account token file',
  cookie: 'Session cookie',
};

export function emptyTargetDraft(): TargetDraft {
  return {
    name: '',
    url: '',
    authType: 'none',
    token: '',
    kubeconfigPath: '',
    context: '',
    tokenFile: '',
    cookie: '',
    namespace: '',
    caFile: '',
    insecureSkipVerify: false,
    uiUrl: '',
  };
}

/** Starts an edit from what the engine shows; secret fields stay empty. */
export function draftFromView(view: TargetView): TargetDraft {
  return {
    ...emptyTargetDraft(),
    name: view.name,
    url: view.url,
    authType: view.auth.type,
    namespace: view.namespace ?? '',
    caFile: view.tls?.caFile ?? '',
    insecureSkipVerify: view.tls?.insecureSkipVerify ?? false,
    uiUrl: view.uiUrl ?? '',
  };
}

/**
 * How the list shows a target's auth: the type and the engine's hint — a secret's last
 * characters (which the engine already starts with "…") or a token/kubeconfig file's path.
 */
export function authSummary(auth: TargetView['auth']): string {
  const label = AUTH_LABELS[auth.type];
  return auth.hint ? `${label} (${auth.hint})` : label;
}

const NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The typed auth for the chosen type, or the error naming the missing field. */
export function authFromDraft(
  draft: TargetDraft,
): { ok: true; auth: TargetAuthInput } | { ok: false; errors: TargetErrors } {
  const need = (field: keyof TargetDraft, message: string) =>
    ({ ok: false, errors: { [field]: message } }) as const;
  switch (draft.authType) {
    case 'none':
      return { ok: true, auth: { type: 'none' } };
    case 'bearer':
      if (!draft.token.trim()) return need('token', 'Token: enter the bearer token.');
      return { ok: true, auth: { type: 'bearer', token: draft.token.trim() } };
    case 'kubeconfig': {
      const path = draft.kubeconfigPath.trim();
      if (!path) return need('kubeconfigPath', 'Kubeconfig file: enter its path.');
      const context = draft.context.trim();
      return {
        ok: true,
        auth: { type: 'kubeconfig', kubeconfigPath: path, ...(context ? { context } : {}) },
      };
    }
    case 'serviceAccountTokenFile':
      if (!draft.tokenFile.trim()) return need('tokenFile', 'Token file: enter its path.');
      return {
        ok: true,
        auth: { type: 'serviceAccountTokenFile', tokenFile: draft.tokenFile.trim() },
      };
    case 'cookie':
      if (!draft.cookie.trim()) return need('cookie', 'Session cookie: paste the cookie value.');
      return { ok: true, auth: { type: 'cookie', cookie: draft.cookie.trim() } };
  }
}

/** Checks the whole form; the name and body for PUT, or every error by field. */
export function targetInputFromDraft(
  draft: TargetDraft,
): { ok: true; name: string; input: TargetInput } | { ok: false; errors: TargetErrors } {
  const errors: TargetErrors = {};
  const name = draft.name.trim();
  if (!NAME.test(name)) {
    errors.name = 'Name: use lower-case letters, digits and “-” (up to 63), e.g. “prod”.';
  }
  const url = draft.url.trim().replace(/\/+$/, '');
  if (!isHttpUrl(url)) {
    errors.url = 'KFP API URL: enter an http(s) URL, e.g. https://kubeflow.example.com/pipeline.';
  }
  const namespace = draft.namespace.trim();
  if (namespace && !NAMESPACE.test(namespace)) {
    errors.namespace = 'Namespace: use lower-case letters, digits and “-”.';
  }
  const uiUrl = draft.uiUrl.trim();
  if (uiUrl && !isHttpUrl(uiUrl)) errors.uiUrl = 'Kubeflow UI URL: enter an http(s) URL.';
  const auth = authFromDraft(draft);
  if (!auth.ok) Object.assign(errors, auth.errors);
  if (!auth.ok || Object.keys(errors).length > 0) return { ok: false, errors };

  const input: TargetInput = { url, auth: auth.auth };
  if (namespace) input.namespace = namespace;
  const caFile = draft.caFile.trim();
  if (caFile || draft.insecureSkipVerify) {
    input.tls = {
      ...(caFile ? { caFile } : {}),
      ...(draft.insecureSkipVerify ? { insecureSkipVerify: true } : {}),
    };
  }
  if (uiUrl) input.uiUrl = uiUrl;
  return { ok: true, name, input };
}
