#!/usr/bin/env node
/**
 * Generation throughput, run by `npm run bench` as a process of its own: loads a
 * workspace folder (parsed and linked, as `minutes generate` needs it), then generates
 * every meeting file in each format given, and prints one JSON line per format with the
 * time taken and the source and output bytes.
 *
 *   node bench/generation-throughput.mjs FOLDER email,html,json
 */
import { promises as fs } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import * as minutes from 'minutes-language';
import { minutesFilesUnder } from './lib/minutes-files.mjs';

const [folder, formatList = 'email,html,json'] = process.argv.slice(2);
const formats = formatList.split(',');


if (typeof minutes.generate !== 'function') {
    process.stdout.write(`${JSON.stringify({ available: false })}\n`);
    process.exit(0);
}

const { shared } = (await import('minutes-language/editor')).createMinutesServices(NodeFileSystem);
const documents = [];
for (const file of await minutesFilesUnder(folder)) {
    const document = shared.workspace.LangiumDocumentFactory.fromString(await fs.readFile(file, 'utf8'), URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(document);
    documents.push(document);
}
await shared.workspace.DocumentBuilder.build(documents, { validation: false });
// Meeting files only: the directory is what they refer to, not a document anyone sends.
const meetings = documents.filter(d => d.uri.path.includes('/meetings/'));
const sourceBytes = meetings.reduce((sum, d) => sum + Buffer.byteLength(d.textDocument.getText()), 0);

for (const format of formats) {
    // Warm-up: the first documents, so that the timed pass runs optimised code.
    for (const document of meetings.slice(0, 10)) await minutes.generate(document, format);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    let outputBytes = 0;
    for (const document of meetings) outputBytes += Buffer.byteLength(await minutes.generate(document, format));
    const ms = performance.now() - started;
    // CPU time too: on a shared machine the wall time also counts the other processes' turns.
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.stdout.write(`${JSON.stringify({ available: true, format, documents: meetings.length, ms, cpuMs, sourceBytes, outputBytes })}\n`);
}
