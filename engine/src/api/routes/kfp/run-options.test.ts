import { describe, expect, it } from 'vitest';
import { runOptions } from './run-options.js';

describe('runOptions', () => {
  it('defaults to no labels, caching on and the executor from Settings', () => {
    expect(runOptions({})).toEqual({ labels: {}, cacheEnabled: true });
  });

  it('takes labels, enable_caching and executor', () => {
    expect(
      runOptions({ labels: { team: 'vision' }, enable_caching: false, executor: 'docker' }),
    ).toEqual({ labels: { team: 'vision' }, cacheEnabled: false, executor: 'docker' });
  });

  it.each([
    [{ labels: [] }, /^labels: must be a JSON object/],
    [{ labels: { 'has space': 'x' } }, /^labels\.has space: keys use/],
    [{ labels: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }, /64/],
    [{ enable_caching: 0 }, /^enable_caching: /],
    [{ executor: 'k8s' }, /^executor: "k8s" is not one of auto, docker, process/],
  ])('refuses %j naming the field', (body, message) => {
    expect(() => runOptions(body)).toThrow(message);
  });
});
