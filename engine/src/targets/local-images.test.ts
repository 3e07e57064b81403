import { describe, expect, it } from 'vitest';
import type { PipelineSpec } from '../pipelines/ir/pipeline-spec.js';
import { localImages, pipelineImages } from './local-images.js';

const spec = (images: string[]): PipelineSpec =>
  ({
    deploymentSpec: {
      executors: Object.fromEntries(
        images.map((image, i) => [`exec-${i}`, { container: { image } }]),
      ),
    },
  }) as unknown as PipelineSpec;

describe('localImages', () => {
  it('flags local/ images and names only this machine has, not registry or Hub images', () => {
    const s = spec([
      'local/python-ml:bookworm',
      'python:3.11',
      'ghcr.io/acme/train:1',
      'mytool:dev',
    ]);
    expect(pipelineImages(s)).toHaveLength(4);
    expect(localImages(s, (image) => image === 'mytool:dev')).toEqual([
      'local/python-ml:bookworm',
      'mytool:dev',
    ]);
  });
});
