#!/usr/bin/env node
// Package entry point: loads the TypeScript CLI through tsx so the installed command needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
