import { useEffect } from 'react';
import { imageKey } from '../store/reviewSlice';
import { useApp } from '../store/store';
import { takesTyping } from './keys';

/** Mark the current image reviewed (R: and go to the next) or skipped. */
export function ReviewButtons() {
  const imageIndex = useApp((s) => s.imageIndex);
  const mark = useApp((s) => s.marks[imageKey(s, s.imageIndex)]);
  const toggleMark = useApp((s) => s.toggleMark);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'r' || e.ctrlKey || e.metaKey || e.altKey || takesTyping(e.target)) return;
      const s = useApp.getState();
      const reviewed = s.marks[imageKey(s, s.imageIndex)] === 'reviewed';
      s.toggleMark(s.imageIndex, 'reviewed');
      if (!reviewed) s.setImage(s.imageIndex + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="review" role="group" aria-label="Review">
      <button
        type="button"
        aria-pressed={mark === 'reviewed'}
        onClick={() => toggleMark(imageIndex, 'reviewed')}
        title="Mark reviewed (R: and go to the next)"
      >
        Reviewed
      </button>
      <button
        type="button"
        aria-pressed={mark === 'skipped'}
        onClick={() => toggleMark(imageIndex, 'skipped')}
        title="Skip this image"
      >
        Skip
      </button>
    </div>
  );
}
