/**
 * The words of the outputs in the six languages of the United Nations: one table per
 * language, keyed like the English one (`ENGLISH_LABELS` in vocabulary.ts, by key id) and
 * adding the words outputs write around the note's own (`Participants`, `Agenda`,
 * `Action`). A test fails when a table lacks an entry that English has. Written for
 * readers of circulated minutes: the terms UN documents use (`Ordre du jour`, `Orden del
 * día`, `Повестка дня`, `جدول الأعمال`, `议程`), offices named without gender where the
 * language allows (`Présidence`, `Presidencia`).
 */
import type { Attendance, MeetingOffice, VocabularyLabels } from './vocabulary.js';

/** A phrase whose form depends on a count: one form per plural category the language has (Intl.PluralRules). */
export type PluralPhrase = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };

export type ActionStatusWord = 'open' | 'done' | 'dropped' | 'moved';
export type StakeholderGroupWord = 'government' | 'intergovernmental' | 'civil society' | 'private sector' | 'technical community' | 'academia';

/** The words of a folder's site (`minutes generate FOLDER --format site`): its navigation and the pages that gather meetings. */
export interface SiteWords {
    /** The navigation landmark's label. */
    readonly navigation: string;
    readonly meetings: string;
    readonly actions: string;
    readonly whoWasHeard: string;
    readonly search: string;
    readonly series: string;
    /** The group of meetings that belong to no series. */
    readonly otherMeetings: string;
    readonly meetingCount: PluralPhrase;
    /** `{from} to {to}`: the first and last meeting's dates. */
    readonly dateRange: string;
    readonly openActionCount: PluralPhrase;
    /** `{count} overdue on {date}`. */
    readonly overdueOn: string;
    /** A series' table: `{series}: {meetings}, newest first`. */
    readonly seriesCaption: string;
    readonly date: string;
    readonly meeting: string;
    readonly outcomes: string;
    readonly actionsAgreed: string;
    /** The actions page's summary: `{overdue} overdue on {date}, {open} open, {done} done, {dropped} dropped; …`. */
    readonly actionsSummary: string;
    readonly owners: string;
    /** `{count} open`, after an owner's name. */
    readonly openCount: string;
    /** A table's caption: `Actions of {owner}`. */
    readonly actionsOf: string;
    readonly agreed: string;
    readonly lastReported: string;
    readonly overdue: string;
    readonly dayCount: PluralPhrase;
    readonly noActions: string;
    /** `{meetings}; {interventions}, {words}.` */
    readonly heardSummary: string;
    readonly noInterventions: string;
    /** `Speakers of {series}`, and the same when meetings under the Chatham House Rule are left out. */
    readonly speakersOf: string;
    readonly speakersOfChatham: string;
    readonly speaker: string;
    readonly searchLabel: string;
    readonly people: string;
    readonly sections: string;
    /** What the search script shows when a query is typed: `{shown} of {count} meetings match.` */
    readonly matchCount: string;
    /** Between clauses of a sentence: `, `, `，`, `، `. */
    readonly clauseSeparator: string;
    /** At a sentence's end: `.`, `。`. */
    readonly fullStop: string;
}

/** The words of an owner's digest of open actions (`minutes actions --format eml --per-owner`). */
export interface DigestWords {
    /** `Your actions: {counts} ({date})`; the counts are the site's `openCount` and `overdueCount`. */
    readonly subject: string;
    readonly overdueCount: string;
    readonly intro: string;
    /** The label of the other owners' line in the text: `With`; in HTML `With {names}`. */
    readonly with: string;
    readonly withOthers: string;
    /** After the first ten other owners named: `and 3 others`. */
    readonly moreOwners: PluralPhrase;
    readonly overdueBy: PluralPhrase;
    /** `Report on each at the next meeting with a line: {example}`; the example's keys stay English, as notes write them. */
    readonly reportHint: string;
    readonly example: string;
    readonly heading: string;
    readonly asOf: string;
    /** A table's caption, and the name of the calendar of open actions (`actions --format ics`). */
    readonly openActions: string;
    /** An action no one owns, in the calendar. */
    readonly noOwner: string;
}

/** The words outputs write themselves, by id; `{name}` marks where a value goes. */
export interface OutputWords {
    /** After a label: `:`, `\u00A0:` in French, `：` in Chinese. */
    readonly colon: string;
    /** Between a label and its text on one line: `: `, `\u00A0: `, `：`. */
    readonly labelSeparator: string;
    /** The column of the actions table that says where an earlier action was agreed. */
    readonly agreedAtColumn: string;
    /** The caption of that table: `{title}, with their status at this meeting`. */
    readonly earlierActionsCaption: string;
    /** The caption of the table of `update #id` lines. */
    readonly updatesCaption: string;
    /** The "Who spoke" chart and table of a meeting. */
    readonly whoSpokeChart: {
        readonly title: string;
        /** `{title}, by stakeholder group: {total}`. */
        readonly caption: string;
        readonly stakeholderGroup: string;
        readonly words: string;
        readonly share: string;
        readonly interventionCount: PluralPhrase;
        readonly wordCount: PluralPhrase;
        /** Rows of speakers without a group, and of speakers nobody identified. */
        readonly ungrouped: string;
        readonly unidentified: string;
        /** Rows of joint turns (several speakers at once) and of unnamed groups (`Several participants`). */
        readonly joint: string;
        readonly unnamedGroups: string;
    };
    /** Between the items of a run-in list: `, `, `، `, `、`. */
    readonly listSeparator: string;
    readonly meetingNotes: string;
    readonly report: string;
    readonly participants: string;
    /** The participants of a meeting with an attendee list who are not on it. */
    readonly alsoTakingPart: string;
    readonly agenda: string;
    readonly contents: string;
    readonly interventions: string;
    readonly outcome: string;
    readonly subject: string;
    readonly name: string;
    readonly organisation: string;
    readonly role: string;
    readonly attendance: string;
    readonly note: string;
    readonly action: string;
    readonly owner: string;
    readonly due: string;
    readonly status: string;
    readonly update: string;
    /** A table's caption: `Action item`, `Action items`. */
    readonly actionItems: PluralPhrase;
    /** `Update on {id}`. */
    readonly updateOn: string;
    /** `due {date}`. */
    readonly dueOn: string;
    readonly earlierActions: string;
    readonly stillOpen: string;
    /** `…and 12 more actions of earlier meetings still open`: after the oldest still open (see STILL_OPEN_SHOWN). */
    readonly moreStillOpen: PluralPhrase;
    /** `Agreed at {meeting}`. */
    readonly agreedAt: string;
    /** `Reported here: {text}`. */
    readonly reportedHere: string;
    readonly unidentifiedSpeaker: string;
    readonly whoSpoke: string;
    /** `{count} participants`. */
    readonly participantCount: PluralPhrase;
    readonly noStakeholderGroup: string;
    /**
     * Who spoke, under the Chatham House Rule with no organisation named: `a participant`,
     * `a participant from civil society`. One generic form for everyone (`un participant`,
     * `участник`), whoever spoke: a feminine form only for women would say who spoke.
     */
    readonly anonymous: Readonly<Record<StakeholderGroupWord | 'none', string>>;
    /**
     * Who spoke, under the Rule with their organisation named: `a participant from {organisation}`.
     * The organisation is a name as written (`ICANN`, `Ministère des Affaires étrangères`),
     * which a language that declines or elides after a preposition cannot fit to it: French,
     * Spanish and Russian put it in brackets (`un participant (ICANN)`, `участник (ICANN)`);
     * Arabic `من` and Chinese `来自…的` take a name as it is.
     */
    readonly participantFrom: string;
    /** A stakeholder group's count in a tally: `{count} {group}`, or `{group}: {count}` where a number would decline the group. */
    readonly groupCount: string;
    /** `{participants} ({groups})`: `5 participants (2 civil society, 3 government)`. */
    readonly participantTally: string;
    /** A stakeholder group in a tally: `3 civil society`. */
    readonly stakeholderGroups: Readonly<Record<StakeholderGroupWord, string>>;
    readonly statuses: Readonly<Record<ActionStatusWord, string>>;
    readonly site: SiteWords;
    readonly digest: DigestWords;
}

/** A language's table: the vocabulary's labels and the outputs' words. */
export interface Translation extends VocabularyLabels {
    readonly words: OutputWords;
}

type KeyLabels = VocabularyLabels['keys'];
type Offices = Readonly<Record<MeetingOffice, string>>;
type AttendanceWords = Readonly<Record<Attendance, string>>;

export const ENGLISH_WORDS: OutputWords = {
    colon: ':', listSeparator: ', ', labelSeparator: ': ', agreedAtColumn: 'Agreed at', updatesCaption: 'Updates on earlier actions', whoSpokeChart: { title: 'Share of words by stakeholder group', caption: '{title}, by stakeholder group: {total}', stakeholderGroup: 'Stakeholder group', words: 'Words', share: 'Share of words', interventionCount: { one: '{count} intervention', other: '{count} interventions' }, wordCount: { one: '{count} word', other: '{count} words' }, ungrouped: 'no stakeholder group', unidentified: 'unidentified speakers', joint: 'joint turns', unnamedGroups: 'unnamed groups' }, earlierActionsCaption: '{title}, with their status at this meeting',
    meetingNotes: 'Meeting notes', report: 'Report', participants: 'Participants', alsoTakingPart: 'Also taking part',
    agenda: 'Agenda', contents: 'Contents', interventions: 'Interventions', outcome: 'Outcome', subject: 'Subject',
    name: 'Name', organisation: 'Organisation', role: 'Role', attendance: 'Attendance', note: 'Note',
    action: 'Action', owner: 'Owner', due: 'Due', status: 'Status', update: 'Update',
    actionItems: { one: 'Action item', other: 'Action items' },
    updateOn: 'Update on {id}', dueOn: 'due {date}', earlierActions: 'Actions from earlier meetings', stillOpen: 'Still open', moreStillOpen: { one: '…and {count} more action of earlier meetings still open (minutes actions lists them all).', other: '…and {count} more actions of earlier meetings still open (minutes actions lists them all).' },
    agreedAt: 'Agreed at {meeting}', reportedHere: 'Reported here: {text}', unidentifiedSpeaker: 'Unidentified speaker', whoSpoke: 'Who spoke',
    participantCount: { one: '{count} participant', other: '{count} participants' },
    noStakeholderGroup: 'with no stakeholder group',
    participantFrom: 'a participant from {organisation}', groupCount: '{count} {group}', participantTally: '{participants} ({groups})',
    site: {
        navigation: 'Site', meetings: 'Meetings', actions: 'Actions', whoWasHeard: 'Who was heard', search: 'Search',
        series: 'Series', otherMeetings: 'Other meetings', meetingCount: { one: '{count} meeting', other: '{count} meetings' },
        dateRange: '{from} to {to}', openActionCount: { one: '{count} open action', other: '{count} open actions' },
        overdueOn: '{count} overdue on {date}', seriesCaption: '{series}: {meetings}, newest first', date: 'Date',
        meeting: 'Meeting', outcomes: 'Outcomes', actionsAgreed: 'Actions agreed',
        actionsSummary: '{overdue} overdue on {date}, {open} open, {done} done, {dropped} dropped; by owner, overdue first.',
        owners: 'Owners', openCount: '{count} open', actionsOf: 'Actions of {owner}', agreed: 'Agreed',
        lastReported: 'Last reported', overdue: 'Overdue', dayCount: { one: '{count} day', other: '{count} days' },
        noActions: 'No actions.', heardSummary: '{meetings}; {interventions}, {words}.',
        noInterventions: 'No interventions are recorded.', speakersOf: 'Speakers of {series}',
        speakersOfChatham: 'Speakers of {series} (meetings under the Chatham House Rule left out)', speaker: 'Speaker',
        searchLabel: 'Find meetings by title, person, section, outcome or action', people: 'People', sections: 'Sections',
        matchCount: '{shown} of {count} meetings match.', clauseSeparator: ', ', fullStop: '.'
    },
    digest: {
        subject: 'Your actions: {counts} ({date})', overdueCount: '{count} overdue',
        intro: '{owner}, these actions you own are open as of {date}:', with: 'With', withOthers: 'With {names}',
        moreOwners: { one: 'and {count} other', other: 'and {count} others' },
        overdueBy: { one: 'overdue by {count} day', other: 'overdue by {count} days' },
        reportHint: 'Report on each at the next meeting with a line: {example}', example: 'update #id done: what was done.',
        heading: '{owner}: open actions', asOf: 'As of {date}.', openActions: 'Open actions', noOwner: 'No owner'
    },
    anonymous: {
        none: 'a participant', government: 'a participant from a government', intergovernmental: 'a participant from an intergovernmental organisation',
        'civil society': 'a participant from civil society', 'private sector': 'a participant from the private sector',
        'technical community': 'a participant from the technical community', academia: 'a participant from academia'
    },
    stakeholderGroups: {
        government: 'government', intergovernmental: 'intergovernmental', 'civil society': 'civil society',
        'private sector': 'private sector', 'technical community': 'technical community', academia: 'academia'
    },
    statuses: { open: 'open', done: 'done', dropped: 'dropped', moved: 'moved' }
};

const FRENCH_KEYS: KeyLabels = {
    attendees: { one: 'Personnes présentes' }, participants: { one: 'Participants' }, present: { one: 'Présents' }, speakers: { one: 'Intervenants' }, panel: { one: 'Panel' }, panelists: { one: 'Panélistes' }, remote: { one: 'À distance' }, absent: { one: 'Absents' }, apologies: { one: 'Excusés' }, regrets: { one: 'Excusés' }, staff: { one: 'Personnel' }, observers: { one: 'Observateurs' }, agenda: { one: 'Ordre du jour' }, topics: { one: 'Sujets' },
    group: { one: 'Groupe' }, series: { one: 'Série' }, event: { one: 'Événement' }, session: { one: 'Session' },
    date: { one: 'Date' }, time: { one: 'Heure' }, venue: { one: 'Lieu' }, room: { one: 'Salle' },
    format: { one: 'Format' }, organisers: { one: 'Organisation' }, chair: { one: 'Présidence' }, moderator: { one: 'Modération' },
    rapporteur: { one: 'Rapporteur' }, notetaker: { one: 'Prise de notes' }, author: { one: 'Rédaction' }, rule: { one: 'Règle' },
    attendance: { one: 'Participation' }, link: { one: 'Lien' }, programme: { one: 'Programme' },
    transcript: { one: 'Transcription' }, slides: { one: 'Diapositives' }, recording: { one: 'Enregistrement' },
    symbol: { one: 'Cote' }, original: { one: 'Original' }, distribution: { one: 'Distribution' }, issued: { one: 'Date de publication' },
    summary: { one: 'Résumé' }, background: { one: 'Contexte' }, disclaimer: { one: 'Avertissement' },
    presentations: { one: 'Présentations' }, discussion: { one: 'Discussion' }, questions: { one: 'Questions et réponses' },
    floor: { one: 'Interventions de la salle' }, responses: { one: 'Réponses' },
    conclusion: { one: 'Conclusion', many: 'Conclusions' }, decision: { one: 'Décision', many: 'Décisions' },
    agreed: { one: 'Convenu' }, takeaway: { one: 'Point à retenir', many: 'Points à retenir' },
    'key-takeaway': { one: 'Point clé', many: 'Points clés' }, 'next-step': { one: 'Prochaine étape', many: 'Prochaines étapes' },
    'key-issue': { one: 'Question clé', many: 'Questions clés' }, language: { one: 'Langue' }
};

const FRENCH: Translation = {
    keys: FRENCH_KEYS,
    offices: { chair: 'présidence', moderator: 'modération', rapporteur: 'rapporteur', notetaker: 'prise de notes', author: 'rédaction', organiser: 'organisation' } satisfies Offices,
    attendance: { present: 'sur place', remote: 'à distance', absent: 'absent', apologies: 'excusé', staff: 'personnel', observer: 'observateur' } satisfies AttendanceWords,
    words: {
        colon: '\u00A0:', listSeparator: ', ', labelSeparator: '\u00A0: ', agreedAtColumn: 'Convenue lors de', updatesCaption: 'Suivi des actions précédentes', whoSpokeChart: { title: 'Part des mots par groupe de parties prenantes', caption: '{title}, par groupe de parties prenantes\u00A0: {total}', stakeholderGroup: 'Groupe de parties prenantes', words: 'Mots', share: 'Part des mots', interventionCount: { one: '{count} intervention', many: '{count} d’interventions', other: '{count} interventions' }, wordCount: { one: '{count} mot', many: '{count} de mots', other: '{count} mots' }, ungrouped: 'sans groupe de parties prenantes', unidentified: 'orateurs non identifiés', joint: 'interventions conjointes', unnamedGroups: 'groupes non nommés' }, earlierActionsCaption: '{title}, avec leur état à cette réunion',
        meetingNotes: 'Compte rendu', report: 'Rapport', participants: 'Participants', alsoTakingPart: 'Ont également participé',
        agenda: 'Ordre du jour', contents: 'Sommaire', interventions: 'Interventions', outcome: 'Résultat', subject: 'Objet',
        name: 'Nom', organisation: 'Organisation', role: 'Rôle', attendance: 'Participation', note: 'Remarque',
        action: 'Action', owner: 'Responsable', due: 'Échéance', status: 'État', update: 'Suivi',
        actionItems: { one: 'Action à mener', other: 'Actions à mener' },
        updateOn: 'Suivi de {id}', dueOn: 'échéance le {date}', earlierActions: 'Actions des réunions précédentes', stillOpen: 'Toujours en cours', moreStillOpen: { one: '…et {count} autre action des réunions précédentes toujours en cours (minutes actions les liste toutes).', other: '…et {count} autres actions des réunions précédentes toujours en cours (minutes actions les liste toutes).' },
        agreedAt: 'Convenue lors de la réunion {meeting}', reportedHere: 'Point fait ici\u00A0: {text}', unidentifiedSpeaker: 'Orateur non identifié',
        whoSpoke: 'Prises de parole',
        participantCount: { one: '{count} participant', many: '{count} de participants', other: '{count} participants' },
        noStakeholderGroup: 'sans groupe de parties prenantes',
        participantFrom: 'un participant ({organisation})', groupCount: '{group}\u00A0: {count}', participantTally: '{participants} ({groups})',
        site: {
            navigation: 'Site', meetings: 'Réunions', actions: 'Actions', whoWasHeard: 'Prises de parole', search: 'Recherche',
            series: 'Séries', otherMeetings: 'Autres réunions',
            meetingCount: { one: '{count} réunion', many: '{count} de réunions', other: '{count} réunions' },
            dateRange: 'du {from} au {to}',
            openActionCount: { one: '{count} action en cours', many: '{count} d’actions en cours', other: '{count} actions en cours' },
            overdueOn: '{count} en retard au {date}',
            seriesCaption: '{series}\u00A0: {meetings}, de la plus récente à la plus ancienne', date: 'Date', meeting: 'Réunion',
            outcomes: 'Résultats', actionsAgreed: 'Actions convenues',
            actionsSummary: 'En retard au {date}\u00A0: {overdue}\u00A0; en cours\u00A0: {open}\u00A0; terminées\u00A0: {done}\u00A0; abandonnées\u00A0: {dropped}. Par responsable, les retards d’abord.',
            owners: 'Responsables', openCount: '{count} en cours', actionsOf: 'Actions confiées à {owner}',
            agreed: 'Convenue lors de', lastReported: 'Dernier suivi', overdue: 'En retard',
            dayCount: { one: '{count} jour', many: '{count} de jours', other: '{count} jours' }, noActions: 'Aucune action.',
            heardSummary: '{meetings}\u00A0; {interventions}, {words}.', noInterventions: 'Aucune intervention n’est consignée.',
            speakersOf: 'Intervenants — {series}',
            speakersOfChatham: 'Intervenants — {series} (hors réunions tenues sous la règle de Chatham House)',
            speaker: 'Intervenant', searchLabel: 'Rechercher des réunions par titre, personne, section, résultat ou action',
            people: 'Personnes', sections: 'Sections', matchCount: 'Résultats\u00A0: {shown} sur {count}.',
            clauseSeparator: ', ', fullStop: '.'
        },
        digest: {
            subject: 'Vos actions\u00A0: {counts} ({date})', overdueCount: '{count} en retard',
            intro: '{owner}, voici les actions dont vous êtes responsable, en cours au {date}\u00A0:', with: 'Avec',
            withOthers: 'Avec {names}', moreOwners: { one: 'et {count} autre', other: 'et {count} autres' },
            overdueBy: { one: 'en retard de {count} jour', many: 'en retard de {count} de jours', other: 'en retard de {count} jours' },
            reportHint: 'Faites le point sur chacune à la prochaine réunion par une ligne\u00A0: {example}',
            example: 'update #id done: ce qui a été fait.', heading: '{owner}\u00A0: actions en cours', asOf: 'Au {date}.',
            openActions: 'Actions en cours', noOwner: 'Sans responsable'
        },
        anonymous: {
            none: 'un participant', government: 'un participant d’un gouvernement', intergovernmental: 'un participant d’une organisation intergouvernementale',
            'civil society': 'un participant de la société civile', 'private sector': 'un participant du secteur privé',
            'technical community': 'un participant de la communauté technique', academia: 'un participant du monde universitaire'
        },
        stakeholderGroups: {
            government: 'gouvernement', intergovernmental: 'organisation intergouvernementale', 'civil society': 'société civile',
            'private sector': 'secteur privé', 'technical community': 'communauté technique', academia: 'monde universitaire'
        },
        statuses: { open: 'en cours', done: 'terminée', dropped: 'abandonnée', moved: 'reportée' }
    }
};

const SPANISH: Translation = {
    keys: {
        attendees: { one: 'Asistentes' }, participants: { one: 'Participantes' }, present: { one: 'Presentes' }, speakers: { one: 'Oradores' }, panel: { one: 'Panel' }, panelists: { one: 'Panelistas' }, remote: { one: 'A distancia' }, absent: { one: 'Ausentes' }, apologies: { one: 'Excusados' }, regrets: { one: 'Excusados' }, staff: { one: 'Personal' }, observers: { one: 'Observadores' }, agenda: { one: 'Orden del día' }, topics: { one: 'Temas' },
        group: { one: 'Grupo' }, series: { one: 'Serie' }, event: { one: 'Evento' }, session: { one: 'Sesión' },
        date: { one: 'Fecha' }, time: { one: 'Hora' }, venue: { one: 'Lugar' }, room: { one: 'Sala' },
        format: { one: 'Formato' }, organisers: { one: 'Organización' }, chair: { one: 'Presidencia' }, moderator: { one: 'Moderación' },
        rapporteur: { one: 'Relatoría' }, notetaker: { one: 'Toma de notas' }, author: { one: 'Redacción' }, rule: { one: 'Regla' },
        attendance: { one: 'Asistencia' }, link: { one: 'Enlace' }, programme: { one: 'Programa' },
        transcript: { one: 'Transcripción' }, slides: { one: 'Diapositivas' }, recording: { one: 'Grabación' },
        symbol: { one: 'Signatura' }, original: { one: 'Original' }, distribution: { one: 'Distribución' }, issued: { one: 'Fecha de publicación' },
        summary: { one: 'Resumen' }, background: { one: 'Antecedentes' }, disclaimer: { one: 'Descargo de responsabilidad' },
        presentations: { one: 'Presentaciones' }, discussion: { one: 'Debate' }, questions: { one: 'Preguntas y respuestas' },
        floor: { one: 'Intervenciones del público' }, responses: { one: 'Respuestas' },
        conclusion: { one: 'Conclusión', many: 'Conclusiones' }, decision: { one: 'Decisión', many: 'Decisiones' },
        agreed: { one: 'Acordado' }, takeaway: { one: 'Idea principal', many: 'Ideas principales' },
        'key-takeaway': { one: 'Idea clave', many: 'Ideas clave' }, 'next-step': { one: 'Próximo paso', many: 'Próximos pasos' },
        'key-issue': { one: 'Cuestión clave', many: 'Cuestiones clave' }, language: { one: 'Idioma' }
    },
    offices: { chair: 'presidencia', moderator: 'moderación', rapporteur: 'relatoría', notetaker: 'toma de notas', author: 'redacción', organiser: 'organización' },
    attendance: { present: 'presencial', remote: 'a distancia', absent: 'ausente', apologies: 'excusado', staff: 'personal', observer: 'observador' },
    words: {
        colon: ':', listSeparator: ', ', labelSeparator: ': ', agreedAtColumn: 'Acordada en', updatesCaption: 'Seguimiento de acciones anteriores', whoSpokeChart: { title: 'Proporción de palabras por grupo de partes interesadas', caption: '{title}, por grupo de partes interesadas: {total}', stakeholderGroup: 'Grupo de partes interesadas', words: 'Palabras', share: 'Proporción de palabras', interventionCount: { one: '{count} intervención', many: '{count} de intervenciones', other: '{count} intervenciones' }, wordCount: { one: '{count} palabra', many: '{count} de palabras', other: '{count} palabras' }, ungrouped: 'sin grupo de partes interesadas', unidentified: 'oradores no identificados', joint: 'intervenciones conjuntas', unnamedGroups: 'grupos sin nombre' }, earlierActionsCaption: '{title}, con su estado en esta reunión',
        meetingNotes: 'Notas de la reunión', report: 'Informe', participants: 'Participantes', alsoTakingPart: 'También participaron',
        agenda: 'Orden del día', contents: 'Índice', interventions: 'Intervenciones', outcome: 'Resultado', subject: 'Asunto',
        name: 'Nombre', organisation: 'Organización', role: 'Función', attendance: 'Asistencia', note: 'Nota',
        action: 'Acción', owner: 'Responsable', due: 'Plazo', status: 'Estado', update: 'Seguimiento',
        actionItems: { one: 'Acción pendiente', other: 'Acciones pendientes' },
        updateOn: 'Seguimiento de {id}', dueOn: 'plazo: {date}', earlierActions: 'Acciones de reuniones anteriores', stillOpen: 'Sigue abierta', moreStillOpen: { one: '…y {count} acción más de reuniones anteriores sigue abierta (minutes actions las lista todas).', other: '…y {count} acciones más de reuniones anteriores siguen abiertas (minutes actions las lista todas).' },
        agreedAt: 'Acordada en {meeting}', reportedHere: 'Se informa aquí: {text}', unidentifiedSpeaker: 'Orador no identificado',
        whoSpoke: 'Quién intervino',
        participantCount: { one: '{count} participante', many: '{count} de participantes', other: '{count} participantes' },
        noStakeholderGroup: 'sin grupo de partes interesadas',
        participantFrom: 'un participante ({organisation})', groupCount: '{group}: {count}', participantTally: '{participants} ({groups})',
        site: {
            navigation: 'Sitio', meetings: 'Reuniones', actions: 'Acciones', whoWasHeard: 'Quién intervino', search: 'Búsqueda',
            series: 'Series', otherMeetings: 'Otras reuniones',
            meetingCount: { one: '{count} reunión', many: '{count} de reuniones', other: '{count} reuniones' },
            dateRange: 'del {from} al {to}',
            openActionCount: { one: '{count} acción abierta', many: '{count} de acciones abiertas', other: '{count} acciones abiertas' },
            overdueOn: '{count} con plazo vencido al {date}',
            seriesCaption: '{series}: {meetings}, de la más reciente a la más antigua', date: 'Fecha', meeting: 'Reunión',
            outcomes: 'Resultados', actionsAgreed: 'Acciones acordadas',
            actionsSummary: 'Con plazo vencido al {date}: {overdue}; abiertas: {open}; completadas: {done}; descartadas: {dropped}. Por responsable, las vencidas primero.',
            owners: 'Responsables', openCount: 'abiertas: {count}', actionsOf: 'Acciones a cargo de {owner}',
            agreed: 'Acordada en', lastReported: 'Último seguimiento', overdue: 'Vencida',
            dayCount: { one: '{count} día', many: '{count} de días', other: '{count} días' }, noActions: 'No hay acciones.',
            heardSummary: '{meetings}; {interventions}, {words}.', noInterventions: 'No se registran intervenciones.',
            speakersOf: 'Oradores de {series}',
            speakersOfChatham: 'Oradores de {series} (sin las reuniones celebradas bajo la regla de Chatham House)',
            speaker: 'Orador', searchLabel: 'Buscar reuniones por título, persona, sección, resultado o acción',
            people: 'Personas', sections: 'Secciones', matchCount: 'Resultados: {shown} de {count}.', clauseSeparator: ', ',
            fullStop: '.'
        },
        digest: {
            subject: 'Sus acciones: {counts} ({date})', overdueCount: 'vencidas: {count}',
            intro: '{owner}, estas acciones a su cargo siguen abiertas al {date}:', with: 'Con', withOthers: 'Con {names}',
            moreOwners: { one: 'y {count} más', other: 'y {count} más' },
            overdueBy: { one: 'vencida hace {count} día', many: 'vencida hace {count} de días', other: 'vencida hace {count} días' },
            reportHint: 'Informe sobre cada una en la próxima reunión con una línea: {example}',
            example: 'update #id done: lo que se hizo.', heading: '{owner}: acciones abiertas', asOf: 'Al {date}.',
            openActions: 'Acciones abiertas', noOwner: 'Sin responsable'
        },
        anonymous: {
            none: 'un participante', government: 'un participante de un gobierno', intergovernmental: 'un participante de una organización intergubernamental',
            'civil society': 'un participante de la sociedad civil', 'private sector': 'un participante del sector privado',
            'technical community': 'un participante de la comunidad técnica', academia: 'un participante del mundo académico'
        },
        stakeholderGroups: {
            government: 'gobierno', intergovernmental: 'organización intergubernamental', 'civil society': 'sociedad civil',
            'private sector': 'sector privado', 'technical community': 'comunidad técnica', academia: 'mundo académico'
        },
        statuses: { open: 'abierta', done: 'completada', dropped: 'descartada', moved: 'aplazada' }
    }
};

const RUSSIAN: Translation = {
    keys: {
        attendees: { one: 'Присутствующие' }, participants: { one: 'Участники' }, present: { one: 'Присутствуют' }, speakers: { one: 'Выступающие' }, panel: { one: 'Панель' }, panelists: { one: 'Участники дискуссии' }, remote: { one: 'Дистанционно' }, absent: { one: 'Отсутствуют' }, apologies: { one: 'Отсутствуют по уважительной причине' }, regrets: { one: 'Отсутствуют по уважительной причине' }, staff: { one: 'Персонал' }, observers: { one: 'Наблюдатели' }, agenda: { one: 'Повестка дня' }, topics: { one: 'Темы' },
        group: { one: 'Группа' }, series: { one: 'Серия' }, event: { one: 'Мероприятие' }, session: { one: 'Сессия' },
        date: { one: 'Дата' }, time: { one: 'Время' }, venue: { one: 'Место' }, room: { one: 'Зал' },
        format: { one: 'Формат' }, organisers: { one: 'Организаторы' }, chair: { one: 'Председатель' }, moderator: { one: 'Модератор' },
        rapporteur: { one: 'Докладчик' }, notetaker: { one: 'Секретарь' }, author: { one: 'Автор' }, rule: { one: 'Правило' },
        attendance: { one: 'Число участников' }, link: { one: 'Ссылка' }, programme: { one: 'Программа' },
        transcript: { one: 'Стенограмма' }, slides: { one: 'Слайды' }, recording: { one: 'Запись' },
        symbol: { one: 'Условное обозначение' }, original: { one: 'Язык оригинала' }, distribution: { one: 'Распространение' }, issued: { one: 'Дата выпуска' },
        summary: { one: 'Резюме' }, background: { one: 'Справочная информация' }, disclaimer: { one: 'Оговорка' },
        presentations: { one: 'Доклады' }, discussion: { one: 'Обсуждение' }, questions: { one: 'Вопросы и ответы' },
        floor: { one: 'Выступления из зала' }, responses: { one: 'Ответы' },
        conclusion: { one: 'Вывод', many: 'Выводы' }, decision: { one: 'Решение', many: 'Решения' },
        agreed: { one: 'Согласовано' }, takeaway: { one: 'Главный вывод', many: 'Главные выводы' },
        'key-takeaway': { one: 'Ключевой вывод', many: 'Ключевые выводы' }, 'next-step': { one: 'Следующий шаг', many: 'Следующие шаги' },
        'key-issue': { one: 'Ключевой вопрос', many: 'Ключевые вопросы' }, language: { one: 'Язык' }
    },
    offices: { chair: 'председатель', moderator: 'модератор', rapporteur: 'докладчик', notetaker: 'секретарь', author: 'автор', organiser: 'организатор' },
    attendance: { present: 'очно', remote: 'дистанционно', absent: 'отсутствует', apologies: 'по уважительной причине', staff: 'персонал', observer: 'наблюдатель' },
    words: {
        colon: ':', listSeparator: ', ', labelSeparator: ': ', agreedAtColumn: 'Где принято', updatesCaption: 'Ход выполнения прежних поручений', whoSpokeChart: { title: 'Доля слов по группам заинтересованных сторон', caption: '{title} по группам заинтересованных сторон: {total}', stakeholderGroup: 'Группа заинтересованных сторон', words: 'Слова', share: 'Доля слов', interventionCount: { one: '{count} выступление', few: '{count} выступления', many: '{count} выступлений', other: '{count} выступления' }, wordCount: { one: '{count} слово', few: '{count} слова', many: '{count} слов', other: '{count} слова' }, ungrouped: 'без группы заинтересованных сторон', unidentified: 'неустановленные выступающие', joint: 'совместные выступления', unnamedGroups: 'неназванные группы' }, earlierActionsCaption: '{title} и их статус на этом заседании',
        meetingNotes: 'Протокол заседания', report: 'Отчёт', participants: 'Участники', alsoTakingPart: 'Также участвовали',
        agenda: 'Повестка дня', contents: 'Содержание', interventions: 'Выступления', outcome: 'Итог', subject: 'Тема',
        name: 'Имя', organisation: 'Организация', role: 'Роль', attendance: 'Участие', note: 'Примечание',
        action: 'Поручение', owner: 'Ответственный', due: 'Срок', status: 'Статус', update: 'Ход выполнения',
        actionItems: { one: 'Поручение', other: 'Поручения' },
        updateOn: 'Ход выполнения {id}', dueOn: 'срок: {date}', earlierActions: 'Поручения предыдущих заседаний', stillOpen: 'Не выполнено', moreStillOpen: { one: '…и ещё {count} поручение прежних заседаний не выполнено (все перечисляет minutes actions).', few: '…и ещё {count} поручения прежних заседаний не выполнены (все перечисляет minutes actions).', many: '…и ещё {count} поручений прежних заседаний не выполнено (все перечисляет minutes actions).', other: '…и ещё {count} поручения прежних заседаний не выполнены (все перечисляет minutes actions).' },
        agreedAt: 'Принято на заседании «{meeting}»', reportedHere: 'Доложено здесь: {text}', unidentifiedSpeaker: 'Неустановленный выступающий',
        whoSpoke: 'Кто выступал',
        participantCount: { one: '{count} участник', few: '{count} участника', many: '{count} участников', other: '{count} участника' },
        noStakeholderGroup: 'без группы заинтересованных сторон',
        participantFrom: 'участник ({organisation})', groupCount: '{group}: {count}', participantTally: '{participants} ({groups})',
        site: {
            navigation: 'Сайт', meetings: 'Заседания', actions: 'Поручения', whoWasHeard: 'Кто выступал', search: 'Поиск',
            series: 'Серии', otherMeetings: 'Другие заседания',
            meetingCount: { one: '{count} заседание', few: '{count} заседания', many: '{count} заседаний', other: '{count} заседания' },
            dateRange: 'с {from} по {to}',
            openActionCount: { one: '{count} невыполненное поручение', few: '{count} невыполненных поручения', many: '{count} невыполненных поручений', other: '{count} невыполненного поручения' },
            overdueOn: 'просрочено на {date}: {count}', seriesCaption: '{series}: {meetings}, сначала последние', date: 'Дата',
            meeting: 'Заседание', outcomes: 'Итоги', actionsAgreed: 'Принятые поручения',
            actionsSummary: 'Просрочено на {date}: {overdue}; не выполнено: {open}; выполнено: {done}; снято: {dropped}. По ответственным, сначала просроченные.',
            owners: 'Ответственные', openCount: 'не выполнено: {count}', actionsOf: 'Поручения: {owner}', agreed: 'Где принято',
            lastReported: 'Последний отчёт', overdue: 'Просрочено',
            dayCount: { one: '{count} день', few: '{count} дня', many: '{count} дней', other: '{count} дня' },
            noActions: 'Поручений нет.', heardSummary: '{meetings}; {interventions}, {words}.',
            noInterventions: 'Выступления не записаны.', speakersOf: 'Выступающие: {series}',
            speakersOfChatham: 'Выступающие: {series} (без заседаний, проведённых по правилу Чатем-хауса)',
            speaker: 'Выступающий', searchLabel: 'Поиск заседаний по названию, участнику, разделу, итогу или поручению',
            people: 'Участники', sections: 'Разделы', matchCount: 'Найдено: {shown} из {count}.', clauseSeparator: ', ',
            fullStop: '.'
        },
        digest: {
            subject: 'Ваши поручения: {counts} ({date})', overdueCount: 'просрочено: {count}',
            intro: '{owner}, на {date} не выполнены следующие ваши поручения:', with: 'Совместно с',
            withOthers: 'Совместно с: {names}', moreOwners: { other: 'и ещё {count}' },
            overdueBy: { one: 'просрочено на {count} день', few: 'просрочено на {count} дня', many: 'просрочено на {count} дней', other: 'просрочено на {count} дня' },
            reportHint: 'Доложите о каждом на следующем заседании строкой: {example}', example: 'update #id done: что сделано.',
            heading: '{owner}: невыполненные поручения', asOf: 'По состоянию на {date}.', openActions: 'Невыполненные поручения',
            noOwner: 'Ответственный не назначен'
        },
        anonymous: {
            none: 'участник', government: 'участник от правительства', intergovernmental: 'участник от межправительственной организации',
            'civil society': 'участник от гражданского общества', 'private sector': 'участник от частного сектора',
            'technical community': 'участник от технического сообщества', academia: 'участник от академических кругов'
        },
        stakeholderGroups: {
            government: 'правительство', intergovernmental: 'межправительственная организация', 'civil society': 'гражданское общество',
            'private sector': 'частный сектор', 'technical community': 'техническое сообщество', academia: 'академические круги'
        },
        statuses: { open: 'открыто', done: 'выполнено', dropped: 'снято', moved: 'перенесено' }
    }
};

const ARABIC: Translation = {
    keys: {
        attendees: { one: 'الحاضرون' }, participants: { one: 'المشاركون' }, present: { one: 'الحضور' }, speakers: { one: 'المتحدثون' }, panel: { one: 'فريق النقاش' }, panelists: { one: 'أعضاء فريق النقاش' }, remote: { one: 'عن بُعد' }, absent: { one: 'الغائبون' }, apologies: { one: 'المعتذرون' }, regrets: { one: 'المعتذرون' }, staff: { one: 'الموظفون' }, observers: { one: 'المراقبون' }, agenda: { one: 'جدول الأعمال' }, topics: { one: 'المواضيع' },
        group: { one: 'المجموعة' }, series: { one: 'السلسلة' }, event: { one: 'الفعالية' }, session: { one: 'الجلسة' },
        date: { one: 'التاريخ' }, time: { one: 'الوقت' }, venue: { one: 'المكان' }, room: { one: 'القاعة' },
        format: { one: 'الصيغة' }, organisers: { one: 'الجهة المنظمة' }, chair: { one: 'الرئيس' }, moderator: { one: 'مدير الجلسة' },
        rapporteur: { one: 'المقرر' }, notetaker: { one: 'كاتب المحضر' }, author: { one: 'المحرر' }, rule: { one: 'القاعدة' },
        attendance: { one: 'عدد الحضور' }, link: { one: 'الرابط' }, programme: { one: 'البرنامج' },
        transcript: { one: 'النص الحرفي' }, slides: { one: 'الشرائح' }, recording: { one: 'التسجيل' },
        symbol: { one: 'الرمز' }, original: { one: 'الأصل' }, distribution: { one: 'التوزيع' }, issued: { one: 'تاريخ الإصدار' },
        summary: { one: 'الملخص' }, background: { one: 'الخلفية' }, disclaimer: { one: 'إخلاء المسؤولية' },
        presentations: { one: 'العروض' }, discussion: { one: 'المناقشة' }, questions: { one: 'أسئلة وأجوبة' },
        floor: { one: 'مداخلات الحضور' }, responses: { one: 'الردود' },
        conclusion: { one: 'الاستنتاج', many: 'الاستنتاجات' }, decision: { one: 'القرار', many: 'القرارات' },
        agreed: { one: 'تم الاتفاق' }, takeaway: { one: 'الخلاصة', many: 'الخلاصات' },
        'key-takeaway': { one: 'الخلاصة الرئيسية', many: 'الخلاصات الرئيسية' }, 'next-step': { one: 'الخطوة التالية', many: 'الخطوات التالية' },
        'key-issue': { one: 'القضية الرئيسية', many: 'القضايا الرئيسية' }, language: { one: 'اللغة' }
    },
    offices: { chair: 'الرئيس', moderator: 'مدير الجلسة', rapporteur: 'المقرر', notetaker: 'كاتب المحضر', author: 'المحرر', organiser: 'الجهة المنظمة' },
    attendance: { present: 'حضوريًا', remote: 'عن بُعد', absent: 'غائب', apologies: 'معتذر', staff: 'موظف', observer: 'مراقب' },
    words: {
        colon: ':', listSeparator: '، ', labelSeparator: ': ', agreedAtColumn: 'مكان الاتفاق', updatesCaption: 'متابعة الإجراءات السابقة', whoSpokeChart: { title: 'حصة الكلمات حسب مجموعة أصحاب المصلحة', caption: '{title} حسب مجموعة أصحاب المصلحة: {total}', stakeholderGroup: 'مجموعة أصحاب المصلحة', words: 'الكلمات', share: 'حصة الكلمات', interventionCount: { zero: '{count} مداخلة', one: 'مداخلة واحدة', two: 'مداخلتان', few: '{count} مداخلات', many: '{count} مداخلة', other: '{count} مداخلة' }, wordCount: { zero: '{count} كلمة', one: 'كلمة واحدة', two: 'كلمتان', few: '{count} كلمات', many: '{count} كلمة', other: '{count} كلمة' }, ungrouped: 'بلا مجموعة من أصحاب المصلحة', unidentified: 'متحدثون غير معروفين', joint: 'مداخلات مشتركة', unnamedGroups: 'مجموعات غير مسماة' }, earlierActionsCaption: '{title} وحالتها في هذا الاجتماع',
        meetingNotes: 'محضر الاجتماع', report: 'التقرير', participants: 'المشاركون', alsoTakingPart: 'شارك أيضًا',
        agenda: 'جدول الأعمال', contents: 'المحتويات', interventions: 'المداخلات', outcome: 'النتيجة', subject: 'الموضوع',
        name: 'الاسم', organisation: 'المنظمة', role: 'الدور', attendance: 'الحضور', note: 'ملاحظة',
        action: 'الإجراء', owner: 'المسؤول', due: 'الموعد النهائي', status: 'الحالة', update: 'المتابعة',
        actionItems: { one: 'إجراء مطلوب', other: 'إجراءات مطلوبة' },
        updateOn: 'متابعة {id}', dueOn: 'الموعد النهائي {date}', earlierActions: 'إجراءات من اجتماعات سابقة', stillOpen: 'لا يزال مفتوحًا', moreStillOpen: { other: '…و{count} من الإجراءات الأخرى من اجتماعات سابقة لا تزال مفتوحة (يسردها كلها minutes actions).' },
        agreedAt: 'اتُّفق عليه في {meeting}', reportedHere: 'أُفيد هنا: {text}', unidentifiedSpeaker: 'متحدث غير معروف',
        whoSpoke: 'المتحدثون',
        participantCount: {
            zero: '{count} مشارك', one: 'مشارك واحد', two: 'مشاركان', few: '{count} مشاركين', many: '{count} مشاركًا', other: '{count} مشارك'
        },
        noStakeholderGroup: 'بلا مجموعة من أصحاب المصلحة',
        participantFrom: 'أحد المشاركين من {organisation}', groupCount: '{group}: {count}', participantTally: '{participants} ({groups})',
        site: {
            navigation: 'الموقع', meetings: 'الاجتماعات', actions: 'الإجراءات', whoWasHeard: 'المتحدثون', search: 'البحث',
            series: 'السلاسل', otherMeetings: 'اجتماعات أخرى',
            meetingCount: { zero: '{count} اجتماع', one: 'اجتماع واحد', two: 'اجتماعان', few: '{count} اجتماعات', many: '{count} اجتماعًا', other: '{count} اجتماع' },
            dateRange: 'من {from} إلى {to}',
            openActionCount: { zero: '{count} إجراء مفتوح', one: 'إجراء مفتوح واحد', two: 'إجراءان مفتوحان', few: '{count} إجراءات مفتوحة', many: '{count} إجراءً مفتوحًا', other: '{count} إجراء مفتوح' },
            overdueOn: 'المتأخرة في {date}: {count}', seriesCaption: '{series}: {meetings}، الأحدث أولًا', date: 'التاريخ',
            meeting: 'الاجتماع', outcomes: 'النتائج', actionsAgreed: 'الإجراءات المتفق عليها',
            actionsSummary: 'المتأخرة في {date}: {overdue}؛ المفتوحة: {open}؛ المنجزة: {done}؛ الملغاة: {dropped}. حسب المسؤول، المتأخرة أولًا.',
            owners: 'المسؤولون', openCount: 'المفتوحة: {count}', actionsOf: 'إجراءات {owner}', agreed: 'مكان الاتفاق',
            lastReported: 'آخر متابعة', overdue: 'متأخر',
            dayCount: { zero: '{count} يوم', one: 'يوم واحد', two: 'يومان', few: '{count} أيام', many: '{count} يومًا', other: '{count} يوم' },
            noActions: 'لا توجد إجراءات.', heardSummary: '{meetings}؛ {interventions}، {words}.',
            noInterventions: 'لم تُسجَّل أي مداخلات.', speakersOf: 'المتحدثون في {series}',
            speakersOfChatham: 'المتحدثون في {series} (باستثناء الاجتماعات المعقودة بموجب قاعدة تشاتام هاوس)',
            speaker: 'المتحدث', searchLabel: 'ابحث عن الاجتماعات حسب العنوان أو الشخص أو القسم أو النتيجة أو الإجراء',
            people: 'الأشخاص', sections: 'الأقسام', matchCount: 'النتائج: {shown} من {count}.', clauseSeparator: '، ',
            fullStop: '.'
        },
        digest: {
            subject: 'إجراءاتك: {counts} ({date})', overdueCount: 'المتأخرة: {count}',
            intro: '{owner}، هذه الإجراءات المسندة إليك لا تزال مفتوحة حتى {date}:', with: 'مع', withOthers: 'مع {names}',
            moreOwners: { other: 'و{count} آخرون' },
            overdueBy: { zero: 'متأخر {count} يوم', one: 'متأخر يومًا واحدًا', two: 'متأخر يومين', few: 'متأخر {count} أيام', many: 'متأخر {count} يومًا', other: 'متأخر {count} يوم' },
            reportHint: 'أفد عن كل منها في الاجتماع التالي بسطر: {example}', example: 'update #id done: ما تم إنجازه.',
            heading: '{owner}: الإجراءات المفتوحة', asOf: 'حتى {date}.', openActions: 'الإجراءات المفتوحة', noOwner: 'بلا مسؤول'
        },
        anonymous: {
            none: 'أحد المشاركين', government: 'أحد المشاركين من حكومة', intergovernmental: 'أحد المشاركين من منظمة حكومية دولية',
            'civil society': 'أحد المشاركين من المجتمع المدني', 'private sector': 'أحد المشاركين من القطاع الخاص',
            'technical community': 'أحد المشاركين من المجتمع التقني', academia: 'أحد المشاركين من الأوساط الأكاديمية'
        },
        stakeholderGroups: {
            government: 'حكومة', intergovernmental: 'منظمة حكومية دولية', 'civil society': 'المجتمع المدني',
            'private sector': 'القطاع الخاص', 'technical community': 'المجتمع التقني', academia: 'الأوساط الأكاديمية'
        },
        statuses: { open: 'مفتوح', done: 'منجز', dropped: 'ملغى', moved: 'مؤجل' }
    }
};

const CHINESE: Translation = {
    keys: {
        attendees: { one: '出席者' }, participants: { one: '与会者' }, present: { one: '出席' }, speakers: { one: '发言人' }, panel: { one: '小组' }, panelists: { one: '小组成员' }, remote: { one: '远程参加' }, absent: { one: '缺席' }, apologies: { one: '请假' }, regrets: { one: '请假' }, staff: { one: '工作人员' }, observers: { one: '观察员' }, agenda: { one: '议程' }, topics: { one: '议题' },
        group: { one: '小组' }, series: { one: '系列' }, event: { one: '活动' }, session: { one: '场次' },
        date: { one: '日期' }, time: { one: '时间' }, venue: { one: '地点' }, room: { one: '会议室' },
        format: { one: '形式' }, organisers: { one: '主办方' }, chair: { one: '主席' }, moderator: { one: '主持人' },
        rapporteur: { one: '报告员' }, notetaker: { one: '记录员' }, author: { one: '撰写人' }, rule: { one: '规则' },
        attendance: { one: '出席人数' }, link: { one: '链接' }, programme: { one: '日程' },
        transcript: { one: '文字记录' }, slides: { one: '幻灯片' }, recording: { one: '录像' },
        symbol: { one: '文号' }, original: { one: '原文' }, distribution: { one: '分发' }, issued: { one: '发布日期' },
        summary: { one: '摘要' }, background: { one: '背景' }, disclaimer: { one: '免责声明' },
        presentations: { one: '主题发言' }, discussion: { one: '讨论' }, questions: { one: '问答' },
        floor: { one: '现场发言' }, responses: { one: '回应' },
        conclusion: { one: '结论' }, decision: { one: '决定' },
        agreed: { one: '商定' }, takeaway: { one: '要点' },
        'key-takeaway': { one: '主要要点' }, 'next-step': { one: '下一步', many: '后续步骤' },
        'key-issue': { one: '关键问题' }, language: { one: '语言' }
    },
    offices: { chair: '主席', moderator: '主持人', rapporteur: '报告员', notetaker: '记录员', author: '撰写人', organiser: '主办方' },
    attendance: { present: '现场', remote: '远程', absent: '缺席', apologies: '请假', staff: '工作人员', observer: '观察员' },
    words: {
        colon: '：', listSeparator: '、', labelSeparator: '：', agreedAtColumn: '商定于', updatesCaption: '以往行动事项的进展', whoSpokeChart: { title: '各利益相关方群体的发言字数占比', caption: '{title}（按利益相关方群体）：{total}', stakeholderGroup: '利益相关方群体', words: '字数', share: '字数占比', interventionCount: { other: '{count} 次发言' }, wordCount: { other: '{count} 字' }, ungrouped: '未注明利益相关方群体', unidentified: '身份不明的发言者', joint: '联合发言', unnamedGroups: '未具名的群体' }, earlierActionsCaption: '{title}及其在本次会议上的状态',
        meetingNotes: '会议纪要', report: '报告', participants: '与会者', alsoTakingPart: '其他与会者',
        agenda: '议程', contents: '目录', interventions: '发言', outcome: '成果', subject: '主题',
        name: '姓名', organisation: '机构', role: '职务', attendance: '出席方式', note: '备注',
        action: '行动', owner: '负责人', due: '截止日期', status: '状态', update: '进展',
        actionItems: { other: '行动事项' },
        updateOn: '{id} 进展', dueOn: '截止日期 {date}', earlierActions: '以往会议的行动事项', stillOpen: '仍未完成', moreStillOpen: { other: '……另有 {count} 项以往会议的行动仍未完成（minutes actions 列出全部）。' },
        agreedAt: '于“{meeting}”商定', reportedHere: '本次报告：{text}', unidentifiedSpeaker: '身份不明的发言者',
        whoSpoke: '发言情况',
        participantCount: { other: '{count} 名与会者' },
        noStakeholderGroup: '未注明利益相关方群体',
        participantFrom: '一名来自{organisation}的与会者', groupCount: '{group} {count} 名', participantTally: '{participants}（{groups}）',
        site: {
            navigation: '网站', meetings: '会议', actions: '行动事项', whoWasHeard: '发言情况', search: '搜索', series: '系列',
            otherMeetings: '其他会议', meetingCount: { other: '{count} 次会议' }, dateRange: '{from}至{to}',
            openActionCount: { other: '{count} 项未完成的行动' }, overdueOn: '截至 {date} 逾期 {count} 项',
            seriesCaption: '{series}：{meetings}，按时间倒序', date: '日期', meeting: '会议', outcomes: '成果', actionsAgreed: '商定的行动',
            actionsSummary: '截至 {date} 逾期 {overdue} 项，进行中 {open} 项，已完成 {done} 项，已取消 {dropped} 项；按负责人排列，逾期在前。', owners: '负责人',
            openCount: '{count} 项未完成', actionsOf: '{owner}负责的行动', agreed: '商定于', lastReported: '最近进展', overdue: '逾期',
            dayCount: { other: '{count} 天' }, noActions: '没有行动事项。', heardSummary: '{meetings}；{interventions}，{words}。',
            noInterventions: '没有记录发言。', speakersOf: '{series}的发言者', speakersOfChatham: '{series}的发言者（不含适用查塔姆研究所规则的会议）',
            speaker: '发言者', searchLabel: '按标题、人员、章节、成果或行动搜索会议', people: '人员', sections: '章节',
            matchCount: '匹配结果：{count} 次会议中的 {shown} 次。', clauseSeparator: '，', fullStop: '。'
        },
        digest: {
            subject: '您的行动事项：{counts}（{date}）', overdueCount: '{count} 项逾期', intro: '{owner}，截至 {date}，您负责的以下行动事项尚未完成：',
            with: '共同负责', withOthers: '共同负责：{names}', moreOwners: { other: '等另外 {count} 人' },
            overdueBy: { other: '逾期 {count} 天' }, reportHint: '请在下次会议上逐项报告，写一行：{example}', example: 'update #id done: 已完成的工作。',
            heading: '{owner}：未完成的行动事项', asOf: '截至 {date}。', openActions: '未完成的行动事项', noOwner: '未指定负责人'
        },
        anonymous: {
            none: '一名与会者', government: '一名来自政府的与会者', intergovernmental: '一名来自政府间组织的与会者',
            'civil society': '一名来自民间社会的与会者', 'private sector': '一名来自私营部门的与会者',
            'technical community': '一名来自技术界的与会者', academia: '一名来自学术界的与会者'
        },
        stakeholderGroups: {
            government: '政府', intergovernmental: '政府间组织', 'civil society': '民间社会',
            'private sector': '私营部门', 'technical community': '技术界', academia: '学术界'
        },
        statuses: { open: '进行中', done: '已完成', dropped: '已取消', moved: '已推迟' }
    }
};

/** The other languages' tables, by primary language subtag. */
export const TRANSLATIONS: Readonly<Record<'fr' | 'es' | 'ru' | 'ar' | 'zh', Translation>> = {
    fr: FRENCH, es: SPANISH, ru: RUSSIAN, ar: ARABIC, zh: CHINESE
};
