// The demo county's places: 10 townships, 100 villages, 150 census districts (蓬安县-like, fictional codes).
import type { Caller } from './call';

const TOWNSHIPS = [
  ['511323001', '相如街道'],
  ['511323100', '锦屏镇'],
  ['511323101', '巨龙镇'],
  ['511323102', '徐家镇'],
  ['511323103', '罗家镇'],
  ['511323104', '河舒镇'],
  ['511323105', '利溪镇'],
  ['511323106', '金溪镇'],
  ['511323200', '正源乡'],
  ['511323201', '兴旺乡'],
] as const;
const VILLAGE_NAMES = ['白鹤', '青龙', '双河', '石桥', '高峰', '新华', '光明', '凤凰', '柏林', '长乐'];

export interface Places {
  townships: { id: number; name: string; code: string }[];
  villages: { id: number; townshipId: number; name: string; code: string }[];
  districts: { id: number; townshipId: number; villageId: number | null }[];
}

export async function loadPlaces({ write }: Caller): Promise<Places> {
  const places: Places = { townships: [], villages: [], districts: [] };
  for (const [code, name] of TOWNSHIPS) {
    const t = await write('township.create', { code, name });
    places.townships.push({ id: t.id, name, code });
    for (let i = 0; i < 10; i++) {
      // A 街道 has 居委会 (001–199), the others 村委会 (200–399).
      const isStreet = code.endsWith('001');
      const vcode = `${code}${String((isStreet ? 1 : 201) + i).padStart(3, '0')}`;
      const vname = `${VILLAGE_NAMES[i]}${isStreet ? '社区' : '村'}`;
      const v = await write('village.create', { townshipId: t.id, code: vcode, name: vname });
      places.villages.push({ id: v.id, townshipId: t.id, name: vname, code: vcode });
    }
  }
  // 150 districts: one per village, and a second one in half of them, plus an industrial park.
  let n = 0;
  for (const v of places.villages) {
    const count = places.districts.length < 150 ? (n++ % 2 === 0 ? 2 : 1) : 0;
    for (let k = 1; k <= count && places.districts.length < 150; k++) {
      const d = await write('district.create', {
        code: `${v.code}${String(k).padStart(3, '0')}`,
        name: `${v.name}第${k}普查小区`,
        townshipId: v.townshipId,
        villageId: v.id,
        basis: v.name.endsWith('社区') ? '社区' : '行政村',
        listingCount: 8 + ((v.id * 7 + k) % 40),
        status: '已划分',
      });
      places.districts.push({ id: d.id, townshipId: v.townshipId, villageId: v.id });
    }
  }
  return places;
}
