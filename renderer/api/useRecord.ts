// One record (or any read) for a detail page: loaded on mount and when asked again.
import { useCallback, useEffect, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../core/api';
import { call } from './call';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

export function useRead<M extends MethodName>(method: M, input: InputOf<M>): Loaded<OutputOf<M>> {
  const [data, setData] = useState<OutputOf<M> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    void call(method, JSON.parse(key) as InputOf<M>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.data);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [method, key, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
