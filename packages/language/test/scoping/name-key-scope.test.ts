import type { AstNodeDescription } from 'langium';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { editDistance, nameKey } from '../../src/model/names.js';
import { NameKeyScope } from '../../src/scoping/minutes-scope-provider.js';

const FIRST = ['Marilyn', 'Torbjörn', 'Łukasz', 'Zoë', 'Anja', 'Hu', 'José', 'Søren', 'Nnenna', 'Þórdís', 'Mei', 'Anne'];
const LAST = ['Cade', 'Fredriksson', 'Fältström', 'Nowak', 'Gengo', 'Xianhong', 'García', 'Ødegaard', "O'Brien", 'Al-Hassan', 'Li', 'Annenberg'];

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function directory(): AstNodeDescription[] {
    const descriptions: AstNodeDescription[] = [];
    for (const first of FIRST) {
        for (const last of LAST) {
            const node = { name: `${first[0]}${last}`.toLowerCase().replace(/[^a-z]/g, '') };
            for (const name of [node.name, `${first} ${last}`, first]) {
                descriptions.push({ name, node, type: 'Person', path: '', documentUri: { toString: () => 'file:///directory.minutes' }, nameSegment: undefined, selectionSegment: undefined } as unknown as AstNodeDescription);
            }
        }
    }
    return descriptions;
}

/** What `nearKeys` must return: every key compared with the written one, as suggestions did before the index. */
function bruteForce(scope: NameKeyScope, key: string, limit: number): Array<{ key: string; score: number }> {
    const result: Array<{ key: string; score: number }> = [];
    for (const [candidate] of scope.entries()) {
        let score = editDistance(key, candidate, limit);
        if (score > limit) {
            if (key.length >= 3 && candidate.split(' ').some(word => word.startsWith(key))) score = limit + 0.5;
            else continue;
        }
        result.push({ key: candidate, score });
    }
    return result;
}

describe('nameKey', () => {
    test('of an ASCII name (read without normalising) is the key the full simplification gives, for every ASCII string tried', () => {
        // A combining mark sends a name through the full simplification, which strips it first.
        fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), name => {
            expect(nameKey(name)).toBe(nameKey(`${name}\u0301`));
        }), { numRuns: 20_000 });
        expect(nameKey('Ms. Marilia  MACIEL-2')).toBe('marilia maciel 2');
        expect(nameKey('Marília Maciel')).toBe(nameKey('marilia maciel'));
    });
});

describe('NameKeyScope.nearKeys', () => {
    test('finds exactly the keys a comparison with every key finds, in the same order', () => {
        const scope = new NameKeyScope(directory());
        const next = random(20180319);
        const written: string[] = ['a', 'an', 'ann', 'fal', 'fredrikson', 'lukasz nowk', 'zoe', 'x', ''];
        for (let i = 0; i < 300; i++) {
            const name = `${FIRST[Math.floor(next() * FIRST.length)]} ${LAST[Math.floor(next() * LAST.length)]}`;
            const letters = [...name];
            const at = Math.floor(next() * letters.length);
            const edit = Math.floor(next() * 4);
            if (edit === 0) letters.splice(at, 1);
            else if (edit === 1) letters.splice(at, 0, 'e');
            else if (edit === 2 && at + 1 < letters.length) [letters[at], letters[at + 1]] = [letters[at + 1], letters[at]];
            const typed = letters.join('');
            written.push(typed, typed.slice(0, 1 + Math.floor(next() * typed.length)));
        }
        for (const text of written) {
            const key = nameKey(text);
            for (const limit of [1, 2, 3]) {
                const near = scope.nearKeys(key, limit).map(({ key: candidate, score }) => ({ key: candidate, score }));
                expect(near, `${text} (limit ${limit})`).toEqual(bruteForce(scope, key, limit));
            }
        }
    });

    test('the bounded edit distance is the Levenshtein distance up to the limit', () => {
        expect(editDistance('faltstrom', 'faltstrom')).toBe(0);
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(editDistance('kitten', 'sitting', 1)).toBe(2);
        expect(editDistance('', 'abc')).toBe(3);
        expect(editDistance('a much longer key than the buffer holds at first, twice over', 'a much longer key than the buffer holds at first, twice ovr')).toBe(1);
    });
});

/** A workspace of these files, its scope provider, and `write`, which edits a file as the editor does. */
async function editedWorkspace(files: Record<string, string>) {
    const { buildWorkspace } = await import('../helpers/workspace.js');
    const { setTextDocument } = await import('langium/test');
    const { TextDocument } = await import('vscode-languageserver-textdocument');
    const { URI } = await import('langium');
    const { shared, Minutes } = (await buildWorkspace(files)).services;
    let version = 1;
    const write = async (name: string, text: string) => {
        setTextDocument(shared, TextDocument.create(URI.file(`/workspace/${name}`).toString(), 'minutes', ++version, text));
        await shared.workspace.DocumentBuilder.update([URI.file(`/workspace/${name}`)], []);
    };
    return { shared, provider: Minutes.references.ScopeProvider, write };
}

describe('the scopes of a workspace after edits', () => {
    test('are what a scope built afresh from the index would be', async () => {
        const { URI } = await import('langium');
        const { shared, provider, write } = await editedWorkspace({
            'directory.minutes': 'person @mcade Marilyn Cade\n  alias: Marilyn\nperson @anja Anja Gengo\n',
            'a.minutes': 'meeting: A\ndate: 2018-03-19\n\naction #one @mcade: First.\naction #two @anja: Second.\n',
            'b.minutes': 'meeting: B\ndate: 2018-03-20\n\nupdate #one done: Done.\n'
        });
        const fresh = (types: string[]) => new NameKeyScope(types.flatMap(type => shared.workspace.IndexManager.allElements(type).toArray()));
        const same = (scope: NameKeyScope, expected: NameKeyScope) => {
            const listed = (s: NameKeyScope) => [...s.entries()].map(([key, descriptions]) => [key, descriptions.map(d => `${d.documentUri.path}#${d.path}:${d.name}`)] as const)
                .sort((x, y) => (x[0] < y[0] ? -1 : 1));
            expect(listed(scope)).toEqual(listed(expected));
            expect(scope.getAllElements().map(d => `${d.documentUri.path}#${d.path}`).toArray().sort())
                .toEqual(expected.getAllElements().map(d => `${d.documentUri.path}#${d.path}`).toArray().sort());
        };
        const actions = provider.scopeFor('Action');
        const parties = provider.scopeFor('Party');

        await write('a.minutes', 'meeting: A\ndate: 2018-03-19\n\naction #one @mcade: First, reworded.\naction #three @anja: Third.\n');
        expect(provider.scopeFor('Action')).toBe(actions); // brought up to date, not rebuilt
        expect(provider.scopeFor('Party')).toBe(parties); // untouched by a meeting's edit
        same(provider.scopeFor('Action'), fresh(['Action']));
        expect(provider.scopeFor('Action').getElement('two')).toBeUndefined();
        expect(provider.scopeFor('Action').getElement('three')?.node?.$container).toBe(shared.workspace.LangiumDocuments.getDocument(URI.file('/workspace/a.minutes'))!.parseResult.value);

        await write('directory.minutes', 'person @mcade Marilyn Cade\nperson @ttropina Tatiana Tropina\n  alias: Anja\n');
        same(provider.scopeFor('Party'), fresh(['Person', 'Organisation']));
        expect(provider.scopeFor('Party').getElement('Anja')?.name).toBe('Anja');
        expect(provider.scopeFor('Party').getElement('Marilyn')).toBeUndefined();

        await write('b.minutes', 'meeting: B\ndate: 2018-03-20\n\naction #two @mcade: Back again.\n');
        same(provider.scopeFor('Action'), fresh(['Action']));
    });

    test('near keys after an edit are those of a scope built afresh, whether the edit left the same keys or not', async () => {
        const { shared, provider, write } = await editedWorkspace({
            'a.minutes': 'meeting: A\ndate: 2018-03-19\n\naction #one: First.\naction #two: Second.\naction #three: Third.\n',
            'b.minutes': 'meeting: B\ndate: 2018-03-20\n\naction #ones: Fourth.\n'
        });
        const near = (scope: NameKeyScope) => ['one', 'tow', 'thre', 'fou', 'fives', 'on'].map(written =>
            scope.nearKeys(written, 2).map(({ key, score, descriptions }) => `${key} ${score} ${descriptions.map(d => d.path).join(',')}`).sort());
        const fresh = () => new NameKeyScope(shared.workspace.IndexManager.allElements('Action').toArray());
        near(provider.scopeFor('Action')); // indexed before the edits

        await write('a.minutes', 'meeting: A\ndate: 2018-03-19\n\naction #one: First, reworded.\n\naction #two: Second.\naction #three: Third.\n');
        expect(near(provider.scopeFor('Action'))).toEqual(near(fresh()));
        await write('a.minutes', 'meeting: A\ndate: 2018-03-19\n\naction #one: First.\naction #four: Second.\naction #three: Third.\n');
        expect(near(provider.scopeFor('Action'))).toEqual(near(fresh()));
        expect(near(provider.scopeFor('Action'))[3]).toContain('four 1 /blocks@3');
        expect(near(provider.scopeFor('Action'))[0].some(line => line.startsWith('ones '))).toBe(true);
        await write('b.minutes', 'meeting: B\ndate: 2018-03-20\n\naction #fives: Fourth.\n');
        expect(near(provider.scopeFor('Action'))).toEqual(near(fresh()));
        expect(near(provider.scopeFor('Action'))[0].some(line => line.startsWith('ones '))).toBe(false);
    });
});
