// The one API contract: method name → input and output schemas, access, effect (core/api/define.ts).
// Dispatch, every transport, the UI's forms and docs/api.md are driven from this object.
import type { z } from 'zod';
import type { MethodSpec, SessionEffect } from './define';
import { systemApi } from './system';
import { regionsApi } from './regions';
import { personnelApi } from './personnel';
import { contractsApi } from './contracts';
import { budgetApi } from './budget';
import { trainingApi } from './training';
import { workplanApi } from './workplan';
import { dashboardApi } from './dashboard';
import { reportsApi } from './reports';
import { importsApi } from './imports';
import { backupsApi } from './backups';
import { qualityApi } from './quality';
import { problemsApi } from './problems';
import { intakeApi } from './intake';
import { cityReportApi } from './cityReport';
import { unitsApi } from './units';
import { coverageApi } from './coverage';
import { archiveApi } from './archive';
import { fieldworkApi } from './fieldwork';
import { organisationApi } from './organisation';
import { listsApi } from './lists';

export const api = {
  ...systemApi,
  ...regionsApi,
  ...personnelApi,
  ...contractsApi,
  ...budgetApi,
  ...trainingApi,
  ...workplanApi,
  ...dashboardApi,
  ...reportsApi,
  ...importsApi,
  ...backupsApi,
  ...qualityApi,
  ...problemsApi,
  ...intakeApi,
  ...cityReportApi,
  ...unitsApi,
  ...coverageApi,
  ...archiveApi,
  ...fieldworkApi,
  ...organisationApi,
  ...listsApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
export type InputOf<M extends MethodName> = Api[M] extends MethodSpec<infer I, z.ZodType> ? z.input<I> : never;
export type ParsedInputOf<M extends MethodName> = Api[M] extends MethodSpec<infer I, z.ZodType> ? z.output<I> : never;
export type OutputOf<M extends MethodName> = Api[M] extends MethodSpec<z.ZodType, infer O> ? z.output<O> : never;

export const isMethodName = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(api, name);

/** Whether a caller may use `name` before logging in: transports let these through without a session. */
export const isPublicMethod = (name: string): boolean => isMethodName(name) && api[name].access === 'public';

/** What a success of `name` does to sessions, as its contract declares (null: nothing). */
export const sessionEffectOf = (name: string): SessionEffect | null =>
  isMethodName(name) ? (api[name].session ?? null) : null;

export interface ApiError {
  code: string;
  message: string;
  issues: { path: string; message: string }[];
}
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };
