import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { suggestNames, unknownNameMessage } from '../../src/validation/unknown-names.js';
import type { NameKeyScope } from '../../src/scoping/minutes-scope-provider.js';
import { buildWorkspace } from '../helpers/workspace.js';

const DIRECTORY = readFileSync(join(__dirname, '..', 'fixtures', 'validation', 'valid-directory.minutes'), 'utf8');

async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
    const { documents } = await buildWorkspace({ 'test.minutes': text, 'directory.minutes': DIRECTORY });
    return documents['test.minutes'].diagnostics ?? [];
}

describe('suggestions for an unknown name', () => {
    let scope: NameKeyScope;
    beforeAll(async () => {
        const { services } = await buildWorkspace({ 'directory.minutes': DIRECTORY });
        scope = services.Minutes.references.ScopeProvider.scopeFor('Party');
    });

    test.each([
        ['a misspelt display name', 'Tatiana Tropnia', ['Tatiana Tropina']],
        ['in capitals', 'TATIANA TROPNIA', ['Tatiana Tropina']],
        ['without accents, misspelt', 'Patrik Faltstrum', ['Patrik Fältström']],
        ['with punctuation for spaces', 'Tatiana-Tropnia', ['Tatiana Tropina']],
        ['with an honorific', 'Dr Anja Kovac', ['Anja Kovacs']],
        ['close to an alias', 'Marylin', ['Marilyn']],
        ['close to a handle', 'mshear', ['mshears']],
        ['the start of a surname', 'Fredrik', ['Torbjörn Fredriksson']],
        ['close to an organisation', 'UNCTD', ['UNCTAD']]
    ])('%s: %s', (_what, written, expected) => {
        expect(suggestNames(scope, written)).toEqual(expected);
    });

    test('one suggestion per person, the closest first, at most three', () => {
        // `Anj` is one edit from the alias Anja (Anja Gengo) and starts Anja Kovacs.
        expect(suggestNames(scope, 'Anj')).toEqual(['Anja', 'Anja Kovacs']);
        const many = suggestNames(scope, 'a');
        expect(many.length).toBeLessThanOrEqual(3);
    });

    test('nothing close, nothing suggested', () => {
        expect(suggestNames(scope, 'Zebulon Quux')).toEqual([]);
        expect(suggestNames(scope, '')).toEqual([]);
    });
});

describe('the message names the role, what was written and the suggestions', () => {
    test.each([
        [[], "Unknown speaker 'X'. No person or organisation in the directory has this name."],
        [['A'], "Unknown speaker 'X'. Did you mean 'A'?"],
        [['A', 'B'], "Unknown speaker 'X'. Did you mean 'A' or 'B'?"],
        [['A', 'B', 'C'], "Unknown speaker 'X'. Did you mean 'A', 'B' or 'C'?"]
    ])('%j', (suggestions, message) => {
        expect(unknownNameMessage('speaker', 'X', suggestions)).toBe(message);
    });
});

describe('unknown names in a document', () => {
    test('each role has its code and the diagnostic carries what quick fixes need', async () => {
        const diagnostics = await diagnosticsOf([
            'meeting: Roles',
            'date: 2018-03-19',
            'moderator: @{Marylin Cade}',
            'attendees:',
            '- @{Tatiana Tropnia}',
            '',
            '@{Tatiana Tropnia}: Hello @Marylin.',
            'action #x @{Nigle Hickson}: Do it.',
            'update #nope done: Done.',
            'person @xy Xavier Young',
            '  org: @UNCTD',
            ''
        ].join('\n'));
        const unknown = diagnostics.filter(d => String(d.code).startsWith('unknown-'));
        expect(unknown.map(d => [d.range.start.line, d.code, d.message])).toEqual([
            [2, IssueCodes.UnknownMention, "Unknown moderator 'Marylin Cade'. Did you mean 'Marilyn Cade'?"],
            [4, IssueCodes.UnknownAttendee, "Unknown attendee 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?"],
            [6, IssueCodes.UnknownSpeaker, "Unknown speaker 'Tatiana Tropnia'. Did you mean 'Tatiana Tropina'?"],
            [6, IssueCodes.UnknownMention, "Unknown name 'Marylin'. Did you mean 'Marilyn'?"],
            [7, IssueCodes.UnknownOwner, "Unknown action owner 'Nigle Hickson'. Did you mean 'Nigel Hickson'?"],
            [8, IssueCodes.UnknownAction, "Unknown action '#nope': no action of the workspace has this identifier."],
            [10, IssueCodes.UnknownOrganisation, "Unknown organisation 'UNCTD'. Did you mean 'UNCTAD'?"]
        ]);
        expect(unknown.every(d => d.severity === 1)).toBe(true);
        expect(unknown[2].data).toEqual({ code: IssueCodes.UnknownSpeaker, written: 'Tatiana Tropnia', suggestions: ['Tatiana Tropina'] });
    });

    test('an unidentified speaker `@?` is not an unknown name', async () => {
        const diagnostics = await diagnosticsOf('meeting: M\ndate: 2018-03-19\n\n@?: A question from the floor.\n');
        expect(diagnostics).toEqual([]);
    });

    test('known names in any spelling the directory allows are not errors', async () => {
        const diagnostics = await diagnosticsOf([
            'meeting: M',
            'date: 2018-03-19',
            '',
            '@{patrik faltstrom}: One.',
            '@MARILYN: Two, for @icann-bc.',
            '@{Mr Paul Wilson}: Three.',
            '@{Mathew Shears}: Four.',
            ''
        ].join('\n'));
        expect(diagnostics).toEqual([]);
    });
});
