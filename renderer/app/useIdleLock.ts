// The idle lock in the page: after the setting's minutes without a key, click or scroll, the
// workbench is hidden behind the lock screen. The backend enforces the same rule on its next call
// (backend/access.ts), but a screen left open would otherwise keep showing names and ID numbers
// until someone touched it.
import { useEffect } from 'react';
import { idleExpired, idleLockMessage } from '../../core/idle';
import { call } from '../api/call';
import { useSession } from '../stores/session';

const ACTIVITY = ['keydown', 'mousedown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

export function useIdleLock(active: boolean): void {
  const minutes = useSession((s) => s.idleLockMinutes);
  useEffect(() => {
    if (!active || minutes <= 0) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (!idleExpired(last, Date.now(), minutes) || useSession.getState().phase !== 'ready') return;
      useSession.getState().lock(idleLockMessage(minutes));
      // The backend locks too, so a reload shows the lock screen again rather than the workbench.
      void call('session.lock', {});
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, [active, minutes]);
}
