import { describe, expect, test } from 'vitest';
import { generate } from '../../src/generation/generate.js';
import { outlineOf } from '../../src/generation/outline.js';
import { flatten, ownersToName } from '../../src/generation/render-model.js';
import { structureOf } from '../../src/model/structure.js';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { withDirectory } from '../helpers/fixtures.js';

/** W3C writes an action's owner after the colon (corpus/w3c-process-cg-2025-10-08, line 19). */
const NOTE = [
    'meeting: Process CG',
    'date: 2025-10-08',
    'from: notes@example.org',
    'to: list@example.org',
    '',
    'ACTION: @ssmith to close issues 1064, 1044 in GitHub',
    '',
    'action: Someone to do something.',
    ''
].join('\n');

describe('actions whose owner opens the text (W3C\'s `ACTION: Name to …`)', async () => {
    const document = await withDirectory(NOTE);
    const actions = structureOf(document.parseResult.value).meetings[0].actions;

    test('the mention that opens the text is the owner; no owner warning for it', () => {
        expect(actions.map(action => [action.owners.map(owner => owner.name), action.ownersInText])).toEqual([[['ssmith'], true], [[], false]]);
        const warnings = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.ActionWithoutOwner);
        expect(warnings.map(d => d.range.start.line)).toEqual([7]);
    });

    test('the outline does not name the owner twice; the text starts after the colon', () => {
        const outlined = flatten(outlineOf(document.parseResult.value).blocks).flatMap(block => block.kind === 'actions' ? block.actions : []);
        expect(outlined.map(action => [ownersToName(action).length, action.owners.map(owner => owner.text), action.text.map(span => span.text).join('')])).toEqual([
            [0, ['Sam Smith'], 'Sam Smith to close issues 1064, 1044 in GitHub'], [0, [], 'Someone to do something.']
        ]);
    });

    test.each(['email', 'markdown', 'html'] as const)('%s: no doubled colon, the owner once', async format => {
        const output = (await generate(document, format)).replace(/<[^>]+>|\*\*/g, '');
        expect(output).not.toMatch(/: :/);
        expect(output.match(/Sam Smith/g)?.length, 'named once in the action, and in the participants').toBeGreaterThanOrEqual(1);
        expect(output).toContain('Sam Smith to close issues 1064, 1044 in GitHub');
        expect(output).not.toMatch(/Sam Smith\)?:? Sam Smith to close/);
    });
});
