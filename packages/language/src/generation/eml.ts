import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import { encodeWord } from 'nodemailer/lib/mime-funcs';
import type Mail from 'nodemailer/lib/mailer';
import type { Document } from '../generated/ast.js';
import { parseDate } from '../model/dates.js';
import { emailBodyOf, type EmailOptions } from './email.js';
import { addressList, envelopeAddresses, headerText, type Address, type EnvelopePiece } from './envelope.js';
import { GenerationError } from './generation-error.js';
import { htmlOf } from './html.js';
import { outlineOf } from './outline.js';
import type { Outline, PartyFacts } from './render-model.js';
import type { RichText } from './rich-text.js';

/**
 * A complete RFC 5322 message (`.eml`), ready to be opened by a mail client or sent: From,
 * To, Cc, Subject and Date from the document (`from:`, `to:`, `cc:`, the title, the
 * meeting's date) or from options, and a multipart/alternative body holding the email's
 * text and the HTML page. Nodemailer's MailComposer writes the MIME: RFC 2047 encoded
 * words for non-ASCII headers, quoted-printable bodies, CRLF line ends.
 *
 * The output depends on the document and the options only: the Message-ID and the MIME
 * boundaries are derived from the content, and the Date is the meeting's.
 */
export interface EmlOptions extends EmailOptions {
    /** Sender (`Name <address>`), instead of the document's `from:` or its author's `email:`. */
    readonly from?: string;
    /** Recipients, comma-separated, instead of the document's `to:`. */
    readonly to?: string;
    readonly cc?: string;
    /** Sender and recipients when the document names none (a repository's `.minutes.jsonc`). */
    readonly defaultFrom?: string;
    readonly defaultTo?: string;
    /** The message's date (`2018-03-24`), instead of the meeting's. */
    readonly date?: string;
}

export function generateEml(document: Document, options: EmlOptions = {}): Promise<string> {
    return emlOf(outlineOf(document, options), options);
}

export async function emlOf(outline: Outline, options: EmlOptions = {}): Promise<string> {
    const parties = new Map(outline.parties.map(facts => [facts.handle, facts]));
    const from = addressesOf('from', options.from ?? (outline.envelope.from ?? authorOf(outline) ? undefined : options.defaultFrom), outline.envelope.from ?? authorOf(outline), parties);
    const to = addressesOf('to', options.to ?? (outline.envelope.to ? undefined : options.defaultTo), outline.envelope.to, parties);
    const cc = addressesOf('cc', options.cc, outline.envelope.cc, parties);
    const date = messageDate(options.date, outline);
    // Without a sender the message is an unsent draft: mail clients open it ready to send, from whoever opens it.
    return composeMessage({ from, to, cc, subject: outline.subject, date, text: emailBodyOf(outline, options), html: htmlOf(outline), unsent: from.length === 0 });
}

/** A message's parts: addresses as {@link addressList} and {@link partyAddress} give them. */
export interface MessageParts {
    readonly from: readonly Address[];
    readonly to: readonly Address[];
    readonly cc?: readonly Address[];
    /** As it reads: made header text here (control characters out, encoded words encoded). */
    readonly subject: string;
    readonly date: Date;
    readonly text: string;
    readonly html: string;
    /** A draft without a sender, marked `X-Unsent: 1` (Outlook, Thunderbird and Apple Mail open it to be sent). */
    readonly unsent?: boolean;
}

/**
 * The message (RFC 5322, MIME multipart/alternative), the same for the same parts: the
 * Message-ID and the MIME boundaries are derived from the content.
 */
export async function composeMessage(parts: MessageParts): Promise<string> {
    const { text, html, date } = parts;
    // Names as they read (envelope.ts leaves them as written, made header text).
    const literal = (addresses: readonly Address[]) => addresses.map(({ name, address }) => ({ name: literalHeaderText(name), address }));
    const from = literal(parts.from);
    const to = literal(parts.to);
    const cc = literal(parts.cc ?? []);
    if (from.length === 0 && !parts.unsent) throw new GenerationError('a message needs a sender');
    const subject = literalHeaderText(headerText(parts.subject));
    // Derived from the content, so that the same document gives the same message.
    const digest = createHash('sha256').update(JSON.stringify([from, to, cc, subject, date.toISOString(), text, html])).digest('hex');
    const domain = from[0]?.address.split('@').pop()!.toLowerCase() ?? 'draft.invalid';
    // `baseBoundary` and `newline` are MailComposer options its type declarations leave out.
    const mail: Mail.Options & { baseBoundary: string; newline: string } = {
        from: from.length === 0 ? undefined : from.length === 1 ? from[0] : [...from],
        headers: parts.unsent ? { 'X-Unsent': '1' } : undefined,
        to: to.length > 0 ? [...to] : undefined,
        cc: cc.length > 0 ? [...cc] : undefined,
        subject,
        date,
        messageId: `<${digest.slice(0, 32)}.minutes@${domain}>`,
        text,
        html,
        textEncoding: 'quoted-printable',
        // Internet mail ends lines with CRLF (RFC 5322), the body's lines too.
        newline: '\r\n',
        baseBoundary: digest.slice(32, 48),
        disableFileAccess: true,
        disableUrlAccess: true
    };
    const message = await new Promise<Buffer>((resolve, reject) => {
        new MailComposer(mail).compile().build((error, built) => error ? reject(error) : resolve(built));
    });
    return message.toString('utf8');
}

/**
 * Header text that reads as written. Mail clients decode anything shaped like an RFC 2047
 * encoded word, even where the standard says not to (inside quotes): a sender named
 * `=?utf-8?B?QmNjOiBldmls?=` showed as "Bcc: evil". Text holding `=?` is encoded itself,
 * so that it decodes to exactly what was written.
 */
function literalHeaderText(text: string): string {
    // Q, not B: nodemailer splits B-encoded words inside a character beyond U+FFFF.
    return text.includes('=?') ? encodeWord(text, 'Q', 52) : text;
}

/**
 * The addresses of a header: from the option when given, else from the document's field,
 * where a mention of a person or organisation stands for their directory `email:`.
 */
function addressesOf(header: string, option: string | undefined, written: RichText | undefined, parties: ReadonlyMap<string, PartyFacts>): Address[] {
    if (option !== undefined) return addressList(header, option);
    if (!written) return [];
    return envelopeAddresses(header, written.map((span): EnvelopePiece => {
        if (span.kind === 'mention') {
            const facts = span.party.handle ? parties.get(span.party.handle) : undefined;
            return { kind: 'party', name: span.party.displayName ?? span.text, email: facts?.email };
        }
        return span.kind === 'link' ? { kind: 'text', text: span.url } : { kind: 'text', text: span.text };
    }));
}

/** The author (`author:`) of the document or its only meeting, as the sender when no `from:` is written. */
function authorOf(outline: Outline): RichText | undefined {
    const author = outline.header.metadata.find(entry => entry.key === 'author');
    return author?.value.filter(span => span.kind === 'mention');
}

/**
 * The date given (read in the document's language first), else the (last) day of the
 * meeting as the outline read it, at noon UTC so that no time zone shows another day.
 */
function messageDate(option: string | undefined, outline: Outline): Date {
    if (option !== undefined) {
        const parsed = parseDate(option, outline.language);
        if (!parsed.ok || parsed.value.start.day === undefined) throw notADay('--date', option);
        const day = parsed.value.end?.day !== undefined ? parsed.value.end : parsed.value.start;
        return new Date(Date.UTC(day.year, (day.month ?? 1) - 1, day.day ?? 1, 12));
    }
    if (!outline.date) throw new GenerationError('an eml message needs a date: write `date:` in the document or pass --date');
    if (!outline.date.end) throw notADay('the document\'s date:', outline.date.written);
    const [year, month, day] = outline.date.end.split('-').map(Number);
    return new Date(Date.UTC(year, month - 1, day, 12));
}

function notADay(source: string, written: string): GenerationError {
    return new GenerationError(`${source} '${written}' is not a day (write 2018-03-19 or 19 March 2018)`);
}
