--
-- PostgreSQL database dump
--

-- Dumped from database version 12.4 (Debian 12.4-1.pgdg100+1)
-- Dumped by pg_dump version 12.4 (Debian 12.4-1.pgdg100+1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

-- (added by hand: the dump's owner role must exist before the first ALTER … OWNER TO)
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'ledger_owner') THEN
        CREATE ROLE ledger_owner NOLOGIN;
    END IF;
END
$$;

--
-- Name: account_kind; Type: TYPE; Schema: public; Owner: ledger_owner
--

CREATE TYPE public.account_kind AS ENUM (
    'asset',
    'liability',
    'equity',
    'income',
    'expense'
);


ALTER TYPE public.account_kind OWNER TO ledger_owner;

--
-- Name: set_updated_at(); Type: FUNCTION; Schema: public; Owner: ledger_owner
--

CREATE FUNCTION public.set_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.set_updated_at() OWNER TO ledger_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: public; Owner: ledger_owner
--

CREATE TABLE public.accounts (
    id integer NOT NULL,
    code character varying(20) NOT NULL,
    name text NOT NULL,
    kind public.account_kind NOT NULL,
    currency character(3) NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.accounts OWNER TO ledger_owner;

--
-- Name: TABLE accounts; Type: COMMENT; Schema: public; Owner: ledger_owner
--

COMMENT ON TABLE public.accounts IS 'Chart of accounts; one row per general-ledger account.';


--
-- Name: postings; Type: TABLE; Schema: public; Owner: ledger_owner
--

CREATE TABLE public.postings (
    id bigint NOT NULL,
    entry_id bigint NOT NULL,
    account_id integer NOT NULL,
    amount_cents bigint NOT NULL,
    currency character(3) NOT NULL
);


ALTER TABLE public.postings OWNER TO ledger_owner;

--
-- Name: COLUMN postings.amount_cents; Type: COMMENT; Schema: public; Owner: ledger_owner
--

COMMENT ON COLUMN public.postings.amount_cents IS 'debit > 0, credit < 0';


--
-- Name: account_balances; Type: VIEW; Schema: public; Owner: ledger_owner
--

CREATE VIEW public.account_balances AS
 SELECT a.id AS account_id,
    a.code,
    COALESCE(sum(p.amount_cents), (0)::numeric) AS balance_cents
   FROM (public.accounts a
     LEFT JOIN public.postings p ON ((p.account_id = a.id)))
  GROUP BY a.id, a.code;


ALTER TABLE public.account_balances OWNER TO ledger_owner;

--
-- Name: accounts_id_seq; Type: SEQUENCE; Schema: public; Owner: ledger_owner
--

CREATE SEQUENCE public.accounts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.accounts_id_seq OWNER TO ledger_owner;

--
-- Name: accounts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ledger_owner
--

ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;


--
-- Name: currencies; Type: TABLE; Schema: public; Owner: ledger_owner
--

CREATE TABLE public.currencies (
    code character(3) NOT NULL,
    name text NOT NULL,
    minor_units smallint DEFAULT 2 NOT NULL
);


ALTER TABLE public.currencies OWNER TO ledger_owner;

--
-- Name: journal_entries; Type: TABLE; Schema: public; Owner: ledger_owner
--

CREATE TABLE public.journal_entries (
    id bigint NOT NULL,
    entry_date date NOT NULL,
    memo text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.journal_entries OWNER TO ledger_owner;

--
-- Name: journal_entries_id_seq; Type: SEQUENCE; Schema: public; Owner: ledger_owner
--

ALTER TABLE public.journal_entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.journal_entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: postings_id_seq; Type: SEQUENCE; Schema: public; Owner: ledger_owner
--

CREATE SEQUENCE public.postings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.postings_id_seq OWNER TO ledger_owner;

--
-- Name: postings_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: ledger_owner
--

ALTER SEQUENCE public.postings_id_seq OWNED BY public.postings.id;


--
-- Name: accounts id; Type: DEFAULT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);


--
-- Name: postings id; Type: DEFAULT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.postings ALTER COLUMN id SET DEFAULT nextval('public.postings_id_seq'::regclass);


--
-- Name: accounts accounts_code_key; Type: CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_code_key UNIQUE (code);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: currencies currencies_pkey; Type: CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.currencies
    ADD CONSTRAINT currencies_pkey PRIMARY KEY (code);


--
-- Name: journal_entries journal_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.journal_entries
    ADD CONSTRAINT journal_entries_pkey PRIMARY KEY (id);


--
-- Name: postings postings_pkey; Type: CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.postings
    ADD CONSTRAINT postings_pkey PRIMARY KEY (id);


--
-- Name: journal_entries_entry_date_idx; Type: INDEX; Schema: public; Owner: ledger_owner
--

CREATE INDEX journal_entries_entry_date_idx ON public.journal_entries USING btree (entry_date);


--
-- Name: postings_account_id_idx; Type: INDEX; Schema: public; Owner: ledger_owner
--

CREATE INDEX postings_account_id_idx ON public.postings USING btree (account_id);


--
-- Name: postings_entry_id_idx; Type: INDEX; Schema: public; Owner: ledger_owner
--

CREATE INDEX postings_entry_id_idx ON public.postings USING btree (entry_id);


--
-- Name: accounts accounts_set_updated_at; Type: TRIGGER; Schema: public; Owner: ledger_owner
--

CREATE TRIGGER accounts_set_updated_at BEFORE UPDATE ON public.accounts FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();


--
-- Name: accounts accounts_currency_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_currency_fkey FOREIGN KEY (currency) REFERENCES public.currencies(code);


--
-- Name: postings postings_account_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.postings
    ADD CONSTRAINT postings_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id);


--
-- Name: postings postings_currency_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.postings
    ADD CONSTRAINT postings_currency_fkey FOREIGN KEY (currency) REFERENCES public.currencies(code);


--
-- Name: postings postings_entry_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: ledger_owner
--

ALTER TABLE ONLY public.postings
    ADD CONSTRAINT postings_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES public.journal_entries(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

-- (added by hand: golang-migrate runs every file on the same connection, and the dump's
-- set_config(..., false) above would leave search_path empty for all later migrations)
RESET search_path;
