// Renders its children one task after it mounts, so a big page is built in several main-thread
// tasks instead of one: the click that opens the roster or the dashboard's answer each cost one
// task of 60–70 ms at 100k people (antd registering each component's styles on first use, the
// table measuring itself), past the 50 ms that makes the page feel stuck. Only for parts that
// can show a moment later (a side column, the filters, the table under its toolbar).
import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

export function Deferred({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    // A timer, not a microtask or rAF, so the render is a task of its own; flushSync renders it inside
    // that timer, or React would batch the renders of sibling Deferreds into one task again.
    const timer = setTimeout(() => flushSync(() => setShown(true)), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : fallback;
}
