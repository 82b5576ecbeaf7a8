// A large valid roster workbook for the progress, cancel and kill tests (the demo's generators).
import { idNumber, mobile, personName } from '../../backend/demo/people';
import { seededRandom } from '../../backend/demo/random';
import { xlsxOf } from './make';

export function bigRoster(rows: number): Buffer {
  const r = seededRandom(7);
  const aoa: unknown[][] = [['人员编号', '姓名', '公民身份号码', '手机', '人员类别']];
  for (let i = 0; i < rows; i++) {
    const code = `511323${Math.floor(i / 9999) + 1}${String((i % 9999) + 1).padStart(4, '0')}`;
    aoa.push([code, personName(r), idNumber(r, '511323', i, i % 2 ? '男' : '女'), mobile(r), '普查员']);
  }
  return xlsxOf([{ name: '花名册', rows: aoa }]);
}
