// "Leaving a changed form asks first": every open form reports whether it holds unsaved changes;
// navigation, closing a drawer and closing the window ask before throwing them away.
import { confirm } from './feedback';

const dirtyForms = new Set<string>();

export function setFormDirty(id: string, dirty: boolean): void {
  if (dirty) dirtyForms.add(id);
  else dirtyForms.delete(id);
}

export const hasDirtyForms = () => dirtyForms.size > 0;

/** True when nothing is unsaved or the clerk agrees to drop it (then the forms are forgotten). */
export async function confirmDiscard(only?: string): Promise<boolean> {
  const relevant = only === undefined ? dirtyForms.size > 0 : dirtyForms.has(only);
  if (!relevant) return true;
  const ok = await confirm({
    title: '放弃未保存的修改？',
    content: '表单中有尚未保存的修改，离开后这些修改将丢失。',
    okText: '放弃修改',
    danger: true,
  });
  if (ok) {
    if (only === undefined) dirtyForms.clear();
    else dirtyForms.delete(only);
  }
  return ok;
}

window.addEventListener('beforeunload', (e) => {
  if (hasDirtyForms()) e.preventDefault();
});
