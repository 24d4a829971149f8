import { useRef } from 'react';

/** The page: composes the panels; handles no pointer or file logic itself. */
export function App() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">cocoscope</span>
        <button type="button" onClick={() => input.current?.click()}>
          Open files
        </button>
        <input
          ref={input}
          type="file"
          aria-label="Dataset files"
          multiple
          hidden
          accept=".json,.zip,image/*"
        />
      </header>
      <main className="welcome">
        <h1>Drop a COCO dataset here</h1>
        <p>A json, a zip, a folder of images. Nothing leaves your machine.</p>
      </main>
    </div>
  );
}
