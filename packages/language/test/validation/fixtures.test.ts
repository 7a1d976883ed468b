import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildWorkspace } from '../helpers/workspace.js';

/**
 * Data-driven validation tests. Each fixture in test/fixtures/validation is checked
 * together with valid-directory.minutes; the diagnostics it must produce are written in
 * it, on the line before the line they start on:
 *
 *     // expect: warning speaker-not-attendee at "@tfredriksson" message "speaks but is not"
 *
 * `at` is the exact text the diagnostic marks; `message` a part of its message. A
 * `valid-*` fixture expects nothing; an `invalid-*` fixture expects at least one
 * diagnostic. Every diagnostic must be expected, and every expectation met.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'validation');
const DIRECTORY = 'valid-directory.minutes';
const SEVERITIES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const EXPECT = /^\s*\/\/ expect: (error|warning|info|hint) ([a-z-]+)(?: at "((?:[^"\\]|\\.)*)")?(?: message "((?:[^"\\]|\\.)*)")?\s*$/;

interface Expectation {
    /** 0-based line the diagnostic must start on. */
    line: number;
    severity: string;
    code: string;
    at?: string;
    message?: string;
}

function expectationsOf(text: string): Expectation[] {
    const lines = text.split(/\r?\n/);
    const expectations: Expectation[] = [];
    lines.forEach((line, index) => {
        if (!line.includes('// expect:')) return;
        const match = EXPECT.exec(line);
        if (!match) throw new Error(`Malformed expectation on line ${index + 1}: ${line}`);
        let target = index + 1;
        while (target < lines.length && EXPECT.test(lines[target])) target++;
        expectations.push({ line: target, severity: match[1], code: match[2], at: match[3], message: match[4] });
    });
    return expectations;
}

function describeDiagnostic(diagnostic: Diagnostic, text: (d: Diagnostic) => string): string {
    return `${diagnostic.range.start.line + 1}: ${SEVERITIES[diagnostic.severity ?? 1]} ${String(diagnostic.code)} at "${text(diagnostic)}" — ${diagnostic.message}`;
}

const fixtures = readdirSync(FIXTURES).filter(name => /^(valid|invalid)-.*\.minutes$/.test(name)).sort();

describe('validation fixtures', () => {
    test('there is a valid and an invalid fixture for the rules', () => {
        expect(fixtures.filter(name => name.startsWith('valid-')).length).toBeGreaterThanOrEqual(14);
        expect(fixtures.filter(name => name.startsWith('invalid-')).length).toBeGreaterThanOrEqual(14);
    });

    test.each(fixtures)('%s', async name => {
        const text = readFileSync(join(FIXTURES, name), 'utf8');
        const files: Record<string, string> = { [name]: text };
        if (name !== DIRECTORY) files[DIRECTORY] = readFileSync(join(FIXTURES, DIRECTORY), 'utf8');
        const { documents } = await buildWorkspace(files);
        const document = documents[name];
        const diagnostics = document.diagnostics ?? [];
        const markedText = (d: Diagnostic) => document.textDocument.getText(d.range);
        const expectations = expectationsOf(text);

        if (name.startsWith('valid-')) {
            expect(expectations, 'a valid fixture expects no diagnostics').toEqual([]);
        } else {
            expect(expectations.length, 'an invalid fixture expects at least one diagnostic').toBeGreaterThan(0);
        }

        const unmatched = [...diagnostics];
        const failures: string[] = [];
        for (const expectation of expectations) {
            const index = unmatched.findIndex(d => d.range.start.line === expectation.line
                && SEVERITIES[d.severity ?? 1] === expectation.severity
                && d.code === expectation.code
                && (expectation.at === undefined || markedText(d) === expectation.at)
                && (expectation.message === undefined || d.message.includes(expectation.message)));
            if (index >= 0) unmatched.splice(index, 1);
            else failures.push(`missing on line ${expectation.line + 1}: ${expectation.severity} ${expectation.code}`
                + `${expectation.at !== undefined ? ` at "${expectation.at}"` : ''}${expectation.message ? ` — ${expectation.message}` : ''}`);
        }
        for (const diagnostic of unmatched) failures.push(`unexpected ${describeDiagnostic(diagnostic, markedText)}`);
        const actual = diagnostics.map(d => describeDiagnostic(d, markedText)).join('\n');
        expect(failures, `diagnostics of ${name}:\n${actual}`).toEqual([]);
    });
});
