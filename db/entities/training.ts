import type { EntityDef } from '../entity';

export const trainingDef: EntityDef = {
  name: 'training',
  label: '培训班',
  table: 'training_sessions',
  view: 'training_sessions_view',
  search: { contains: ['name', 'host_unit', 'location', 'instructor'] },
  filters: {
    kind: 'kind',
    hostLevel: 'host_level',
    // Sessions overlapping [from, to]: a report period picks the sessions held in it.
    from: (v) => ({ sql: 'end_date >= ?', params: [v] }),
    to: (v) => ({ sql: 'start_date <= ?', params: [v] }),
  },
  sortable: { startDate: 'start_date', name: 'name', kind: 'kind' },
  defaultSort: 'start_date, id',
};

export const attendanceDef: EntityDef = {
  name: 'attendance',
  label: '签到与考核记录',
  table: 'training_attendance',
  view: 'training_attendance_view',
  json: ['roles'],
  bools: ['signedIn', 'passed', 'makeupPassed', 'isGuest'],
  search: { contains: ['name', 'unit'] },
  filters: {
    sessionId: 'session_id',
    personId: 'person_id',
    signedIn: 'signed_in',
    passed: 'passed',
    isGuest: 'is_guest',
  },
  sortable: { name: 'name', score: 'score', sessionStartDate: 'session_start_date' },
  defaultSort: 'session_start_date, session_id, id',
};
