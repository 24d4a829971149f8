import type { ReactNode } from 'react';

type Props = {
  /** What the slider shows before it (its label when `name` is not given). */
  children: ReactNode;
  /** The accessible name, when the text shown is not it ("Score ≥ 0.50"). */
  name?: string;
  min: number;
  max: number;
  step: number;
  value: number;
  disabled?: boolean;
  onChange: (value: number) => void;
};

/** A labelled range input as the tool bars show them (opacity, score, IoU thresholds). */
export function RangeSlider(props: Props) {
  return (
    <label className="slider">
      {props.children}
      <input
        type="range"
        aria-label={props.name}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(Number(e.currentTarget.value))}
      />
    </label>
  );
}
