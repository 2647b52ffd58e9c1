-- Queries about clients: lookups, the admin list, usage this billing period.

-- A client by its URL handle, live ones only.
-- name: ClientBySlug :one
SELECT c.*
FROM saas_clients c
WHERE c.slug = @slug AND c.deleted_at IS NULL;

-- Live clients on a plan, newest first, one page at a time.
-- name: ListClientsByPlan :many
SELECT id, name, slug, subscription_plan, subscription_status, created_at
FROM saas_clients
WHERE subscription_plan = @plan AND deleted_at IS NULL
ORDER BY created_at DESC
LIMIT @page_size OFFSET @page_offset;

-- A client's usage in the billing period that contains a moment: messages by sender, AI tokens
-- and credits, against the plan's quota.
-- name: ClientUsage :one
SELECT c.id,
       c.name,
       c.monthly_message_quota,
       cr.period_start,
       cr.period_end,
       cr.credits_granted + cr.credits_purchased - cr.credits_used AS credits_left,
       count(m.id) AS messages,
       count(m.id) FILTER (WHERE m.sender = 'ai') AS ai_replies,
       coalesce(sum(m.ai_prompt_tokens + m.ai_completion_tokens), 0) AS ai_tokens,
       avg(m.ai_latency_ms) AS average_latency_ms
FROM saas_clients c
JOIN saas_credits cr ON cr.client_id = c.id AND cr.period_start <= @at::date AND cr.period_end > @at::date
LEFT JOIN saas_messages m ON m.client_id = c.id AND m.sent_at >= cr.period_start AND m.sent_at < cr.period_end
WHERE c.id = @client_id
GROUP BY c.id, cr.id;

-- Clients whose trial ends before a moment and who have not subscribed.
-- name: TrialsEndingBefore :many
SELECT id, name, email, trial_ends_at
FROM saas_clients
WHERE subscription_status = 'trialing' AND trial_ends_at < $1
ORDER BY trial_ends_at;

-- Registers a client.
-- name: CreateClient :one
INSERT INTO saas_clients (name, slug, email, phone, business_category, timezone)
VALUES (@name, @slug, @email, sqlc.narg(phone), sqlc.narg(business_category), coalesce(sqlc.narg(timezone), 'Asia/Jakarta'))
RETURNING *;

-- Moves a client to another plan and status.
-- name: ChangeSubscription :execrows
UPDATE saas_clients
SET subscription_plan = @plan, subscription_status = @status, subscription_started_at = now(), updated_at = now()
WHERE id = @id;

-- Merges a setting into a client's settings.
-- name: MergeClientSettings :one
UPDATE saas_clients SET settings = settings || @patch::jsonb
WHERE id = @id
RETURNING id, settings;

-- Soft-deletes clients by id.
-- name: SoftDeleteClients :execrows
UPDATE saas_clients SET deleted_at = now(), is_active = false
WHERE id IN (sqlc.slice(ids)) AND deleted_at IS NULL;

-- Clients per plan and status: the subscription report.
-- name: SubscriptionReport :many
SELECT subscription_plan, subscription_status, count(*) AS clients, min(created_at) AS first_signup
FROM saas_clients
WHERE deleted_at IS NULL
GROUP BY subscription_plan, subscription_status
ORDER BY subscription_plan, subscription_status;
