import { describe, expect, it } from 'vitest';
import { nodesFor, sizeNode } from './nodes.js';

const r7i2xlarge = {
  instanceType: 'r7i.2xlarge',
  vcpu: 8,
  memoryGiB: 64,
  maxPods: 58,
  reserve: { cpuMillicores: 90, memoryMiBPerPod: 11, memoryMiBBase: 255, evictionHardMiB: 100 },
  pod: { cpuVcpu: 4, memoryGiB: 8 },
};

describe('sizeNode', () => {
  const node = sizeNode(r7i2xlarge);

  it('leaves 8,000m − 90m = 7,910m of CPU allocatable', () => {
    expect(node.allocatableCpuMillicores.value).toBe(7910);
  });

  it('reserves 11 × 58 + 255 = 893 MiB for the kubelet, plus the 100 MiB eviction threshold', () => {
    expect(node.reservedMemoryMiB.value).toBe(893);
    expect(node.allocatableMemoryMiB.value).toBe(65_536 - 893 - 100);
  });

  it('fits one 4-vCPU pod per node, as the reference document says; CPU is the limit', () => {
    expect(node.podsPerNodeByCpu.value).toBe(1);
    expect(node.podsPerNodeByMemory.value).toBe(7);
    expect(node.podsPerNode.value).toBe(1);
  });

  it('fits three 2-vCPU pods (7,910 ÷ 2,000)', () => {
    expect(sizeNode({ ...r7i2xlarge, pod: { cpuVcpu: 2, memoryGiB: 4 } }).podsPerNode.value).toBe(3);
  });

  it('is capped by max pods when pods are tiny', () => {
    const tiny = sizeNode({ ...r7i2xlarge, pod: { cpuVcpu: 0.05, memoryGiB: 0.0625 } });
    expect(tiny.podsPerNodeByCpu.value).toBe(158);
    expect(tiny.podsPerNode.value).toBe(58);
  });

  it('reserves more memory with prefix delegation (110 pods): 11 × 110 + 255 = 1,465 MiB', () => {
    expect(sizeNode({ ...r7i2xlarge, maxPods: 110 }).reservedMemoryMiB.value).toBe(1465);
  });

  it('fits no pod larger than the node', () => {
    expect(sizeNode({ ...r7i2xlarge, pod: { cpuVcpu: 8, memoryGiB: 8 } }).podsPerNode.value).toBe(0);
  });
});

describe('nodesFor', () => {
  it('rounds up: 30 replicas at one per node need 30 nodes, at 4 per node 8', () => {
    expect(nodesFor(30, 1, 'maximum').value).toBe(30);
    expect(nodesFor(30, 4, 'maximum').value).toBe(8);
  });
});
