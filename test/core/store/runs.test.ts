import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExperimentSpecSchema, RunQuerySchema, type ExperimentSpecInput, type RunQuery } from '../../../core/api';
import { LabStore } from '../../../core/store';
import { openStore, steppingClock, steps, tempPath } from './helpers';

const q = (query: RunQuery = {}) => RunQuerySchema.parse(query);

describe('run records', () => {
  it('creates a queued run with the full spec, denormalised columns and a sortable id', () => {
    const s = openStore();
    const r = s.createRun({
      spec: ExperimentSpecSchema.parse({
        name: 'lstm on copy',
        task: { kind: 'copy' },
        model: { cell: 'lstm', activation: 'relu', init: { recurrent: 'identity' } },
        train: { seed: 7, clip: { mode: 'norm', threshold: 5 } },
      }),
      tags: ['  baseline ', 'baseline', 'copy'],
    });
    expect(r).toMatchObject({
      name: 'lstm on copy',
      status: 'queued',
      seed: 7,
      task: 'copy',
      cell: 'lstm',
      activation: 'relu',
      init: 'identity',
      clip: 'norm:5',
      tags: ['baseline', 'copy'],
      stepsTotal: 1000,
      stepsDone: 0,
    });
    expect(r.id).toMatch(/^[0-9a-z]{15}$/);
    const d = s.getRun(r.id);
    expect(d.spec!.train.lr).toBe(0.001);
    expect(d.metrics).toEqual([]);
    expect(d.lastCheckpointStep).toBeNull();
  });

  it('ids sort by creation time', () => {
    const clock = steppingClock();
    const s = openStore(tempPath(), { now: clock.now });
    const ids = Array.from({ length: 5 }, () => s.createRun({ spec: ExperimentSpecSchema.parse({}) }).id);
    expect([...ids].sort()).toEqual(ids);
  });

  it('goes through start, heartbeat and finish; starting again clears the end', () => {
    const clock = steppingClock('2026-03-01T00:00:00.000Z');
    const s = openStore(tempPath(), { now: clock.now });
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const started = s.markStarted(r.id, { backend: 'wasm', device: 'cpu (simd)' });
    expect(started).toMatchObject({
      status: 'running',
      backend: 'wasm',
      device: 'cpu (simd)',
      startedAt: '2026-03-01T00:00:01.000Z',
    });
    s.heartbeat(r.id);
    expect(s.getRun(r.id).heartbeatAt).toBe('2026-03-01T00:00:02.000Z');
    const done = s.finishRun(r.id, {
      status: 'diverged',
      divergence: { step: 42, tensor: 'grad:layer0.Wh' },
      final: { loss: Number.NaN, horizon: 3 },
    });
    expect(done.status).toBe('diverged');
    expect(done.divergence).toEqual({ step: 42, tensor: 'grad:layer0.Wh' });
    expect(done.final.loss).toBeNaN();
    expect(done.endedAt).toBe('2026-03-01T00:00:03.000Z');
    const again = s.markStarted(r.id, { backend: 'cpu', device: 'cpu' });
    expect(again).toMatchObject({
      status: 'running',
      endedAt: null,
      divergence: null,
      error: null,
      final: {},
      startedAt: '2026-03-01T00:00:01.000Z',
    });
  });

  it('marks running and queued runs with a stale heartbeat interrupted, and only those', () => {
    const clock = steppingClock('2026-03-01T00:00:00.000Z');
    const s = openStore(tempPath(), { now: clock.now });
    const stale = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'stale' }) });
    const fresh = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'fresh' }) });
    const orphan = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'queued by a lab that died' }) });
    s.markStarted(stale.id, { backend: 'cpu', device: 'cpu' });
    s.appendSteps(stale.id, steps(0, 5));
    clock.set('2026-03-01T01:00:00.000Z');
    s.markStarted(fresh.id, { backend: 'cpu', device: 'cpu' });
    const owned = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'queued by a live lab' }) });
    const beaten = s.createRun({ spec: ExperimentSpecSchema.parse({ name: 'queued long ago, still beaten' }) });
    clock.set('2026-03-01T01:00:05.000Z');
    s.heartbeatQueued([beaten.id, fresh.id]);
    clock.set('2026-03-01T01:00:10.000Z');
    const marked = s.markStale(60_000);
    expect(marked.map((r) => r.id).sort()).toEqual([stale.id, orphan.id].sort());
    const byId = Object.fromEntries(marked.map((r) => [r.id, r]));
    expect(byId[stale.id]).toMatchObject({ status: 'interrupted', endedAt: '2026-03-01T00:00:04.000Z', stepsDone: 4 });
    expect(byId[stale.id]!.error).toMatch(/stopped while this run was running/);
    expect(byId[orphan.id]).toMatchObject({ status: 'interrupted', stepsDone: 0 });
    expect(byId[orphan.id]!.error).toMatch(/stopped before this run started/);
    expect(s.getSummary(fresh.id).status).toBe('running');
    expect(s.getSummary(owned.id).status).toBe('queued');
    expect(s.getSummary(beaten.id).status).toBe('queued');
    expect(s.getSeries(stale.id, { metrics: ['loss'] })[0]!.totalPoints).toBe(5);
  });

  it('interrupts queued runs a closing lab will not start, and nothing else', () => {
    const s = openStore();
    const q = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    s.markStarted(r.id, { backend: 'cpu', device: 'cpu' });
    const done = s.interruptQueued([q.id, r.id], 'The lab closed before this run started.');
    expect(done.map((x) => [x.id, x.status, x.error])).toEqual([
      [q.id, 'interrupted', 'The lab closed before this run started.'],
    ]);
    expect(s.getSummary(r.id).status).toBe('running');
  });

  it('renames, tags, untags and notes; unknown runs are not_found', () => {
    const s = openStore();
    const r = s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    expect(s.renameRun(r.id, '  better name ').name).toBe('better name');
    expect(s.tagRun(r.id, ['b', 'a', 'c']).tags).toEqual(['a', 'b', 'c']);
    expect(s.tagRun(r.id, ['d'], ['a', 'zz']).tags).toEqual(['b', 'c', 'd']);
    expect(s.noteRun(r.id, 'gradients vanish after 30 steps').note).toBe('gradients vanish after 30 steps');
    expect(() => s.tagRun(r.id, ['   '])).toThrow(/1 to 64 characters/);
    expect(() => s.renameRun('nope', 'x')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => s.getRun('nope')).toThrow('No run with id nope.');
  });

  it('deletes a run with all its data, and nothing else', () => {
    const file = tempPath();
    const s = openStore(file);
    const keep = s.createRun({ spec: ExperimentSpecSchema.parse({}), tags: ['x'] });
    const gone = s.createRun({ spec: ExperimentSpecSchema.parse({}), tags: ['x', 'y'] });
    for (const r of [keep, gone]) {
      s.appendSteps(r.id, steps(0, 50));
      s.saveProfile(r.id, { step: 49, layers: [{ layer: 0, hNorms: [1, 2], horizon: 1 }] });
      s.saveCheckpoint(r.id, { step: 49, data: new Uint8Array([1, 2, 3]) });
    }
    s.deleteRun(gone.id);
    expect(() => s.deleteRun(gone.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    const db = new Database(file, { readonly: true });
    for (const table of ['tags', 'series_chunks', 'profiles', 'checkpoints']) {
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE run_id = ?`).pluck().get(gone.id), table).toBe(0);
      expect(db.prepare(`SELECT count(*) FROM ${table} WHERE run_id = ?`).pluck().get(keep.id), table).toBeGreaterThan(
        0,
      );
    }
    db.close();
    expect(s.integrityCheck()).toEqual(['ok']);
  });
});

describe('listing and searching', () => {
  function seed(s: LabStore): Record<string, string> {
    const ids: Record<string, string> = {};
    const mk = (key: string, spec: ExperimentSpecInput, extra: { tags?: string[]; note?: string } = {}) =>
      (ids[key] = s.createRun({ spec: ExperimentSpecSchema.parse(spec), ...extra }).id);
    mk('rnnTanh', { name: 'vanilla tanh', model: { cell: 'rnn', activation: 'tanh' } }, { tags: ['baseline'] });
    mk(
      'rnnRelu',
      { name: 'vanilla relu', model: { cell: 'rnn', activation: 'relu', init: { recurrent: 'identity' } } },
      { note: 'IRNN, Le et al. 2015' },
    );
    mk('lstm', { name: 'LSTM copy', task: { kind: 'copy' }, model: { cell: 'lstm' } }, { tags: ['baseline', 'long'] });
    mk('gru', { name: 'GRU latch 100%_done', task: { kind: 'latch' }, model: { cell: 'gru' } });
    s.markStarted(ids.lstm!, { backend: 'cpu', device: 'cpu' });
    s.appendSteps(
      ids.lstm!,
      steps(0, 3, () => 0.2),
    );
    s.finishRun(ids.rnnTanh!, { status: 'completed', final: { loss: 0.5, horizon: 12 } });
    s.finishRun(ids.rnnRelu!, { status: 'diverged', final: { loss: Number.NaN, horizon: 40 } });
    s.finishRun(ids.gru!, { status: 'completed', final: { loss: 0.05, horizon: 90 } });
    return ids;
  }

  it('filters by text (name, note, tag), cell, activation, init, task, status and tag', () => {
    const clock = steppingClock();
    const s = openStore(tempPath(), { now: clock.now });
    const ids = seed(s);
    const names = (query: RunQuery) => s.listRuns(q({ ...query, sort: 'name', order: 'asc' })).runs.map((r) => r.id);
    expect(names({ text: 'vanilla' })).toEqual([ids.rnnRelu, ids.rnnTanh]);
    expect(names({ text: 'le et al' })).toEqual([ids.rnnRelu]);
    expect(names({ text: 'long' })).toEqual([ids.lstm]);
    expect(names({ text: '100%' })).toEqual([ids.gru]);
    expect(names({ text: '%' })).toEqual([ids.gru]);
    expect(names({ text: '_' })).toEqual([ids.gru]);
    expect(names({ cell: ['rnn'] })).toEqual([ids.rnnRelu, ids.rnnTanh]);
    expect(names({ cell: ['lstm', 'gru'] })).toEqual([ids.gru, ids.lstm]);
    expect(names({ activation: ['relu'] })).toEqual([ids.rnnRelu]);
    expect(names({ init: ['identity'] })).toEqual([ids.rnnRelu]);
    expect(names({ task: ['copy', 'latch'] })).toEqual([ids.gru, ids.lstm]);
    expect(names({ status: ['running'] })).toEqual([ids.lstm]);
    expect(names({ tag: ['baseline'] })).toEqual([ids.lstm, ids.rnnTanh]);
    expect(names({ tag: ['baseline', 'long'] })).toEqual([ids.lstm]);
    expect(names({ cell: ['rnn'], status: ['completed'] })).toEqual([ids.rnnTanh]);
  });

  it('filters by creation date, inclusive, whatever the precision of the bound', () => {
    const clock = steppingClock('2026-03-01T00:00:00.000Z');
    const s = openStore(tempPath(), { now: clock.now });
    const a = s.createRun({ spec: ExperimentSpecSchema.parse({}) }).id; // 00:00:00
    const b = s.createRun({ spec: ExperimentSpecSchema.parse({}) }).id; // 00:00:01
    const c = s.createRun({ spec: ExperimentSpecSchema.parse({}) }).id; // 00:00:02
    const ids = (query: RunQuery) => s.listRuns(q({ ...query, order: 'asc' })).runs.map((r) => r.id);
    expect(ids({ createdAfter: '2026-03-01T00:00:01Z' })).toEqual([b, c]);
    expect(ids({ createdBefore: '2026-03-01T00:00:01Z' })).toEqual([a, b]);
    expect(ids({ createdAfter: '2026-03-01T00:00:00.500Z', createdBefore: '2026-03-01T00:00:01.999Z' })).toEqual([b]);
  });

  it('sorts by each key, runs without a value last, and pages with a total', () => {
    const clock = steppingClock();
    const s = openStore(tempPath(), { now: clock.now });
    const ids = seed(s);
    const order = (query: RunQuery) => s.listRuns(q(query)).runs.map((r) => r.id);
    expect(order({ sort: 'createdAt', order: 'asc' })).toEqual([ids.rnnTanh, ids.rnnRelu, ids.lstm, ids.gru]);
    expect(order({ sort: 'createdAt' })).toEqual([ids.gru, ids.lstm, ids.rnnRelu, ids.rnnTanh]);
    expect(order({ sort: 'name', order: 'asc' })).toEqual([ids.gru, ids.lstm, ids.rnnRelu, ids.rnnTanh]);
    // The running LSTM sorts by its latest loss (0.2); the diverged run's NaN has no place and goes last.
    expect(order({ sort: 'finalLoss', order: 'asc' })).toEqual([ids.gru, ids.lstm, ids.rnnTanh, ids.rnnRelu]);
    expect(order({ sort: 'finalLoss', order: 'desc' })).toEqual([ids.rnnTanh, ids.lstm, ids.gru, ids.rnnRelu]);
    expect(order({ sort: 'horizon', order: 'desc' })).toEqual([ids.gru, ids.rnnRelu, ids.rnnTanh, ids.lstm]);
    expect(order({ sort: 'status', order: 'asc' })[0]).toBe(ids.gru);
    const page = s.listRuns(q({ sort: 'createdAt', order: 'asc', limit: 2, offset: 1 }));
    expect(page.total).toBe(4);
    expect(page.runs.map((r) => r.id)).toEqual([ids.rnnRelu, ids.lstm]);
    expect(page.runs[1]!.tags).toEqual(['baseline', 'long']);
    expect(s.listRuns(q({ offset: 10 }))).toEqual({ runs: [], total: 4 });
  });

  it('filters by sweep', () => {
    const s = openStore();
    const sw = s.createSweep({ base: ExperimentSpecSchema.parse({}), grid: { 'train.seed': [1, 2] } });
    const inSweep = s.createRun({ spec: ExperimentSpecSchema.parse({}), sweepId: sw.id }).id;
    s.createRun({ spec: ExperimentSpecSchema.parse({}) });
    expect(s.listRuns(q({ sweepId: sw.id })).runs.map((r) => r.id)).toEqual([inSweep]);
    expect(() => s.createRun({ spec: ExperimentSpecSchema.parse({}), sweepId: 'nope' })).toThrow(
      'No sweep with id nope.',
    );
  });

  it('a store reopened sees the same runs', () => {
    const file = tempPath();
    const a = LabStore.open(file);
    const id = a.createRun({ spec: ExperimentSpecSchema.parse({ name: 'persisted' }) }).id;
    a.close();
    const b = openStore(file);
    expect(b.getRun(id).name).toBe('persisted');
  });
});
