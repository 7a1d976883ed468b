import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegressions } from '../fuzz/fuzz-config.js';
import { EXAMPLES_FOLDER, exampleNames } from './examples.js';

const CORPUS = fileURLToPath(new URL('../../../../corpus/', import.meta.url));

/** The examples, the corpus's records and the fuzzing regressions, each with its name: the texts the parser's tests compare trees on. */
export function examplesCorpusAndRegressions(): Array<[string, string]> {
    const corpus = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter(name => name.endsWith('.minutes'));
    return [
        ...exampleNames().map((name): [string, string] => [`examples/${name}`, readFileSync(path.join(EXAMPLES_FOLDER, name), 'utf8')]),
        ...corpus.map((name): [string, string] => [`corpus/${name}`, readFileSync(path.join(CORPUS, name), 'utf8')]),
        ...readRegressions().map(({ name, text }): [string, string] => [`regression ${name}`, text])
    ];
}
