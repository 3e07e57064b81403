import { describe, expect, it } from 'vitest';
import { splitTargetInput } from './target-config.js';
import { replacementPatch } from './target-store.js';

describe('target input', () => {
  it('keeps secrets out of what settings store', () => {
    const { stored, secret } = splitTargetInput({
      url: 'https://kf.example.com/pipeline/',
      auth: { type: 'cookie', cookie: 'oauth2_proxy=abc' },
      namespace: 'team-a',
    });
    expect(stored).toEqual({
      url: 'https://kf.example.com/pipeline',
      auth: { type: 'cookie' },
      namespace: 'team-a',
    });
    expect(secret).toEqual({ cookie: 'oauth2_proxy=abc' });
  });

  it('names the missing field and how to give it', () => {
    expect(() => splitTargetInput({ url: 'http://x', auth: { type: 'bearer' } })).toThrow(
      /^auth\.token: .*--token/,
    );
  });

  it('replacing a target removes the settings of its old auth', () => {
    const before = { url: 'http://a', auth: { type: 'kubeconfig', kubeconfigPath: '/k' } };
    const after = { url: 'http://a', auth: { type: 'bearer' } };
    expect(replacementPatch(before, after)).toEqual({
      url: 'http://a',
      auth: { type: 'bearer', kubeconfigPath: null },
    });
  });
});
