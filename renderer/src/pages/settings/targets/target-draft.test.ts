import type { TargetView } from '@skiff/engine/api-contract';
import { describe, expect, it } from 'vitest';
import {
  authFromDraft,
  authSummary,
  draftFromView,
  emptyTargetDraft,
  targetInputFromDraft,
  type TargetDraft,
} from './target-draft';

const draft = (patch: Partial<TargetDraft>): TargetDraft => ({
  ...emptyTargetDraft(),
  name: 'prod',
  url: 'https://kf.example.com/pipeline/',
  ...patch,
});

describe('target draft', () => {
  it('builds a minimal target, trimming the URL’s trailing slash', () => {
    expect(targetInputFromDraft(draft({}))).toEqual({
      ok: true,
      name: 'prod',
      input: { url: 'https://kf.example.com/pipeline', auth: { type: 'none' } },
    });
  });

  it('names every field that is wrong', () => {
    const result = targetInputFromDraft(
      draft({ name: 'Prod!', url: 'ftp://x', namespace: 'Bad_NS', authType: 'bearer' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['name', 'namespace', 'token', 'url']);
    expect(result.errors.url).toMatch(/^KFP API URL/);
    expect(result.errors.token).toMatch(/^Token/);
  });

  it('maps each auth type to its own fields only', () => {
    const base = draft({
      token: 't',
      kubeconfigPath: '/k',
      context: 'kind',
      tokenFile: '/f',
      cookie: 'c',
    });
    expect(authFromDraft({ ...base, authType: 'bearer' })).toEqual({
      ok: true,
      auth: { type: 'bearer', token: 't' },
    });
    expect(authFromDraft({ ...base, authType: 'kubeconfig' })).toEqual({
      ok: true,
      auth: { type: 'kubeconfig', kubeconfigPath: '/k', context: 'kind' },
    });
    expect(authFromDraft({ ...base, authType: 'serviceAccountTokenFile' })).toEqual({
      ok: true,
      auth: { type: 'serviceAccountTokenFile', tokenFile: '/f' },
    });
    expect(authFromDraft({ ...base, authType: 'cookie' })).toEqual({
      ok: true,
      auth: { type: 'cookie', cookie: 'c' },
    });
  });

  it('leaves out an empty kubeconfig context', () => {
    expect(authFromDraft(draft({ authType: 'kubeconfig', kubeconfigPath: '/k' }))).toEqual({
      ok: true,
      auth: { type: 'kubeconfig', kubeconfigPath: '/k' },
    });
  });

  it('sends TLS options only when set', () => {
    const result = targetInputFromDraft(draft({ caFile: '/ca.pem', insecureSkipVerify: true }));
    expect(result.ok && result.input.tls).toEqual({ caFile: '/ca.pem', insecureSkipVerify: true });
  });

  it('starts an edit without any secret and shows the hint in the summary', () => {
    const view: TargetView = {
      name: 'prod',
      url: 'https://kf',
      namespace: 'team',
      auth: { type: 'bearer', hint: '…abcd' },
    };
    expect(draftFromView(view)).toMatchObject({ authType: 'bearer', token: '', namespace: 'team' });
    expect(authSummary(view.auth)).toBe('Bearer token (…abcd)');
    expect(authSummary({ type: 'none' })).toBe('None');
  });
});
