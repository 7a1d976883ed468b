#!/usr/bin/env node
/**
 * The parse phase of `minutes check` alone, in-process: lexing, then lexing and parsing
 * (the check's services: the flat parser, lazy leaf ranges), of every `.minutes` file under
 * FOLDER, ROUNDS times; CPU milliseconds of each round and their median. The documents of a
 * round stay alive until its end, as in a check, so that garbage collection costs what it does there.
 *
 *   node --expose-gc bench/parse-phase.mjs FOLDER [--rounds N] [--lex-only]
 *
 * Under `node --cpu-prof`, bench/lib/profile-summary.mjs says where the time goes.
 */
import { promises as fs } from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createMinutesCoreServices } from 'minutes-language/core';
import { minutesFilesUnder } from './lib/minutes-files.mjs';

const args = process.argv.slice(2);
const folder = args.find(a => !a.startsWith('--') && !/^\d+$/.test(a));
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const lexOnly = args.includes('--lex-only');
if (!folder) {
    console.error('usage: node --expose-gc bench/parse-phase.mjs FOLDER [--rounds N] [--lex-only]');
    process.exit(2);
}

const cpuNow = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const gc = globalThis.gc ?? (() => undefined);

const files = await minutesFilesUnder(folder);
const texts = await Promise.all(files.map(f => fs.readFile(f, 'utf8')));
const uris = files.map(file => URI.file(file));
const { shared, Minutes } = createMinutesCoreServices(NodeFileSystem, { checkOnly: true });
const lexer = Minutes.parser.Lexer;
const factory = shared.workspace.LangiumDocumentFactory;
const lex = [];
const parse = [];
for (let round = 0; round < rounds; round++) {
    gc();
    let t = cpuNow();
    let tokens = 0;
    for (const text of texts) tokens += lexer.tokenize(text).tokens.length;
    lex.push(cpuNow() - t);
    if (lexOnly) continue;
    gc();
    t = cpuNow();
    let documents = texts.map((text, i) => factory.fromString(text, uris[i]));
    parse.push(cpuNow() - t);
    if (round === 0) console.log(`${files.length} files, ${tokens} tokens, ${documents.length} documents`);
    documents = undefined;
}
const show = values => `${values.map(v => v.toFixed(0)).join(' ')} ms CPU (median ${median(values).toFixed(0)})`;
console.log(`lex (alone)          ${show(lex)}`);
if (!lexOnly) console.log(`parse (lex included) ${show(parse)}`);
