// On the backups page: temporary copies a crash left that the app could not remove at start (held
// open by another program, or no permission). They hold the data unmasked, so the clerk is told
// where they are; nothing shows when there are none.
import { Warning } from '../../format/Warning';
import { useRead } from '../../api/useRecord';
import { localTime } from '../../format/display';

const NO_INPUT = {} as const;

export function LeftoversNotice() {
  const { data } = useRead('backup.leftovers', NO_INPUT);
  if (!data?.files.length) return null;
  return (
    <Warning
      data-testid="backup-leftovers"
      title="以下临时文件是程序中断时留下的数据副本（含未脱敏的身份证号、银行卡号），程序未能自动删除"
      description={
        <>
          <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
            {data.files.map((f) => (
              <li key={f.path}>
                <span className="mono">{f.path}</span>（{localTime(f.modifiedAt)}）
              </li>
            ))}
          </ul>
          请关闭可能占用这些文件的程序（如杀毒软件、压缩软件）后重新打开本页；仍未清除的，请手动删除。
        </>
      }
    />
  );
}
