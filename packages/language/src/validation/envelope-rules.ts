import type { ValidationAcceptor } from 'langium';
import type { Field, Mention } from '../generated/ast.js';
import { envelopeAddresses, type EnvelopePiece } from '../generation/envelope.js';
import { displayName, emailAddressOf } from '../model/directory.js';
import { inlinesOf } from '../model/text.js';
import { IssueCodes } from './issue-codes.js';

const ENVELOPE_FIELDS: Readonly<Record<string, string>> = { 'from:': 'from', 'to:': 'to', 'cc:': 'cc' };

/**
 * `from:`, `to:` and `cc:` are the headers of the meeting's `.eml`: every person or
 * organisation named needs an `email:` in the directory, and the text between them must be
 * addresses. Read by the eml generator's own reading (envelopeAddresses), so that `minutes
 * check` warns of exactly what `minutes generate --format eml` would refuse. Warnings: the
 * other outputs do not need addresses.
 */
export function envelopeMustBeAddresses(field: Field, accept: ValidationAcceptor): void {
    const header = ENVELOPE_FIELDS[field.key.toLowerCase()];
    if (!header || !field.value) return;
    const mentions = new Map<EnvelopePiece, Mention>();
    const pieces = inlinesOf(field.value).map((inline): EnvelopePiece => {
        if (inline.kind !== 'mention') return { kind: 'text', text: inline.kind === 'link' ? inline.url : inline.text };
        // An unknown name is an error of its own: not repeated here.
        if (!inline.party) return { kind: 'party', name: inline.text };
        const piece: EnvelopePiece = { kind: 'party', name: displayName(inline.party), email: emailAddressOf(inline.party) };
        mentions.set(piece, inline.mention);
        return piece;
    });
    envelopeAddresses(header, pieces, problem => {
        if (problem.kind === 'no-email') {
            const mention = mentions.get(problem.piece);
            const name = problem.piece.kind === 'party' ? problem.piece.name : '';
            if (!mention) return;
            accept('warning', `${name} has no 'email:' in the directory, so an .eml of this meeting cannot be sent to them: add one to their entry.`, {
                node: mention ?? field, code: IssueCodes.AddressWithoutEmail, data: { code: IssueCodes.AddressWithoutEmail }
            });
        } else {
            const shown = Array.from(problem.text);
            const text = shown.length > 80 ? `${shown.slice(0, 79).join('')}…` : problem.text;
            accept('warning', `'${text}' is not a list of email addresses, so an .eml of this meeting cannot use it: write Name <address>, or @name with an 'email:' in the directory.`, {
                node: field, property: 'value', code: IssueCodes.NotAnAddress, data: { code: IssueCodes.NotAnAddress }
            });
        }
    });
}
