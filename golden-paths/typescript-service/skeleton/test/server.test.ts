import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AddressInfo } from 'node:net';
import { createApp } from '../src/server.js';

async function withServer(run: (base: string) => Promise<void>): Promise<void> {
  const server = createApp();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await run(`http://127.0.0.1:${port}`);
  } finally {
    server.close();
  }
}

test('health endpoints report UP', async () => {
  await withServer(async (base) => {
    for (const path of ['/healthz', '/readyz']) {
      const response = await fetch(base + path);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /UP/);
    }
  });
});

test('metrics count requests in the Prometheus format', async () => {
  await withServer(async (base) => {
    await (await fetch(base + '/')).text();
    const body = await (await fetch(base + '/metrics')).text();
    assert.match(body, /http_requests_total\{method="GET",code="200"\} 1/);
    assert.match(body, /http_request_duration_seconds_bucket\{le="\+Inf"\}/);
  });
});
