#!/usr/bin/env node
/**
 * The measurements docs/performance.md quotes for each design choice, on the benchmark
 * workload (run `npm run bench` or `npm run bench -- --smoke` first to generate it):
 *
 *   node bench/design.mjs [WORKSPACE]     (default bench/workload/full/ws-1000-unresolved/minutes)
 *
 * Times are CPU milliseconds of this process (steadier than wall time on a shared machine).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstUtils, DefaultDocumentBuilder, DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editDistance, nameKey, NameKeyScope } from 'minutes-language';
import { createMinutesServices } from 'minutes-language/editor';
import { astNodesOf, forEachReference } from '../packages/language/out/util/ast-walk.js';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const folder = path.resolve(process.argv[2] ?? path.join(ROOT, 'bench/workload/full/ws-1000-unresolved/minutes'));
const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
const timed = fn => {
    const started = cpu();
    const result = fn();
    return { ms: cpu() - started, result };
};
const report = (what, value) => console.log(`${what.padEnd(72)} ${value}`);

const files = [path.join(folder, 'directory.minutes'), ...(await fs.readdir(path.join(folder, 'meetings'))).sort().map(f => path.join(folder, 'meetings', f))];
const texts = await Promise.all(files.map(f => fs.readFile(f, 'utf8')));
const meetingBytes = texts.slice(1).reduce((sum, t) => sum + Buffer.byteLength(t), 0);
console.log(`${folder}: ${files.length} files`);

// ---- The lexer: long prose tokens -------------------------------------------------
{
    const { Minutes } = createMinutesServices(NodeFileSystem);
    const meetings = texts.slice(1);
    for (const text of meetings.slice(0, 20)) Minutes.parser.Lexer.tokenize(text);
    let tokens = 0;
    const lexing = timed(() => {
        for (const text of meetings) tokens += Minutes.parser.Lexer.tokenize(text).tokens.length;
    });
    const words = meetings.reduce((sum, text) => sum + text.split(/\s+/).filter(Boolean).length, 0);
    const lines = meetings.reduce((sum, text) => sum + text.split('\n').filter(l => l.trim()).length, 0);
    report('meeting files: tokens per file (prose runs, references, line breaks)', (tokens / meetings.length).toFixed(0));
    report('meeting files: words per file (what a token per word would give)', (words / meetings.length).toFixed(0));
    report('meeting files: non-blank lines per file', (lines / meetings.length).toFixed(0));
    report('lexer throughput', `${(meetingBytes / 1e6 / (lexing.ms / 1000)).toFixed(0)} MB/s`);
}

// ---- A workspace, built ------------------------------------------------------------
const { shared, Minutes } = createMinutesServices(NodeFileSystem);
const documents = files.map((file, i) => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(texts[i], URI.file(file));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await shared.workspace.DocumentBuilder.build(documents, { validation: true });

// ---- Walking the AST: streams against plain loops ------------------------------------
{
    const roots = documents.map(d => d.parseResult.value);
    const streams = timed(() => {
        let count = 0;
        for (const root of roots) {
            for (const node of AstUtils.streamAst(root)) count += AstUtils.streamReferences(node).count();
        }
        return count;
    });
    const loops = timed(() => {
        let count = 0;
        for (const root of roots) {
            for (const node of astNodesOf(root)) forEachReference(node, () => count++);
        }
        return count;
    });
    if (streams.result !== loops.result) throw new Error(`the walks disagree: ${streams.result} and ${loops.result} references`);
    report(`every node and reference of the workspace (${loops.result} references): streamAst + streamReferences`, `${streams.ms.toFixed(0)} ms`);
    report('the same with astNodesOf + forEachReference', `${loops.ms.toFixed(0)} ms`);
}

// ---- The scope of parties: built once per change of the directory ----------------------
const scopes = Minutes.references.ScopeProvider;
{
    const indexManager = shared.workspace.IndexManager;
    const party = scopes.scopeFor('Party');
    const keys = [...party.entries()].length;
    const rebuild = timed(() => new NameKeyScope(['Person', 'Organisation'].flatMap(t => indexManager.allElements(t).toArray())));
    const cached = timed(() => {
        for (let i = 0; i < 1000; i++) scopes.scopeFor('Party');
    });
    report(`party scope: building it (${keys} name keys)`, `${rebuild.ms.toFixed(1)} ms`);
    report('party scope: asking for it when the index has not changed (per call)', `${(cached.ms / 1000).toFixed(4)} ms`);
}

// ---- Suggestions for unknown names -------------------------------------------------------
{
    const party = scopes.scopeFor('Party');
    const unknown = documents.flatMap(d => d.references.filter(r => r.error && r.$refText !== '?').map(r => r.$refText));
    const written = unknown.length > 0 ? unknown : [...party.entries()].slice(0, 200).map(([k]) => `${k}x`);
    const bruteForce = timed(() => {
        let found = 0;
        for (const text of written) {
            const key = nameKey(text);
            const limit = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
            for (const [candidate] of party.entries()) {
                if (editDistance(key, candidate, limit) <= limit || (key.length >= 3 && candidate.split(' ').some(w => w.startsWith(key)))) found++;
            }
        }
        return found;
    });
    const indexed = timed(() => {
        let found = 0;
        for (const text of written) {
            const key = nameKey(text);
            found += party.nearKeys(key, Math.max(1, Math.min(3, Math.floor(key.length / 3)))).length;
        }
        return found;
    });
    if (bruteForce.result !== indexed.result) throw new Error(`suggestions disagree: ${bruteForce.result} and ${indexed.result}`);
    report(`close names of ${written.length} unknown names: every key compared (per name)`, `${(bruteForce.ms / written.length).toFixed(2)} ms`);
    report('the same through the length and bigram index (per name)', `${(indexed.ms / written.length).toFixed(3)} ms`);
}

// ---- Re-linking after an edit ------------------------------------------------------------
{
    const builder = shared.workspace.DocumentBuilder;
    const linker = Minutes.references.Linker;
    const link = linker.link.bind(linker);
    let linked = 0;
    linker.link = (document, token) => {
        linked++;
        return link(document, token);
    };
    const withErrors = documents.filter(d => d.references.some(r => r.error)).length;
    const target = documents[Math.floor(documents.length / 2)];
    let text = target.textDocument.getText();
    const at = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
    let version = 1;
    // Opened and validated once, as the editor's first build does.
    setTextDocument(shared, TextDocument.create(target.uri.toString(), 'minutes', version, text));
    await builder.update([target.uri], []);
    const edit = async () => {
        text = text.slice(0, at) + (text[at] === 'x' ? text.slice(at + 1) : `x${text.slice(at)}`);
        setTextDocument(shared, TextDocument.create(target.uri.toString(), 'minutes', ++version, text));
        linked = 0;
        const started = cpu();
        await builder.update([target.uri], []);
        return { linked, ms: cpu() - started };
    };
    const ours = [];
    for (let i = 0; i < 6; i++) ours.push(await edit());
    // Langium's rule: every document with an unresolved reference is re-linked after any change.
    const selective = builder.shouldRelink;
    builder.shouldRelink = DefaultDocumentBuilder.prototype.shouldRelink;
    const langium = [];
    for (let i = 0; i < 6; i++) langium.push(await edit());
    builder.shouldRelink = selective;
    const median = runs => runs.map(r => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    report(`documents with an unresolved reference in the workspace`, withErrors);
    report('one-character edit, selective re-linking: documents linked, CPU per update', `${ours[2].linked}, ${median(ours).toFixed(0)} ms`);
    report('the same with Langium\'s shouldRelink: documents linked, CPU per update', `${langium[2].linked}, ${median(langium).toFixed(0)} ms`);
    void DocumentState;
}
