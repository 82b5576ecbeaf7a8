// Agencies with their contract totals; contract nodes with their payments and overdue flag;
// contracts with paid/unpaid amounts, acceptance and reminders.
import { contractStatusSql, deadlineNoteSql, fileDueSql, publishDueSql, TODAY_SQL } from './derived';

/** The contract's own columns but status, which the view derives (contractStatusSql). */
const CONTRACT_COLUMNS = [
  'id',
  'contract_no',
  'name',
  'agency_id',
  'procurement_method',
  'service_kinds',
  'amount',
  'signed_date',
  'service_start',
  'service_end',
  'deposit',
  'manager_name',
  'manager_phone',
  'published_date',
  'filed_date',
  'budget_item_id',
  'note',
  'created_at',
  'updated_at',
];

/** The latest acceptance's conclusion (by date, then entry), `c` naming the contract. */
const LATEST_CONCLUSION = `(SELECT x.conclusion FROM contract_acceptances x WHERE x.contract_id = c.id ORDER BY x.accepted_date DESC, x.id DESC LIMIT 1)`;

export const contractViews = [
  `CREATE VIEW agencies_view AS
SELECT a.*,
  (SELECT count(*) FROM contracts c WHERE c.agency_id = a.id) AS contract_count,
  (SELECT coalesce(sum(c.amount), 0) FROM contracts c WHERE c.agency_id = a.id) AS contract_amount
FROM agencies a`,

  // A node's payments are the expenditures pointing at it: paid amount, latest date, vouchers.
  `CREATE VIEW contract_nodes_view AS
SELECT n.*, c.contract_no, c.name AS contract_name,
  coalesce(p.paid_amount, 0) AS paid_amount,
  p.paid_date,
  coalesce(p.payment_count, 0) AS payment_count,
  p.voucher_nos,
  (n.actual_date IS NOT NULL) AS done,
  (n.actual_date IS NULL AND n.planned_date IS NOT NULL AND n.planned_date < ${TODAY_SQL}) AS overdue
FROM contract_nodes n
JOIN contracts c ON c.id = n.contract_id
LEFT JOIN (
  SELECT contract_node_id, sum(amount) AS paid_amount, max(date) AS paid_date, count(*) AS payment_count,
    group_concat(voucher_no, '、') AS voucher_nos
  FROM expenditures WHERE contract_node_id IS NOT NULL GROUP BY contract_node_id
) p ON p.contract_node_id = n.id`,

  // Contract figures are sums over contract_nodes_view, so "paid" and "overdue" mean one thing.
  // status is derived: 履行中 with a passing latest acceptance reads 已验收 (contractStatusSql).
  // The deadlines are working days (census_workdays_after, core/workdays.ts). The columns keep the
  // order they had before status was derived (its place between budget_item_id and note; acceptance
  // once), the deadline columns last (test/db/schemaHistory.test.ts).
  `CREATE VIEW contracts_view AS
SELECT ${CONTRACT_COLUMNS.map((k) => (k === 'note' ? 'c.status, c.note' : `c.${k}`)).join(', ')},
  a.name AS agency_name, a.credit_code AS agency_credit_code, b.name AS budget_item_name,
  (SELECT json_group_array(person_id) FROM (SELECT person_id FROM contract_staff s WHERE s.contract_id = c.id ORDER BY person_id)) AS staff_ids,
  coalesce(n.paid_amount, 0) AS paid_amount,
  c.amount - coalesce(n.paid_amount, 0) AS unpaid_amount,
  coalesce(n.node_count, 0) AS node_count,
  coalesce(n.nodes_done, 0) AS nodes_done,
  coalesce(n.overdue_nodes, 0) AS overdue_nodes,
  c.acceptance,
  (SELECT max(x.accepted_date) FROM contract_acceptances x WHERE x.contract_id = c.id) AS accepted_date,
  (c.signed_date IS NOT NULL AND c.published_date IS NULL AND ${TODAY_SQL} > ${publishDueSql('c.signed_date')}) AS publish_overdue,
  (c.signed_date IS NOT NULL AND c.filed_date IS NULL AND ${TODAY_SQL} > ${fileDueSql('c.signed_date')}) AS file_overdue,
  (coalesce(n.paid_amount, 0) > c.amount) AS overpaid,
  (c.status = '履行中' AND c.service_end IS NOT NULL AND c.service_end < ${TODAY_SQL}) AS ended_without_acceptance,
  ${publishDueSql('c.signed_date')} AS publish_due,
  ${fileDueSql('c.signed_date')} AS file_due,
  ${deadlineNoteSql('c.signed_date')} AS deadline_note
FROM (
  SELECT ${CONTRACT_COLUMNS.map((k) => `c.${k}`).join(', ')},
    ${contractStatusSql('c.status', LATEST_CONCLUSION)} AS status, ${LATEST_CONCLUSION} AS acceptance
  FROM contracts c
) c
JOIN agencies a ON a.id = c.agency_id
LEFT JOIN budget_items b ON b.id = c.budget_item_id
LEFT JOIN (
  SELECT contract_id, sum(paid_amount) AS paid_amount, count(*) AS node_count, sum(done) AS nodes_done, sum(overdue) AS overdue_nodes
  FROM contract_nodes_view GROUP BY contract_id
) n ON n.contract_id = c.id`,

  `CREATE VIEW contract_acceptances_view AS
SELECT x.*, c.contract_no, c.name AS contract_name, a.name AS agency_name
FROM contract_acceptances x
JOIN contracts c ON c.id = x.contract_id
JOIN agencies a ON a.id = c.agency_id`,
];
