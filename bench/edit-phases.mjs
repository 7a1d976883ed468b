#!/usr/bin/env node
/**
 * Where the time of an edit goes in a long file, phase by phase, with the edited document
 * parsed again incrementally and in full: the measurement docs/performance.md quotes under
 * "Incremental reparsing". In-process, CPU time (user + system) per update, medians.
 *
 *   node bench/edit-phases.mjs [DIRECTORY_FILE LONG_FILE] [--pairs N] [--incremental-only]
 *                              [--count] [--profile FILE]
 *
 * Defaults: the benchmark's directory and 1 MB report (bench/workload/full, made by
 * `npm run bench`). Each pair is an edit and its undo, of the bench's five kinds
 * (bench/lib/lsp-file-edits.mjs).
 *
 * --count adds, per phase, the JavaScript blocks an update executes (V8 precise coverage of
 * the project's and Langium's code, medians): unlike a time, independent of the machine's
 * load. --profile FILE writes a CPU profile of the incremental updates only (summarise it with
 * `node bench/lib/profile-summary.mjs FILE 40`).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { editTargets } from './lib/lsp-file-edits.mjs';
import { median } from './lib/measure.mjs';
// @ts-expect-error: plain JavaScript
import { ExecutedBlocks } from '../packages/language/test/helpers/executed-blocks.mjs';

const args = process.argv.slice(2);
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 10;
const counting = args.includes('--count');
const profileFile = args.includes('--profile') ? args[args.indexOf('--profile') + 1] : undefined;
const modes = args.includes('--incremental-only') ? [true] : [false, true];
const files = args.filter((a, i) => !a.startsWith('--') && !/^\d+$/.test(a) && args[i - 1] !== '--profile');

// Counting sees only code compiled after it starts: the modules are imported after it.
const blocks = counting ? await ExecutedBlocks.start() : undefined;
const COUNTED = /\/(packages\/language\/out|node_modules\/(langium|chevrotain|vscode-languageserver))\//;
const { DocumentState, URI } = await import('langium');
const { NodeFileSystem } = await import('langium/node');
const { TextDocument } = await import('vscode-languageserver-textdocument');
const { createMinutesServices } = await import('minutes-language/editor');

/** Blocks by phase and function of each incremental update, for --count's list of the functions that execute most. */
const functionsByUpdate = [];
let functions = new Map();
const countSince = (phase, { count, byFunction }) => {
    for (const [name, blocks] of byFunction) functions.set(`${phase}: ${name}`, (functions.get(`${phase}: ${name}`) ?? 0) + blocks);
    return count;
};

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const directoryFile = files[0] ?? path.join(BENCH, 'workload/full/ws-100/minutes/directory.minutes');
const longFile = files[1] ?? path.join(BENCH, 'workload/full/large/large.minutes');

const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
const PHASES = { [DocumentState.Parsed]: 'parse', [DocumentState.IndexedContent]: 'index', [DocumentState.ComputedScopes]: 'scopes', [DocumentState.Linked]: 'link', [DocumentState.IndexedReferences]: 'index references', [DocumentState.Validated]: 'validate' };

async function measure(incremental) {
    const { shared } = createMinutesServices(NodeFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    factory.reparseIncrementally = incremental;
    const uri = URI.file(path.resolve(longFile));
    let text = await fs.readFile(longFile, 'utf8');
    let textDocument = TextDocument.create(uri.toString(), 'minutes', 1, text);
    shared.workspace.TextDocuments.set(textDocument);
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    const loaded = [await documents.getOrCreateDocument(URI.file(path.resolve(directoryFile))), await documents.getOrCreateDocument(uri)];
    await builder.build(loaded, { validation: true });
    builder.updateBuildOptions = { validation: true };

    let phases = {};
    let last = 0;
    for (const [state, name] of Object.entries(PHASES)) {
        builder.onBuildPhase(Number(state), async () => {
            const now = cpuNow();
            phases[name] = (phases[name] ?? 0) + now - last;
            if (blocks) phases[`${name} blocks`] = (phases[`${name} blocks`] ?? 0) + countSince(name, await blocks.since(COUNTED));
            last = cpuNow();
        });
    }
    const profiler = profileFile && incremental ? new Session() : undefined;
    if (profiler) {
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.start');
    }
    const samples = [];
    const apply = async (range, inserted) => {
        textDocument = TextDocument.update(textDocument, [{ range, text: inserted }], textDocument.version + 1);
        shared.workspace.TextDocuments.set(textDocument);
        phases = {};
        if (blocks) await blocks.since(COUNTED);
        const started = performance.now();
        last = cpuNow();
        const cpuStarted = last;
        await builder.update([uri], []);
        const cpu = cpuNow() - cpuStarted;
        if (blocks && incremental) functionsByUpdate.push(functions);
        functions = new Map();
        const wall = performance.now() - started;
        // What the update runs after its last phase (the selective builder's check of unresolved names).
        if (blocks) phases['after blocks'] = countSince('after', await blocks.since(COUNTED));
        const total = Object.entries(phases).filter(([key]) => key.endsWith(' blocks')).reduce((sum, [, count]) => sum + count, 0);
        samples.push({ ...phases, ...(blocks ? { 'total blocks': total } : {}), cpu, wall });
    };
    const targets = editTargets(text.split('\n'));
    const at = (line, character) => ({ line, character });
    for (let k = 0; k < pairs; k++) {
        const { line } = targets.prose;
        await apply({ start: at(line, 10), end: at(line, 10) }, 'x');
        await apply({ start: at(line, 10), end: at(line, 11) }, '');
        const { line: nameLine, handleEnd } = targets.name;
        await apply({ start: at(nameLine, handleEnd), end: at(nameLine, handleEnd) }, 'q');
        await apply({ start: at(nameLine, handleEnd), end: at(nameLine, handleEnd + 1) }, '');
        await apply({ start: at(targets.newLine.line, 0), end: at(targets.newLine.line, 0) }, 'Another line of notes, typed in the middle of the report.\n');
        await apply({ start: at(targets.newLine.line, 0), end: at(targets.newLine.line + 1, 0) }, '');
        await apply({ start: at(targets.paste.line, 0), end: at(targets.paste.line, 0) }, targets.paste.paragraph);
        await apply({ start: at(targets.paste.line, 0), end: at(targets.paste.line + 6, 0) }, '');
    }
    if (profiler) {
        const { profile } = await profiler.post('Profiler.stop');
        await fs.writeFile(profileFile, JSON.stringify(profile));
        profiler.disconnect();
    }
    text = textDocument.getText();
    const counts = factory.reparseCounts;
    return { samples, counts, bytes: Buffer.byteLength(text), lines: text.split('\n').length };
}

const rows = [];
for (const incremental of modes) {
    const { samples, counts, bytes, lines } = await measure(incremental);
    const column = name => median(samples.map(sample => sample[name] ?? 0));
    rows.push({
        mode: incremental ? 'incremental' : 'full',
        ...Object.fromEntries([...Object.values(PHASES), 'cpu', 'wall'].map(name => [name, column(name)])),
        ...(blocks ? Object.fromEntries([...Object.values(PHASES), 'after', 'total'].map(name => [`${name} blocks`, column(`${name} blocks`)])) : {}),
        counts, bytes, lines, updates: samples.length
    });
}
const ms = value => `${value.toFixed(1)} ms`;
console.log(`${rows[0].updates} updates of a ${(rows[0].bytes / 1e6).toFixed(1)} MB file of ${rows[0].lines.toLocaleString('en')} lines, medians of CPU per update:\n`);
console.log(`| reparse | ${[...Object.values(PHASES), 'CPU total', 'wall'].join(' | ')} |`);
console.log(`| --- | ${[...Object.values(PHASES), 'cpu', 'wall'].map(() => '---').join(' | ')} |`);
for (const row of rows) {
    const how = row.mode === 'incremental' ? `incremental (${row.counts.incremental} of ${row.updates} edits, ${row.counts.full} in full)` : 'in full (Langium)';
    console.log(`| ${how} | ${[...Object.values(PHASES), 'cpu', 'wall'].map(name => ms(row[name])).join(' | ')} |`);
}
if (blocks) {
    const thousands = value => `${(value / 1000).toFixed(1)} k`;
    const countedPhases = [...Object.values(PHASES), 'after', 'total'];
    console.log(`\nBlocks executed per update (V8 precise coverage, medians):\n`);
    console.log(`| reparse | ${countedPhases.join(' | ')} |`);
    console.log(`| --- | ${countedPhases.map(() => '---').join(' | ')} |`);
    for (const row of rows) console.log(`| ${row.mode} | ${countedPhases.map(name => thousands(row[`${name} blocks`])).join(' | ')} |`);
    // Medians, not means: the first edit of a kind builds what the next ones keep (an index of near names).
    const names = new Set(functionsByUpdate.flatMap(counts => [...counts.keys()]));
    const medians = [...names].map(name => [name, median(functionsByUpdate.map(counts => counts.get(name) ?? 0))]);
    console.log(`\nThe functions that execute most blocks in an incremental update (medians):\n`);
    for (const [name, count] of medians.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30))) {
        console.log(`${(count / 1000).toFixed(1).padStart(7)} k  ${name}`);
    }
    await blocks.stop();
}
if (profileFile) console.log(`\nCPU profile of the incremental updates: ${profileFile}`);
