#!/usr/bin/env node
import module from 'node:module';
import { setFlagsFromString } from 'node:v8';

// The largest function, in bytes of bytecode, that V8's optimizing compiler copies into its
// callers (V8's own: 460). At 60 a check of the bench's 1,000 files spends 2.1 s compiling
// instead of 3.5 s and runs no slower (docs/performance.md, "Less compiling").
// Set first, before anything is hot: V8's compiler threads read it while they compile, and a
// change under a compilation in flight fails V8's own consistency check and ends the process.
// V8's flags are the process's: the check's worker threads get it too.
setFlagsFromString('--max-inlined-bytecode-size=60');
// V8 makes an allocation site's objects old from birth once most of those it made outlived a
// young collection. A check makes each file's tree and drops it: the sites that made the first
// files' trees, alive while the next were read, were made old for every file after, and an old
// object that points to a young tree keeps it to the next full collection. With it off (and
// the facts of util/object-facts.ts) a check of the bench's 1,000 files promotes 87 MB to the
// old generation instead of 160 (docs/performance.md, "Trees that die young"). Read when a
// site decides, so set before anything is made.
setFlagsFromString('--no-allocation-site-pretenuring');

// Node 22.1 and later keep compiled code between runs: a pre-commit hook starts minutes on
// every commit. The import comes after, so that it is compiled through the cache.
module.enableCompileCache?.();
const { main } = await import('../dist/main.js');

process.exitCode = await main(process.argv.slice(2));
