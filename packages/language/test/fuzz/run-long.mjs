#!/usr/bin/env node
// `npm run fuzz`: the fuzz properties run long, with a fresh seed, saving every failing
// input (shrunk) as a regression fixture in test/fixtures/regressions/.
//
//   npm run fuzz                         # 300 s per property, a random seed
//   npm run fuzz -- --seconds 3600       # an hour per property
//   npm run fuzz -- --runs 100000        # a number of runs per property instead
//   npm run fuzz -- --seed 42            # replay a seed a previous run printed
//   npm run fuzz -- --no-save            # report failures without writing fixtures
//
// It runs test/fuzz/fuzz.test.ts under vitest with FUZZ_SECONDS / FUZZ_RUNS / FUZZ_SEED /
// FUZZ_SAVE set (see fuzz-config.ts); `npm test` runs the same file short, with a fixed seed.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function usage(message) {
    process.stderr.write(`run-long: ${message}\nusage: npm run fuzz -- [--seconds N | --runs N] [--seed N] [--no-save]\n`);
    process.exit(2);
}

const args = process.argv.slice(2);
const settings = { seconds: undefined, runs: undefined, seed: undefined, save: true };
for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
        const next = args[++i];
        if (next === undefined || !/^\d+$/.test(next)) usage(`${arg} takes a whole number`);
        return Number(next);
    };
    if (arg === '--seconds') settings.seconds = value();
    else if (arg === '--runs') settings.runs = value();
    else if (arg === '--seed') settings.seed = value();
    else if (arg === '--no-save') settings.save = false;
    else if (arg === '--help' || arg === '-h') usage('fuzzes the Minutes language for a long time');
    else usage(`unknown argument ${arg}`);
}
if (settings.seconds === undefined && settings.runs === undefined) settings.seconds = 300;
settings.seed ??= Math.floor(Math.random() * 2 ** 31);

const env = {
    ...process.env,
    FUZZ_SEED: String(settings.seed),
    FUZZ_SAVE: settings.save ? '1' : '0',
    ...(settings.seconds !== undefined ? { FUZZ_SECONDS: String(settings.seconds) } : {}),
    ...(settings.runs !== undefined ? { FUZZ_RUNS: String(settings.runs) } : {})
};
const budget = settings.runs !== undefined ? `${settings.runs} runs` : `${settings.seconds} s`;
process.stdout.write(`fuzzing with seed ${settings.seed}, ${budget} per property${settings.save ? '; failures are saved as regression fixtures' : ''}\n`);

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'packages/language/test/fuzz/fuzz.test.ts', '--testTimeout=0', '--hookTimeout=0'], {
    cwd: root,
    env,
    stdio: 'inherit'
});
child.on('exit', (code, signal) => {
    if (code !== 0) process.stdout.write(`\nTo replay: npm run fuzz -- --seed ${settings.seed} ${settings.runs !== undefined ? `--runs ${settings.runs}` : `--seconds ${settings.seconds}`}\n`);
    process.exit(code ?? (signal ? 1 : 0));
});
