import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Document } from '../../src/generated/ast.js';
import { EXAMPLES_FOLDER, loadExamples } from './examples.js';
import { buildWorkspace } from './workspace.js';

/** The generators' own fixtures: one meeting with every construct, a report of several meetings, hostile text. */
export const FIXTURES_FOLDER = fileURLToPath(new URL('../fixtures/generation/', import.meta.url));

/** The `.minutes` files of a folder of test/fixtures/ (name → text). */
export function fixtureFiles(folder: string): Record<string, string> {
    const folderPath = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
    const files: Record<string, string> = {};
    for (const name of readdirSync(folderPath).filter(n => n.endsWith('.minutes')).sort()) {
        files[name] = readFileSync(path.join(folderPath, name), 'utf8');
    }
    return files;
}

/** A folder of test/fixtures/ built as a workspace. */
export function buildFixture(folder: string): ReturnType<typeof buildWorkspace> {
    return buildWorkspace(fixtureFiles(folder));
}

/** The generators' fixtures in one workspace (with their directory), by file name. */
export async function loadFixtures(): Promise<Record<string, LangiumDocument<Document>>> {
    return (await buildFixture('generation')).documents;
}

/** Every meeting file the generators are tested on: the fixtures and the examples, directories left out. */
export async function documentsUnderTest(): Promise<Array<{ name: string; document: LangiumDocument<Document> }>> {
    const fixtures = Object.entries(await loadFixtures())
        .filter(([name]) => name !== 'directory.minutes')
        .map(([name, document]) => ({ name: `fixtures/generation/${name}`, document }));
    const examples = [...(await loadExamples()).entries()]
        .filter(([name]) => name !== 'directory.minutes')
        .map(([name, document]) => ({ name: `examples/${name}`, document }));
    return [...fixtures, ...examples];
}

/** A document parsed with the fixtures' directory. */
export async function withDirectory(text: string): Promise<LangiumDocument<Document>> {
    const directory = readFileSync(path.join(FIXTURES_FOLDER, 'directory.minutes'), 'utf8');
    return (await buildWorkspace({ 'test.minutes': text, 'directory.minutes': directory })).documents['test.minutes'];
}

export { EXAMPLES_FOLDER };
