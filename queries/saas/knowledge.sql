-- The knowledge base: search, tags, the AI context.

-- Published entries matching a search, best first.
-- name: SearchKnowledge :many
SELECT kb.id, kb.entry_type, kb.title, kb.tags,
       ts_rank(kb.search_vector, websearch_to_tsquery('indonesian', @query)) AS rank,
       ts_headline('indonesian', kb.plain_text, websearch_to_tsquery('indonesian', @query)) AS snippet
FROM saas_knowledge_base kb
WHERE kb.client_id = @client_id
  AND kb.is_published
  AND kb.search_vector @@ websearch_to_tsquery('indonesian', @query)
ORDER BY rank DESC
LIMIT 20;

-- A client's entries carrying a tag, in display order.
-- name: EntriesByTag :many
SELECT *
FROM saas_knowledge_base
WHERE client_id = @client_id AND @tag::text = ANY(tags)
ORDER BY entry_type, sort_order, title;

-- How many entries carry each tag, per entry type.
-- name: TagCounts :many
SELECT t.tag, kb.entry_type, count(*) AS entries, bool_or(kb.is_published) AS any_published
FROM saas_knowledge_base kb
CROSS JOIN LATERAL unnest(kb.tags) AS t(tag)
WHERE kb.client_id = @client_id
GROUP BY t.tag, kb.entry_type
ORDER BY entries DESC, t.tag;

-- Products with their price from the structured content, cheapest first.
-- name: ProductPrices :many
SELECT id, title, (content ->> 'price')::numeric AS price, content ->> 'currency' AS currency, content @> '{"in_stock": true}' AS in_stock
FROM saas_knowledge_base
WHERE client_id = @client_id AND entry_type = 'product' AND content ? 'price'
ORDER BY price NULLS LAST;

-- The AI's context for a client: published entries as one JSON array per type.
-- name: AIContext :many
SELECT entry_type, jsonb_agg(jsonb_build_object('title', title, 'text', plain_text) ORDER BY sort_order) AS entries
FROM saas_knowledge_base
WHERE client_id = @client_id AND is_published
GROUP BY entry_type;

-- Adds or replaces tags on entries.
-- name: SetTags :execrows
UPDATE saas_knowledge_base SET tags = @tags, updated_at = now()
WHERE client_id = @client_id AND id = ANY(@ids::uuid[]);

-- Deletes an entry and returns what it was.
-- name: DeleteEntry :one
DELETE FROM saas_knowledge_base WHERE id = @id AND client_id = @client_id
RETURNING id, title;
