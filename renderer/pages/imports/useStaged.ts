// Mounts a screen's parts one task at a time: while `active`, the count of parts to show grows by
// one after each commit (a new task each time), up to n. The import's check result is four antd
// cards whose first mount — styles built, selects and tags laid out — was one task of 110–130 ms
// on this machine (issue 18); one card per task keeps each under 50 ms and lets input through.
import { startTransition, useEffect, useState } from 'react';

export function useStaged(active: boolean, n: number): number {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!active) {
      setShown(0);
      return;
    }
    if (shown >= n) return;
    const t = setTimeout(() => startTransition(() => setShown((s) => s + 1)), 0);
    return () => clearTimeout(t);
  }, [active, shown, n]);
  return active ? shown : 0;
}
