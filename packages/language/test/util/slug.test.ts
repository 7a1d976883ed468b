import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { slug } from '../../src/util/slug.js';

const SOURCES = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
        .map(entry => path.join(entry.parentPath, entry.name));
}

describe('slug', () => {
    test.each([
        ['2. Contributions', '2-contributions'],
        ['Réunion du Conseil municipal', 'reunion-du-conseil-municipal'],
        ['  --Hello, World!--  ', 'hello-world'],
        ['第二届世界互联网大会', ''],
        ['a'.repeat(59) + ' b', 'a'.repeat(59)]
    ])('%s → %s', (text, expected) => {
        expect(slug(text)).toBe(expected);
    });

    test('is defined once, in util/, and imported from there (the ledger does not reach into the outline builder for it)', () => {
        const files = sourceFiles(SOURCES);
        const defining = files.filter(file => /export function slug\(/.test(readFileSync(file, 'utf8')));
        expect(defining.map(file => path.relative(SOURCES, file))).toEqual([path.join('util', 'slug.ts')]);
        const importingElsewhere = files.filter(file => /import \{[^}]*\bslug\b[^}]*\} from '(?![^']*util\/slug\.js')/.test(readFileSync(file, 'utf8')));
        expect(importingElsewhere.map(file => path.relative(SOURCES, file))).toEqual([]);
    });
});
