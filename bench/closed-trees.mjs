#!/usr/bin/env node
/**
 * The heap and CPU of a workspace built as the language server builds it: a first build
 * that links without validating (Langium's start-up), then the validation of every file
 * (the first update), with closed documents' trees released (ClosedDocumentTrees) or kept.
 * The heap is measured after a collection, over the source bytes. docs/performance.md
 * quotes it.
 *
 *   node --expose-gc bench/closed-trees.mjs FOLDER [MEETINGS] [--keep-trees]
 *
 * FOLDER holds `directory.minutes` and `meetings/` (the bench's archive,
 * bench/workload/full/archive-10000/minutes); MEETINGS takes the first so many meetings.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMinutesServices } from 'minutes-language/editor';

const args = process.argv.slice(2);
const folder = args.find(a => !a.startsWith('--'));
const count = Number(args.filter(a => !a.startsWith('--'))[1] ?? Infinity);
const release = !args.includes('--keep-trees');
const gc = globalThis.gc;
if (!folder || !gc) {
    console.error('usage: node --expose-gc bench/closed-trees.mjs FOLDER [MEETINGS] [--keep-trees]');
    process.exit(2);
}

const meetings = (await fs.readdir(path.join(folder, 'meetings'))).sort().slice(0, count);
const files = [path.join(folder, 'directory.minutes'), ...meetings.map(name => path.join(folder, 'meetings', name))].map(file => path.resolve(file));
const texts = await Promise.all(files.map(file => fs.readFile(file, 'utf8')));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

const { shared } = createMinutesServices(NodeFileSystem);
const trees = shared.workspace.ClosedDocumentTrees;
trees.enabled = release;
const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
};

const before = heap();
let start = cpu();
const documents = files.map((file, i) => shared.workspace.LangiumDocumentFactory.fromString(texts[i], URI.file(file)));
for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
await shared.workspace.DocumentBuilder.build(documents, {});
const loadMs = cpu() - start;
const loaded = heap() - before;
start = cpu();
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
const validateMs = cpu() - start;
const validated = heap() - before;
const diagnostics = documents.reduce((sum, document) => sum + (document.diagnostics?.length ?? 0), 0);
const times = value => `${(value / bytes).toFixed(1)}×`;
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, trees ${release ? 'released' : 'kept'}`);
console.log(`first build (no validation): ${(loadMs / 1000).toFixed(1)} s CPU, heap ${(loaded / 1e6).toFixed(0)} MB (${times(loaded)})`);
console.log(`validation of every file:    ${(validateMs / 1000).toFixed(1)} s CPU, heap ${(validated / 1e6).toFixed(0)} MB (${times(validated)}); ${diagnostics} diagnostics`);
console.log(`trees released ${trees.counts.released}, parsed again ${trees.counts.parsedAgain}`);
