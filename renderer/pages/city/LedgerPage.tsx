export function LedgerPage() {
  return <div className="page" />;
}
