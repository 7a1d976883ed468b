import addressparser from 'nodemailer/lib/addressparser';
import { GenerationError } from './generation-error.js';

/**
 * The addresses of a message's envelope (`from:`, `to:`, `cc:`, `--from` …), read as the eml
 * generator reads them and as `minutes check` checks them (validation/envelope-rules.ts). Apart
 * from the message's composition (eml.ts), so that the check does not load nodemailer's.
 */

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Header text: control characters (CR and LF above all, which would start a new header) become spaces. */
export function headerText(text: string): string {
    return text.replace(new RegExp(CONTROL.source + '+', 'g'), ' ').replace(/\s+/g, ' ').trim();
}

const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

export interface Address {
    readonly name: string;
    readonly address: string;
}

/** A piece of a `from:`, `to:` or `cc:` field: text (addresses written out, separators, `mailto:` links), or a person or organisation. */
export type EnvelopePiece =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'party'; readonly name: string; readonly email?: string };

/** What keeps a field from being a header's addresses. */
export type EnvelopeProblem =
    | { readonly kind: 'no-email'; readonly piece: EnvelopePiece; readonly message: string }
    | { readonly kind: 'not-an-address'; readonly text: string; readonly message: string };

/**
 * The addresses a field's pieces give, in the order written: a person or organisation is
 * their directory `email:`; the text between them is addresses, `and`/`&` read as commas.
 * Each problem goes to `report` (by default thrown: the eml is refused), so that
 * `minutes check` warns of exactly what `minutes generate --format eml` would refuse.
 */
export function envelopeAddresses(header: string, pieces: readonly EnvelopePiece[], report: (problem: EnvelopeProblem) => void = refuse): Address[] {
    const addresses: Address[] = [];
    let pending = '';
    const add = (text: string, parse: () => Address[]) => {
        try {
            addresses.push(...parse());
        } catch (error) {
            if (!(error instanceof GenerationError)) throw error;
            report({ kind: 'not-an-address', text, message: error.message });
        }
    };
    const flush = () => {
        const text = headerText(pending);
        pending = '';
        add(text, () => parsedAddresses(header, text));
    };
    for (const piece of pieces) {
        if (piece.kind === 'text') {
            // Between mentions: separators, or addresses written out.
            pending += ' ' + (/^mailto:/i.test(piece.text) ? piece.text.slice('mailto:'.length).split('?')[0] : piece.text.replace(/(^|\s)(and|&)(?=\s|$)/gi, ','));
            continue;
        }
        // Addresses keep the order they are written in.
        flush();
        const email = piece.email;
        if (email) add(email, () => partyAddress(header, piece.name, email));
        else report({ kind: 'no-email', piece, message: `${header}: ${piece.name} has no email: in the directory; add one or pass --${header}` });
    }
    flush();
    return addresses;
}

function refuse(problem: EnvelopeProblem): never {
    throw new GenerationError(problem.message);
}

/** Addresses given on the command line (`--from`): a line break in one is an attempt at another header, not a typo to mend. */
export function addressList(header: string, written: string): Address[] {
    if (CONTROL.test(written)) throw new GenerationError(`--${header}: an address cannot contain a line break or a control character`);
    return parsedAddresses(header, written);
}

/** The address of a person or organisation: their name and their directory `email:`. */
export function partyAddress(header: string, name: string, email: string): Address[] {
    return parsedAddresses(header, headerText(`${quotedName(name)} <${email}>`));
}

function parsedAddresses(header: string, text: string): Address[] {
    if (!text.replace(/[\s,;]/g, '')) return [];
    const notAddresses = () => {
        const shown = Array.from(text);
        return new GenerationError(`${header}: '${shown.length > 80 ? `${shown.slice(0, 79).join('')}…` : text}' is not a list of email addresses`);
    };
    // No address (with its name) is a thousand characters long; nodemailer's parser takes
    // quadratic time over a long run without a separator (a pasted paragraph: seconds).
    if (text.split(/[,;]/).some(piece => piece.length > 1_000)) throw notAddresses();
    let parsed: addressparser.Address[];
    try {
        parsed = addressparser(text, { flatten: true });
    } catch (error) {
        // nodemailer's parser recurses into every `:` (a group): a few thousand overflow the stack.
        if (error instanceof RangeError) throw notAddresses();
        throw error;
    }
    return parsed.map(({ name, address }) => {
        if (!ADDRESS.test(address ?? '')) throw notAddresses();
        return { name: headerText(name ?? ''), address };
    });
}

function quotedName(name: string): string {
    return `"${headerText(name).replace(/["\\]/g, '\\$&')}"`;
}

