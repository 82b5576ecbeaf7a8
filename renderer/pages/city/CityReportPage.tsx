export function CityReportPage() {
  return <div className="page" />;
}
