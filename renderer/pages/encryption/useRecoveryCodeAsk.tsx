// A backup or data package encrypted under another 恢复码 (another PC's, an older key): the backend
// answers RECOVERY_CODE_NEEDED, and the dialog that sent the call asks for the code in place and
// sends it again with `recoveryCode`; RECOVERY_CODE_WRONG (or the field's own check) stays at the
// field. Used by 恢复 (backup.restore), 打开数据包 (package.import) and the first run's 从数据包恢复
// (setup.importPackage).
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../core/api';
import { RecoveryCodeField } from './RecoveryCodeField';
import { checkRecoveryCode, recoveryCodeMessage } from './recoveryCodeCheck';

export interface RecoveryCodeAsk {
  /** The backend asked for a code: the field is shown. */
  asked: boolean;
  /** What to add to the call: nothing before it was asked, the typed code after; null when the typed code cannot be right (said at the field). */
  input: () => { recoveryCode?: string } | null;
  /** Takes a refusal about the code (shows the field, or its message) and says so; false for any other refusal. */
  handled: (error: ApiError) => boolean;
  reset: () => void;
  /** The prompt and the field, or nothing while no code was asked. */
  field: (onEnter: () => void) => ReactNode;
}

/** `what`: 数据包 or 备份, as the prompt names it. */
export function useRecoveryCodeAsk(id: string, what: '数据包' | '备份'): RecoveryCodeAsk {
  const [asked, setAsked] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  // What `input` reads: a reset or a keystroke counts at once, before the next render.
  const now = useRef({ asked: false, typed: '' });

  const reset = useCallback(() => {
    now.current = { asked: false, typed: '' };
    setAsked(false);
    setTyped('');
    setError(null);
  }, []);

  const input = () => {
    if (!now.current.asked) return {};
    const checked = checkRecoveryCode(now.current.typed);
    if (!checked.ok) {
      setError(checked.message);
      return null;
    }
    return { recoveryCode: checked.code };
  };

  const handled = (e: ApiError) => {
    const message = recoveryCodeMessage(e);
    if (message === null) return false;
    // The first ask is no mistake of the clerk's: the prompt says what to do.
    setError(e.code === 'RECOVERY_CODE_NEEDED' && !now.current.asked ? null : message);
    now.current.asked = true;
    setAsked(true);
    return true;
  };

  const field = (onEnter: () => void) =>
    asked ? (
      <div style={{ marginTop: 16 }} data-testid={`${id}-ask`}>
        <div style={{ marginBottom: 8 }}>
          请输入该{what}的恢复码：它是在另一台电脑上（或用另一个恢复码）加密的，打印的恢复码上有 8 组数字。
        </div>
        <RecoveryCodeField
          id={id}
          label={`该${what}的恢复码`}
          value={typed}
          onChange={(v) => {
            now.current.typed = v;
            setTyped(v);
            setError(null);
          }}
          error={error}
          onEnter={onEnter}
        />
      </div>
    ) : null;

  return { asked, input, handled, reset, field };
}
