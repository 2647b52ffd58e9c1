CREATE TABLE customer_satisfaction_survey_responses_including_free_text_feedback (
    id bigserial PRIMARY KEY,
    ticket_id bigint NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    would_the_customer_recommend_our_support_team_to_a_friend_or_colleague boolean DEFAULT NULL,
    feedback text DEFAULT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON customer_satisfaction_survey_responses_including_free_text_feedback (rating, submitted_at);
CREATE INDEX ON customer_satisfaction_survey_responses_including_free_text_feedback (would_the_customer_recommend_our_support_team_to_a_friend_or_colleague);
