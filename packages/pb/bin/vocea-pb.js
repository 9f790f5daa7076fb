#!/usr/bin/env node
// Launcher: the published package runs the compiled dist/ (built by `npm pack`/`prepack`); inside the Vocea
// repository, where dist/ is not built, Node 24 runs the TypeScript source directly.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
await import(existsSync(compiled) ? compiled.href : new URL('../src/cli.ts', import.meta.url).href);
