import { CommitInput } from './CommitInput';
import { EditCheckbox } from './EditCheckbox';

/** One attribute of the selected annotations, edited as what it is: a flag, a number or text. */
export function AttributeField(props: {
  name: string;
  value: unknown;
  mixed: boolean;
  onChange: (value: unknown) => void;
  onRename: (to: string) => void;
  onRemove: () => void;
  onSetForCategory: (() => void) | null;
}) {
  const { name, value } = props;
  let control;
  if (typeof value === 'boolean') {
    control = <EditCheckbox label={name} checked={value} onChange={(on) => props.onChange(on)} />;
  } else if (typeof value === 'number') {
    control = (
      <CommitInput
        type="number"
        aria-label={name}
        value={props.mixed ? '' : String(value)}
        placeholder={props.mixed ? 'mixed' : undefined}
        onCommit={(v) => v.trim() !== '' && Number.isFinite(Number(v)) && props.onChange(Number(v))}
      />
    );
  } else {
    control = (
      <CommitInput
        type="text"
        aria-label={name}
        value={props.mixed ? '' : typeof value === 'string' ? value : JSON.stringify(value)}
        placeholder={props.mixed ? 'mixed' : undefined}
        onCommit={(v) => props.onChange(v)}
      />
    );
  }
  return (
    <div className="attribute">
      <span className="attr-name" title={name}>
        {name}
      </span>
      {control}
      <button
        type="button"
        className="icon"
        aria-label={`Rename ${name}`}
        title="Rename"
        onClick={() => {
          const to = window.prompt(`Rename attribute "${name}" to`, name);
          if (to !== null && to.trim() !== '' && to !== name) props.onRename(to.trim());
        }}
      >
        ✎
      </button>
      {props.onSetForCategory !== null && (
        <button
          type="button"
          className="icon"
          aria-label={`Set ${name} on every annotation of this category`}
          title="Set on every annotation of this category"
          onClick={props.onSetForCategory}
        >
          ⇶
        </button>
      )}
      <button
        type="button"
        className="icon"
        aria-label={`Remove ${name}`}
        title="Remove"
        onClick={props.onRemove}
      >
        ×
      </button>
    </div>
  );
}
