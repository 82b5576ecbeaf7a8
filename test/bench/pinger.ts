// The latency probe shared by the request-thread benches (latency.ts, importLatency.ts): setup.status
// over HTTP from a thread of its own, so a busy server thread cannot delay the sending. A few
// unmeasured pings set up the connection, then 'ready'; from then on ping k is due at t0 + k·pace and
// its latency counts from then (a stalled server makes every ping due meanwhile late, as it would a
// clerk's click at any of those moments).
import { Worker } from 'node:worker_threads';

/** Wall-clock milliseconds, comparable between threads (each has its own performance.now origin). */
export const now = () => performance.timeOrigin + performance.now();

/** [when it was due, how late its answer came] */
export type Sample = [due: number, ms: number];

const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, pace } = workerData;
const now = () => performance.timeOrigin + performance.now();
let stop = false;
parentPort.on('message', () => { stop = true; });
const ping = async () => {
  const res = await fetch(url + '/api/setup.status', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-censusdesk-token': token },
    body: '{}',
  });
  await res.json();
};
(async () => {
  for (let i = 0; i < 20; i++) await ping();
  parentPort.postMessage('ready');
  const samples = [];
  const t0 = now();
  for (let k = 0; !stop; k++) {
    const due = t0 + k * pace;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await ping();
    samples.push([due, now() - due]);
  }
  parentPort.postMessage(samples);
})();
`;

/** Starts pinging `url` every `pace` ms once ready; the answer stops it and gives its samples. */
export async function startPinger(url: string, token: string, pace: number): Promise<() => Promise<Sample[]>> {
  const w = new Worker(PINGER, { eval: true, workerData: { url, token, pace } });
  const messages: unknown[] = [];
  let wake = () => {};
  w.on('message', (m) => {
    messages.push(m);
    wake();
  });
  w.once('error', (e) => {
    messages.push(e);
    wake();
  });
  const next = async () => {
    while (!messages.length) await new Promise<void>((r) => (wake = r));
    return messages.shift();
  };
  const first = await next();
  if (first !== 'ready') throw new Error(`pinger failed: ${String(first)}`);
  return async () => {
    w.postMessage('stop');
    const samples = (await next()) as Sample[];
    await w.terminate();
    return samples;
  };
}

/** The q-quantile (0.5, 0.99 …) of ascending latencies. */
export const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
