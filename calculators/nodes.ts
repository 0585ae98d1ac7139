import { ceilExact, type Figure, figure, fmt } from './figure.js';

export interface NodeSizingInput {
  instanceType: string;
  vcpu: number;
  memoryGiB: number;
  maxPods: number;
  reserve: { cpuMillicores: number; memoryMiBPerPod: number; memoryMiBBase: number; evictionHardMiB: number };
  pod: { cpuVcpu: number; memoryGiB: number };
}

export interface NodeSizing {
  instanceType: string;
  allocatableCpuMillicores: Figure;
  reservedMemoryMiB: Figure;
  allocatableMemoryMiB: Figure;
  podsPerNodeByCpu: Figure;
  podsPerNodeByMemory: Figure;
  podsPerNode: Figure;
}

const MIB_PER_GIB = 1024;

/** Allocatable capacity of one node after the kubelet's reserve, and how many application pods fit. */
export function sizeNode(input: NodeSizingInput): NodeSizing {
  const { reserve, pod } = input;
  const cpu = input.vcpu * 1000 - reserve.cpuMillicores;
  const reservedMemory = reserve.memoryMiBPerPod * input.maxPods + reserve.memoryMiBBase;
  const memory = input.memoryGiB * MIB_PER_GIB - reservedMemory - reserve.evictionHardMiB;
  const podCpu = pod.cpuVcpu * 1000;
  const podMemory = pod.memoryGiB * MIB_PER_GIB;
  const byCpu = Math.floor(cpu / podCpu);
  const byMemory = Math.floor(memory / podMemory);
  const podsPerNode = Math.min(byCpu, byMemory, input.maxPods);
  return {
    instanceType: input.instanceType,
    allocatableCpuMillicores: figure(
      cpu,
      'millicores',
      'vCPU × 1000 − kubelet CPU reserve',
      `${input.vcpu} × 1000 − ${reserve.cpuMillicores} = ${fmt(cpu)}`,
    ),
    reservedMemoryMiB: figure(
      reservedMemory,
      'MiB',
      '11 MiB × max pods + 255 MiB (EKS kube-reserved)',
      `${reserve.memoryMiBPerPod} × ${input.maxPods} + ${reserve.memoryMiBBase} = ${fmt(reservedMemory)}`,
    ),
    allocatableMemoryMiB: figure(
      memory,
      'MiB',
      'memory − kube-reserved − hard eviction threshold',
      `${fmt(input.memoryGiB * MIB_PER_GIB)} − ${fmt(reservedMemory)} − ${reserve.evictionHardMiB} = ${fmt(memory)}`,
    ),
    podsPerNodeByCpu: figure(
      byCpu,
      'pods',
      'floor(allocatable millicores ÷ pod millicores)',
      `floor(${fmt(cpu)} ÷ ${fmt(podCpu)}) = ${byCpu}`,
    ),
    podsPerNodeByMemory: figure(
      byMemory,
      'pods',
      'floor(allocatable MiB ÷ pod MiB)',
      `floor(${fmt(memory)} ÷ ${fmt(podMemory)}) = ${byMemory}`,
    ),
    podsPerNode: figure(
      podsPerNode,
      'pods',
      'min(by CPU, by memory, max pods)',
      `min(${byCpu}, ${byMemory}, ${input.maxPods}) = ${podsPerNode}`,
    ),
  };
}

/** Nodes needed to host `replicas` pods at `podsPerNode` each. */
export function nodesFor(replicas: number, podsPerNode: number, label: string): Figure {
  const nodes = ceilExact(replicas / podsPerNode);
  return figure(
    nodes,
    'nodes',
    `ceil(${label} replicas ÷ pods per node)`,
    `ceil(${replicas} ÷ ${podsPerNode}) = ${nodes}`,
  );
}
