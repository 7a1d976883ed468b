import { readFile, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateFromGrammar, REPOSITORY_ROOT, type FreshGeneration } from './helpers/langium-generate.js';

const GENERATED_FOLDER = path.join(REPOSITORY_ROOT, 'packages/language/src/generated');

describe('packages/language/src/generated', () => {
    let fresh: FreshGeneration;
    beforeAll(async () => {
        fresh = await generateFromGrammar();
    });

    test('holds the files langium generate writes, and no others', async () => {
        expect((await readdir(GENERATED_FOLDER)).sort()).toEqual(Object.keys(fresh.sources));
    });

    test('is up to date with minutes.langium (run `npm run langium:generate` if not)', async () => {
        for (const [name, text] of Object.entries(fresh.sources)) {
            const committed = await readFile(path.join(GENERATED_FOLDER, name), 'utf8');
            expect(committed, `${name} is stale: run npm run langium:generate`).toBe(text);
        }
    });
});
