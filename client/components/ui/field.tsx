import { type ComponentProps, createContext, type ReactNode, useContext } from 'react';

// A form field as every form draws it: the label, the control, a hint under it and the error
// that names what is wrong. The control says which hint and which error are its own
// (aria-describedby) and whether it is at fault (aria-invalid), so a screen reader reads the
// error with the field, and the border turns red.

const join = (...parts: (string | false | null | undefined)[]) =>
  parts.filter(Boolean).join(' ') || undefined;

export const hintIdOf = (id: string) => `${id}-hint`;
export const errorIdOf = (id: string) => `${id}-error`;

interface ControlWiring {
  id: string;
  invalid: boolean;
  describedBy: string | undefined;
}

const FieldContext = createContext<ControlWiring | null>(null);

type Aria = { id?: string | undefined; 'aria-invalid'?: unknown; 'aria-describedby'?: string | undefined };

/** The id, `aria-invalid` and `aria-describedby` of the control of the field it stands in. */
function useWiring<P extends Aria>(props: P): P {
  const field = useContext(FieldContext);
  if (!field) return props;
  return {
    ...props,
    id: props.id ?? field.id,
    'aria-invalid': props['aria-invalid'] ?? (field.invalid || undefined),
    'aria-describedby': join(props['aria-describedby'], field.describedBy),
  };
}

export function Label({
  htmlFor,
  as = 'label',
  className,
  children,
}: {
  htmlFor?: string;
  /** A field whose value is shown but not typed has a span; a group of controls a legend. */
  as?: 'label' | 'span' | 'legend';
  className?: string;
  children: ReactNode;
}) {
  const cls = join('field-label', className);
  if (as === 'span') return <span className={cls}>{children}</span>;
  if (as === 'legend') return <legend className={cls}>{children}</legend>;
  return (
    <label className={cls} htmlFor={htmlFor}>
      {children}
    </label>
  );
}

/** What is wrong with a field. Checked as typed (`live`) it is read with the field, not announced. */
export function FieldError({
  id,
  live,
  className,
  children,
}: {
  id: string;
  live?: boolean;
  className?: string;
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <p id={id} className={join('field-error', className)} role={live ? undefined : 'alert'}>
      {children}
    </p>
  );
}

export interface FieldProps {
  /** The control's id: the label points at it; the hint and the error are named after it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A hint for screen readers only. */
  hintHidden?: boolean;
  /** The message shown under the field; the control is then at fault. */
  error?: ReactNode;
  /** Checked as typed: the error is read with the field rather than announced. */
  live?: boolean;
  /** The id of an error shown elsewhere (for a group of fields) that this control is at fault in. */
  errorElsewhere?: string | undefined;
  className?: string;
  /** Names the field for tests and for the focus of a refusal. */
  name?: string;
  children: ReactNode;
}

/** A label, its control (Input, Select, Textarea, or any control using `useFieldControl`), a hint and an error. */
export function Field({
  id,
  label,
  hint,
  hintHidden,
  error,
  live,
  errorElsewhere,
  className,
  name,
  children,
}: FieldProps) {
  const wiring: ControlWiring = {
    id,
    invalid: !!error || !!errorElsewhere,
    describedBy: join(hint ? hintIdOf(id) : null, error ? errorIdOf(id) : errorElsewhere),
  };
  return (
    <div className={join('field', className)} data-field={name}>
      <Label htmlFor={id}>{label}</Label>
      <FieldContext.Provider value={wiring}>{children}</FieldContext.Provider>
      {hint && (
        <p id={hintIdOf(id)} className={hintHidden ? 'visually-hidden' : 'field-hint'}>
          {hint}
        </p>
      )}
      <FieldError id={errorIdOf(id)} live={live}>
        {error}
      </FieldError>
    </div>
  );
}

/** For a control of one's own inside a Field: its id and aria attributes. */
export const useFieldControl = useWiring;

type InputProps = ComponentProps<'input'> & {
  /** A unit shown inside the box, at its end ("%", "đảng viên"); not read aloud. */
  suffix?: ReactNode;
};

export function Input({ suffix, className, ...props }: InputProps) {
  const wired = useWiring(props);
  const input = <input {...wired} className={join('input', className)} />;
  if (!suffix) return input;
  return (
    <div className="input-with-suffix">
      {input}
      <span className="input-suffix" aria-hidden="true">
        {suffix}
      </span>
    </div>
  );
}

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select {...useWiring(props)} className={join('select', className)} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea {...useWiring(props)} className={join('input textarea', className)} />;
}

type Option = readonly [value: string | number, label: ReactNode];

/**
 * A labelled choice: `options` as [value, label] pairs, and `children` for what they do not
 * say (groups, a choice kept from a link). `onChange` gets the value chosen.
 */
export function SelectField({
  id,
  label,
  hint,
  className,
  value,
  onChange,
  options = [],
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  value: string | number;
  onChange: (value: string) => void;
  options?: Iterable<Option>;
  children?: ReactNode;
}) {
  return (
    <Field id={id} label={label} hint={hint} className={className}>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        {[...options].map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
        {children}
      </Select>
    </Field>
  );
}
