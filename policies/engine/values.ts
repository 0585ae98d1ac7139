export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested blocks synthesize as one object or as a list of objects; both read as a list. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  if (isRecord(value)) return [value];
  return [];
}

/**
 * Follows a path of keys through nested blocks; a block list met on the way reads as its first
 * block (kubernetes `metadata`/`spec` and single blocks such as `vpc_config`). The value at the end
 * is returned as it is.
 */
export function valueAt(values: unknown, path: string | readonly string[]): unknown {
  const keys = typeof path === 'string' ? path.split('.') : path;
  let current: unknown = values;
  for (const key of keys) {
    if (Array.isArray(current)) current = current[0];
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Kubernetes-style `metadata.annotations` (or `labels`) of a resource, as a string map. */
export function stringMap(value: unknown): Record<string, string> {
  const map: Record<string, string> = {};
  for (const block of blocks(value)) {
    for (const [key, entry] of Object.entries(block)) {
      if (typeof entry === 'string' || typeof entry === 'number' || typeof entry === 'boolean') {
        map[key] = String(entry);
      }
    }
  }
  return map;
}

/** A list attribute; a single scalar reads as a one-element list. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
