-- The inbox: conversations and their messages.

-- A client's conversations with their last message, most recent first.
-- name: InboxWithLastMessage :many
SELECT cv.id,
       cv.customer_phone,
       cv.customer_name,
       cv.status,
       cv.last_message_at,
       lm.body AS last_body,
       lm.sender AS last_sender,
       lm.sent_at AS last_sent_at
FROM saas_conversations cv
LEFT JOIN LATERAL (
    SELECT m.body, m.sender, m.sent_at
    FROM saas_messages m
    WHERE m.conversation_id = cv.id
    ORDER BY m.sent_at DESC
    LIMIT 1
) lm ON true
WHERE cv.client_id = @client_id AND cv.status = ANY(sqlc.slice(statuses))
ORDER BY cv.last_message_at DESC NULLS LAST
LIMIT @max_rows;

-- A conversation's messages in order.
-- name: ConversationMessages :many
SELECT m.*
FROM saas_messages m
WHERE m.conversation_id = @conversation_id
ORDER BY m.sent_at;

-- The open conversation of a customer, if any.
-- name: OpenConversation :one
SELECT id, status, ai_enabled, started_at
FROM saas_conversations
WHERE client_id = @client_id AND customer_phone = @customer_phone AND status IN ('open', 'waiting_for_agent')
ORDER BY started_at DESC
LIMIT 1;

-- Records a message and moves its conversation's last_message_at.
-- name: AddMessage :one
WITH inserted AS (
    INSERT INTO saas_messages (conversation_id, client_id, direction, sender, body)
    VALUES (@conversation_id, @client_id, @direction, @sender, @body)
    RETURNING id, conversation_id, sent_at
), touched AS (
    UPDATE saas_conversations cv SET last_message_at = inserted.sent_at
    FROM inserted
    WHERE cv.id = inserted.conversation_id
    RETURNING cv.id
)
SELECT inserted.id, inserted.sent_at, (SELECT count(*) FROM touched) AS conversations_touched
FROM inserted;

-- Closes conversations idle since a moment.
-- name: CloseIdleConversations :execrows
UPDATE saas_conversations
SET status = 'closed', closed_at = now()
WHERE status <> 'closed' AND coalesce(last_message_at, started_at) < @idle_since;

-- AI replies per day and model for a client: volume, tokens and confidence.
-- name: DailyAIReport :many
SELECT date_trunc('day', m.sent_at) AS day,
       m.ai_model,
       count(*) AS replies,
       sum(m.ai_prompt_tokens) AS prompt_tokens,
       sum(m.ai_completion_tokens) AS completion_tokens,
       avg(m.ai_confidence) AS average_confidence,
       max(m.ai_latency_ms) AS slowest_ms
FROM saas_messages m
WHERE m.client_id = @client_id AND m.sender = 'ai' AND m.sent_at >= @since
GROUP BY 1, 2
ORDER BY 1, 2;

-- Conversation counts per status with each status's share of the client's conversations.
-- name: ConversationStatusShare :many
SELECT status,
       count(*) AS conversations,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM saas_conversations
WHERE client_id = @client_id
GROUP BY status
ORDER BY conversations DESC;

-- Customers ranked by messages sent in a client's conversations.
-- name: TopCustomers :many
SELECT cv.customer_phone,
       max(cv.customer_name) AS customer_name,
       count(m.id) AS messages,
       rank() OVER (ORDER BY count(m.id) DESC) AS position
FROM saas_conversations cv
JOIN saas_messages m USING (client_id)
WHERE cv.client_id = @client_id AND m.conversation_id = cv.id AND m.direction = 'inbound'
GROUP BY cv.customer_phone
ORDER BY messages DESC
LIMIT 10;
