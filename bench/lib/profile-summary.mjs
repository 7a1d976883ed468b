#!/usr/bin/env node
/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file, the
 * numbers docs/performance.md quotes. Usage: node bench/lib/profile-summary.mjs FILE [TOP]
 */
import { readFileSync } from 'node:fs';

const [file, topArg, attributeArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
// Optional: a pattern of files (e.g. "stream.js|ast-utils.js") whose self time is charged to
// the nearest calling function outside them, to see who pays for a shared utility.
const attribute = attributeArg ? new RegExp(attributeArg) : undefined;
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map(node => [node.id, node]));
const selfTime = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
    selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const shortUrl = url => url.replace(/^file:\/\/.*?\/node_modules\//, '').replace(/^file:\/\/.*?\/packages\//, '');
const byFunction = new Map();
const byFile = new Map();
for (const [id, micros] of selfTime) {
    const { callFrame } = byId.get(id);
    const where = shortUrl(callFrame.url) || '(native)';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const fileKey = where.replace(/:\d+$/, '');
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + micros);
}
const print = (title, map) => {
    console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
    for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
        console.log(`${(micros / 1000).toFixed(0).padStart(8)} ms ${(100 * micros / total).toFixed(1).padStart(5)}%  ${key}`);
    }
};
print('Self time by function', byFunction);
// Inclusive time of the functions of the project's own code (packages/), callees included.
const inclusive = new Map();
const keyOf = node => `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let node = byId.get(profile.samples[i]); node; node = byId.get(parent.get(node.id))) {
        if (!node.callFrame.url.includes('/packages/')) continue;
        const key = keyOf(node);
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (deltas[i] ?? 0));
    }
}
print('Inclusive time of the project\'s functions', inclusive);
if (attribute) {
    const byCaller = new Map();
    for (const [id, micros] of selfTime) {
        let node = byId.get(id);
        if (!attribute.test(node.callFrame.url)) continue;
        while (node && (attribute.test(node.callFrame.url) || node.callFrame.url === '')) node = byId.get(parent.get(node.id));
        const key = node ? `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}` : '(root)';
        byCaller.set(key, (byCaller.get(key) ?? 0) + micros);
    }
    print(`Self time in ${attribute} by calling function`, byCaller);
}
print('Self time by file', byFile);
