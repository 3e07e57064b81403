import { describe, expect, it } from 'vitest';
import { twoStepPipeline } from '../pipelines/ir/testing/two-step-pipeline.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import { exportPackageYaml, exportPackageYamlBytes } from './export-yaml.js';
import { importPackage } from './import-package.js';
import { normalizePackage } from './normalize-package.js';

/** The same package with every mapping's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, item]) => [key, reversedKeys(item)])) as T;
}

function withPlatform(): PipelinePackage {
  return {
    ...twoStepPipeline(),
    platformSpec: {
      platforms: {
        kubernetes: {
          deploymentSpec: { executors: { 'exec-a': { secretAsEnv: [{ secretName: 's' }] } } },
        },
      },
    },
  };
}

describe('exportPackageYaml', () => {
  it('writes the same bytes for the same pipeline, whatever its key order', () => {
    const pkg = withPlatform();
    const first = exportPackageYamlBytes(pkg);
    expect(exportPackageYamlBytes(structuredClone(pkg))).toEqual(first);
    expect(exportPackageYamlBytes(reversedKeys(pkg))).toEqual(first);
  });

  it('starts with the compiler header and sorts keys as kfp.compiler does', () => {
    const text = exportPackageYaml(twoStepPipeline());
    expect(text).toMatch(/^# PIPELINE DEFINITION\n# Name: /);
    const topLevel = text.split('\n').filter((line) => /^[a-zA-Z]\w*:/.test(line));
    const keys = topLevel.map((line) => line.slice(0, line.indexOf(':')));
    expect(keys).toEqual([...keys].sort());
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes one document without a platform spec and two with one', () => {
    expect(exportPackageYaml(twoStepPipeline())).not.toMatch(/^---$/m);
    const text = exportPackageYaml(withPlatform());
    const documents = text.split(/^---\n/m);
    expect(documents).toHaveLength(2);
    expect(documents[1]).toMatch(/^platforms:\n {2}kubernetes:/);
  });

  it('reads back as the package it was written from', () => {
    const pkg = withPlatform();
    const again = importPackage(exportPackageYamlBytes(pkg), 'pipeline.yaml');
    expect(normalizePackage(again)).toEqual(normalizePackage(pkg));
    expect(again.platformSpec).toEqual(pkg.platformSpec);
  });
});
