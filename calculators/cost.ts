import type { PlatformSpec } from '../config/spec.js';
import { type Figure, figure, fmt } from './figure.js';
import priceList from './prices.json' with { type: 'json' };

/** AWS bills instance-hours; its price pages use 730-hour months (8,760 h ÷ 12). */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3_600;
const GB = 1e9;
const GIB_IN_GB = 1.073741824;

export interface Price {
  usd: number;
  per: string;
  source: string;
  read: string;
  checked: string;
}

/** A price of the list, or `undefined` when the list has none for that key. */
export function priceOf(key: string): Price | undefined {
  return (priceList.prices as Record<string, Price>)[key];
}

export class PriceError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'PriceError';
  }
}

function requirePrice(key: string, field: string): Price {
  const price = priceOf(key);
  if (!price) {
    throw new PriceError([
      `${field}: calculators/prices.json has no us-east-1 price for "${key}"; add it with its source and date`,
    ]);
  }
  return price;
}

/** One line of the bill at the platform's minimum (normal load) and maximum (peak load all month). */
export interface BillLine {
  key: string;
  label: string;
  prices: (Price & { key: string })[];
  atMin: Figure;
  atMax: Figure;
}

export interface Bill {
  region: string;
  hoursPerMonth: number;
  lines: BillLine[];
  totalAtMin: Figure;
  totalAtMax: Figure;
}

/** What the bill depends on in the plan: node counts and request rates. */
export interface BillInputs {
  minNodes: number;
  maxNodes: number;
  normalRps: number;
  peakRps: number;
}

const usd = (x: number) => `$${fmt(x, 2)}`;
/** A unit price as listed, every digit kept ($0.5292, $0.0225). */
const unit = (x: number) => `$${x}`;
const withKey = (key: string, price: Price) => ({ ...price, key });

function hourly(count: number, price: Price, what: string): Figure {
  const dollars = count * HOURS_PER_MONTH * price.usd;
  return figure(
    dollars,
    'USD/month',
    `${what} × ${HOURS_PER_MONTH} h × ${unit(price.usd)} per ${price.per}`,
    `${fmt(count)} × ${HOURS_PER_MONTH} × ${unit(price.usd)} = ${usd(dollars)}`,
  );
}

function fixedLine(
  key: string,
  label: string,
  count: number,
  price: Price,
  priceKey: string,
  what: string,
): BillLine {
  const line = hourly(count, price, what);
  return { key, label, prices: [withKey(priceKey, price)], atMin: line, atMax: line };
}

/** HTTP API requests priced in the monthly tiers: 300 million, the next 700 million, the rest. */
function apiGatewayRequests(requests: number): Figure {
  const tiers = [
    { key: 'apigateway:http-first-300m', upTo: 300e6 },
    { key: 'apigateway:http-next-700m', upTo: 1e9 },
    { key: 'apigateway:http-over-1b', upTo: Number.POSITIVE_INFINITY },
  ];
  let from = 0;
  let dollars = 0;
  const parts: string[] = [];
  for (const tier of tiers) {
    const inTier = Math.max(0, Math.min(requests, tier.upTo) - from);
    const price = requirePrice(tier.key, 'apiGateway');
    if (inTier > 0) {
      dollars += (inTier / 1e6) * price.usd;
      parts.push(`${fmt(inTier / 1e6)} M × ${unit(price.usd)}`);
    }
    from = tier.upTo;
  }
  return figure(
    dollars,
    'USD/month',
    'requests per month in the HTTP API tiers (first 300 M, next 700 M, over 1 B)',
    `${fmt(requests / 1e6)} M requests: ${parts.join(' + ')} = ${usd(dollars)}`,
  );
}

function requestsPerMonth(rps: number): number {
  return rps * SECONDS_PER_MONTH;
}

/**
 * The platform's monthly bill, line by line: at the minimum (node group minimum, normal load all
 * month) and at the maximum (node group maximum, peak load all month: an upper bound).
 */
export function estimateBill(spec: PlatformSpec, inputs: BillInputs): Bill {
  const { data, network, costModel } = spec;
  const lines: BillLine[] = [];

  const nodeKey = `ec2:${spec.instance.type}`;
  const listed = priceOf(nodeKey);
  const nodePrice: Price =
    spec.instance.pricePerHourUsd !== undefined
      ? {
          usd: spec.instance.pricePerHourUsd,
          per: 'instance-hour',
          source: 'spec: instance.pricePerHourUsd',
          read: listed?.read ?? 'given',
          checked: 'spec',
        }
      : requirePrice(nodeKey, 'instance.type');
  lines.push({
    key: 'nodes',
    label: `EC2 nodes (${spec.instance.type})`,
    prices: [withKey(nodeKey, nodePrice)],
    atMin: hourly(inputs.minNodes, nodePrice, 'node group minimum'),
    atMax: hourly(inputs.maxNodes, nodePrice, 'node group maximum'),
  });

  lines.push(
    fixedLine(
      'eksControlPlane',
      'EKS control plane',
      1,
      requirePrice('eks:cluster', 'cluster'),
      'eks:cluster',
      '1 cluster',
    ),
  );

  const natCount = network.natGateways === 'one-per-az' ? network.availabilityZones.length : 1;
  const natHour = requirePrice('vpc:nat-gateway-hour', 'network.natGateways');
  const natGb = requirePrice('vpc:nat-gateway-gb', 'network.natGateways');
  const nat = (nodes: number): Figure => {
    const hours = natCount * HOURS_PER_MONTH * natHour.usd;
    const gb = nodes * costModel.natGiBPerNodeMonth * GIB_IN_GB;
    const dollars = hours + gb * natGb.usd;
    return figure(
      dollars,
      'USD/month',
      `NAT gateways × ${HOURS_PER_MONTH} h × ${unit(natHour.usd)} + nodes × ${fmt(costModel.natGiBPerNodeMonth)} GiB × ${unit(natGb.usd)}/GB`,
      `${natCount} × ${HOURS_PER_MONTH} × ${unit(natHour.usd)} + ${fmt(nodes)} × ${fmt(costModel.natGiBPerNodeMonth)} GiB ` +
        `(${fmt(gb)} GB) × ${unit(natGb.usd)} = ${usd(dollars)}`,
    );
  };
  lines.push({
    key: 'natGateways',
    label: `NAT gateways (${natCount}) and data processing`,
    prices: [withKey('vpc:nat-gateway-hour', natHour), withKey('vpc:nat-gateway-gb', natGb)],
    atMin: nat(inputs.minNodes),
    atMax: nat(inputs.maxNodes),
  });

  const albHour = requirePrice('elb:alb-hour', 'edge');
  const albLcu = requirePrice('elb:alb-lcu-hour', 'edge');
  // Processed bytes dominate the LCU for an API behind a gateway that keeps its connections open.
  const alb = (rps: number, label: string): Figure => {
    const lcu = (rps * costModel.bytesPerRequest * 3_600) / GB;
    const dollars = HOURS_PER_MONTH * (albHour.usd + lcu * albLcu.usd);
    return figure(
      dollars,
      'USD/month',
      `${HOURS_PER_MONTH} h × (${unit(albHour.usd)} + LCU × ${unit(albLcu.usd)}), LCU = GB processed per hour (1 LCU = 1 GB/h)`,
      `${label} ${fmt(rps)} req/s × ${fmt(costModel.bytesPerRequest)} B × 3,600 s = ${fmt(lcu)} LCU; ` +
        `${HOURS_PER_MONTH} × (${unit(albHour.usd)} + ${fmt(lcu)} × ${unit(albLcu.usd)}) = ${usd(dollars)}`,
    );
  };
  lines.push({
    key: 'alb',
    label: 'Application Load Balancer (LCU from processed bytes)',
    prices: [withKey('elb:alb-hour', albHour), withKey('elb:alb-lcu-hour', albLcu)],
    atMin: alb(inputs.normalRps, 'normal'),
    atMax: alb(inputs.peakRps, 'peak'),
  });

  for (const [engine, cluster] of [
    ['postgresql', data.postgres],
    ['mysql', data.mysql],
  ] as const) {
    const key = `rds:aurora-${engine}:${cluster.instanceClass}`;
    const field = `data.${engine === 'postgresql' ? 'postgres' : 'mysql'}.instanceClass`;
    lines.push(
      fixedLine(
        `aurora${engine === 'postgresql' ? 'Postgres' : 'Mysql'}`,
        `Aurora ${engine === 'postgresql' ? 'PostgreSQL' : 'MySQL'} (${cluster.instanceClass}, writer + ${cluster.readers} reader${cluster.readers === 1 ? '' : 's'})`,
        1 + cluster.readers,
        requirePrice(key, field),
        key,
        'instances',
      ),
    );
  }

  const cacheKey = `elasticache:${data.redis.nodeType}`;
  lines.push(
    fixedLine(
      'elasticache',
      `ElastiCache (${data.redis.nodeType})`,
      data.redis.nodes,
      requirePrice(cacheKey, 'data.redis.nodeType'),
      cacheKey,
      'nodes',
    ),
  );

  const atlasKey = `atlas:aws:${data.atlas.instanceSize}`;
  const atlasPrice = requirePrice(atlasKey, 'data.atlas.instanceSize');
  // Atlas prices a tier for a three-node replica set; more electable nodes cost in proportion.
  lines.push(
    fixedLine(
      'atlas',
      `MongoDB Atlas ${data.atlas.instanceSize} (${data.atlas.electableNodes} nodes)`,
      data.atlas.electableNodes / 3,
      atlasPrice,
      atlasKey,
      'electable nodes ÷ 3',
    ),
  );

  const logs = requirePrice('cloudwatch:logs-ingested-gb', 'observability');
  const cloudwatch = (rps: number, label: string): Figure => {
    const gb = (requestsPerMonth(rps) * costModel.logBytesPerRequest) / GB;
    const dollars = gb * logs.usd;
    return figure(
      dollars,
      'USD/month',
      `requests per month × ${fmt(costModel.logBytesPerRequest)} B of logs × ${unit(logs.usd)}/GB ingested`,
      `${label} ${fmt(rps)} req/s × ${fmt(SECONDS_PER_MONTH)} s × ${fmt(costModel.logBytesPerRequest)} B = ${fmt(gb)} GB × ${unit(logs.usd)} = ${usd(dollars)}`,
    );
  };
  lines.push({
    key: 'cloudwatchLogs',
    label: 'CloudWatch Logs ingestion',
    prices: [withKey('cloudwatch:logs-ingested-gb', logs)],
    atMin: cloudwatch(inputs.normalRps, 'normal'),
    atMax: cloudwatch(inputs.peakRps, 'peak'),
  });

  lines.push({
    key: 'apiGateway',
    label: 'API Gateway HTTP API requests',
    prices: ['apigateway:http-first-300m', 'apigateway:http-next-700m', 'apigateway:http-over-1b'].map(
      (key) => withKey(key, requirePrice(key, 'apiGateway')),
    ),
    atMin: apiGatewayRequests(requestsPerMonth(inputs.normalRps)),
    atMax: apiGatewayRequests(requestsPerMonth(inputs.peakRps)),
  });

  const total = (pick: (line: BillLine) => Figure, label: string): Figure => {
    const dollars = lines.reduce((sum, line) => sum + pick(line).value, 0);
    return figure(
      dollars,
      'USD/month',
      `sum of the ${lines.length} lines ${label}`,
      `${lines.map((line) => usd(pick(line).value)).join(' + ')} = ${usd(dollars)}`,
    );
  };
  return {
    region: priceList.region,
    hoursPerMonth: HOURS_PER_MONTH,
    lines,
    totalAtMin: total((line) => line.atMin, 'at the minimum'),
    totalAtMax: total((line) => line.atMax, 'at the maximum'),
  };
}
