import { describe, expect, test } from 'vitest';
import { actionIdKey, actionSlug, deriveActionId } from '../../src/ledger/action-ids.js';

describe('derived action identifiers', () => {
    test('a slug keeps the first meaningful words of the text', () => {
        expect(actionSlug('Will circulate the wider report of WSIS Forum in due course.')).toBe('circulate-wider-report');
        expect(actionSlug('Circulate report')).toBe('circulate-report');
        expect(actionSlug('Prüfen Sie die Übersetzung')).toBe('prufen-sie-die');
        expect(actionSlug('To do it')).toBe('do');
        expect(actionSlug('…')).toBe('action');
    });

    test('prefixed by the meeting date, made unique against what is taken', () => {
        expect(deriveActionId('Circulate the report.', '2018-03-19', new Set())).toBe('2018-03-19-circulate-report');
        const taken = new Set([actionIdKey('2018-03-19-circulate-report'), actionIdKey('#2018-03-19-Circulate-Report-2')]);
        expect(deriveActionId('Circulate the report.', '2018-03-19', taken)).toBe('2018-03-19-circulate-report-3');
        expect(deriveActionId('Circulate the report.', undefined, new Set())).toBe('circulate-report');
    });
});
