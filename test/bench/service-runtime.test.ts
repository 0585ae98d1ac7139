import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  describeServiceRuntime,
  majorOf,
  parseExecPath,
  parseNodeVersion,
  resolveServiceRuntime,
  shippedNodeMajor,
} from '../../bench/service-runtime.js';

describe("the services' runtime under the bench", () => {
  it("takes the major version the images ship from the Dockerfile's NODE_IMAGE", () => {
    expect(
      shippedNodeMajor('# syntax=docker/dockerfile:1\nARG NODE_IMAGE=node:24-bookworm-slim\nARG SERVICE\n'),
    ).toBe(24);
    expect(shippedNodeMajor('ARG NODE_IMAGE=node:22.11.0-alpine\n')).toBe(22);
    expect(() => shippedNodeMajor('FROM node:24\n')).toThrow(/no ARG NODE_IMAGE=node:<major>/);
    // The repository's own Dockerfile names one.
    const dockerfile = readFileSync(new URL('../../services/Dockerfile', import.meta.url), 'utf8');
    const major = Number(/ARG NODE_IMAGE=node:(\d+)/.exec(dockerfile)?.[1]);
    expect(shippedNodeMajor(dockerfile)).toBe(major);
  });

  it('reads the version a binary reports and its major', () => {
    expect(parseNodeVersion('v24.21.0\n')).toBe('v24.21.0');
    expect(majorOf('v24.21.0')).toBe(24);
    expect(() => parseNodeVersion('npm warn exec The following package was not found\n')).toThrow(
      /expected a version such as v24.1.0, got "npm warn exec/,
    );
    expect(() => parseNodeVersion('')).toThrow(/got ""/);
  });

  it("takes the binary's path from the last line npx printed, and only an absolute one", () => {
    expect(parseExecPath('/root/.npm/_npx/abc/node_modules/node/bin/node\n')).toBe(
      '/root/.npm/_npx/abc/node_modules/node/bin/node',
    );
    expect(parseExecPath('Need to install the following packages:\nnode@24.21.0\n/opt/node/bin/node\n')).toBe(
      '/opt/node/bin/node',
    );
    expect(() => parseExecPath('node\n')).toThrow(/expected an absolute path, got "node"/);
    expect(() => parseExecPath('')).toThrow(/expected an absolute path/);
  });

  it('uses BENCH_SERVICE_NODE when set, with the version the binary reports', () => {
    const said: string[] = [];
    const runtime = resolveServiceRuntime({ BENCH_SERVICE_NODE: process.execPath }, (line) =>
      said.push(line),
    );
    expect(runtime).toEqual({ path: process.execPath, node: process.version, source: 'BENCH_SERVICE_NODE' });
    const shipped = shippedNodeMajor(
      readFileSync(new URL('../../services/Dockerfile', import.meta.url), 'utf8'),
    );
    // Another major than the images' is measured as asked, and said.
    expect(said).toEqual(
      majorOf(process.version) === shipped
        ? []
        : [`BENCH_SERVICE_NODE is ${process.version}; the images ship Node ${shipped}`],
    );
    expect(describeServiceRuntime(runtime)).toBe(`Node ${process.version} (BENCH_SERVICE_NODE)`);
  });

  it('stops on a BENCH_SERVICE_NODE that does not run, rather than measuring another Node', () => {
    expect(() => resolveServiceRuntime({ BENCH_SERVICE_NODE: '/nonexistent/node' }, () => {})).toThrow(
      /^BENCH_SERVICE_NODE=\/nonexistent\/node does not run as node: .*ENOENT/,
    );
    // A binary that runs but is not node: echo prints its arguments back.
    expect(() => resolveServiceRuntime({ BENCH_SERVICE_NODE: '/bin/echo' }, () => {})).toThrow(
      /does not run as node: expected a version such as v24.1.0, got "-p process.version"/,
    );
  });
});
