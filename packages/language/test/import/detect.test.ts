import { describe, expect, test } from 'vitest';
import { detectFormat } from '../../src/import/detect.js';
import { fixture } from '../helpers/import.js';

describe('telling the format of a transcript', () => {
    test('each fixture by its content', () => {
        expect(detectFormat(fixture('captions-igf2018-ws224.txt'))).toBe('captions');
        expect(detectFormat(fixture('webvtt-panel.vtt'))).toBe('vtt');
        expect(detectFormat(fixture('subrip-remarks.srt'))).toBe('vtt');
        expect(detectFormat(fixture('chat-log.txt'))).toBe('chat');
        expect(detectFormat(fixture('chat-zoom.txt'))).toBe('chat');
    });

    test('by extension, whatever the content', () => {
        expect(detectFormat('>> MODERATOR: hello', 'talk.vtt')).toBe('vtt');
        expect(detectFormat('', 'talk.SRT')).toBe('vtt');
    });

    test('a `>>` transcript that quotes a time is captions; a log of names without stamps is chat', () => {
        expect(detectFormat('>> KUO WU: at 10:02 we met\n>> MODERATOR: thanks\n')).toBe('captions');
        expect(detectFormat('Nigel: hello\nMarilyn: hi\nNigel: shall we start?\n')).toBe('chat');
    });

    test('anything else is read as captions: a title and prose', () => {
        expect(detectFormat('Just some notes.\nNothing more: really.\n')).toBe('captions');
        expect(detectFormat('')).toBe('captions');
        expect(detectFormat('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nhi')).toBe('vtt');
    });
});
