#!/usr/bin/env node
/**
 * What a keystroke costs in a workspace of thousands of files, in-process: the workspace is
 * loaded as the language server loads it (its workspace manager, closed documents without
 * their trees), one meeting from the middle is opened, then one-character edits are made
 * and undone, typos in prose and in a speaker's handle, as `lsp archive` types them. CPU
 * time (user + system) and wall time per update, after 6 warm-up edits; with `--profile
 * FILE`, a CPU profile of the timed edits only (read it with bench/lib/profile-summary.mjs).
 * Then what asks for the whole workspace's action ledger: completion after `update #` (the
 * first, which builds the ledger, the next ones, and the first after a word typed in prose,
 * which changes no summary) and New Meeting in Series (the series,
 * then the draft of the opened meeting's series), each with its time, the heap after a
 * collection (with `node --expose-gc`) and how many released trees were parsed again.
 *
 *   node bench/archive-edits.mjs [FOLDER] [--edits N] [--profile FILE]
 *
 * Default folder: the archive of `npm run bench` (bench/workload/full/archive-10000/minutes),
 * whose meetings are `meetings/mNNNN.minutes`.
 */
import { promises as fs } from 'node:fs';
import inspector from 'node:inspector';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { meetingSeries, nextMeeting } from 'minutes-language';
import { createMinutesServices } from 'minutes-language/editor';
import { editableMeeting } from './lib/lsp-scenario.mjs';
import { median, quantile } from './lib/measure.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = name => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const folder = path.resolve(args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? path.join(BENCH, 'workload/full/archive-10000/minutes'));
const edits = Number(option('--edits') ?? 40);
const profileFile = option('--profile');
const WARMUP = 6;

const { shared, Minutes } = createMinutesServices(NodeFileSystem);
shared.workspace.ClosedDocumentTrees.enabled = true;
const loadStarted = performance.now();
await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: path.basename(folder), uri: URI.file(folder).toString() }]);
const documents = shared.workspace.LangiumDocuments.all.toArray();
const loadMs = performance.now() - loadStarted;

// The meeting edited, as `lsp archive` picks it.
const meetings = documents.filter(document => path.basename(path.dirname(document.uri.fsPath)) === 'meetings').length;
const { file, lines, proseLine, nameLine } = await editableMeeting({ name: path.basename(folder), meetings, minutesDir: folder });
const uri = URI.file(file);
const builder = shared.workspace.DocumentBuilder;
let textDocument = TextDocument.create(uri.toString(), 'minutes', 1, lines.join('\n'));
shared.workspace.TextDocuments.set(textDocument);
const openStarted = performance.now();
await builder.update([uri], []);
const openMs = performance.now() - openStarted;

const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
// The directory index's share of each edit: its sorted list of every person and organisation is put together after each build.
const directoryIndex = Minutes.lsp.DirectoryIndex;
const entriesOf = directoryIndex.entries.bind(directoryIndex);
let directoryIndexCpu = 0;
directoryIndex.entries = () => {
    const started = cpuNow();
    const entries = entriesOf();
    directoryIndexCpu += cpuNow() - started;
    return entries;
};
const session = new inspector.Session();
const post = (method, params = {}) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
const handleEnd = lines[nameLine].length - 1;
const samples = [];
for (let k = 0; k < WARMUP + edits; k++) {
    if (k === WARMUP && profileFile) {
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
    }
    const kind = Math.floor(k / 2) % 2 === 0 ? 'prose' : 'name';
    const insert = k % 2 === 0;
    const line = kind === 'prose' ? proseLine : nameLine;
    const column = kind === 'prose' ? 10 : handleEnd;
    const range = { start: { line, character: column }, end: { line, character: insert ? column : column + 1 } };
    textDocument = TextDocument.update(textDocument, [{ range, text: insert ? (kind === 'prose' ? 'x' : 'q') : '' }], textDocument.version + 1);
    shared.workspace.TextDocuments.set(textDocument);
    const cpuStarted = cpuNow();
    const started = performance.now();
    directoryIndexCpu = 0;
    await builder.update([uri], []);
    if (k >= WARMUP) samples.push({ cpu: cpuNow() - cpuStarted, wall: performance.now() - started, directoryIndex: directoryIndexCpu });
}
if (profileFile) await fs.writeFile(profileFile, JSON.stringify((await post('Profiler.stop')).profile));

const ms = value => `${value.toFixed(1)} ms`;
const cpu = samples.map(sample => sample.cpu);
const wall = samples.map(sample => sample.wall);
console.log(`${documents.length} documents loaded in ${(loadMs / 1000).toFixed(1)} s; ${path.relative(folder, file)} opened, first update ${(openMs / 1000).toFixed(1)} s`);
console.log(`${samples.length} edits: CPU p50 ${ms(median(cpu))}, p95 ${ms(quantile(cpu, 0.95))}; wall p50 ${ms(median(wall))}, p95 ${ms(quantile(wall, 0.95))}`);
const indexCpu = samples.map(sample => sample.directoryIndex);
console.log(`of which the directory index (${entriesOf().length} entries): CPU p50 ${ms(median(indexCpu))}, p95 ${ms(quantile(indexCpu, 0.95))}`);

// ---- What asks for the whole workspace's action ledger ----------------------------------
const trees = shared.workspace.ClosedDocumentTrees;
const collect = globalThis.gc;
const heapMb = () => {
    collect?.();
    return process.memoryUsage().heapUsed / 1e6;
};
const sourceMb = (await Promise.all(documents.map(document => fs.stat(document.uri.fsPath)))).reduce((sum, stat) => sum + stat.size, 0) / 1e6;
const released = () => documents.filter(document => trees.isReleased(document)).length;
// An `update #` line before the speaker line, as a note-taker starts one.
const hashLine = nameLine;
textDocument = TextDocument.update(textDocument, [{ range: { start: { line: hashLine, character: 0 }, end: { line: hashLine, character: 0 } }, text: 'update #\n\n' }], textDocument.version + 1);
shared.workspace.TextDocuments.set(textDocument);
await builder.update([uri], []);
const document = shared.workspace.LangiumDocuments.getDocument(uri);
const before = { heap: heapMb(), released: released(), parsedAgain: trees.counts.parsedAgain };
const timed = async run => {
    const cpuStarted = cpuNow();
    const started = performance.now();
    const value = await run();
    return { value, wall: performance.now() - started, cpu: cpuNow() - cpuStarted };
};
const complete = () => Minutes.lsp.CompletionProvider.getCompletion(document, { textDocument: { uri: uri.toString() }, position: { line: hashLine, character: 'update #'.length } });
const first = await timed(complete);
const afterCompletion = { heap: heapMb(), released: released(), parsedAgain: trees.counts.parsedAgain };
const next = [];
for (let k = 0; k < 5; k++) next.push(await timed(complete));
// A word typed in prose (the line the edits above typed in, moved down by the `update #` line):
// no meeting, action or update changes, so the ledger stands.
const typedLine = proseLine + (proseLine >= hashLine ? 2 : 0);
const typedEnd = textDocument.getText().split('\n')[typedLine].length;
textDocument = TextDocument.update(textDocument, [{ range: { start: { line: typedLine, character: typedEnd }, end: { line: typedLine, character: typedEnd } }, text: ' Indeed.' }], textDocument.version + 1);
shared.workspace.TextDocuments.set(textDocument);
await builder.update([uri], []);
const afterProse = await timed(complete);
const series = await timed(() => meetingSeries(shared.workspace.ActionLedger.ledger.meetings).filter(s => s.key !== undefined));
const placeOfOpened = shared.workspace.ActionLedger.ledger.meetings.find(place => place.uri === uri.toString());
const draft = await timed(() => nextMeeting(shared.workspace.ActionLedger.ledger, { series: placeOfOpened?.seriesName ?? series.value[0]?.name, date: '2999-01-01' }));
const afterSeries = { heap: heapMb(), released: released(), parsedAgain: trees.counts.parsedAgain };
const state = ({ heap, released: kept, parsedAgain }) => `heap ${heap.toFixed(0)} MB (${(heap / sourceMb).toFixed(2)}x the ${sourceMb.toFixed(0)} MB source${collect ? '' : ', no --expose-gc: not collected'}), ${kept} trees released, ${parsedAgain} parsed again`;
console.log(`before the ledger: ${state(before)}`);
console.log(`first completion after update #: ${first.value?.items.length ?? 0} items, wall ${ms(first.wall)}, CPU ${ms(first.cpu)}; then ${state(afterCompletion)}`);
console.log(`next completions after update #: wall p50 ${ms(median(next.map(t => t.wall)))}, CPU p50 ${ms(median(next.map(t => t.cpu)))}`);
console.log(`first completion after a word typed in prose: wall ${ms(afterProse.wall)}, CPU ${ms(afterProse.cpu)}`);
console.log(`New Meeting in Series: ${series.value.length} series listed in ${ms(series.wall)}; the draft (${draft.value.openActions.length} open actions, ${draft.value.text.length} characters) in wall ${ms(draft.wall)}, CPU ${ms(draft.cpu)}; then ${state(afterSeries)}`);
