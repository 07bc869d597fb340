import { PasswordInput, TextInput } from '@mantine/core';

/**
 * A secret's name and its value (a password input, never autofilled): the value is meant to be
 * sent once through the secrets route and cleared by the caller right after.
 */
export function SecretInputs({
  name,
  onName,
  value,
  onValue,
  namePlaceholder,
  nameRequired = true,
  valueLabel = 'Value',
}: {
  name: string;
  onName: (name: string) => void;
  value: string;
  onValue: (value: string) => void;
  namePlaceholder: string;
  nameRequired?: boolean;
  valueLabel?: string;
}) {
  return (
    <>
      <TextInput
        label="Secret name"
        placeholder={namePlaceholder}
        required={nameRequired}
        value={name}
        onChange={(event) => onName(event.currentTarget.value)}
      />
      <PasswordInput
        label={valueLabel}
        required
        autoComplete="off"
        value={value}
        onChange={(event) => onValue(event.currentTarget.value)}
      />
    </>
  );
}
