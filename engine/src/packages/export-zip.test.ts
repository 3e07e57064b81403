import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { twoStepPipeline } from '../pipelines/ir/testing/two-step-pipeline.js';
import { exportPackageYaml } from './export-yaml.js';
import { exportPackageZip, ZIP_ENTRY_NAME } from './export-zip.js';
import { importPackage } from './import-package.js';

describe('exportPackageZip', () => {
  it('holds exactly pipeline.yaml with the YAML export inside', () => {
    const pkg = twoStepPipeline();
    const files = unzipSync(exportPackageZip(pkg));
    expect(Object.keys(files)).toEqual([ZIP_ENTRY_NAME]);
    expect(new TextDecoder().decode(files[ZIP_ENTRY_NAME])).toBe(exportPackageYaml(pkg));
  });

  it('gives the same bytes each time, so a committed zip only changes with the pipeline', () => {
    expect(exportPackageZip(twoStepPipeline())).toEqual(exportPackageZip(twoStepPipeline()));
  });

  it('is read back by the package reader', () => {
    const pkg = twoStepPipeline();
    expect(importPackage(exportPackageZip(pkg), 'pipeline.zip')).toEqual(pkg);
  });
});
