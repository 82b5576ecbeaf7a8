// Export progress by job id, for report.progress: the caller picks an id, starts the export and
// asks how far it has got while the export call is still running.

export type Phase = '排队' | '读取数据' | '写入' | '完成' | '失败';

interface Entry {
  phase: Phase;
  done: number;
  total: number;
  at: number;
}

const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Entry>();

export function setProgress(jobId: string | null, phase: Phase, done = 0, total = 0): void {
  if (!jobId) return;
  const now = Date.now();
  for (const [id, e] of jobs) if (now - e.at > KEEP_MS) jobs.delete(id);
  jobs.set(jobId, { phase, done, total, at: now });
}

export function getProgress(jobId: string) {
  const e = jobs.get(jobId);
  return e ? { jobId, phase: e.phase, done: e.done, total: e.total } : null;
}
