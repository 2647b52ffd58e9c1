-- Credits: balances, history, the ledger.

-- The current period's balance of a client.
-- name: CurrentCredits :one
SELECT cr.*
FROM saas_credits cr
WHERE cr.client_id = @client_id AND cr.closed_at IS NULL
ORDER BY cr.period_start DESC
LIMIT 1;

-- A client's balance history: each transaction with the running total and the one before it.
-- name: CreditHistory :many
SELECT t.id,
       t.created_at,
       t.transaction_type,
       t.amount,
       t.balance_after,
       sum(t.amount) OVER (PARTITION BY t.credit_id ORDER BY t.created_at, t.id) AS running_total,
       lag(t.balance_after) OVER (PARTITION BY t.credit_id ORDER BY t.created_at, t.id) AS previous_balance,
       t.description
FROM saas_credit_transactions t
WHERE t.client_id = @client_id AND t.created_at >= @since
ORDER BY t.created_at, t.id;

-- Usage per transaction type over a client's periods, including periods with none.
-- name: UsageByPeriod :many
SELECT cr.period_start, cr.period_end, t.transaction_type, count(t.id) AS transactions, sum(t.amount) AS total
FROM saas_credits cr
LEFT JOIN saas_credit_transactions t ON t.credit_id = cr.id
WHERE cr.client_id = @client_id
GROUP BY cr.period_start, cr.period_end, t.transaction_type
ORDER BY cr.period_start DESC, t.transaction_type;

-- Records a transaction and updates its period's usage in one statement.
-- name: RecordUsage :one
WITH period AS (
    UPDATE saas_credits
    SET credits_used = credits_used + @amount, messages_count = messages_count + 1, updated_at = now()
    WHERE id = @credit_id
    RETURNING id, client_id, credits_granted + credits_purchased - credits_used AS balance
)
INSERT INTO saas_credit_transactions (credit_id, client_id, message_id, transaction_type, amount, balance_after, description)
SELECT period.id, period.client_id, sqlc.narg(message_id), 'usage', -@amount, period.balance, @description
FROM period
RETURNING *;

-- Opens a billing period, or returns the one already open for those dates.
-- name: OpenPeriod :one
INSERT INTO saas_credits (client_id, period_start, period_end, credits_granted)
VALUES (@client_id, @period_start, @period_end, @credits_granted)
ON CONFLICT (client_id, period_start) DO UPDATE SET credits_granted = EXCLUDED.credits_granted
RETURNING id, credits_granted, credits_used;

-- Clients above a share of their credits, with the share.
-- name: HeavyUsers :many
SELECT c.slug, cr.credits_used / nullif(cr.credits_granted + cr.credits_purchased, 0) AS used_share
FROM saas_credits cr
JOIN saas_clients c ON c.id = cr.client_id
WHERE cr.closed_at IS NULL
  AND cr.credits_used > (cr.credits_granted + cr.credits_purchased) * @share::numeric
ORDER BY used_share DESC NULLS LAST;
