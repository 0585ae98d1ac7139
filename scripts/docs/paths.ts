/**
 * A figure's address inside a results file: dot-separated keys, and `[field=value]` to pick the element
 * of an array whose field has that value, e.g. `services.results[endpoint=GET /healthz].load.requestsPerSecond`.
 */
export function resolvePath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of splitPath(path)) {
    if (current === undefined || current === null) return undefined;
    if (segment.select) {
      if (!Array.isArray(current)) return undefined;
      const { field, value } = segment.select;
      current = current.find(
        (item: unknown) =>
          typeof item === 'object' &&
          item !== null &&
          String((item as Record<string, unknown>)[field]) === value,
      );
    } else {
      if (typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[segment.key];
    }
  }
  return current;
}

type Segment =
  | { key: string; select?: undefined }
  | { key?: undefined; select: { field: string; value: string } };

function splitPath(path: string): Segment[] {
  const segments: Segment[] = [];
  let key = '';
  const flush = () => {
    if (key !== '') segments.push({ key });
    key = '';
  };
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '.') {
      flush();
    } else if (char === '[') {
      flush();
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`unclosed [ in "${path}"`);
      const selector = path.slice(i + 1, end);
      const equals = selector.indexOf('=');
      if (equals < 1) throw new Error(`a selector is [field=value], got [${selector}] in "${path}"`);
      segments.push({ select: { field: selector.slice(0, equals), value: selector.slice(equals + 1) } });
      i = end;
    } else {
      key += char;
    }
  }
  flush();
  return segments;
}
