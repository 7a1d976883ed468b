#!/usr/bin/env node
/**
 * npm run bench: Minutes against its targets, side by side with a markdown-it baseline.
 *
 *   node bench/run.mjs [--smoke] [--rounds N] [--out DIR] [--only check,markdown,lsp,generation,startup]
 *
 * Generates the workload (bench/workload/, deterministic, cached), then runs rounds of:
 * `minutes check` and markdown-it as processes on the same content, a language-server
 * session per workspace driven over stdio, and generation throughput. Each step runs once
 * per round, in an order that alternates between rounds; the figures are the medians of
 * the measured rounds, after a warm-up round. Prints a table and writes results.json and
 * RESULTS.md (bench/ by default; the smoke run writes under bench/workload/smoke/).
 */
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileEditScenario } from './lib/lsp-file-edits.mjs';
import { languageServerScenario } from './lib/lsp-scenario.mjs';
import { machine, median, runProcess } from './lib/measure.mjs';
import { ARCHIVE, FULL, markNotesRoots, prepareArchive, prepareWorkload, SMOKE } from './lib/prepare.mjs';
import { Random } from './lib/prng.mjs';
import { generateDirectory } from './lib/workload.mjs';
import { formatTable, targetsOf } from './lib/report.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const CLI = path.join(ROOT, 'packages/cli/bin/minutes.js');
const MARKDOWN = path.join(BENCH, 'markdown-render.mjs');
const GENERATION = path.join(BENCH, 'generation-throughput.mjs');

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const config = smoke ? SMOKE : FULL;
const rounds = Number(option('--rounds', smoke ? 1 : 5));
const warmupRounds = smoke ? 0 : 1;
const workloadRoot = path.join(BENCH, 'workload', smoke ? 'smoke' : 'full');
const outDir = path.resolve(option('--out', smoke ? workloadRoot : BENCH));
const log = message => process.stderr.write(`${message}\n`);

if (!existsSync(path.join(ROOT, 'packages/language/out/index.js')) || !existsSync(path.join(ROOT, 'packages/cli/dist/main.js'))) {
    log('bench: build first (npm run build; npm run bench does it)');
    process.exit(2);
}

// --only check,lsp: a subset of the steps, for working on one of them (the table then has gaps).
const only = option('--only', undefined)?.split(',');
// The start-up rows need no workload: `--only startup` does not generate one.
const workload = only?.every(prefix => prefix === 'startup')
    ? { workspaces: [], large: {}, sentences: 0 }
    : await prepareWorkload(ROOT, workloadRoot, config, log);
const byName = Object.fromEntries(workload.workspaces.map(w => [w.name, w]));
// The archive of ten thousand meetings is for the language server only: generated when its step runs.
const archive = !only || only.some(prefix => 'lsp archive'.startsWith(prefix) || prefix.startsWith('lsp archive'))
    ? await prepareArchive(ROOT, workloadRoot, config, smoke ? ARCHIVE.smoke : ARCHIVE.full, log)
    : undefined;
const resolvedWorkspaces = workload.workspaces.filter(w => !w.unresolved);
const largest = Math.max(...config.sizes);

// Speaker-name prefixes to complete: none (just `@`), then beginnings of names from the
// directory, accents included, chosen with the workload's seed.
const directory = generateDirectory(config.seed, config.people, config.orgs);
const pick = new Random(config.seed + 7);
const people = pick.sample(directory.people, smoke ? 2 : 9);
const prefixes = ['', ...people.map((person, i) => [person.first.slice(0, 1 + (i % 3)), person.last.slice(0, 3), person.handle.slice(0, 2)][i % 3])];

/** The steps of a round: name → function returning the figures of one run. */
const steps = [];
/** `minutes check FOLDER` as a process, with its wall and CPU time, peak RSS and the load average it started under. */
async function checkStep(w, env = {}) {
    const run = await runProcess(process.execPath, [CLI, 'check', w.minutesDir], { env });
    // 1 means problems were found (the workload is meant to have none); 2 a failure.
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`minutes check ${w.name} exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
    return { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssBytes: run.peakRssBytes, loadAverage: run.loadAverage, mbPerS: w.minutesBytes / 1e6 / (run.wallMs / 1000), exitCode: run.exitCode, summary: run.stdout.trim().split('\n').pop() };
}
for (const w of resolvedWorkspaces) {
    steps.push([`check ${w.name}`, () => checkStep(w)]);
    steps.push([`markdown ${w.name}`, async () => {
        const run = await runProcess(process.execPath, [MARKDOWN, w.markdownDir]);
        if (run.exitCode !== 0) throw new Error(`markdown-it ${w.name} exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
        const rendered = JSON.parse(run.stdout);
        return { wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssBytes: run.peakRssBytes, loadAverage: run.loadAverage, mbPerS: w.markdownBytes / 1e6 / (run.wallMs / 1000), files: rendered.files, htmlBytes: rendered.htmlBytes };
    }]);
}
// The same check of the largest workspace in one thread (MINUTES_THREADS=1): what the worker threads gain.
const largestResolved = resolvedWorkspaces.find(w => w.meetings === largest);
if (largestResolved) steps.push([`check-1-thread ${largestResolved.name}`, () => checkStep(largestResolved, { MINUTES_THREADS: '1' })]);
for (const w of workload.workspaces) {
    steps.push([`lsp ${w.name}`, () => languageServerScenario({
        workspace: w,
        largeFile: w.meetings === largest && !w.unresolved ? workload.large.minutesFile : undefined,
        edits: smoke ? 4 : 40,
        warmupEdits: smoke ? 2 : 6,
        prefixes,
        completionsPerPrefix: smoke ? 1 : 3,
        timeoutMs: smoke ? 120_000 : 600_000
    })]);
}
if (archive) {
    steps.push([`lsp ${archive.name}`, () => languageServerScenario({
        workspace: archive,
        edits: smoke ? 4 : 40,
        warmupEdits: smoke ? 2 : 6,
        prefixes,
        completionsPerPrefix: smoke ? 1 : 3,
        timeoutMs: smoke ? 120_000 : 900_000
    })]);
}
// Edits in one long file: the 1 MB report with the smallest workspace's directory loaded, and
// the 57 KB transcript example in the examples folder.
const directoryWorkspace = byName[`ws-${Math.min(...config.sizes)}`];
const editedFiles = {
    report: { workspace: directoryWorkspace?.minutesDir, file: workload.large.minutesFile },
    // The same edits, each parsed in full as before incremental reparsing, side by side in each round.
    'report-in-full': { workspace: directoryWorkspace?.minutesDir, file: workload.large.minutesFile, parseInFull: true },
    transcript: { workspace: path.join(ROOT, 'examples'), file: path.join(ROOT, 'examples', 'igf-2018-ws224-transcript.minutes') }
};
for (const [name, edited] of Object.entries(editedFiles)) {
    if (!edited.workspace || !edited.file) continue;
    // Parsing every edit of a 1 MB file in full is slow: fewer pairs of those.
    const pairs = smoke ? 1 : edited.parseInFull ? 3 : 10;
    steps.push([`edits ${name}`, () => fileEditScenario({ ...edited, pairs, warmupPairs: smoke ? 0 : 1, timeoutMs: smoke ? 120_000 : 900_000 })]);
}
// Start-up, as a pre-commit hook pays it on every commit: the command against a bare `node -e 0`,
// each the median of a few runs, with the compile cache of Node 22+ warm after the first.
const STARTUP_RUNS = smoke ? 1 : 5;
const startupFolder = path.join(workloadRoot, 'startup');
await fs.mkdir(startupFolder, { recursive: true });
await markNotesRoots([startupFolder]);
const startupFile = path.join(startupFolder, 'one.minutes');
await fs.writeFile(startupFile, 'person @ttropina Tatiana Tropina\n\nmeeting: A short call\ndate: 2025-03-19\n\n@ttropina: Opened the call.\n');
steps.push(['startup', async () => {
    const commands = { node: ['-e', '0'], version: [CLI, '--version'], help: [CLI, '--help'], checkOneFile: [CLI, 'check', startupFile] };
    const figures = {};
    for (const [name, argv] of Object.entries(commands)) {
        const times = [];
        for (let i = 0; i < STARTUP_RUNS; i++) {
            const run = await runProcess(process.execPath, argv);
            if (run.exitCode !== 0) throw new Error(`${argv.join(' ')} exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
            times.push(run.wallMs);
        }
        figures[name] = median(times);
    }
    return figures;
}]);
const generationWorkspace = byName[`ws-${Math.min(...config.sizes)}`];
steps.push(['generation', async () => {
    const run = await runProcess(process.execPath, [GENERATION, generationWorkspace.minutesDir, 'email,html,json']);
    if (run.exitCode !== 0) throw new Error(`generation exited ${run.exitCode}: ${run.stderr.slice(-2000)}`);
    const figures = {};
    for (const line of run.stdout.trim().split('\n')) {
        const entry = JSON.parse(line);
        if (!entry.available) return { available: false };
        figures[entry.format] = { ms: entry.ms, mbPerS: entry.sourceBytes / 1e6 / (entry.ms / 1000), documents: entry.documents, sourceBytes: entry.sourceBytes, outputBytes: entry.outputBytes };
    }
    return { available: true, ...figures };
}]);

if (only) steps.splice(0, steps.length, ...steps.filter(([name]) => only.some(prefix => name.startsWith(prefix))));

const measured = [];
for (let round = 0; round < warmupRounds + rounds; round++) {
    const warmup = round < warmupRounds;
    // Alternate the order between rounds, so that no step always follows the same one.
    const order = round % 2 === 0 ? steps : [...steps].reverse();
    const figures = {};
    for (const [name, run] of order) {
        const started = performance.now();
        figures[name] = await run();
        log(`${warmup ? 'warm-up' : `round ${round - warmupRounds + 1}/${rounds}`}: ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
    if (!warmup) measured.push(figures);
}

/** The median over rounds of every number in the figures of a step (other values from the first round). */
function medianOf(name) {
    const runs = measured.map(figures => figures[name]);
    const combine = values => {
        const first = values[0];
        if (typeof first === 'number') return median(values);
        if (first && typeof first === 'object' && !Array.isArray(first)) {
            return Object.fromEntries(Object.keys(first).map(key => [key, combine(values.map(v => v?.[key]))]));
        }
        return first;
    };
    return combine(runs);
}

const ran = name => measured.length > 0 && measured[0][name] !== undefined;
const results = {
    mode: smoke ? 'smoke' : 'full',
    machine: { ...machine(), loadAverage: os.loadavg() },
    rounds, warmupRounds,
    workload: {
        people: config.people, organisations: config.orgs,
        sentencesFrom: workload.sentences,
        workspaces: workload.workspaces.map(({ minutesDir, markdownDir, ...w }) => ({ ...w, minutesDir: path.relative(ROOT, minutesDir), markdownDir: path.relative(ROOT, markdownDir) })),
        archive: archive && { ...archive, minutesDir: path.relative(ROOT, archive.minutesDir), markdownDir: path.relative(ROOT, archive.markdownDir) },
        large: { minutesBytes: workload.large.minutesBytes, markdownBytes: workload.large.markdownBytes, file: workload.large.minutesFile && path.relative(ROOT, workload.large.minutesFile) }
    },
    check: {}, checkOneThread: {}, markdown: {}, checkVsMarkdown: {}, checkVsMarkdownCpu: {}, lsp: {},
    edits: Object.fromEntries(Object.keys(editedFiles).filter(name => measured[0]?.[`edits ${name}`]).map(name => [name, medianOf(`edits ${name}`)])),
    archive: archive && ran(`lsp ${archive.name}`) ? { name: archive.name, ...medianOf(`lsp ${archive.name}`) } : undefined, generation: measured[0]?.generation ? medianOf('generation') : undefined,
    startup: measured[0]?.startup ? medianOf('startup') : undefined,
    perRound: measured
};
for (const w of resolvedWorkspaces.filter(w => ran(`check ${w.name}`) && ran(`markdown ${w.name}`))) {
    results.check[w.name] = medianOf(`check ${w.name}`);
    results.markdown[w.name] = medianOf(`markdown ${w.name}`);
    // The ratio per round, then its median: the two ran side by side in each round.
    results.checkVsMarkdown[w.name] = median(measured.map(f => f[`check ${w.name}`].wallMs / f[`markdown ${w.name}`].wallMs));
    results.checkVsMarkdownCpu[w.name] = median(measured.map(f => f[`check ${w.name}`].cpuMs / f[`markdown ${w.name}`].cpuMs));
    if (ran(`check-1-thread ${w.name}`)) results.checkOneThread[w.name] = medianOf(`check-1-thread ${w.name}`);
}
for (const w of workload.workspaces.filter(w => ran(`lsp ${w.name}`))) results.lsp[w.name] = medianOf(`lsp ${w.name}`);
results.targets = targetsOf(results, config);

const table = formatTable(results);
process.stdout.write(`\n${table}\n`);
await fs.mkdir(outDir, { recursive: true });
await fs.writeFile(path.join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
await fs.writeFile(path.join(outDir, 'RESULTS.md'), `${table}\n`);
log(`bench: wrote ${path.relative(ROOT, path.join(outDir, 'results.json'))} and RESULTS.md`);
