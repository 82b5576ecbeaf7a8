// One report.export as the export slot and the city's 汇总报表 run it: busy while it runs, the
// worker's progress polled (report.progress) for a big one, the workbook downloaded in the browser
// (the desktop app saved it to savePath), and the outcome said.
import { useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../core/api';
import { call } from '../../api/call';
import { downloadFile } from '../../api/download';
import { toast } from '../../app/feedback';

export interface Progressing {
  phase: string;
  done: number;
  total: number;
}

let jobSeq = 0;

/** `jobPrefix` tells the jobs of one screen apart in the server's progress table. */
export function useReportExport(jobPrefix: string) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progressing | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  /** Runs the export; the error message when it is refused, else null. */
  const exportReport = async (input: Omit<InputOf<'report.export'>, 'jobId'>): Promise<string | null> => {
    setBusy(true);
    setProgress(null);
    const jobId = `${jobPrefix}-${Date.now()}-${++jobSeq}`;
    timer.current = setInterval(() => {
      void call('report.progress', { jobId }).then((r) => r.ok && r.data && r.data.total > 0 && setProgress(r.data));
    }, 500);
    const r = await call('report.export', { ...input, jobId });
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
    setBusy(false);
    setProgress(null);
    if (!r.ok) return r.error.message;
    if (r.data.base64) downloadFile(r.data.base64, r.data.fileName);
    const where = r.data.savedPath ? `到 ${r.data.savedPath}` : r.data.fileName;
    toast.success(
      r.data.status === 'official'
        ? `已正式报送第${r.data.version}版：${where}`
        : r.data.status === 'draft'
          ? `已导出草稿：${where}`
          : `已导出${where}`,
    );
    return null;
  };
  return { busy, progress, exportReport };
}
