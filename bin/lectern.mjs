#!/usr/bin/env node
// Runs the TypeScript CLI straight from the sources, so `npx lectern` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../app/cli.ts');
process.exitCode = await main(process.argv.slice(2));
