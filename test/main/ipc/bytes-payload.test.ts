/**
 * Files cross IPC as Uint8Array (structured clone), never as base64 text: the raw messages between the page's
 * client and main carry the bytes themselves, whole and unchanged.
 */
import { describe, expect, it } from 'vitest';
import { bytesToBase64, createDispatcher, WIRE_BYTES_KEY, type LabHandlers } from '../../../core/api';
import { bindIpc } from '../../../main/ipc/bind-ipc';
import { createIpcClient } from '../../../preload/ipc-client';
import { receiveLabClient } from '../../../renderer/src/api/receive';
import { createIpcPair, exposeLike } from '../../contract/ipc-pair';

// Every byte value, so a text re-encoding anywhere on the way would show.
const FILE = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);
const COMPANION = new TextEncoder().encode('step,loss\n1,0.5\n');
const received: Uint8Array[] = [];

const handlers = {
  exportBundle: async () => ({ fileName: 'runs.gradlab.json.gz', mime: 'application/gzip', bytes: FILE }),
  exportSeriesCsv: async () => ({ fileName: 'r1.csv', mime: 'text/csv', bytes: COMPANION }),
  exportFigure: async () => ({
    fileName: 'loss.tex',
    mime: 'application/x-tex',
    bytes: FILE,
    companions: [{ fileName: 'loss.csv', mime: 'text/csv', bytes: COMPANION }],
  }),
  importBundle: async ({ bytes }: { bytes: Uint8Array }) => {
    received.push(bytes);
    return { imported: [] };
  },
} as unknown as LabHandlers;

/** Every leaf of a cloned message, with its path. */
function leaves(v: unknown, path = '$'): { path: string; value: unknown }[] {
  if (v instanceof Uint8Array || v === null || typeof v !== 'object') return [{ path, value: v }];
  return Object.entries(v).flatMap(([k, x]) => leaves(x, `${path}.${k}`));
}

function capturingPair() {
  const pair = createIpcPair();
  const raw: unknown[] = [];
  const invoke = pair.ipcRenderer.invoke.bind(pair.ipcRenderer);
  pair.ipcRenderer.invoke = async (channel, ...args) => {
    raw.push(args);
    const reply = await invoke(channel, ...args);
    raw.push(reply);
    return reply;
  };
  bindIpc(pair.ipcMain, createDispatcher(handlers, { checkResults: true }), 'gradlab://app');
  const client = receiveLabClient(exposeLike(createIpcClient(pair.ipcRenderer, { plainErrors: true })));
  return { client, raw };
}

function expectBytesOnly(raw: unknown[], expected: Uint8Array[]) {
  const all = raw.flatMap((m) => leaves(m));
  const bytes = all.filter((l) => l.value instanceof Uint8Array).map((l) => l.value as Uint8Array);
  expect(bytes.map((b) => Buffer.from(b).toString('hex'))).toEqual(expected.map((b) => Buffer.from(b).toString('hex')));
  const texts = new Set(expected.map(bytesToBase64));
  const strings = all.filter((l) => typeof l.value === 'string').map((l) => l.value as string);
  expect(strings.filter((s) => texts.has(s) || s.includes(WIRE_BYTES_KEY))).toEqual([]);
  expect(all.filter((l) => l.path.includes('base64') || l.path.includes(WIRE_BYTES_KEY))).toEqual([]);
}

describe('files over the IPC binding', () => {
  it('exportBundle and exportSeriesCsv answer with a Uint8Array in the raw reply', async () => {
    const { client, raw } = capturingPair();
    const file = await client.exportBundle({ runIds: ['r1'] });
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(file.bytes).equals(FILE)).toBe(true);
    expectBytesOnly(raw, [FILE]);
    raw.length = 0;
    const csv = await client.exportSeriesCsv({ runId: 'r1' });
    expect(new TextDecoder().decode(csv.bytes)).toBe('step,loss\n1,0.5\n');
    expectBytesOnly(raw, [COMPANION]);
  });

  it('exportFigure carries the figure and its companions as Uint8Array', async () => {
    const { client, raw } = capturingPair();
    const file = await client.exportFigure({ runIds: ['r1'], chart: 'loss', format: 'tex' });
    expect(file.companions?.[0]?.bytes).toBeInstanceOf(Uint8Array);
    expectBytesOnly(raw, [FILE, COMPANION]);
  });

  it('importBundle sends the bundle as a Uint8Array and main receives it byte for byte', async () => {
    const { client, raw } = capturingPair();
    received.length = 0;
    await client.importBundle({ bytes: FILE });
    expectBytesOnly(raw, [FILE]);
    expect(received).toHaveLength(1);
    expect(received[0]).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(received[0]!).equals(FILE)).toBe(true);
  });

  it('refuses an empty bundle, naming the field bytes', async () => {
    const { client } = capturingPair();
    await expect(client.importBundle({ bytes: new Uint8Array() })).rejects.toMatchObject({
      code: 'invalid_argument',
      issues: [expect.objectContaining({ path: 'bytes', message: expect.stringContaining('empty') })],
    });
    await expect(client.importBundle({ bytes: 'H4sI' } as never)).rejects.toMatchObject({
      code: 'invalid_argument',
      issues: [expect.objectContaining({ path: 'bytes', message: expect.stringContaining('Uint8Array') })],
    });
  });
});
