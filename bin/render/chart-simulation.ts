import type { SimulationResult } from '../../calculators/hpa-simulation.js';
import type { Chart } from './chart-model.js';

/**
 * Demand against capacity, and the replicas behind the capacity, over the run. `demandJumps` draws
 * demand as steps (a step profile) rather than straight lines between samples.
 */
export function simulationChart(
  result: SimulationResult,
  title: string,
  subtitle?: string,
  demandJumps = false,
): Chart {
  const { samples } = result;
  return {
    title,
    ...(subtitle === undefined ? {} : { subtitle }),
    times: samples.map((s) => s.t),
    panels: [
      {
        title: 'Demand vs capacity',
        unit: 'req/s',
        series: [
          {
            label: 'capacity',
            values: samples.map((s) => s.capacityRps),
            marker: '#',
            fill: ':',
            color: '#2b7bb9',
            step: true,
          },
          {
            label: 'demand',
            values: samples.map((s) => s.demandRps),
            marker: '*',
            color: '#d1495b',
            step: demandJumps,
          },
        ],
      },
      {
        title: 'Replicas',
        unit: 'pods',
        series: [
          {
            label: 'ready',
            values: samples.map((s) => s.readyPods),
            marker: '#',
            fill: ':',
            color: '#2b7bb9',
            step: true,
          },
          {
            label: 'desired',
            values: samples.map((s) => s.desiredReplicas),
            marker: 'o',
            color: '#edae49',
            step: true,
          },
        ],
      },
    ],
  };
}
