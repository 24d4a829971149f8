import { useEffect, useState } from 'react';

/**
 * A checkbox that shows the user's click at once, while the edit goes to the data engine
 * and back; it follows the dataset's value whenever that changes (undo, redo).
 */
export function EditCheckbox(props: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const [checked, setChecked] = useState(props.checked);
  useEffect(() => setChecked(props.checked), [props.checked]);
  return (
    <input
      type="checkbox"
      aria-label={props.label}
      checked={checked}
      onChange={(e) => {
        setChecked(e.currentTarget.checked);
        props.onChange(e.currentTarget.checked);
      }}
    />
  );
}
