import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/validation/issue-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * docs/diagnostics.md documents every issue code with its severity, a bad and a good
 * example. This test holds the document to the code: every code has a section, and each
 * bad example produces its diagnostic (with the documented severity) while the good one
 * does not. The examples are checked with the directory the document opens with.
 */
const DOC = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'diagnostics.md'), 'utf8');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };
/** Codes no document produces on its own: `minutes check --overdue` reports them. */
const CLI_ONLY = new Set<string>([IssueCodes.OverdueAction]);

interface Section {
    code: string;
    severity: string;
    bad: string;
    good: string;
}

function minutesBlocks(text: string): string[] {
    return [...text.matchAll(/```minutes\n([\s\S]*?)```/g)].map(match => match[1]);
}

function sections(): Section[] {
    return DOC.split(/^### /m).slice(1).map(part => {
        const heading = /^`([a-z-]+)` — (error|warning|info|hint)/.exec(part);
        if (!heading) throw new Error(`Malformed section heading: ${part.split('\n')[0]}`);
        const bad = minutesBlocks(part.split('**Bad**')[1]?.split('**Good**')[0] ?? '')[0];
        const good = minutesBlocks(part.split('**Good**')[1] ?? '')[0];
        return { code: heading[1], severity: heading[2], bad, good };
    });
}

const DIRECTORY = minutesBlocks(DOC.split(/^## /m)[0])[0];

describe('docs/diagnostics.md', () => {
    test('documents every issue code once, and no other', () => {
        const documented = sections().map(section => section.code);
        expect([...documented].sort()).toEqual(Object.values(IssueCodes).sort());
    });

    test.each(sections().filter(section => !CLI_ONLY.has(section.code)))('$code: the bad example has it, the good one does not', async section => {
        expect(section.bad, 'a bad example').toBeTruthy();
        expect(section.good, 'a good example').toBeTruthy();
        const diagnosticsOf = async (text: string) => {
            const { documents } = await buildWorkspace({ 'example.minutes': text, 'directory.minutes': DIRECTORY });
            return (documents['example.minutes'].diagnostics ?? []).filter(d => d.code === section.code);
        };
        const bad = await diagnosticsOf(section.bad);
        expect(bad.length, `${section.code} in:\n${section.bad}`).toBeGreaterThan(0);
        expect(bad.every(d => d.severity === SEVERITY[section.severity])).toBe(true);
        expect((await diagnosticsOf(section.good)).map(d => d.message)).toEqual([]);
    });
});
