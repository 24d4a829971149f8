import { useEffect } from 'react';
import { useApp } from '../store/store';
import type { WalkKind } from '../worker/protocol';
import { count } from './format';
import { takesTyping } from './keys';

const NAMES: Record<WalkKind, [string, string]> = {
  annotation: ['annotation', 'annotations'],
  crowd: ['crowd', 'crowd annotations'],
  problem: ['problem', 'annotations with problems'],
  edited: ['edited', 'edited annotations'],
  'false-positive': ['false positive', 'false positives'],
  miss: ['miss', 'misses'],
  mistake: ['mistake', 'false positives and misses'],
};

/**
 * N / Shift+N walk to the next / previous annotation the image list's filter asks for,
 * across images; this shows where the walk is ("crowd 12 of 401").
 */
export function WalkPosition() {
  const position = useApp((s) => s.walkPosition);
  const walk = useApp((s) => s.walk);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'n' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (takesTyping(e.target) || useApp.getState().replaceAsk !== null) return;
      e.preventDefault();
      void walk(e.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [walk]);

  if (position === null) return null;
  const [one, many] = NAMES[position.kind];
  return (
    <span className="muted" aria-label="Walk position" aria-live="polite">
      {position.total === 0
        ? `no ${many}`
        : `${one} ${count(position.position)} of ${count(position.total)}`}
    </span>
  );
}
