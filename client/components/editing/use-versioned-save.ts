import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemProblem } from '../../../shared/schemas/common';
import { ApiError } from '../../lib/api';
import { invalidateValueViews } from '../../lib/invalidate-value-views';

// One way to save what an editor holds (docs/decisions/011-one-way-to-edit.md). Every write
// carries the version of what it was read from; when someone else saved in between the server
// answers 409 with what is stored now, and the person chooses: keep mine (the other value
// becomes the base, and mine is sent again over its version) or take theirs (it goes into the
// fields). An editor of one value files it under one key; a grid under one key per cell, and
// a batch's answer names its items by their place in the batch.

export type Choice = 'mine' | 'theirs';

/** A refusal of the server: its sentence, the field it names, and the item it is about. */
export interface Refusal<K> {
  message: string;
  /** The code of the server's refusal; `unexpected` when the request failed without one. */
  code: string;
  field?: string | undefined;
  key?: K | undefined;
  status: number;
}

/** How a save went: the answer, or how many conflicts to choose on, or the refusal. */
export type SaveOutcome<A> =
  | { ok: true; answer: A }
  | { ok: false; conflicts: number; refusal: Refusal<unknown> | null };

export interface SaveTarget<K> {
  /** A write of one item: its conflict is filed under this key. */
  key?: K;
  /** A write of many: the key of the item at a place in the batch. */
  keyAt?: (index: number) => K | undefined;
}

export interface VersionedSaveOptions<K, V> {
  initial: () => Iterable<readonly [K, V]>;
  /** What is stored now, read again rather than taken from the 409's `current`. */
  readCurrent?: (key: K) => Promise<V | null>;
  /** "Take theirs": what the editor does with the other value (puts it into its fields). */
  onTheirs?: (key: K, current: V | null) => void;
  /** What to say when the request failed without an answer of the server. */
  unexpected?: string;
  /**
   * A refusal the editor shows in a place of its own (a line of a list): true when it did, and
   * the general refusal is then not shown.
   */
  placeRefusal?: (error: ApiError) => boolean;
}

const UNEXPECTED = 'Đã có lỗi ngoài ý muốn; hãy thử lại.';

function without<K, V>(map: ReadonlyMap<K, V>, key: K): Map<K, V> {
  const next = new Map(map);
  next.delete(key);
  return next;
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | null): Map<K, V> {
  const next = new Map(map);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

/**
 * The state of a versioned save: what is stored (the base every write sends the version of),
 * the conflicts to choose on, the refusal, whether the period was locked meanwhile, and the
 * save itself.
 */
export function useVersionedSave<K, V>(options: VersionedSaveOptions<K, V>) {
  const queryClient = useQueryClient();
  const opts = useRef(options);
  opts.current = options;
  const [stored, setStoredState] = useState<ReadonlyMap<K, V>>(() => new Map(options.initial()));
  const storedRef = useRef(stored);
  const [conflicts, setConflicts] = useState<ReadonlyMap<K, V | null>>(new Map());
  const [conflictMessage, setConflictMessage] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal<K> | null>(null);
  const [itemRefusals, setItemRefusals] = useState<ReadonlyMap<K, string>>(new Map());
  const [locked, setLocked] = useState(false);
  const [saving, setSaving] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  const setStored = useCallback((next: ReadonlyMap<K, V>) => {
    storedRef.current = next;
    setStoredState(next);
  }, []);

  /** Answers of the server, put into what is stored (null: no longer stored). */
  const remember = useCallback(
    (entries: Iterable<readonly [K, V | null]>) => {
      let next: ReadonlyMap<K, V> = storedRef.current;
      for (const [key, value] of entries) next = withEntry(next, key, value);
      setStored(next);
      return next;
    },
    [setStored],
  );

  // A refusal or a conflict is brought into view: it may appear below the fold of a phone.
  useEffect(() => {
    if (refusal || conflicts.size > 0) alertRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [refusal, conflicts]);

  /** Conflicts and refusals forgotten: the person starts again. */
  const reset = useCallback(() => {
    setConflicts(new Map());
    setConflictMessage(null);
    setRefusal(null);
    setItemRefusals(new Map());
  }, []);

  async function conflictsOf(error: ApiError, target: SaveTarget<K>): Promise<Map<K, V | null> | null> {
    const body = error.body ?? {};
    if (Array.isArray(body.conflicts) && target.keyAt) {
      const found = new Map<K, V | null>();
      for (const c of body.conflicts as { index: number; current: V | null }[]) {
        const key = target.keyAt(c.index);
        if (key !== undefined) found.set(key, c.current);
      }
      return found;
    }
    if (target.key === undefined) return null;
    const read = opts.current.readCurrent;
    if (read) return new Map([[target.key, await read(target.key)]]);
    return 'current' in body ? new Map([[target.key, (body.current as V | null) ?? null]]) : null;
  }

  /** Where a refusal goes: the item it names in a batch, the field it names, or the whole. */
  async function fail(error: unknown, target: SaveTarget<K>): Promise<SaveOutcome<never>> {
    const refuse = (r: Refusal<K>): SaveOutcome<never> => {
      setRefusal(r);
      return { ok: false, conflicts: 0, refusal: r };
    };
    if (!(error instanceof ApiError))
      return refuse({ message: opts.current.unexpected ?? UNEXPECTED, code: 'unexpected', status: 0 });
    if (error.status === 409) {
      let found: Map<K, V | null> | null;
      try {
        found = await conflictsOf(error, target);
      } catch (e) {
        return refuse({
          message: e instanceof Error ? e.message : error.message,
          code: error.code,
          status: 409,
        });
      }
      if (found) {
        setConflicts(found);
        setConflictMessage(error.message);
        return { ok: false, conflicts: found.size, refusal: null };
      }
    }
    if (error.status === 423) {
      // Locked meanwhile: nothing here can be saved any more, and the page shows the lock.
      setLocked(true);
      void invalidateValueViews(queryClient);
    }
    if (Array.isArray(error.body?.errors) && target.keyAt) {
      const found = new Map<K, string>();
      for (const p of error.body.errors as ItemProblem[]) {
        const key = target.keyAt(p.index);
        if (key !== undefined) found.set(key, p.message);
      }
      setItemRefusals(found);
    }
    const r = {
      message: error.message,
      code: error.code,
      field: error.field,
      key: target.key,
      status: error.status,
    };
    if (opts.current.placeRefusal?.(error)) return { ok: false, conflicts: 0, refusal: r };
    return refuse(r);
  }

  /**
   * Sends what `send` writes (with the versions of `stored`). The answer comes back on
   * success; otherwise the conflicts or the refusal are kept here, and said by the outcome.
   */
  async function save<A>(send: () => Promise<A>, target: SaveTarget<K> = {}): Promise<SaveOutcome<A>> {
    reset();
    setSaving(true);
    try {
      return { ok: true, answer: await send() };
    } catch (error) {
      return await fail(error, target);
    } finally {
      setSaving(false);
    }
  }

  /**
   * The person's choice on a conflict: either way the other value becomes the base (mine is
   * then written over its version); "theirs" also puts it into the fields. Returns what is
   * stored, for a write that follows at once.
   */
  const choose = (key: K, choice: Choice): ReadonlyMap<K, V> => {
    const current = conflicts.get(key) ?? null;
    const next = remember([[key, current]]);
    setConflicts((c) => without(c, key));
    if (choice === 'theirs') opts.current.onTheirs?.(key, current);
    return next;
  };

  const chooseAll = (choice: Choice) => {
    for (const key of conflicts.keys()) choose(key, choice);
  };

  /** The refusal of an item, or of the field typed again, is forgotten. */
  const forget = (what: { key?: K; field?: string }) => {
    if (what.key !== undefined && itemRefusals.has(what.key))
      setItemRefusals((r) => without(r, what.key as K));
    if (what.field !== undefined && refusal?.field === what.field) setRefusal(null);
  };

  /** The general refusal is put away (its field was typed again). */
  const dismiss = () => setRefusal(null);

  return {
    stored,
    setStored,
    remember,
    conflicts,
    conflictMessage,
    refusal,
    itemRefusals,
    locked,
    saving,
    save,
    choose,
    chooseAll,
    forget,
    dismiss,
    reset,
    alertRef,
  };
}

export type VersionedSave<K, V> = ReturnType<typeof useVersionedSave<K, V>>;
