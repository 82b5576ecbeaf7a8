export function CityHome() {
  return <div className="page" />;
}
