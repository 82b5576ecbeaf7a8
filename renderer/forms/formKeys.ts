// Keyboard rules of every form: Enter moves to the next field (and saves on the last one),
// Ctrl+S saves, Esc cancels. An open dropdown or calendar keeps Enter and Esc for itself: the
// first Esc closes it, the next one cancels the form. Dropdown keys are in selectKeys.ts.
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { selectKeyCapture } from './selectKeys';

const FOCUSABLE =
  'input:not([disabled]):not([type=hidden]), textarea:not([disabled]), button[role=switch]:not([disabled])';

function popupOpen(target: HTMLElement): boolean {
  if (target.getAttribute('aria-expanded') === 'true') return true;
  return (
    document.querySelector(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
    ) !== null
  );
}

function focusNextField(root: HTMLElement, from: HTMLElement): boolean {
  const fields = [...root.querySelectorAll<HTMLElement>('[data-field]')];
  const at = fields.findIndex((f) => f.contains(from));
  for (const field of fields.slice(at + 1)) {
    const input = field.querySelector<HTMLElement>(FOCUSABLE);
    if (input) {
      input.focus();
      if (input instanceof HTMLInputElement && input.type === 'text') input.select();
      return true;
    }
  }
  return false;
}

/**
 * Focuses the first field of a form that just opened, unless the clerk is already in one; a value
 * it starts with (today's date) is selected, so typing replaces it, as after Enter.
 */
export function focusFirstField(root: HTMLElement | null): void {
  if (!root || root.contains(document.activeElement)) return;
  const input = root.querySelector<HTMLElement>(`[data-field] ${FOCUSABLE.split(', ').join(', [data-field] ')}`);
  input?.focus();
  if (input instanceof HTMLInputElement && input.type === 'text') input.select();
}

/**
 * The focus for a drawer's or dialog's form: in its first field as soon as the body mounts (during
 * the commit, so keys typed while it opens land there and nothing takes the focus away again) and
 * once the container is shown. `body` is the body element for the form's key shortcuts.
 */
export function useFirstFieldFocus() {
  const body = useRef<HTMLDivElement | null>(null);
  const bodyRef = useCallback((el: HTMLDivElement | null) => {
    body.current = el;
    if (el) focusFirstField(el);
  }, []);
  const afterOpenChange = useCallback((visible: boolean) => {
    if (visible) focusFirstField(body.current);
  }, []);
  return { body, bodyRef, afterOpenChange };
}

/**
 * Key handlers for the element holding a form's fields: Enter goes to the next field, or saves
 * after the last; a dropdown chooses on Enter and moves on (selectKeys.ts).
 */
export function formFieldKeys(save: () => void) {
  return {
    onKeyDownCapture: (e: KeyboardEvent<HTMLElement>) => {
      const root = e.currentTarget;
      const from = e.target as HTMLElement;
      selectKeyCapture(e, () => focusNextField(root, from), save);
    },
    onKeyDown: enterToNextField(save),
  };
}

const editable = (el: Element | null) =>
  el instanceof HTMLInputElement ||
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable);

/** onKeyDown for the element holding the fields: Enter goes to the next field, or saves after the last. */
export function enterToNextField(save: () => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.altKey || e.shiftKey || e.metaKey || e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement || !target.closest('[data-field]'))
      return;
    if (popupOpen(target)) return;
    e.preventDefault();
    if (!focusNextField(e.currentTarget, target)) save();
  };
}

/**
 * Ctrl+S, Ctrl+Enter (save and start the next record, when offered) and Esc for a form while
 * `active`, wherever the focus is; `root` is the form's element, so a confirmation or drawer opened
 * on top of it keeps its own keys.
 */
export function useFormShortcuts(
  active: boolean,
  save: () => void,
  cancel?: () => void,
  root?: () => HTMLElement | null,
  saveAndNew?: () => void,
): void {
  const latest = useRef({ save, cancel, root, saveAndNew });
  latest.current = { save, cancel, root, saveAndNew };
  useEffect(() => {
    if (!active) return;
    // Whether a dropdown was open when the key went down, seen before anything handles the key: a
    // select closes its own list on Esc, and by the time the key bubbles up here the list may
    // already be gone — that Esc closed the list, it must not also cancel the form.
    const popupAtKeyDown = new WeakSet<Event>();
    // Whether a field of the form has had the focus since it opened.
    let settled = false;
    const onKeyCapture = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape' && popupOpen(e.target as HTMLElement)) popupAtKeyDown.add(e);
      // A key typed while a drawer or dialog form is opening (the focus still on the 新增 button or
      // the drawer's panel, before any field had it) goes to the first field: moving the focus
      // during keydown hands the character to it. Forms on a page are left alone.
      const own = latest.current.root?.();
      if (!own || settled || !own.closest('.ant-modal, .ant-drawer')) return;
      if (own.contains(document.activeElement)) {
        settled = true;
        return;
      }
      const typing = e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !e.isComposing;
      const overlay = (e.target as HTMLElement).closest?.('.ant-modal, .ant-drawer');
      if (typing && !editable(document.activeElement) && (!overlay || overlay.contains(own))) focusFirstField(own);
    };
    const onFocusIn = (e: FocusEvent) => {
      if (latest.current.root?.()?.contains(e.target as Node)) settled = true;
    };
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      // Keys typed in a dialog or drawer belong to the form in it, not to one underneath.
      const overlay = target.closest?.('.ant-modal, .ant-drawer');
      const own = latest.current.root?.();
      if (overlay && !(own && overlay.contains(own))) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        latest.current.save();
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && latest.current.saveAndNew) {
        e.preventDefault();
        latest.current.saveAndNew();
      } else if (e.key === 'Escape' && latest.current.cancel && !popupAtKeyDown.has(e) && !popupOpen(target)) {
        e.preventDefault();
        e.stopPropagation();
        // After this key event is over: a confirmation opened now must not see the same Esc.
        const cancel = latest.current.cancel;
        setTimeout(cancel, 0);
      }
    };
    document.addEventListener('keydown', onKeyCapture, true);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyCapture, true);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [active]);
}
