import type { ChangeEvent } from 'react';

/** A password being chosen: the server refuses guessable ones and its reason shows in the form's error. */
export function NewPasswordInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="password"
        value={value}
        onChange={onChange}
        autoComplete="new-password"
        minLength={8}
        aria-describedby="password-hint"
        required
      />
      <small id="password-hint">
        At least 8 characters; common passwords are refused. Several words work well.
      </small>
    </label>
  );
}
