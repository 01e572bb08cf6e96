import { zodResolver } from '@hookform/resolvers/zod';
import {
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
  type UseFormSetError,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '../../lib/api';

// The dialogs' forms: react-hook-form checking the fields with the schemas the server applies
// (shared/accounts.ts, shared/schemas/*), so a form says what the server would say, in its
// Vietnamese words, before anything is sent; and what the server refuses all the same is put
// on the field it names.

/** A form whose values are checked by `schema` when sent, and again as they change after that. */
export function useSchemaForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
}

/**
 * A refusal of the server (the contract's `{"error": {"code", "message", "field"}}`): on the
 * field it is about, which gets the focus, or else on the form as a whole.
 */
export function showRefusal<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: Error,
  fieldOf: (error: ApiError) => Path<T> | undefined,
) {
  const field = error instanceof ApiError ? fieldOf(error) : undefined;
  if (field) form.setError(field, { type: 'server', message: error.message }, { shouldFocus: true });
  else form.setError('root.server', { type: 'server', message: error.message });
}

/** The field a refusal names, when it is one of the form's. */
export const fieldAmong =
  <F extends string>(...fields: F[]) =>
  (error: ApiError): F | undefined =>
    fields.find((f) => f === error.field);

/** The refusal that names no field of the form. */
export const formRefusal = (form: {
  formState: { errors: { root?: Record<string, { message?: string | undefined }> } };
}) => form.formState.errors.root?.server?.message;
