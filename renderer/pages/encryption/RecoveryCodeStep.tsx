// 保存恢复码: the one step that encrypts the data file, in the first-run wizard and in 安全设置 → 数据加密
// alike. The backend issues a code (safety.newRecoveryCode); the clerk sees it large, prints it,
// types two groups of it back (so it was written down or printed, not just glanced at), and only
// then safety.encrypt takes it. Leaving before the end leaves the file plain; the dashboard says so.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Space, Spin, type InputRef } from 'antd';
import type { OutputOf } from '../../../core/api';
import { call } from '../../api/call';
import { formFieldKeys } from '../../forms/formKeys';
import { pickTwoGroups, wrongGroups } from './confirmGroups';
import { PrintRecoveryCodeButton, RecoveryCodeShown } from './RecoveryCodeShown';

type Phase = 'issuing' | 'show' | 'confirm' | 'encrypting' | 'failed';

interface Props {
  /** Encrypted: the key's id and the backup made first. */
  onDone: (result: OutputOf<'safety.encrypt'>) => void;
  /** Offered before anything is encrypted (安全设置: 取消). */
  onCancel?: () => void;
  /** Offered only after a failure (the wizard: into the workbench, encrypt later). */
  onSkip?: () => void;
}

export function RecoveryCodeStep({ onDone, onCancel, onSkip }: Props) {
  const [phase, setPhase] = useState<Phase>('issuing');
  const [code, setCode] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState<[number, number]>([0, 1]);
  const [typed, setTyped] = useState<[string, string]>(['', '']);
  /** The group numbers typed wrong (1-based), said under the fields and marked on them. */
  const [wrong, setWrong] = useState<number[]>([]);
  const firstField = useRef<InputRef>(null);
  // Only the latest request's code is shown (a remount in development asks twice).
  const issued = useRef(0);

  const issue = useCallback(async () => {
    const mine = ++issued.current;
    setPhase('issuing');
    setProblem(null);
    const r = await call('safety.newRecoveryCode', {});
    if (mine !== issued.current) return;
    if (!r.ok) {
      setProblem(r.error.message);
      return setPhase('failed');
    }
    setCode(r.data.recoveryCode);
    setPhase('show');
  }, []);
  useEffect(() => void issue(), [issue]);
  useEffect(() => {
    if (phase === 'confirm') firstField.current?.focus();
  }, [phase]);

  const toConfirm = () => {
    setAsked(pickTwoGroups());
    setTyped(['', '']);
    setWrong([]);
    setPhase('confirm');
  };

  const encrypt = async () => {
    if (!code) return;
    setPhase('encrypting');
    setProblem(null);
    const r = await call('safety.encrypt', { recoveryCode: code });
    if (!r.ok) {
      setProblem(r.error.message);
      return setPhase('failed');
    }
    onDone(r.data);
  };

  const confirmGroups = () => {
    if (!code || phase !== 'confirm') return;
    const found = wrongGroups(code, asked, typed);
    setWrong(found);
    if (found.length === 0) void encrypt();
  };

  if (phase === 'issuing' || phase === 'encrypting') {
    return (
      <div style={{ padding: '32px 0', textAlign: 'center' }} data-testid="recovery-step" data-phase={phase}>
        <Spin
          size="large"
          description={phase === 'issuing' ? '正在生成恢复码…' : '正在加密数据文件，请勿关闭或刷新页面…'}
        />
      </div>
    );
  }

  if (phase === 'failed') {
    return (
      <div data-testid="recovery-step" data-phase={phase}>
        <Alert
          type="error"
          showIcon
          title={code ? '数据文件未能加密，数据仍保持原样' : '未能生成恢复码'}
          description={problem}
          style={{ marginBottom: 16 }}
          data-testid="recovery-failed"
        />
        <Space>
          {code && (
            <Button type="primary" onClick={() => void encrypt()} data-testid="recovery-retry">
              重试
            </Button>
          )}
          <Button onClick={() => void issue()}>重新生成恢复码</Button>
          {onSkip && <Button onClick={onSkip}>暂不加密，进入工作台</Button>}
          {onCancel && <Button onClick={onCancel}>取消</Button>}
        </Space>
      </div>
    );
  }

  if (phase === 'show' && code) {
    return (
      <div data-testid="recovery-step" data-phase={phase}>
        <Alert
          type="warning"
          showIcon
          title="请打印或抄写下面的恢复码，妥善保管"
          description={
            <>
              <div>
                数据文件、所有备份和数据包都将用它加密。换电脑、重装系统、在浏览器中使用，或打开备份和数据包时，需要输入恢复码。
              </div>
              <div>
                <b>恢复码只显示这一次，任何人（包括软件开发者）都无法找回。</b>
                没有恢复码又不能使用这台电脑时，数据和所有备份都将无法打开。
              </div>
            </>
          }
        />
        <RecoveryCodeShown code={code} />
        <Space>
          <PrintRecoveryCodeButton code={code} />
          <Button type="primary" onClick={toConfirm} data-testid="recovery-next">
            我已打印或抄写，下一步
          </Button>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
        </Space>
      </div>
    );
  }

  // confirm
  const label = (i: 0 | 1) => `第 ${asked[i] + 1} 组`;
  const field = (i: 0 | 1) => (
    <div data-field={`group${i}`}>
      <Form.Item label={label(i)} htmlFor={`recovery-confirm-${i}`} style={{ marginBottom: 8 }}>
        <Input
          id={`recovery-confirm-${i}`}
          ref={i === 0 ? firstField : undefined}
          className="mono"
          autoComplete="off"
          inputMode="numeric"
          maxLength={9}
          value={typed[i]}
          style={{ width: 140, fontSize: 20, letterSpacing: 2 }}
          status={wrong.includes(asked[i] + 1) ? 'error' : undefined}
          onChange={(e) => {
            const next: [string, string] = [...typed];
            next[i] = e.target.value;
            setTyped(next);
          }}
        />
      </Form.Item>
    </div>
  );
  return (
    <div data-testid="recovery-step" data-phase={phase}>
      <Alert
        type="info"
        showIcon
        title={`请对照打印或抄写的恢复码，输入第 ${asked[0] + 1} 组和第 ${asked[1] + 1} 组`}
        description="确认无误后，程序会先备份，再加密数据文件（几秒钟）。"
        style={{ marginBottom: 16 }}
        data-testid="recovery-asked"
        data-groups={`${asked[0] + 1},${asked[1] + 1}`}
      />
      <Form layout="vertical" component="div">
        <div {...formFieldKeys(confirmGroups)} style={{ display: 'flex', gap: 24 }}>
          {field(0)}
          {field(1)}
        </div>
      </Form>
      {wrong.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`第${wrong.join('组和第')}组与恢复码不符：请对照抄写或打印的恢复码重新输入（可点“返回查看恢复码”）。`}
          style={{ marginBottom: 12 }}
          data-testid="recovery-mismatch"
        />
      )}
      <Space>
        <Button onClick={() => setPhase('show')} data-testid="recovery-back">
          返回查看恢复码
        </Button>
        <Button type="primary" onClick={confirmGroups} data-testid="recovery-confirm">
          确认并加密
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </div>
  );
}
