import type { StakeholderGroup } from '../model/directory.js';
import type { SharedTally, SpeakingStatistics } from './speaking-statistics.js';

/** One row of the "Who spoke" figures: a stakeholder group, the ungrouped, or the unidentified. */
export interface StakeholderRow extends SharedTally {
    readonly kind: 'group' | 'ungrouped' | 'unidentified' | 'joint' | 'unnamed-groups';
    readonly group?: StakeholderGroup;
    /** `civil society`, `no stakeholder group`, `unidentified speakers`. */
    readonly label: string;
}

/**
 * The figures by stakeholder group that the HTML's "Who spoke" section and the editor's
 * hover on a meeting show: every group heard, then the speakers with no group, the
 * unidentified ones, joint turns and unnamed groups when there are any. Their shares add up to 1.
 */
export function stakeholderRows(statistics: SpeakingStatistics): StakeholderRow[] {
    const rows: StakeholderRow[] = statistics.groups.map(g => ({ ...g, kind: 'group', label: g.group }));
    if (statistics.ungrouped.interventions > 0) rows.push({ ...statistics.ungrouped, kind: 'ungrouped', label: 'no stakeholder group' });
    if (statistics.unidentified.interventions > 0) rows.push({ ...statistics.unidentified, kind: 'unidentified', label: 'unidentified speakers' });
    if (statistics.joint.interventions > 0) rows.push({ ...statistics.joint, kind: 'joint', label: 'joint turns' });
    if (statistics.unnamedGroups.interventions > 0) rows.push({ ...statistics.unnamedGroups, kind: 'unnamed-groups', label: 'unnamed groups' });
    return rows;
}

/** `22.2%`: a share (0–1) with one decimal. */
export function formatShare(share: number): string {
    return `${(share * 100).toFixed(1)}%`;
}

/** `8 interventions, 45 words`. */
export function totalText(statistics: SpeakingStatistics): string {
    const { interventions, words } = statistics.total;
    return `${interventions} intervention${interventions === 1 ? '' : 's'}, ${words} word${words === 1 ? '' : 's'}`;
}
