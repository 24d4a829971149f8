import { describe, expect, it } from 'vitest';
import type { SessionMeta } from '../io/sessionStore';
import type { HistoryEntry } from './historyMoves';
import {
  describeCounts,
  describeEdits,
  describeWhen,
  HISTORY_FORMAT,
  isExportedHistory,
  parseSavedHistory,
  sessionRows,
  unexportedCount,
} from './sessionFormat';

const entry: HistoryEntry = {
  label: 'Label as banana',
  subset: 0,
  patch: [
    {
      source: 0,
      patch: [
        {
          op: 'replace',
          collection: 'annotations',
          at: 0,
          before: { id: 1, category_id: 1 },
          after: { id: 1, category_id: 2 },
        },
        { op: 'insert', collection: 'annotations', at: 2, value: { id: 3 } },
      ],
    },
  ],
};
const saved = {
  format: HISTORY_FORMAT,
  history: [entry],
  view: {
    subsetIndex: 0,
    customColors: { '1': '#ff0000' },
    marks: { 'default/a.png': 'reviewed' },
  },
  savedAt: 1000,
};

describe('parseSavedHistory', () => {
  it('accepts a history of the current format as it was saved', () => {
    const parsed = parseSavedHistory(structuredClone(saved));
    expect(parsed).toEqual({ ok: true, value: saved });
  });

  it('refuses a record of another format version, naming both versions', () => {
    const parsed = parseSavedHistory({ ...saved, format: 99 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/format 99.*reads format 1/);
  });

  it('refuses a record without a version (written before versions existed)', () => {
    const old: Record<string, unknown> = { ...saved };
    delete old.format;
    const parsed = parseSavedHistory(old);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/no format version/);
  });

  it('refuses a missing record', () => {
    expect(parseSavedHistory(undefined)).toEqual({ ok: false, reason: 'its history is missing' });
  });

  it('refuses the whole history when one edit is damaged, saying which', () => {
    const bad = structuredClone(saved);
    bad.history.push({ ...entry, patch: [{ source: 0, patch: [{ op: 'move' }] }] } as never);
    const parsed = parseSavedHistory(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/edit 2 patch\[0\]\.patch\[0\]/);
  });

  it.each([
    ['an op without its value', { op: 'remove', collection: 'annotations', at: 0 }],
    ['an unknown collection', { op: 'remove', collection: 'images', at: 0, value: {} }],
    ['a negative position', { op: 'insert', collection: 'categories', at: -1, value: {} }],
    ['a replace without after', { op: 'replace', collection: 'annotations', at: 0, before: {} }],
  ])('refuses %s', (_, op) => {
    const bad = { ...saved, history: [{ ...entry, patch: [{ source: 0, patch: [op] }] }] };
    expect(parseSavedHistory(bad).ok).toBe(false);
  });

  it('refuses damaged view settings', () => {
    expect(parseSavedHistory({ ...saved, view: { ...saved.view, marks: { a: 'liked' } } }).ok).toBe(
      false,
    );
    expect(parseSavedHistory({ ...saved, view: null }).ok).toBe(false);
    expect(parseSavedHistory({ ...saved, history: 'x' }).ok).toBe(false);
  });
});

const meta = (id: string, lastEditAt: number): SessionMeta => ({
  id,
  label: `${id}.json`,
  images: 4,
  annotations: 28,
  edits: 3,
  createdAt: 0,
  lastEditAt,
});

describe('sessionRows', () => {
  it('lists every session, the last edited first, marking those other tabs hold and this tab’s', () => {
    const rows = sessionRows([meta('a', 10), meta('b', 30), meta('c', 20)], new Set(['c']), 'a');
    expect(rows.map((r) => [r.id, r.elsewhere, r.thisTab])).toEqual([
      ['b', false, false],
      ['c', true, false],
      ['a', false, true],
    ]);
  });

  it('orders sessions edited at the same moment by id, so the list does not jump', () => {
    expect(sessionRows([meta('z', 5), meta('y', 5)], new Set(), null).map((r) => r.id)).toEqual([
      'y',
      'z',
    ]);
  });
});

describe('descriptions', () => {
  it('counts in the status line’s words, singular and plural', () => {
    expect(describeCounts({ images: 1, annotations: 1200 })).toBe('1 image · 1,200 annotations');
    expect(describeCounts({ images: null, annotations: null })).toBe('counts not recorded');
    expect(describeEdits(1)).toBe('1 edit');
    expect(describeEdits(51)).toBe('51 edits');
  });
});

describe('isExportedHistory', () => {
  const a = { ...entry, label: 'a' };
  const b = { ...entry, label: 'b' };
  it('is true before any export only for an empty history', () => {
    expect(isExportedHistory([], null)).toBe(true);
    expect(isExportedHistory([a], null)).toBe(false);
  });
  it('is true for the exported entries, also after an undo and a redo brought them back', () => {
    const exported = [a, b];
    expect(isExportedHistory([a, b], exported)).toBe(true);
    expect(isExportedHistory([a], exported)).toBe(false);
    expect(isExportedHistory([a, b, a], exported)).toBe(false);
    expect(isExportedHistory([a, { ...b }], exported)).toBe(false);
  });
  it('counts the edits an export does not hold', () => {
    expect(unexportedCount([a, b], null)).toBe(2);
    expect(unexportedCount([a, b, a], [a, b])).toBe(1);
    expect(unexportedCount([a, b], [a, b])).toBe(0);
    // Undone past the export and edited anew: the whole history differs from the file.
    expect(unexportedCount([a, a], [a, b])).toBe(2);
  });
});

describe('describeWhen', () => {
  const now = new Date(2026, 11, 6, 21, 30).getTime();
  it('gives the time alone for today, the date for another day, the year for another year', () => {
    expect(describeWhen(new Date(2026, 11, 6, 9, 5).getTime(), now, 'en-GB')).toBe('today 09:05');
    expect(describeWhen(new Date(2026, 10, 30, 18, 0).getTime(), now, 'en-GB')).toBe(
      '30 Nov, 18:00',
    );
    expect(describeWhen(new Date(2025, 0, 2, 8, 0).getTime(), now, 'en-GB')).toBe(
      '2 Jan 2025, 08:00',
    );
  });
});
