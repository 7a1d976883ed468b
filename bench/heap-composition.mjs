#!/usr/bin/env node
/**
 * What the heap of a checked workspace holds: builds a folder with the services of `minutes
 * check` (checkOnly) in one thread, as the CLI builds it (parse, index, link, validate), then
 * takes a heap snapshot and groups every object's own size by what it is: its constructor,
 * and for arrays, strings and V8's internal objects the property of the object that holds
 * them (`CompositeCstNodeImpl.content`, `Document.blocks`, …).
 *
 *   node --expose-gc bench/heap-composition.mjs FOLDER [--top N] [--keep FILE.heapsnapshot]
 *
 * Sizes are V8's shallow sizes; an object shared by several holders is counted under the
 * first that the snapshot lists. Figures are per source byte (UTF-8) of the folder's files.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMinutesCoreServices } from 'minutes-language/core';
import { minutesFilesUnder } from './lib/minutes-files.mjs';

const args = process.argv.slice(2);
const folder = args.find(a => !a.startsWith('--') && !/^\d+$/.test(a) && !a.endsWith('.heapsnapshot'));
const top = Number(args[args.indexOf('--top') + 1]) || 40;
const keep = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
if (!folder || !globalThis.gc) {
    console.error('usage: node --expose-gc bench/heap-composition.mjs FOLDER [--top N] [--keep FILE.heapsnapshot]');
    process.exit(2);
}


const files = await minutesFilesUnder(folder);
const texts = await Promise.all(files.map(f => fs.readFile(f, 'utf8')));
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const { shared } = createMinutesCoreServices(NodeFileSystem, { checkOnly: true });
gc();
const heapBefore = process.memoryUsage().heapUsed;
const documents = files.map((file, i) => shared.workspace.LangiumDocumentFactory.fromString(texts[i], URI.file(file)));
for (const document of documents) shared.workspace.LangiumDocuments.addDocument(document);
await shared.workspace.DocumentBuilder.build(documents, { validation: true });
gc();
const heapAfter = process.memoryUsage().heapUsed;
console.log(`${files.length} files, ${(bytes / 1e6).toFixed(2)} MB; heap kept by the built workspace ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB (${((heapAfter - heapBefore) / bytes).toFixed(2)} per source byte)`);

const snapshotFile = keep ?? path.join(process.env.TMPDIR ?? '/tmp', `heap-composition-${process.pid}.heapsnapshot`);
v8.writeHeapSnapshot(snapshotFile);
const snapshot = JSON.parse(await fs.readFile(snapshotFile, 'utf8'));
if (!keep) await fs.rm(snapshotFile);
// Keep the workspace alive until the snapshot is taken.
void documents.length;

const meta = snapshot.snapshot.meta;
const nodeFields = meta.node_fields.length;
const edgeFields = meta.edge_fields.length;
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const { nodes, edges, strings } = snapshot;
const typeOf = i => nodeTypes[nodes[i + meta.node_fields.indexOf('type')]];
const nameOf = i => strings[nodes[i + meta.node_fields.indexOf('name')]];
const sizeOf = i => nodes[i + meta.node_fields.indexOf('self_size')];
const edgeCountOf = i => nodes[i + meta.node_fields.indexOf('edge_count')];

// The first holder of each node, and the name of the edge from it.
const nodeCount = nodes.length / nodeFields;
const holder = new Int32Array(nodeCount).fill(-1);
const holderEdge = new Array(nodeCount);
// A plain object is named by its properties (an AST node by its $type, a range by start/end).
const signature = new Array(nodeCount);
let edgeIndex = 0;
for (let n = 0; n < nodeCount; n++) {
    const count = edgeCountOf(n * nodeFields);
    const plain = typeOf(n * nodeFields) === 'object' && nameOf(n * nodeFields) === 'Object';
    const properties = [];
    for (let e = 0; e < count; e++, edgeIndex += edgeFields) {
        const type = edgeTypes[edges[edgeIndex]];
        if (plain && type === 'property') {
            const name = String(strings[edges[edgeIndex + 1]]);
            if (name !== '__proto__') properties.push(name);
        }
        if (type === 'weak' || type === 'shortcut') continue;
        const target = edges[edgeIndex + 2] / nodeFields;
        if (holder[target] !== -1) continue;
        holder[target] = n;
        const nameOrIndex = edges[edgeIndex + 1];
        holderEdge[target] = type === 'element' || type === 'hidden' ? `[${type}]` : String(strings[nameOrIndex] ?? nameOrIndex);
    }
    if (plain) signature[n] = `{${properties.sort().slice(0, 6).join(',')}}`;
}
const describe = n => signature[n] ?? nameOf(n * nodeFields);

const groups = new Map();
let total = 0;
for (let n = 0; n < nodeCount; n++) {
    const i = n * nodeFields;
    const type = typeOf(i);
    const size = sizeOf(i);
    total += size;
    let key;
    if (type === 'object' || type === 'closure') key = `${type} ${describe(n)}`;
    else {
        // Arrays, strings, numbers, internal objects: by what holds them.
        const h = holder[n];
        const owner = h === -1 ? '(root)' : `${typeOf(h * nodeFields) === 'object' ? describe(h) : typeOf(h * nodeFields)}.${holderEdge[n]}`;
        const detail = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? type : `${type} ${type === 'hidden' || type === 'array' || type === 'code' ? nameOf(i).slice(0, 30) : ''}`;
        key = `${detail.trim()} ← ${owner}`;
    }
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += size;
    groups.set(key, group);
}
console.log(`snapshot: ${(total / 1e6).toFixed(1)} MB in ${nodeCount} objects\n`);
console.log('bytes/src   MB     count  what');
for (const [key, group] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
    console.log(`${(group.size / bytes).toFixed(3).padStart(8)} ${(group.size / 1e6).toFixed(2).padStart(7)} ${String(group.count).padStart(9)}  ${key}`);
}
