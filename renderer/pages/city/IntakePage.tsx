export function IntakePage() {
  return <div className="page" />;
}
