// The idle-lock rule, shared by the backend (which refuses the next call) and the page (which hides
// the workbench on its own, so an untouched screen stops showing names and ID numbers).

/** Whether `minutes` without activity have passed since `lastMs`; 0 minutes never locks. */
export const idleExpired = (lastMs: number, nowMs: number, minutes: number): boolean =>
  minutes > 0 && nowMs - lastMs > minutes * 60_000;

export const idleLockMessage = (minutes: number) => `已超过 ${minutes} 分钟没有操作，为保护数据已自动锁定，请重新登录`;
