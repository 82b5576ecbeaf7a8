// The 组织与宣传 list stores, kept for the session like the others (renderer/stores/lists.ts).
import type { OutputOf } from '../../../core/api';
import { createListStore } from '../../stores/listStore';

export type PublicityRecord = OutputOf<'publicity.get'>;
export type GroupMemberRecord = OutputOf<'groupMember.get'>;
export type DeviceRecord = OutputOf<'device.get'>;
export type SurveyFigureRecord = OutputOf<'surveyFigure.get'>;

export const publicityList = createListStore<PublicityRecord>('publicity.list');
export const groupMemberList = createListStore<GroupMemberRecord>('groupMember.list', {
  defaultSort: { field: 'sort', dir: 'asc' },
});
/** A device's row names its holder and whether they have left. */
export const deviceList = createListStore<DeviceRecord>('device.list', { shows: ['device', 'person'] });
export const surveyFigureList = createListStore<SurveyFigureRecord>('surveyFigure.list');
