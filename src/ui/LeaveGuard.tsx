import { useEffect } from 'react';
import { useApp } from '../store/store';

/** Asks before the tab closes while there are edits not exported (they are autosaved too). */
export function LeaveGuard() {
  const unexported = useApp((s) => s.unexported);
  useEffect(() => {
    if (!unexported) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unexported]);
  return null;
}
