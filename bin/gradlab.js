#!/usr/bin/env node
// The `gradlab` command. Runs the TypeScript sources through tsx so a fresh checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
process.exitCode = await main(process.argv.slice(2));
