// The name of a referenced record, fetched once and cached.
import { useEffect, useState } from 'react';
import { cachedLabel, fetchLabel, type RefSourceKey } from './refSources';

export function useRefLabel(source: RefSourceKey, id: number | null | undefined): string | undefined {
  const [label, setLabel] = useState(() => (id == null ? undefined : cachedLabel(source, id)));
  useEffect(() => {
    if (id == null) return setLabel(undefined);
    let live = true;
    setLabel(cachedLabel(source, id));
    void fetchLabel(source, id).then((l) => live && setLabel(l));
    return () => {
      live = false;
    };
  }, [source, id]);
  return label;
}

export function RefName({ source, id }: { source: RefSourceKey; id: number | null | undefined }) {
  const label = useRefLabel(source, id);
  if (id == null) return null;
  return <>{label ?? '…'}</>;
}
