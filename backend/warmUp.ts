// Before browser mode says it is ready, the server answers once what a clerk's page asks first — the
// page itself and setup.status — through its own HTTP stack, so the first real answer does not pay
// for the first statements, the first JIT of the request path and the first read of the page
// (measured: ~200–450 ms for the first answer after listening, 30–60 ms for the next; the page
// only loads once the address is printed, so nobody waits for the warm-up twice). A failed warm-up
// changes nothing: the real request answers as it would have.
import { TOKEN_HEADER } from './transports/security';

export async function warmUp(server: { port: number; token: string }): Promise<void> {
  const origin = `http://127.0.0.1:${server.port}`;
  try {
    await (await fetch(`${origin}/`)).arrayBuffer();
    const res = await fetch(`${origin}/api/setup.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token },
      body: '{}',
    });
    await res.arrayBuffer();
  } catch {
    // Nothing to do: the warm-up is an optimisation only.
  }
}
