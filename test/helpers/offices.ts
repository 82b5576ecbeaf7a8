// The offices the set-up tests register through setup.init (office.save takes the county's too):
// 蓬安县 (the county of the fixtures) and its city 南充市, under their full 领导小组办公室 names.
export const PENGAN_OFFICE = {
  countyName: '蓬安县',
  countyCode: '511323',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '蓬安县第二次全国污染源普查领导小组办公室',
};

export const NANCHONG_CITY_OFFICE = {
  level: '市',
  countyName: '南充市',
  countyCode: '511300',
  cityName: '南充市',
  cityCode: '5113',
  unitName: '南充市第二次全国污染源普查领导小组办公室',
} as const;
