// A labelled text input, as the account, setup, sign-in and admin forms write them: the label above,
// the value held by the caller. Other input attributes (type, autoComplete, required…) pass through.
import type { InputHTMLAttributes } from 'react';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

export function TextField({ label, value, onChange, ...input }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
