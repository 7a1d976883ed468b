import { URI, UriUtils } from 'langium';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/minutes-config.js';
import { NotesRoot } from '../../src/config/minutes-configs.js';

const ROOT = URI.file('/notes');

/** A notes repository with .gitignore files at several depths, read as git reads them. */
const GITIGNORES: Record<string, string> = {
    '.gitignore': '*.tmp.minutes\narchive/\n',
    '2025/.gitignore': [
        '# patterns relative to 2025/',
        'drafts/',
        '*.private.minutes',
        '!keep.private.minutes',
        '/only-here.minutes',
        'old/',
        'sub/deep.minutes'
    ].join('\n') + '\n',
    '2025/03/.gitignore': '!notes.tmp.minutes\n',
    '2025/drafts/.gitignore': '!*\n',
    'archive/.gitignore': '!old.minutes\n'
};

function root(ignore: readonly string[] = []): { root: NotesRoot; read: string[] } {
    const read: string[] = [];
    const notes = new NotesRoot(ROOT, UriUtils.joinPath(ROOT, '.minutes.jsonc'), { ...DEFAULT_CONFIG, ignore }, [], uri => {
        const relative = uri.path.slice(ROOT.path.length + 1);
        read.push(relative);
        return GITIGNORES[relative];
    });
    return { root: notes, read };
}

const at = (relative: string) => UriUtils.joinPath(ROOT, ...relative.split('/'));

describe('nested .gitignore files, read as git reads them', () => {
    test.each([
        ['2025/03/call.minutes', false, 'nothing ignores it'],
        ['scratch.tmp.minutes', true, 'the root .gitignore'],
        ['2025/04/scratch.tmp.minutes', true, 'the root .gitignore, below'],
        ['2025/03/notes.tmp.minutes', false, 'a deeper .gitignore takes it back with !'],
        ['2025/03/other.tmp.minutes', true, 'the deeper negation names only one file'],
        ['2025/drafts/a.minutes', true, 'a folder ignored by the .gitignore of 2025/'],
        ['2025/drafts/x/b.minutes', true, 'and everything below it, whatever its own .gitignore says'],
        ['drafts/a.minutes', false, 'the patterns of 2025/.gitignore are relative to 2025/'],
        ['2025/x.private.minutes', true, 'a glob of 2025/.gitignore'],
        ['2025/03/x.private.minutes', true, 'which applies below 2025/'],
        ['2025/keep.private.minutes', false, 'its negation'],
        ['2025/only-here.minutes', true, 'an anchored pattern'],
        ['2025/03/only-here.minutes', false, 'applies only in its folder'],
        ['2025/sub/deep.minutes', true, 'a pattern with a slash is relative to its .gitignore'],
        ['2026/sub/deep.minutes', false, 'and to nothing else'],
        ['archive/old.minutes', true, 'a file of an ignored folder does not come back']
    ])('%s: ignored %s (%s)', (relative, ignored) => {
        expect(root().root.isIgnored(at(relative), false)).toBe(ignored);
    });

    test('a pattern ending in / names folders only', () => {
        const { root: notes } = root();
        expect(notes.isIgnored(at('2025/old'), true)).toBe(true);
        expect(notes.isIgnored(at('2025/old'), false)).toBe(false);
        expect(notes.isIgnored(at('2025/old/a.minutes'), false)).toBe(true);
    });

    test('the configuration\'s ignore stands beside the root .gitignore', () => {
        const { root: notes } = root(['2025/03/', '!scratch.tmp.minutes']);
        expect(notes.isIgnored(at('2025/03/call.minutes'), false)).toBe(true);
        expect(notes.isIgnored(at('scratch.tmp.minutes'), false)).toBe(false);
    });

    test('each folder\'s .gitignore is read once, and none inside an ignored folder', () => {
        const { root: notes, read } = root();
        for (const file of ['2025/03/a.minutes', '2025/03/b.minutes', '2025/drafts/x/c.minutes', 'archive/old.minutes']) notes.isIgnored(at(file), false);
        expect(read.sort()).toEqual(['.gitignore', '2025/.gitignore', '2025/03/.gitignore']);
    });
});
