#!/usr/bin/env node
/**
 * Where the time of an edit goes in a long file, phase by phase, with the edited document
 * parsed again incrementally and in full: the measurement docs/performance.md quotes under
 * "Incremental reparsing". In-process, CPU time (user + system) per update, medians.
 *
 *   node bench/edit-phases.mjs [DIRECTORY_FILE LONG_FILE] [--pairs N]
 *
 * Defaults: the benchmark's directory and 1 MB report (bench/workload/full, made by
 * `npm run bench`). Each pair is an edit and its undo, of the bench's five kinds
 * (bench/lib/lsp-file-edits.mjs).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMinutesServices } from 'minutes-language';
import { editTargets } from './lib/lsp-file-edits.mjs';
import { median } from './lib/measure.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const files = args.filter(a => !a.startsWith('--') && !/^\d+$/.test(a));
const pairs = Number(args[args.indexOf('--pairs') + 1]) || 10;
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
        builder.onBuildPhase(Number(state), () => {
            const now = cpuNow();
            phases[name] = (phases[name] ?? 0) + now - last;
            last = now;
        });
    }
    const samples = [];
    const apply = async (range, inserted) => {
        textDocument = TextDocument.update(textDocument, [{ range, text: inserted }], textDocument.version + 1);
        shared.workspace.TextDocuments.set(textDocument);
        phases = {};
        const started = performance.now();
        last = cpuNow();
        const cpuStarted = last;
        await builder.update([uri], []);
        samples.push({ ...phases, cpu: cpuNow() - cpuStarted, wall: performance.now() - started });
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
    text = textDocument.getText();
    const counts = factory.reparseCounts;
    return { samples, counts, bytes: Buffer.byteLength(text), lines: text.split('\n').length };
}

const rows = [];
for (const incremental of [false, true]) {
    const { samples, counts, bytes, lines } = await measure(incremental);
    const column = name => median(samples.map(sample => sample[name] ?? 0));
    rows.push({
        mode: incremental ? 'incremental' : 'full',
        ...Object.fromEntries([...Object.values(PHASES), 'cpu', 'wall'].map(name => [name, column(name)])),
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
