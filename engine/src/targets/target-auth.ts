/**
 * The headers that authenticate to a target, resolved at each request: a service-account
 * token file is re-read (projected tokens rotate) and a kubeconfig is read through
 * @kubernetes/client-node. Only a kubeconfig user's static `token` is used — exec and
 * auth-provider plugins are not run; the error says to use a token instead.
 */
import { readFile } from 'node:fs/promises';
import { SkiffError } from '../core/errors.js';
import type { ResolvedTarget } from './target-config.js';

export async function authHeaders(target: ResolvedTarget): Promise<Record<string, string>> {
  const auth = target.auth;
  switch (auth.type) {
    case 'bearer':
      return bearer(target.secret.token ?? '', target.name, 'its token');
    case 'cookie':
      return { cookie: target.secret.cookie ?? '' };
    case 'serviceAccountTokenFile': {
      const file = auth.tokenFile ?? '';
      const token = await readFile(file, 'utf8').catch((error: unknown) => {
        throw new SkiffError(
          'FAILED_PRECONDITION',
          `Target "${target.name}": cannot read the token file ${file}: ${(error as Error).message}. Fix auth.tokenFile (--token-file).`,
          { field: 'auth.tokenFile' },
          { cause: error },
        );
      });
      return bearer(token.trim(), target.name, `the token file ${file}`);
    }
    case 'kubeconfig':
      return bearer(await kubeconfigToken(target), target.name, 'the kubeconfig user');
    default:
      return {};
  }
}

function bearer(token: string, name: string, from: string): Record<string, string> {
  if (token === '') {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Target "${name}": ${from} gave an empty token. Set a token again with \`skiff target add ${name} …\`.`,
      { field: 'auth' },
    );
  }
  return { authorization: `Bearer ${token}` };
}

async function kubeconfigToken(target: ResolvedTarget): Promise<string> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const path = target.auth.kubeconfigPath ?? '';
  const config = new KubeConfig();
  try {
    config.loadFromFile(path);
    if (target.auth.context !== undefined) config.setCurrentContext(target.auth.context);
  } catch (error) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Target "${target.name}": cannot read kubeconfig ${path}: ${(error as Error).message}. Fix --kubeconfig / --context.`,
      { field: 'auth.kubeconfigPath' },
      { cause: error },
    );
  }
  const context = config.getContextObject(config.getCurrentContext());
  const user = context ? config.getUser(context.user) : undefined;
  if (user?.token === undefined || user.token === '') {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Target "${target.name}": the kubeconfig context "${config.getCurrentContext()}" has no static token (exec and auth-provider logins are not run by Skiff). Use --token with \`kubectl create token …\` output, or --token-file.`,
      { field: 'auth.context' },
    );
  }
  return user.token;
}
