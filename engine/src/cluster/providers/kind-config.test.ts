import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kindClusterConfig, kindConfigYaml } from './kind-config.js';

describe('kind cluster config', () => {
  it('gives a single node the ports, the GPU mount for all GPUs and the GPU label', () => {
    const config = kindClusterConfig({
      nodes: 1,
      gpus: 'all',
      ports: [{ hostPort: 3000, nodePort: 30300 }],
    });
    expect(config.nodes).toEqual([
      {
        role: 'control-plane',
        labels: { 'skiff.dev/gpu': 'true' },
        extraMounts: [
          { hostPath: '/dev/null', containerPath: '/var/run/nvidia-container-devices/all' },
        ],
        extraPortMappings: [
          { containerPort: 30300, hostPort: 3000, listenAddress: '127.0.0.1', protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('adds workers, keeps the control plane free of GPUs and pins a local node image', () => {
    const config = kindClusterConfig(
      { nodes: 3, gpus: [1], ports: [] },
      { nodeImage: 'kindest/node:v1.31.4' },
    );
    expect(config.nodes.map((node) => node.role)).toEqual(['control-plane', 'worker', 'worker']);
    expect(config.nodes[0]).toEqual({ role: 'control-plane', image: 'kindest/node:v1.31.4' });
    expect(config.nodes[2]?.extraMounts).toEqual([
      { hostPath: '/dev/null', containerPath: '/var/run/nvidia-container-devices/1' },
    ]);
  });

  it('writes YAML kind reads back to the same config', () => {
    const spec = { nodes: 2, gpus: 'none' as const, ports: [{ hostPort: 8080, nodePort: 30080 }] };
    expect(parse(kindConfigYaml(spec))).toEqual(kindClusterConfig(spec));
    expect(kindConfigYaml(spec)).not.toContain('extraMounts');
  });
});
