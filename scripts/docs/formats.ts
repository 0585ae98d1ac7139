/** How a figure from a results file is written in the docs: `<!-- figure bench:cli.medianWallMs as s -->`. */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function numeric(format: (value: number) => string): (value: unknown) => string {
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`expected a number, got ${JSON.stringify(value)}`);
    return format(value);
  };
}

export const FORMATS: Record<string, (value: unknown) => string> = {
  /** Milliseconds, written in seconds with one decimal. */
  s: numeric((ms) => `${oneDecimal.format(ms / 1000)} s`),
  ms: numeric((ms) => `${whole.format(ms)} ms`),
  ms1: numeric((ms) => `${oneDecimal.format(ms)} ms`),
  MiB: numeric((mib) => `${whole.format(mib)} MiB`),
  'req/s': numeric((rps) => `${whole.format(rps)} req/s`),
  count: numeric((n) => whole.format(n)),
  ratio: numeric((r) => `${oneDecimal.format(r)} ×`),
  /** Seconds, written as minutes and seconds. */
  duration: numeric((seconds) => {
    const minutes = Math.floor(seconds / 60);
    const rest = Math.round(seconds % 60);
    return minutes === 0 ? `${rest} s` : `${minutes} min ${rest} s`;
  }),
  text: (value) => {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new Error(`expected text, got ${JSON.stringify(value)}`);
    return String(value);
  },
};

/** The ways a measured value may be written in prose, by what its key says it measures. */
export function writtenForms(key: string, parentKey: string, value: number): string[] {
  if (/Ms$|^p\d+$| ms$/.test(key) || parentKey === 'latencyMs') {
    const forms = [FORMATS.ms!(value), FORMATS.ms1!(value)];
    if (value >= 1000) forms.push(FORMATS.s!(value));
    return forms;
  }
  if (/MiB$/.test(key)) return [FORMATS.MiB!(value)];
  if (key === 'requestsPerSecond' || / req\/s$/.test(key)) {
    return [FORMATS['req/s']!(value), `${Math.round(value)} req/s`];
  }
  if (/Ratio$/.test(key)) return [FORMATS.ratio!(value)];
  return [];
}
