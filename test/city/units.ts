// The units the city tests, the e2e spec and the intake bench use: the twenty counties of a 南充市
// office (the nine real 南充 divisions with their GB/T 2260 codes, eleven fictional ones under the
// same city to reach twenty), a few counties of a second city (广安市, real) for the province chain,
// and one 成都 district for the file from another city. Sizes run from 50 to 600 people.

export interface CountySpec {
  code: string;
  name: string;
  cityCode: string;
  cityName: string;
  /** People on the county's roster. */
  people: number;
}

const NANCHONG_NAMES: [string, string][] = [
  ['511302', '顺庆区'],
  ['511303', '高坪区'],
  ['511304', '嘉陵区'],
  ['511321', '南部县'],
  ['511322', '营山县'],
  ['511323', '蓬安县'],
  ['511324', '仪陇县'],
  ['511325', '西充县'],
  ['511381', '阆中市'],
  // Fictional: 南充 has nine county-level divisions; these fill the twenty the issue asks for.
  ['511331', '清溪县'],
  ['511332', '白塔县'],
  ['511333', '金城县'],
  ['511334', '凤鸣县'],
  ['511335', '青岗县'],
  ['511336', '石梁县'],
  ['511337', '永兴县'],
  ['511338', '双桥县'],
  ['511339', '柏垭县'],
  ['511341', '龙蟠县'],
  ['511342', '临江县'],
];

const sizeAt = (i: number, n: number, from: number, to: number) => Math.round(from + ((to - from) * i) / (n - 1));

export const CITY = { code: '5113', name: '南充市', officeCode: '511300' } as const;

/** The twenty counties of the city office, smallest first. */
export const COUNTIES: CountySpec[] = NANCHONG_NAMES.map(([code, name], i) => ({
  code,
  name,
  cityCode: CITY.code,
  cityName: CITY.name,
  people: sizeAt(i, NANCHONG_NAMES.length, 50, 600),
}));

/** A county under 5113 that no city office lists as its unit (NOT_A_UNIT). */
export const UNLISTED: CountySpec = {
  code: '511343',
  name: '未列县',
  cityCode: CITY.code,
  cityName: CITY.name,
  people: 50,
};

/** A district of another city (成都市): refused by the 南充 office as OTHER_CITY. */
export const OTHER_CITY_COUNTY: CountySpec = {
  code: '510104',
  name: '锦江区',
  cityCode: '5101',
  cityName: '成都市',
  people: 60,
};

/** The second city of the province chain, with four of its real districts and counties (small). */
export const CITY2 = { code: '5116', name: '广安市', officeCode: '511600' } as const;
export const CITY2_COUNTIES: CountySpec[] = (
  [
    ['511602', '广安区'],
    ['511603', '前锋区'],
    ['511621', '岳池县'],
    ['511623', '邻水县'],
  ] as const
).map(([code, name], i) => ({ code, name, cityCode: CITY2.code, cityName: CITY2.name, people: sizeAt(i, 4, 60, 150) }));

export const PROVINCE = { code: '51', name: '四川省', officeCode: '510000' } as const;

/** The report period every generated file is for, and the moment the counties export it. */
export const PERIOD = '2018-10';
export const PERIOD_TEXT = '2018年10月';
export const EXPORTED_AT = '2018-11-02T10:00:00+08:00';
