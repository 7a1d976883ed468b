import { describe, expect, test } from 'vitest';
import { actionSlug, DerivedActionIds } from '../../src/ledger/action-ids.js';

describe('derived action identifiers', () => {
    test('a slug keeps the first meaningful words of the text', () => {
        expect(actionSlug('Will circulate the wider report of WSIS Forum in due course.')).toBe('circulate-wider-report');
        expect(actionSlug('Circulate report')).toBe('circulate-report');
        expect(actionSlug('Prüfen Sie die Übersetzung')).toBe('prufen-sie-die');
        expect(actionSlug('To do it')).toBe('do');
        expect(actionSlug('…')).toBe('action');
    });

    test('prefixed by the meeting date, made unique against what is taken', () => {
        expect(new DerivedActionIds().derive('Circulate the report.', '2018-03-19')).toBe('2018-03-19-circulate-report');
        const ids = new DerivedActionIds(['2018-03-19-circulate-report', '#2018-03-19-Circulate-Report-2']);
        expect(ids.derive('Circulate the report.', '2018-03-19')).toBe('2018-03-19-circulate-report-3');
        expect(ids.derive('Circulate the report.', '2018-03-19')).toBe('2018-03-19-circulate-report-4');
        expect(new DerivedActionIds().derive('Circulate the report.', undefined)).toBe('circulate-report');
    });

    test('a suffix written by hand after some were derived is skipped, as when every suffix is tried from 2', () => {
        const ids = new DerivedActionIds();
        expect(ids.derive('Circulate the report.', undefined)).toBe('circulate-report');
        expect(ids.derive('Circulate the report.', undefined)).toBe('circulate-report-2');
        ids.reserve('circulate-report-3');
        expect(ids.derive('Circulate the report.', undefined)).toBe('circulate-report-4');
    });
});
