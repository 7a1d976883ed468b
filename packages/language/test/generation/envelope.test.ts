import { describe, expect, test, vi } from 'vitest';
import { envelopeAddresses, type EnvelopeProblem } from '../../src/generation/envelope.js';

/** What nodemailer's address parser was given. */
const parsed = vi.hoisted(() => [] as string[]);

vi.mock('nodemailer/lib/addressparser', async importOriginal => {
    const original = (await importOriginal<{ default: (text: string, options?: object) => unknown }>()).default;
    return { default: (text: string, options?: object) => { parsed.push(text); return original(text, options); } };
});

describe('the envelope\'s addresses', () => {
    test('a run without a separator longer than any address is refused before nodemailer\'s parser sees it', () => {
        // The parser takes quadratic time over such a run: 80,000 characters took 7 s.
        const problems: EnvelopeProblem[] = [];
        parsed.length = 0;
        expect(envelopeAddresses('to', [{ kind: 'text', text: '1.'.repeat(50_000) }], problem => problems.push(problem))).toEqual([]);
        expect(problems.map(problem => problem.kind)).toEqual(['not-an-address']);
        expect(problems[0].message).toMatch(/^to: '1\.1\..*…' is not a list of email addresses$/);
        expect(parsed).toEqual([]);
        // Addresses are parsed by it, pieces of any length up to a thousand characters.
        const long = `${'a'.repeat(900)}@example.org`;
        expect(envelopeAddresses('to', [{ kind: 'text', text: `Ana <ana@example.org>, ${long}` }]).map(address => address.address)).toEqual(['ana@example.org', long]);
        expect(parsed).toHaveLength(1);
    });
});
