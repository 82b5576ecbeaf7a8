// 工作进度: the milestones and each period's progress figures (进度调度表).
import { TabbedPage } from '../PageTabs';
import { MilestonesTab } from './MilestonesTab';
import { FiguresTab } from './FiguresTab';
import { FieldworkTab } from './FieldworkTab';

export function ProgressPage() {
  return (
    <TabbedPage
      title="工作进度"
      tabs={[
        { key: 'figures', label: '进度调度表', render: () => <FiguresTab /> },
        { key: 'milestones', label: '工作要点', render: () => <MilestonesTab /> },
        { key: 'fieldwork', label: '入户调查明细', render: () => <FieldworkTab /> },
      ]}
    />
  );
}
