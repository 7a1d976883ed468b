import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, test } from 'vitest';
import { runCli, tempWorkspace } from './helpers/run-cli.js';

describe('minutes generate --format docx', () => {
    test('-o name.docx writes a Word document (the format from the extension); without -o, or from a file with errors, nothing is written', async () => {
        const folder = tempWorkspace({});
        const out = path.join(folder, 'wsis.docx');
        const result = await runCli(['generate', 'examples/ccwg-ig-wsis-forum-2018.minutes', '-o', out]);
        expect([result.code, result.stderr, result.stdout]).toEqual([0, '', '']);
        const bytes = readFileSync(out);
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        expect((await mammoth.extractRawText({ buffer: bytes })).value).toContain('He noted that ICANN is unique in having Multistakeholder processes');

        const noOutput = await runCli(['generate', 'examples/ccwg-ig-wsis-forum-2018.minutes', '--format', 'docx']);
        expect([noOutput.code, noOutput.stderr, noOutput.stdout]).toEqual([2, 'minutes: a Word document is a file: give -o name.docx\n', '']);

        const broken = tempWorkspace({ 'a.minutes': 'meeting: A\ndate: 2024-01-10\n\n@nobody: Who is this?\n' });
        const refused = await runCli(['generate', 'a.minutes', '-o', 'a.docx'], { cwd: broken });
        expect(refused.code).toBe(1);
        expect(existsSync(path.join(broken, 'a.docx'))).toBe(false);
    });
});
