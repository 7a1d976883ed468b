import type { Document } from '../generated/ast.js';
import type { PartyName } from './naming.js';
import { wellFormed } from './unicode.js';
import { outlineOf, type OutlineOptions } from './outline.js';
import type {
    ActionOutline, AgendaEntry, DateInfo, Envelope, ListEntry, MeetingOutline, MetadataEntry, Outline, OutlineBlock,
    Participant, PartyFacts, TurnOutline, UpdateOutline
} from './render-model.js';
import { plain, type RichText } from './rich-text.js';

/**
 * JSON: every fact of the render model, references resolved — each person or organisation
 * as handle, name as it reads, display name and organisation — in a stable key order.
 * The shape is published as a JSON Schema in `packages/language/schemas/minutes.schema.json`; a change to
 * it raises `SCHEMA_VERSION`.
 */
export const SCHEMA_VERSION = 12;

export function generateJson(document: Document, options: OutlineOptions = {}): string {
    return jsonOf(outlineOf(document, options));
}

export function jsonOf(outline: Outline): string {
    // JSON.stringify writes a lone surrogate as `\udXXX`: valid JSON, but no character, which
    // a consumer cannot write as UTF-8. It is U+FFFD here, as in every other output.
    return JSON.stringify(jsonModel(outline), (_key, value: unknown) => typeof value === 'string' ? wellFormed(value) : value, 2) + '\n';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** An object with the given keys in the given order, leaving out those that are undefined. */
function object(entries: Array<[string, Json | undefined]>): JsonObject {
    const result: JsonObject = {};
    for (const [key, value] of entries) {
        if (value !== undefined) result[key] = value;
    }
    return result;
}

/** The JSON value of a document's render model. */
export function jsonModel(outline: Outline): JsonObject {
    return object([
        ['schemaVersion', SCHEMA_VERSION],
        ['title', outline.title],
        ['language', outline.language],
        ['subject', outline.subject],
        ['metadata', outline.header.metadata.map(metadataEntry)],
        ['envelope', envelope(outline.envelope)],
        ['date', outline.date && date(outline.date)],
        ['body', outline.blocks.map(block)],
        ['meetings', outline.meetings.map(meeting)],
        ['parties', outline.parties.map(partyFacts)]
    ]);
}

function richText(text: RichText): JsonObject {
    return { text: plain(text), spans: spans(text) };
}

function spans(text: RichText): JsonObject[] {
    return text.map(span => {
            switch (span.kind) {
                case 'text':
                    return { text: span.text };
                case 'mention':
                    return object([['text', span.text], ['mention', partyName(span.party)], ['participant', span.anchor]]);
                case 'link':
                    return { text: span.text, link: span.url };
                case 'styled':
                    return { text: span.text, style: span.style, spans: spans(span.children) };
            }
        });
}

function partyName(name: PartyName): JsonObject {
    return object([
        ['handle', name.handle],
        ['kind', name.kind],
        ['name', name.name],
        ['displayName', name.displayName],
        ['organisation', name.organisation]
    ]);
}

function metadataEntry(entry: MetadataEntry): JsonObject {
    return { key: entry.key, label: entry.label, value: richText(entry.value) };
}

function envelope(value: Envelope): JsonObject {
    return object([
        ['from', value.from && richText(value.from)],
        ['to', value.to && richText(value.to)],
        ['cc', value.cc && richText(value.cc)]
    ]);
}

function date(value: DateInfo): JsonObject {
    return object([['written', value.written], ['start', value.start], ['end', value.end]]);
}

function meeting(value: MeetingOutline): JsonObject {
    return object([
        ['index', value.index],
        ['id', value.id],
        ['title', value.title],
        ['language', value.language],
        ['level', value.header?.level ?? 0],
        ['metadata', value.metadata.map(metadataEntry)],
        ['envelope', envelope(value.envelope)],
        ['date', value.date && date(value.date)],
        ['participants', value.participants.map(participant)],
        ['body', value.blocks.map(block)],
        ['outcomes', value.outcomes.map(outcome => object([
            ['kind', outcome.kind], ['label', outcome.label], ['plural', outcome.plural], ['text', richText(outcome.text)],
            ['body', outcome.blocks.map(block)]
        ]))],
        ['actions', value.actions.map(action)],
        ['updates', value.updates.map(update)]
    ]);
}

function participant(value: Participant): JsonObject {
    return object([
        ['id', value.anchor],
        ['party', partyName(value.party)],
        ['attendance', value.attendance],
        ['listed', value.listed],
        ['line', richText(value.line)],
        ['note', richText(value.note)],
        ['description', richText(value.description)],
        ['roles', [...value.roles]],
        ['role', value.role],
        ['stakeholder', value.stakeholder]
    ]);
}

function block(value: OutlineBlock): JsonObject {
    switch (value.kind) {
        case 'heading':
            return object([['type', 'heading'], ['level', value.level], ['id', value.id], ['number', value.number], ['text', richText(value.text)]]);
        case 'paragraph':
            return object([['type', 'paragraph'], ['role', value.role], ['text', richText(value.text)]]);
        case 'quote':
            return { type: 'quote', text: richText(value.text) };
        case 'list':
            return { type: 'list', ordered: value.ordered, items: value.items.map(listEntry) };
        case 'text-field':
            return { type: 'text-field', field: value.field, label: value.label, textOnKeyLine: value.textOnKeyLine, body: value.blocks.map(block) };
        case 'participants':
            return {
                type: 'participants', label: value.label, title: richText(value.title), participants: value.participants.map(p => p.anchor),
                groups: value.groups.map(group => ({ title: richText(group.title), participants: group.participants.map(p => p.anchor), namedInTitle: group.namedInTitle }))
            };
        case 'agenda':
            return { type: 'agenda', label: value.label, title: richText(value.title), items: value.items.map(agendaEntry) };
        case 'segment':
            return { type: 'segment', kind: value.turnKind, level: value.level, title: richText(value.title) };
        case 'turn':
            return { type: 'turn', turn: turn(value.turn) };
        case 'turns':
            return { type: 'turns', turns: value.turns.map(turn) };
        case 'outcome':
            return {
                type: 'outcome', kind: value.outcome.kind, label: value.outcome.label, plural: value.outcome.plural,
                level: value.outcome.level, text: richText(value.outcome.text), body: value.outcome.blocks.map(block)
            };
        case 'actions':
            return { type: 'actions', actions: value.actions.map(action) };
        case 'updates':
            return { type: 'updates', updates: value.updates.map(update) };
        case 'break':
            return { type: 'break' };
        case 'meeting':
            return { type: 'meeting', meeting: value.meeting.index };
    }
}

function listEntry(entry: ListEntry): JsonObject {
    return object([
        ['marker', entry.marker], ['ordered', entry.ordered], ['afterBlankLine', entry.afterBlankLine], ['text', richText(entry.text)],
        ['turn', entry.turn && turn(entry.turn)], ['children', entry.children.map(listEntry)]
    ]);
}

function agendaEntry(entry: AgendaEntry): JsonObject {
    return object([
        ['label', entry.label], ['text', richText(entry.text)], ['target', entry.target], ['children', entry.children.map(agendaEntry)]
    ]);
}

function turn(value: TurnOutline): JsonObject {
    const mention = (span: TurnOutline['qualifiers']['respondsTo']) => span && partyName(span.party);
    return object([
        ['speaker', partyName(value.speaker.party)],
        ['participant', value.speaker.anchor],
        ['style', value.style],
        ['headed', value.headed],
        ['afterBlankLine', value.afterBlankLine],
        ['kind', value.kind],
        ['line', richText(value.line)],
        ['name', richText(value.name)],
        ['text', richText(value.text)],
        ['qualifiers', object([
            ['text', richText(value.qualifierText)],
            ['respondsTo', mention(value.qualifiers.respondsTo)],
            ['onBehalfOf', mention(value.qualifiers.onBehalfOf)],
            ['presentedBy', mention(value.qualifiers.presentedBy)],
            ['capacity', value.qualifiers.capacity],
            ['remote', value.qualifiers.remote],
            ['fromFloor', value.qualifiers.fromFloor],
            ['other', [...value.qualifiers.other]]
        ])],
        ['body', value.blocks.map(block)],
        ['number', value.number],
        ['jointWith', value.jointWith.map(span => partyName(span.party))],
        ['phrase', value.phrase]
    ]);
}

function action(value: ActionOutline): JsonObject {
    return object([
        ['id', value.id],
        ['owners', value.owners.map(owner => partyName(owner.party))],
        ['ownersInText', value.ownersInText],
        ['inProse', value.inProse],
        ['due', value.due],
        ['status', value.status],
        ['text', richText(value.text)],
        ['body', value.blocks.map(block)]
    ]);
}

function update(value: UpdateOutline): JsonObject {
    return object([
        ['action', value.action], ['status', value.status], ['text', richText(value.text)], ['body', value.blocks.map(block)]
    ]);
}

function partyFacts(facts: PartyFacts): JsonObject {
    return object([
        ['handle', facts.handle],
        ['kind', facts.kind],
        ['displayName', facts.displayName],
        ['honorific', facts.honorific],
        ['fullName', facts.fullName],
        ['acronym', facts.acronym],
        ['aliases', [...facts.aliases]],
        ['organisations', [...facts.organisations]],
        ['role', facts.role],
        ['stakeholder', facts.stakeholder],
        ['country', facts.country],
        ['email', facts.email],
        ['website', facts.website],
        ['note', facts.note]
    ]);
}
