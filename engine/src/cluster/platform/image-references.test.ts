import { describe, expect, it } from 'vitest';
import type { KubeObject } from './component-objects.js';
import { images, imagesInText, isPinnedImage } from './image-references.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('images', () => {
  it('finds the images a workload runs and those it names in env and args', () => {
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api', annotations: { note: 'ghcr.io/old/ignored:1.0' } },
      spec: {
        template: {
          spec: {
            initContainers: [{ name: 'wait', image: 'docker.io/library/busybox:1.36' }],
            containers: [
              {
                name: 'api',
                image: 'ghcr.io/kubeflow/kfp-api-server:2.5.0',
                args: ['--executor-image=quay.io/argoproj/argoexec:v3.5.14', '--port=8888'],
                env: [
                  { name: 'V2_DRIVER_IMAGE', value: 'ghcr.io/kubeflow/kfp-driver:2.5.0' },
                  { name: 'DB', value: 'mysql.kubeflow:3306' },
                  { name: 'S3', value: 'http://minio-service.kubeflow:9000/mlpipeline' },
                  { name: 'ROOT', value: 'minio://mlpipeline/v2/artifacts' },
                ],
              },
            ],
          },
        },
      },
    };
    expect(images(deployment).sort()).toEqual([
      'docker.io/library/busybox:1.36',
      'ghcr.io/kubeflow/kfp-api-server:2.5.0',
      'ghcr.io/kubeflow/kfp-driver:2.5.0',
      'quay.io/argoproj/argoexec:v3.5.14',
    ]);
  });

  it('finds images in ConfigMap data written as YAML or JSON', () => {
    const configMap: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'config' },
      data: {
        executor: 'image: quay.io/argoproj/argoexec:v3.5.14\nimagePullPolicy: IfNotPresent\n',
        suggestion: '{"random": {"image": "docker.io/kubeflowkatib/suggestion-hyperopt:v0.17.0"}}',
      },
    };
    expect(images(configMap)).toEqual([
      'quay.io/argoproj/argoexec:v3.5.14',
      'docker.io/kubeflowkatib/suggestion-hyperopt:v0.17.0',
    ]);
  });

  it('ignores CRDs, whose schemas describe image fields but run nothing', () => {
    const crd: KubeObject = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x.example.com' },
      spec: { example: 'image: docker.io/library/python:3.11' },
    };
    expect(images(crd)).toEqual([]);
  });

  it('leaves placeholders to whoever fills them in', () => {
    expect(imagesInText('image: $(IMAGE)')).toEqual([]);
    expect(imagesInText('image: {{.Image}}')).toEqual([]);
  });
});

describe('isPinnedImage', () => {
  it('accepts a tag other than latest, or a digest', () => {
    expect(isPinnedImage('docker.io/library/mysql:8.0.39')).toBe(true);
    expect(isPinnedImage(`ghcr.io/kubeflow/kfp-driver@${DIGEST}`)).toBe(true);
    expect(isPinnedImage(`ghcr.io/kubeflow/kfp-driver:2.5.0@${DIGEST}`)).toBe(true);
  });

  it('rejects latest and untagged names, which float', () => {
    expect(isPinnedImage('docker.io/library/mysql:latest')).toBe(false);
    expect(isPinnedImage('mysql')).toBe(false);
    // The colon belongs to the registry's port, not a tag.
    expect(isPinnedImage('localhost:5000/skiff/api')).toBe(false);
  });
});
