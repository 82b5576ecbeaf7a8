// The keys of a dropdown (select, record picker) inside a form, so a clerk never leaves the
// keyboard: typing or Alt+↓ opens the list, Enter chooses the highlighted option and moves on to
// the next field, Enter on a closed list moves on without opening it again. Runs in the capture
// phase, before the select's own handler, which would otherwise re-open the list on that Enter.
import type { KeyboardEvent } from 'react';

const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.altKey && !e.shiftKey && !e.metaKey;

/** The input of an antd select the event came from, if it sits in a form field. */
export function selectInput(target: EventTarget | null): HTMLInputElement | null {
  if (!(target instanceof HTMLInputElement) || !target.closest('[data-field]')) return null;
  return target.closest('.ant-select') ? target : null;
}

/** The select's own open list, found through its input's aria-controls. */
function openList(input: HTMLInputElement): HTMLElement | null {
  if (input.getAttribute('aria-expanded') !== 'true') return null;
  const listId = input.getAttribute('aria-controls') ?? input.getAttribute('aria-owns');
  const list = listId ? document.getElementById(listId) : null;
  const dropdown = list?.closest<HTMLElement>('.ant-select-dropdown');
  return dropdown && !dropdown.classList.contains('ant-select-dropdown-hidden') ? dropdown : null;
}

/**
 * Handles Enter and Alt+↓ on a select in a form; `next` moves to the next field (false after the
 * last one) and `save` saves. Returns whether the key was the select's.
 */
export function selectKeyCapture(e: KeyboardEvent<HTMLElement>, next: () => boolean, save: () => void): boolean {
  const input = selectInput(e.target);
  if (!input || e.nativeEvent.isComposing) return false;
  const list = openList(input);
  if (e.key === 'ArrowDown' && e.altKey && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    e.stopPropagation();
    // The select opens on a press of its box; Alt+↓ is that press from the keyboard.
    if (!list) input.closest('.ant-select')?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    return true;
  }
  if (e.key !== 'Enter' || !plain(e)) return false;
  if (!list) {
    // Closed: Enter moves on (or saves after the last field) instead of opening the list again.
    e.preventDefault();
    e.stopPropagation();
    if (!next()) save();
    return true;
  }
  // Open: the select chooses the highlighted option; once it has, the focus moves on. With nothing
  // highlighted (no match yet) Enter stays in the field.
  if (list.querySelector('.ant-select-item-option-active')) setTimeout(next, 0);
  else {
    e.preventDefault();
    e.stopPropagation();
  }
  return true;
}
