#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep compiled code between runs: a pre-commit hook starts minutes on
// every commit. The import comes after, so that it is compiled through the cache.
module.enableCompileCache?.();
const { main } = await import('../dist/main.js');

process.exitCode = await main(process.argv.slice(2));
