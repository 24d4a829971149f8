/**
 * Saved sessions as data: the versioned history record autosave writes, its validation on
 * read (an old or damaged record is refused whole, never half-applied), and the list the
 * restore prompt shows. Pure: no IndexedDB, no store, no DOM; tested in node.
 */
import type { SessionMeta } from '../io/sessionStore';
import type { HistoryEntry } from './historyMoves';
import type { ReviewMark } from './reviewSlice';

/** The format of the saved history record. Bump it when HistoryEntry or SavedView change. */
export const HISTORY_FORMAT = 1;

/** View settings saved with a session (image pixels and ids are not part of it). */
export type SavedView = {
  subsetIndex: number;
  customColors: Record<string, string>;
  marks: Record<string, ReviewMark>;
};

export type SavedHistory = {
  format: typeof HISTORY_FORMAT;
  history: HistoryEntry[];
  view: SavedView;
  savedAt: number;
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const COLLECTIONS = new Set(['annotations', 'categories']);

/** Where op `op` of a patch is wrong, or null when it is a patch op the engine can apply. */
function patchOpProblem(op: unknown): string | null {
  if (!isRecord(op)) return 'is not an object';
  if (typeof op.collection !== 'string' || !COLLECTIONS.has(op.collection))
    return 'names no collection';
  if (!isIndex(op.at)) return 'has no position';
  switch (op.op) {
    case 'replace':
      return isRecord(op.before) && isRecord(op.after) ? null : 'lacks before/after';
    case 'insert':
    case 'remove':
      return isRecord(op.value) ? null : 'lacks its value';
    default:
      return `has an unknown op ${JSON.stringify(op.op)}`;
  }
}

function entryProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'is not an object';
  if (typeof entry.label !== 'string') return 'has no label';
  if (!isIndex(entry.subset)) return 'has no subset';
  if (!Array.isArray(entry.patch)) return 'has no patch';
  for (const [i, part] of entry.patch.entries()) {
    if (!isRecord(part) || !isIndex(part.source) || !Array.isArray(part.patch))
      return `patch[${i}] is not a file's patch`;
    for (const [j, op] of part.patch.entries()) {
      const problem = patchOpProblem(op);
      if (problem !== null) return `patch[${i}].patch[${j}] ${problem}`;
    }
  }
  return null;
}

function viewProblem(view: unknown): string | null {
  if (!isRecord(view)) return 'view is not an object';
  if (!isIndex(view.subsetIndex)) return 'view.subsetIndex is not a subset';
  if (!isRecord(view.customColors) || !Object.values(view.customColors).every(isString))
    return 'view.customColors is not a map of colours';
  if (!isRecord(view.marks) || !Object.values(view.marks).every(isMark))
    return 'view.marks is not a map of review marks';
  return null;
}
const isString = (v: unknown) => typeof v === 'string';
const isMark = (v: unknown) => v === 'reviewed' || v === 'skipped';

/**
 * The saved history record, checked whole before anything of it is used: the format
 * version first (a record of another version is refused, saying which), then every entry.
 */
export function parseSavedHistory(value: unknown): Parsed<SavedHistory> {
  if (value === undefined || value === null) return { ok: false, reason: 'its history is missing' };
  if (!isRecord(value)) return { ok: false, reason: 'its history is damaged (not an object)' };
  if (value.format !== HISTORY_FORMAT) {
    const was = value.format === undefined ? 'no format version' : `format ${String(value.format)}`;
    return {
      ok: false,
      reason: `it was saved in another format (${was}; this version reads format ${HISTORY_FORMAT})`,
    };
  }
  if (!Array.isArray(value.history))
    return { ok: false, reason: 'its history is damaged (no list of edits)' };
  for (const [i, entry] of value.history.entries()) {
    const problem = entryProblem(entry);
    if (problem !== null)
      return { ok: false, reason: `its history is damaged (edit ${i + 1} ${problem})` };
  }
  const problem = viewProblem(value.view);
  if (problem !== null) return { ok: false, reason: `its history is damaged (${problem})` };
  if (typeof value.savedAt !== 'number')
    return { ok: false, reason: 'its history is damaged (no time)' };
  return { ok: true, value: value as SavedHistory };
}

/** A saved session as the restore prompt lists it. */
export type SessionRow = SessionMeta & {
  /** Another live tab holds it: restoring it here is refused. */
  elsewhere: boolean;
  /** The session this tab worked on before it was reloaded. */
  thisTab: boolean;
};

/** Every saved session, the most recently edited first; none is left out. */
export function sessionRows(
  metas: readonly SessionMeta[],
  heldElsewhere: ReadonlySet<string>,
  thisTab: string | null,
): SessionRow[] {
  return metas
    .map((m) => ({ ...m, elsewhere: heldElsewhere.has(m.id), thisTab: m.id === thisTab }))
    .sort((a, b) => b.lastEditAt - a.lastEditAt || a.id.localeCompare(b.id));
}

const plural = (n: number, word: string) =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** "4 images · 28 annotations", or a note when the session predates counts. */
export function describeCounts(meta: Pick<SessionMeta, 'images' | 'annotations'>): string {
  if (meta.images === null || meta.annotations === null) return 'counts not recorded';
  return `${plural(meta.images, 'image')} · ${plural(meta.annotations, 'annotation')}`;
}

export function describeEdits(edits: number): string {
  return plural(edits, 'edit');
}

/** Whether the history now is the one last exported (same entries, in order). */
export function isExportedHistory(
  history: readonly HistoryEntry[],
  exported: readonly HistoryEntry[] | null,
): boolean {
  if (exported === null) return history.length === 0;
  return history.length === exported.length && history.every((e, i) => e === exported[i]);
}

/** When a session was last edited, as short as is clear: the time today, else the date too. */
export function describeWhen(ms: number, now: number, locale?: string): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === new Date(now).toDateString()) return `today ${time}`;
  const date = at.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(at.getFullYear() === new Date(now).getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${date}, ${time}`;
}

/**
 * How many edits of `history` an export does not hold: those after the exported ones when
 * the history goes on from them, else (undone past the export, then edited) all of them.
 */
export function unexportedCount(
  history: readonly HistoryEntry[],
  exported: readonly HistoryEntry[] | null,
): number {
  if (exported === null) return history.length;
  const prefix = exported.length <= history.length && exported.every((e, i) => e === history[i]);
  return prefix ? history.length - exported.length : history.length;
}
