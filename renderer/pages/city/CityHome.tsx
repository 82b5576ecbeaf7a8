// A city or province office's home: who it is, its units, how the last period's reports stand
// (from the ledger: the newest period taken in, else last month) and the day's three jobs — 收取报表, 报送台账 (催报), 汇总报表.
import { Button, Card, Col, Row, Space, Statistic, Tag } from 'antd';
import { Warning } from '../../format/Warning';
import { CloudUploadOutlined, FileDoneOutlined, TableOutlined } from '@ant-design/icons';
import { useRead } from '../../api/useRecord';
import { href, navigate } from '../../router/route';
import { useSession } from '../../stores/session';
import { levelOf } from '../../app/resolveScreen';
import { PageHead } from '../PageHead';
import { OFFICE_LEVEL_LABELS, UNIT_KIND_LABELS } from '../../../core/officeLevels';
import { LEDGER_STATES } from '../../../core/schemas/intake';
import { STATE_COLORS } from './intakeLabels';
import { periodText } from './months';
import { useLatestPeriod } from './useLatestPeriod';

export function CityHome() {
  const office = useSession((s) => s.office);
  const level = levelOf(office);
  const kind = UNIT_KIND_LABELS[level];
  // The period the other city pages open on: the newest among the last files taken in, else last month.
  const [period] = useLatestPeriod();
  const units = useRead('unit.list', { pageSize: 1000 });
  const ledger = useRead('ledger.get', { from: period, to: period });
  const counts = ledger.data?.counts ?? {};
  const filed = (counts['按时'] ?? 0) + (counts['逾期报送'] ?? 0);
  const total = ledger.data?.units.length ?? 0;
  const go = (path: string) => () => void navigate(href(path));

  return (
    <div className="page" data-testid="city-home">
      <PageHead title={`${office?.unitName ?? office?.countyName ?? ''}`} />
      <Space style={{ marginBottom: 12 }}>
        <Tag color="blue">{OFFICE_LEVEL_LABELS[level]}</Tag>
        <span>
          {office?.countyName}（{office?.countyCode}）
        </span>
      </Space>
      {units.data && units.data.total === 0 && (
        <Warning
          title={`尚未设置下级${kind}：收取报表前请在“系统设置 → 下级${kind}”中添加（可从区划库填入）。`}
          action={
            <Button size="small" onClick={() => void navigate(href('/settings', { tab: 'units' }))}>
              去设置
            </Button>
          }
        />
      )}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={`下级${kind}`} value={units.data?.total ?? '—'} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={`${periodText(period)}已报`} value={ledger.data ? filed : '—'} suffix={`/ ${total}`} />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={`${periodText(period)}报送情况`} data-testid="city-home-states">
            {ledger.error && <span className="muted">{ledger.error}</span>}
            {LEDGER_STATES.filter((s) => (counts[s] ?? 0) > 0).map((s) => (
              <Tag key={s} color={STATE_COLORS[s]}>
                {s} {counts[s]}
              </Tag>
            ))}
            {ledger.data && ledger.data.deadlineDay > 0 && (
              <div className="muted" style={{ marginTop: 4 }}>
                截止日：报告期次月{ledger.data.deadlineDay}日
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Space size="middle" wrap>
        <Button type="primary" size="large" icon={<CloudUploadOutlined />} onClick={go('/intake')}>
          收取报表
        </Button>
        <Button size="large" icon={<TableOutlined />} onClick={go('/ledger')}>
          报送台账与催报
        </Button>
        <Button size="large" icon={<FileDoneOutlined />} onClick={go('/cityreport')}>
          汇总报表
        </Button>
      </Space>
    </div>
  );
}
