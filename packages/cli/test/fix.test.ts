import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

/** `minutes check --fix`: only the fixes that need no choice, written atomically, each reported. */
const directory = 'person @mcade Marilyn Cade\nperson @ttropina Tatiana Tropina\nperson @ttropin Tatiana Tropin\n';
const meeting = [
    'meeting: A call',
    'date: 2025-03-19',
    '',
    'agenda:',
    '1. Main outcomes',
    '2. Look ahead',
    'a. Working Group on Enhanced Cooperation',
    'c. WSIS Forum 2017',
    '2. Priorities',
    '',
    '@{Marilyn Kade}: One candidate, fixed.',
    '@{Tatiana Tropinn}: Two candidates, left for a person to choose.',
    '@{Nobody Known}: No candidate.',
    ''
].join('\n');

describe('minutes check --fix', () => {
    test('renumbers the agenda and takes the single did-you-mean candidate; reports each fix and what is left', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting });
        const result = await runCli(['check', '--fix', 'call.minutes'], { cwd: folder });
        expect(result.stdout.split('\n').filter(line => line.includes(': fixed: '))).toEqual([
            'call.minutes:8:1: fixed: Renumber the agenda [agenda-numbering]',
            "call.minutes:11:1: fixed: Change to 'Marilyn Cade' [unknown-speaker]"
        ]);
        const fixed = readFileSync(path.join(folder, 'call.minutes'), 'utf8');
        expect(fixed).toBe(meeting
            .replace('c. WSIS Forum 2017', 'b. WSIS Forum 2017').replace('2. Priorities', '3. Priorities')
            .replace('@{Marilyn Kade}', '@{Marilyn Cade}'));
        expect(result.stdout).toContain("call.minutes:12:1: error Unknown speaker 'Tatiana Tropinn'.");
        expect(result.stdout).toContain("call.minutes:13:1: error Unknown speaker 'Nobody Known'.");
        expect(result.stdout).toMatch(/checked 1 file: 2 errors, 0 warnings\n$/);
        expect(result.code).toBe(1);
    });

    test('a second run finds nothing more to fix and changes nothing', async () => {
        const folder = tempWorkspace({ 'directory.minutes': directory, 'call.minutes': meeting });
        await runCli(['check', '--fix', 'call.minutes'], { cwd: folder });
        const once = readFileSync(path.join(folder, 'call.minutes'), 'utf8');
        const again = await runCli(['check', '--fix', 'call.minutes'], { cwd: folder });
        expect(again.stdout).not.toContain(': fixed: ');
        expect(readFileSync(path.join(folder, 'call.minutes'), 'utf8')).toBe(once);
    });

    test('standard input cannot be fixed', async () => {
        const result = await runCli(['check', '--fix', '-'], { input: meeting });
        expect(result.stderr).toContain('--fix changes files: it cannot fix standard input');
        expect(result.code).toBe(2);
    });
});
