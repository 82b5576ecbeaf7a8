// Third-party agencies, their contracts, the staff they put on the job, performance nodes and
// acceptances. Payments are rows of `expenditures` (budget area) pointing at a node.
import type { SchemaPart } from './types';
import { isoDate, oneOf, stamps } from './types';
import { ACCEPTANCE_CONCLUSIONS, CONTRACT_STATUSES, PROCUREMENT_METHODS } from '../../core/enums';

/**
 * The clerk's calendar day. Reminders (overdue nodes, publication, filing) are computed in the
 * views against it, so every list, filter and the dashboard agree.
 */
export const TODAY_SQL = `date('now', 'localtime')`;

/** Reminder periods after signing (procurement practice; shown, not enforced). */
export const PUBLISH_WITHIN_DAYS = 2;
export const FILE_WITHIN_DAYS = 7;

export const contracts: SchemaPart = {
  labels: {
    agencies: '第三方机构',
    contracts: '合同',
    contract_staff: '合同派驻人员',
    contract_nodes: '履约节点',
    contract_acceptances: '验收记录',
  },
  sql: `
CREATE TABLE agencies (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  credit_code TEXT NOT NULL UNIQUE CHECK (length(credit_code) = 18),
  legal_rep TEXT,
  contact_name TEXT,
  phone TEXT,
  address TEXT,
  bank_name TEXT,
  bank_account TEXT,
  qualification TEXT,
  note TEXT,
  ${stamps}
);
CREATE INDEX agencies_name ON agencies (name);

CREATE TABLE contracts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies (id),
  procurement_method TEXT NOT NULL ${oneOf('procurement_method', PROCUREMENT_METHODS)},
  service_kinds TEXT NOT NULL CHECK (json_valid(service_kinds) AND json_type(service_kinds) = 'array' AND json_array_length(service_kinds) >= 1),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  signed_date TEXT ${isoDate('signed_date')},
  service_start TEXT ${isoDate('service_start')},
  service_end TEXT ${isoDate('service_end')},
  deposit INTEGER CHECK (deposit IS NULL OR deposit >= 0),
  manager_name TEXT,
  manager_phone TEXT,
  published_date TEXT ${isoDate('published_date')},
  filed_date TEXT ${isoDate('filed_date')},
  budget_item_id INTEGER REFERENCES budget_items (id),
  status TEXT NOT NULL ${oneOf('status', CONTRACT_STATUSES)},
  note TEXT,
  ${stamps},
  CHECK (service_start IS NULL OR service_end IS NULL OR service_end >= service_start)
);
CREATE INDEX contracts_agency ON contracts (agency_id);
CREATE INDEX contracts_budget_item ON contracts (budget_item_id);
CREATE INDEX contracts_status ON contracts (status);
CREATE INDEX contracts_signed_date ON contracts (signed_date);

-- Owned by the contract; the people stay (a person still on a contract cannot be deleted).
CREATE TABLE contract_staff (
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES people (id),
  PRIMARY KEY (contract_id, person_id)
);
CREATE INDEX contract_staff_person ON contract_staff (person_id);

-- Owned by the contract (CASCADE), but expenditures refer to nodes without cascade, so a node that
-- has payments can never disappear; contract.delete checks for payments first to say so in words.
CREATE TABLE contract_nodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  work_content TEXT NOT NULL,
  planned_date TEXT ${isoDate('planned_date')},
  actual_date TEXT ${isoDate('actual_date')},
  quality_note TEXT,
  payable_ratio REAL CHECK (payable_ratio IS NULL OR (payable_ratio >= 0 AND payable_ratio <= 100)),
  payable_amount INTEGER CHECK (payable_amount IS NULL OR payable_amount >= 0),
  handler_name TEXT,
  note TEXT,
  ${stamps},
  UNIQUE (contract_id, seq)
);
CREATE INDEX contract_nodes_planned ON contract_nodes (planned_date);

CREATE TABLE contract_acceptances (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_id INTEGER NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  accepted_date TEXT NOT NULL ${isoDate('accepted_date')},
  method TEXT,
  members TEXT,
  conclusion TEXT NOT NULL ${oneOf('conclusion', ACCEPTANCE_CONCLUSIONS)},
  issues TEXT,
  certificate_no TEXT,
  note TEXT,
  ${stamps}
);
CREATE INDEX contract_acceptances_contract ON contract_acceptances (contract_id, accepted_date);
CREATE INDEX contract_acceptances_conclusion ON contract_acceptances (conclusion);
`,
  views: `
CREATE VIEW agencies_view AS
SELECT a.*,
  (SELECT count(*) FROM contracts c WHERE c.agency_id = a.id) AS contract_count,
  (SELECT coalesce(sum(c.amount), 0) FROM contracts c WHERE c.agency_id = a.id) AS contract_amount
FROM agencies a;

-- A node's payments are the expenditures pointing at it: paid amount, latest date, vouchers.
CREATE VIEW contract_nodes_view AS
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
) p ON p.contract_node_id = n.id;

-- Contract figures are sums over contract_nodes_view, so "paid" and "overdue" mean one thing.
CREATE VIEW contracts_view AS
SELECT c.*, a.name AS agency_name, a.credit_code AS agency_credit_code, b.name AS budget_item_name,
  (SELECT json_group_array(person_id) FROM (SELECT person_id FROM contract_staff s WHERE s.contract_id = c.id ORDER BY person_id)) AS staff_ids,
  coalesce(n.paid_amount, 0) AS paid_amount,
  c.amount - coalesce(n.paid_amount, 0) AS unpaid_amount,
  coalesce(n.node_count, 0) AS node_count,
  coalesce(n.nodes_done, 0) AS nodes_done,
  coalesce(n.overdue_nodes, 0) AS overdue_nodes,
  (SELECT x.conclusion FROM contract_acceptances x WHERE x.contract_id = c.id ORDER BY x.accepted_date DESC, x.id DESC LIMIT 1) AS acceptance,
  (SELECT max(x.accepted_date) FROM contract_acceptances x WHERE x.contract_id = c.id) AS accepted_date,
  (c.signed_date IS NOT NULL AND c.published_date IS NULL AND date(c.signed_date, '+${PUBLISH_WITHIN_DAYS} days') < ${TODAY_SQL}) AS publish_overdue,
  (c.signed_date IS NOT NULL AND c.filed_date IS NULL AND date(c.signed_date, '+${FILE_WITHIN_DAYS} days') < ${TODAY_SQL}) AS file_overdue,
  (coalesce(n.paid_amount, 0) > c.amount) AS overpaid,
  (c.status = '履行中' AND c.service_end IS NOT NULL AND c.service_end < ${TODAY_SQL}) AS ended_without_acceptance
FROM contracts c
JOIN agencies a ON a.id = c.agency_id
LEFT JOIN budget_items b ON b.id = c.budget_item_id
LEFT JOIN (
  SELECT contract_id, sum(paid_amount) AS paid_amount, count(*) AS node_count, sum(done) AS nodes_done, sum(overdue) AS overdue_nodes
  FROM contract_nodes_view GROUP BY contract_id
) n ON n.contract_id = c.id;

CREATE VIEW contract_acceptances_view AS
SELECT x.*, c.contract_no, c.name AS contract_name, a.name AS agency_name
FROM contract_acceptances x
JOIN contracts c ON c.id = x.contract_id
JOIN agencies a ON a.id = c.agency_id;
`,
};
