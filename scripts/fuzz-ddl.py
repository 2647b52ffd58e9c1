#!/usr/bin/env python3
"""fuzz-ddl.py: a random-DDL differential fuzzer for the fold, with PostgreSQL as the oracle.

Each case builds a random migration history against a fresh database, statement by statement,
keeping only what PostgreSQL accepts (tables, columns of every kind, keys, indexes, enums,
domains, views, materialized views, renames, drops with CASCADE, comments, schemas, odd
spellings: quoted and reserved names, comments inside keywords, dollar quotes). The history is
then applied with `migrate up` to another fresh database and compared by `pg-codegen verify`,
and generated with `pg-codegen generate`: any difference, error or crash is a finding. A
finding is reduced (delta debugging over statements, then over a CREATE TABLE's elements) and
written with its problems to OUT/min_<hash>/; OUT/sigs.json counts findings by signature.

Run it with `make fuzz-ddl` (scripts/fuzz-ddl.sh), which builds the tools and starts a
PostgreSQL. Environment: FUZZ_SECONDS (time budget), FUZZ_CASES (default 300), FUZZ_SEED
(default random; a case is reproducible from seed + case number), FUZZ_OUT (default
$TMPDIR/pg-fuzz-ddl), FUZZ_BIN (the folder of `migrate` and `pg-codegen`, default
.build/debug), FUZZ_KNOWN_EXTRA (regular expressions, one a line, of problems already
understood: counted, not reduced). Exits 1 when it found a problem not known.
"""
import json, os, random, re, shutil, subprocess, sys, time, traceback, hashlib
import psycopg

BASE_URL = os.environ["TEST_DATABASE_URL"]
OUT = os.environ.get("FUZZ_OUT", os.path.join(os.environ.get("TMPDIR", "/tmp"), "pg-fuzz-ddl"))
BIN = os.environ.get("FUZZ_BIN", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "debug"))
MIGRATE = os.path.join(BIN, "migrate")
CODEGEN = os.path.join(BIN, "pg-codegen")
R = random.Random()

def db_url(name):
    return re.sub(r"/postgres\?", "/" + name + "?", BASE_URL)

def admin():
    c = psycopg.connect(BASE_URL, autocommit=True)
    return c

_dbn = [0]
def fresh_db():
    _dbn[0] += 1
    name = "f%d_%d" % (os.getpid(), _dbn[0])
    with admin() as c:
        c.execute("DROP DATABASE IF EXISTS %s" % name)
        c.execute("CREATE DATABASE %s TEMPLATE template0" % name)
    return name

def drop_db(name):
    with admin() as c:
        c.execute("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)

# ---------------------------------------------------------------- catalog model
INTRO = {
 "schemas": """select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema' order by 1""",
 "rels": """select c.oid, n.nspname, c.relname, c.relkind from pg_class c join pg_namespace n on n.oid=c.relnamespace
   where c.relkind in ('r','p','v','m') and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
   and c.relname not like 'schema_migrations%' order by 1""",
 "cols": """select a.attrelid, a.attnum, a.attname, format_type(a.atttypid,a.atttypmod), t.typtype, a.attnotnull, a.atthasdef,
   a.attidentity, a.attgenerated, a.atttypid, coalesce(bt.typname, t.typname), t.typcategory, coalesce(bt.typcategory,'')
   from pg_attribute a join pg_type t on t.oid=a.atttypid left join pg_type bt on bt.oid = t.typbasetype and t.typtype='d'
   join pg_class c on c.oid=a.attrelid join pg_namespace n on n.oid=c.relnamespace
   where a.attnum>0 and not a.attisdropped and c.relkind in ('r','p','v','m') and n.nspname not like 'pg\\_%'
   and n.nspname <> 'information_schema' order by 1,2""",
 "cons": """select co.conname, co.contype, co.conrelid, co.contypid, co.conkey from pg_constraint co
   join pg_namespace n on n.oid=co.connamespace where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'""",
 "idx": """select ic.relname, i.indrelid, i.indisunique, i.indisprimary,
   exists(select 1 from pg_constraint x where x.conindid=i.indexrelid and x.contype in ('p','u','x')) , i.indkey::int2[]
   from pg_index i join pg_class ic on ic.oid=i.indexrelid join pg_class tc on tc.oid=i.indrelid
   join pg_namespace n on n.oid=tc.relnamespace where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
   and tc.relname not like 'schema_migrations%'""",
 "types": """select t.oid, n.nspname, t.typname, t.typtype, format_type(t.typbasetype, t.typtypmod),
   coalesce(bt.typname,''), coalesce(bt.typcategory,''),
   array(select enumlabel::text from pg_enum e where e.enumtypid=t.oid order by enumsortorder)
   from pg_type t join pg_namespace n on n.oid=t.typnamespace left join pg_type bt on bt.oid=t.typbasetype
   where t.typtype in ('e','d') and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'""",
 "viewdeps": """select distinct r.ev_class, d.refobjid from pg_rewrite r join pg_depend d on d.objid=r.oid
   and d.classid='pg_rewrite'::regclass and d.refclassid='pg_class'::regclass where d.refobjid<>r.ev_class""",
}

class Model:
    def __init__(self, cur):
        q = lambda k: cur.execute(INTRO[k]).fetchall()
        self.schemas = [r[0] for r in q("schemas")]
        self.rels = {}
        for oid, ns, name, kind in q("rels"):
            self.rels[oid] = dict(oid=oid, schema=ns, name=name, kind=kind, cols=[], cons=[], idx=[])
        types = q("types")
        self.enums = {}; self.domains = {}
        for oid, ns, name, tt, base, bname, bcat, labels in types:
            if tt == 'e': self.enums[oid] = dict(schema=ns, name=name, labels=list(labels), cons=[])
            else: self.domains[oid] = dict(schema=ns, name=name, base=base, bname=bname, bcat=bcat, cons=[])
        for relid, num, name, ftype, typtype, notnull, hasdef, ident, gen, typid, tname, cat, bcat in q("cols"):
            if relid in self.rels:
                self.rels[relid]["cols"].append(dict(num=num, name=name, type=ftype, typtype=typtype, notnull=notnull,
                    hasdef=hasdef, ident=ident, gen=gen, typid=typid, tname=tname, cat=cat, bcat=bcat))
        for name, ctype, relid, typid, conkey in q("cons"):
            if relid in self.rels: self.rels[relid]["cons"].append(dict(name=name, type=ctype, key=list(conkey or [])))
            elif typid in self.domains: self.domains[typid]["cons"].append(dict(name=name, type=ctype))
        for name, relid, uniq, prim, iscon, key in q("idx"):
            if relid in self.rels: self.rels[relid]["idx"].append(dict(name=name, unique=uniq, primary=prim, con=iscon, key=list(key)))
        self.viewdeps = {}
        for v, t in q("viewdeps"):
            self.viewdeps.setdefault(v, []).append(t)

    def tables(self): return [r for r in self.rels.values() if r["kind"] in 'rp']
    def views(self): return [r for r in self.rels.values() if r["kind"] == 'v']
    def mviews(self): return [r for r in self.rels.values() if r["kind"] == 'm']

# ---------------------------------------------------------------- spelling helpers
RESERVED = {"user", "order", "select", "table", "group", "check", "default", "primary", "from", "where", "column",
            "constraint", "limit", "all", "end", "to", "references", "unique", "both", "case"}

def sep():
    x = R.random()
    if x < 0.88: return " "
    if x < 0.93: return " /* c; */ "
    if x < 0.96: return " -- note; it's\n"
    if x < 0.98: return "\n\t"
    return " /* nested /* c */ ok */ "

def kw(words):
    out = []
    for w in words.split(" "):
        x = R.random()
        if x < 0.75: w = w.upper()
        elif x < 0.9: w = w.lower()
        else: w = "".join(ch.upper() if R.random() < 0.5 else ch.lower() for ch in w)
        out.append(w)
    res = out[0]
    for w in out[1:]: res += sep() + w
    return res

def ident(name):
    if re.fullmatch(r"[a-z_][a-z0-9_$]*", name) and name not in RESERVED:
        x = R.random()
        if x < 0.8: return name
        if x < 0.9: return '"' + name + '"'
        return name.upper() if "$" not in name and not NOKNOWN else name
    return '"' + name.replace('"', '""') + '"'

def qname(schema, name):
    if schema == "public":
        return ident(name) if R.random() < 0.8 else "public." + ident(name)
    return ident(schema) + "." + ident(name)

def rq(r): return qname(r["schema"], r["name"])
def tq(t): return qname(t["schema"], t["name"])

def sl(s):  # string literal
    x = R.random()
    if x < 0.7 or "$" in s: return "'" + s.replace("'", "''") + "'"
    if x < 0.85: return "$$" + s + "$$"
    return "$q$" + s + "$q$"

_ctr = [0]
NOKNOWN = os.environ.get("FUZZ_AVOID_KNOWN") == "1"
WEIRD = ["Mixed Case", "ünïcode", "with space", "Upper", "quote\"d", "user", "order", "a$b", "semi;colon", "dot.ted"] + ([] if NOKNOWN else ["x" * 70])
# Problems whose cause is already understood: counted, not reduced again.
KNOWN = [k for k in os.environ.get("FUZZ_KNOWN_EXTRA", "").split("\n") if k]
def newname(prefix):
    _ctr[0] += 1
    if R.random() < 0.12:
        w = R.choice(WEIRD)
        return w if w.startswith("x") else w + str(_ctr[0])
    return "%s%d" % (prefix, _ctr[0])

# ---------------------------------------------------------------- types & expressions
BASE_TYPES = [
    ("int", ["integer", "int", "int4"]), ("big", ["bigint", "int8"]), ("small", ["smallint", "int2"]),
    ("text", ["text"]), ("vc", None), ("num", None), ("bool", ["boolean", "bool"]), ("uuid", ["uuid"]),
    ("jsonb", ["jsonb"]), ("tstz", ["timestamptz", "timestamp with time zone", "TIMESTAMP(3) WITH TIME ZONE"]),
    ("date", ["date"]), ("bytea", ["bytea"]), ("intarr", ["integer[]", "int[]", "int4[]", "integer[][]", "integer ARRAY"]),
    ("textarr", ["text[]", "varchar(10)[]"]), ("float", ["double precision", "real", "float8"]), ("ts", ["timestamp", "timestamp without time zone"]),
    ("char", ["char(3)", "character(5)"] + ([] if NOKNOWN else ["\"char\""])), ("interval", ["interval", "interval day to second(2)", "INTERVAL YEAR TO MONTH", "interval hour", "interval(3)"]), ("time", ["time", "timetz"]),
]

def rand_type(m):
    x = R.random()
    if x < 0.08 and m.enums:
        e = R.choice(list(m.enums.values())); return qname(e["schema"], e["name"]), ("enum", e)
    if x < 0.13 and m.domains:
        d = R.choice(list(m.domains.values())); return qname(d["schema"], d["name"]), ("dom", d)
    fam, names = R.choice(BASE_TYPES)
    if fam == "vc": return R.choice(["varchar", "character varying", "VARCHAR"]) + "(%d)" % R.choice([1, 10, 255]), ("text", None)
    if fam == "num":
        return R.choice(["numeric(10,2)", "numeric(5)", "numeric", "decimal(12, 4)", "NUMERIC(3,0)"]), ("num", None)
    if fam in ("big", "small"): fam2 = "int"
    elif fam in ("char",): fam2 = "text"
    else: fam2 = fam
    return R.choice(names), (fam2, None)

def fam_of_col(m, c):
    t = c["type"]
    if c["typtype"] == 'e':
        e = m.enums.get(c["typid"]); return ("enum", e)
    cat = c["cat"]; tn = c["tname"]
    if c["typtype"] == 'd':
        cat = c["bcat"]; tn = c["tname"]
    if t.endswith("[]"): return ("intarr", None) if "int" in t else ("textarr", None)
    if tn in ("int2", "int4", "int8"): return ("int", None)
    if tn in ("text", "varchar", "bpchar"): return ("text", None)
    if tn == "numeric": return ("num", None)
    if tn in ("float4", "float8"): return ("float", None)
    for f, n in (("bool", "bool"), ("uuid", "uuid"), ("jsonb", "jsonb"), ("tstz", "timestamptz"), ("date", "date"), ("bytea", "bytea"), ("ts", "timestamp"), ("interval", "interval")):
        if tn == n: return (f, None)
    return ("other", None)

def default_for(fam):
    f, e = fam
    if f == "int": return R.choice(["0", "42", "-1", "(1 + 2)", "'7'", "1000000"])
    if f == "text": return R.choice(["'abc'", "'it''s'", "$$dollar; v$$", "E'a\\nb'", "''", "'x'::text", "lower('ABC')", "'a;b'", "$t$x$t$"])
    if f == "num": return R.choice(["1.5", "0", "'10.25'", "0.0"])
    if f == "float": return R.choice(["1.5", "0", "'NaN'", "1e10"])
    if f == "bool": return R.choice(["true", "false", "TRUE", "'t'"])
    if f == "uuid": return R.choice(["gen_random_uuid()", "'00000000-0000-0000-0000-000000000000'"])
    if f == "jsonb": return R.choice(["'{}'::jsonb", "'[1,2]'", "$${\"a\": 1}$$::jsonb", "'null'"])
    if f == "tstz": return R.choice(["now()", "CURRENT_TIMESTAMP", "'2020-01-01 00:00:00+00'", "statement_timestamp()", "transaction_timestamp()"])
    if f == "ts": return R.choice(["LOCALTIMESTAMP", "'2020-01-01'", "now()"])
    if f == "date": return R.choice(["CURRENT_DATE", "'2020-01-01'", "('now'::text)::date"])
    if f == "bytea": return R.choice(["'\\x00'::bytea", "''", "'\\xdeadbeef'"])
    if f == "intarr": return R.choice(["'{}'", "ARRAY[1,2]", "'{1,2,3}'::integer[]", "ARRAY[]::int[]"])
    if f == "textarr": return R.choice(["'{}'", "ARRAY['a','b']", "'{\"x y\",z}'"])
    if f == "interval": return R.choice(["'1 day'", "interval '2 hours'"])
    if f == "enum" and e and e["labels"]: return sl(R.choice(e["labels"]))
    if f == "dom" and e: return default_for(dom_fam(e))
    return "NULL"

def dom_fam(d):
    bn = d["bname"]
    if bn in ("int2", "int4", "int8"): return ("int", None)
    if bn in ("text", "varchar", "bpchar"): return ("text", None)
    if bn == "numeric": return ("num", None)
    return ("other", None)

def check_for(col_sql, fam):
    f, e = fam
    c = col_sql
    if f == "int": return R.choice(["%s > 0", "%s BETWEEN 1 AND 100", "%s <> 5", "%s IN (1, 2, 3)", "(%s % 2) = 0", "%s >= -1"]).replace("%s", c)
    if f == "text": return R.choice(["length(%s) > 0", "%s <> ''", "%s ~ '^[a-z]*$'", "%s LIKE 'a%%'", "char_length(%s) <= 50", "%s IS NOT NULL", "%s = ANY (ARRAY['a', 'b'])"]).replace("%s", c).replace("%%", "%")
    if f == "num": return R.choice(["%s >= 0", "%s < 1000.5"]).replace("%s", c)
    if f == "float": return "%s > 0" % c
    if f == "bool": return R.choice(["%s = true", "%s IS NOT NULL", "NOT %s"]).replace("%s", c)
    if f in ("date", "tstz", "ts"): return "%s > '2000-01-01'" % c
    if f == "jsonb": return R.choice(["jsonb_typeof(%s) = 'object'", "%s ? 'a'", "%s <> 'null'::jsonb"]).replace("%s", c)
    if f in ("intarr", "textarr"): return R.choice(["cardinality(%s) < 10", "array_length(%s, 1) > 0"]).replace("%s", c)
    if f == "enum" and e and e["labels"]: return "%s <> %s" % (c, sl(R.choice(e["labels"])))
    if f == "dom" and e: return check_for(c, dom_fam(e))
    return "%s IS NOT NULL" % c

def dom_check(base_fam):
    return check_for("VALUE", base_fam)

# ---------------------------------------------------------------- statement generators
def col_def(m, table_cols_so_far, allow_refs=True, name=None):
    name = name or newname("c")
    r = R.random()
    if r < 0.08:
        return ident(name) + " " + R.choice(["serial", "bigserial", "smallserial", "SERIAL4", "serial8"]), (name, ("int", None))
    typ, fam = rand_type(m)
    parts = [ident(name), typ]
    if R.random() < 0.05 and fam[0] == "text" and fam[1] is None: parts.append(kw("COLLATE") + ' "C"')
    if R.random() < 0.07 and fam[0] == "int" and "[" not in typ:
        parts.append(kw(R.choice(["GENERATED ALWAYS AS IDENTITY", "GENERATED BY DEFAULT AS IDENTITY"])) +
                     R.choice(["", " (START WITH 10 INCREMENT BY 5)"]))
    elif R.random() < 0.06 and table_cols_so_far:
        src = [c for c in table_cols_so_far if c[1][0] in ("int", "text", "num")]
        if src:
            c = R.choice(src)
            e = {"int": "(%s * 2)", "text": "lower(%s)", "num": "(%s + 1)"}[c[1][0]] % ident(c[0])
            if c[1][0] == "text": typ = "text"
            elif c[1][0] == "num": typ = "numeric"
            else: typ = "bigint"
            parts = [ident(name), typ, kw("GENERATED ALWAYS AS") + " (" + e + ") " + kw("STORED")]
            return " ".join(parts), (name, (c[1][0], None))
    elif R.random() < 0.3:
        parts.append(kw("DEFAULT") + " " + default_for(fam))
    if R.random() < 0.3: parts.append(kw("NOT NULL"))
    elif R.random() < 0.05: parts.append(kw("NULL"))
    if R.random() < 0.15:
        parts.append((kw("CONSTRAINT") + " " + ident(newname("ck")) + " " if R.random() < 0.5 else "") + kw("CHECK") + " (" + check_for(ident(name), fam) + ")")
    x = R.random()
    if x < 0.08: parts.append((kw("CONSTRAINT") + " " + ident(newname("pk")) + " " if R.random() < 0.4 else "") + kw("PRIMARY KEY"))
    elif x < 0.16: parts.append((kw("CONSTRAINT") + " " + ident(newname("uq")) + " " if R.random() < 0.4 else "") + kw("UNIQUE") + R.choice(["", " NULLS NOT DISTINCT", " DEFERRABLE", " DEFERRABLE INITIALLY DEFERRED", " INITIALLY DEFERRED"]))
    elif x < 0.24 and allow_refs:
        ref = pick_ref(m, fam)
        if ref:
            t, cname = ref
            parts.append((kw("CONSTRAINT") + " " + ident(newname("fk")) + " " if R.random() < 0.4 else "") + kw("REFERENCES") + " " + tq(t) +
                         (" (" + ident(cname) + ")" if R.random() < 0.7 or not is_pk_col(t, cname) else "") + fk_actions())
    return " ".join(parts), (name, fam)

def is_pk_col(t, cname):
    for co in t["cons"]:
        if co["type"] == 'p' and len(co["key"]) == 1:
            col = [c for c in t["cols"] if c["num"] == co["key"][0]]
            return bool(col) and col[0]["name"] == cname
    return False

def fk_actions():
    s = ""
    if R.random() < 0.3: s += " " + kw("ON DELETE " + R.choice(["CASCADE", "SET NULL", "RESTRICT", "NO ACTION", "SET DEFAULT"]))
    if R.random() < 0.2: s += " " + kw("ON UPDATE " + R.choice(["CASCADE", "SET NULL", "RESTRICT"]))
    if R.random() < 0.1: s += " " + kw("DEFERRABLE INITIALLY DEFERRED")
    return s

def unique_keys(t):
    keys = []
    for co in t["cons"]:
        if co["type"] in "pu":
            cols = [next((c for c in t["cols"] if c["num"] == k), None) for k in co["key"]]
            if all(cols): keys.append(cols)
    return keys

def pick_ref(m, fam=None):
    cands = []
    for t in m.tables():
        for key in unique_keys(t):
            if len(key) == 1: cands.append((t, key[0]["name"]))
    if not cands: return None
    return R.choice(cands)

def create_table(m):
    name = newname("t")
    schema = R.choice(m.schemas) if R.random() < 0.3 else "public"
    cols = []; defs = []
    for i in range(R.randint(1, 6)):
        d, info = col_def(m, cols)
        defs.append(d); cols.append(info)
    if R.random() < 0.35:
        names = [c[0] for c in cols]
        k = R.sample(names, R.randint(1, min(2, len(names))))
        kind = R.choice(["PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY"])
        cn = (kw("CONSTRAINT") + " " + ident(newname("tc")) + " ") if R.random() < 0.5 else ""
        if kind == "CHECK":
            c = R.choice(cols); defs.append(cn + kw("CHECK") + " (" + check_for(ident(c[0]), c[1]) + ")")
        elif kind == "FOREIGN KEY":
            ref = pick_ref(m)
            if ref:
                defs.append(cn + kw("FOREIGN KEY") + " (" + ident(k[0]) + ") " + kw("REFERENCES") + " " + tq(ref[0]) + " (" + ident(ref[1]) + ")" + fk_actions())
        else:
            defs.append(cn + kw(kind) + " (" + ", ".join(ident(x) for x in k) + ")" + (" " + kw("INCLUDE") + " (" + ident(R.choice(names)) + ")" if R.random() < 0.1 else ""))
    body = ",\n  ".join(defs)
    ine = kw("IF NOT EXISTS") + " " if R.random() < 0.1 else ""
    return kw("CREATE TABLE") + " " + ine + qname(schema, name) + " (\n  " + body + "\n)"

def pick_table(m):
    t = m.tables()
    return R.choice(t) if t else None

def pick_col(t, pred=lambda c: True):
    cs = [c for c in t["cols"] if pred(c)]
    return R.choice(cs) if cs else None

USING_CHANGES = [
    ("int", "bigint", None), ("int", "text", "%s::text"), ("int", "numeric(12,2)", None), ("int", "smallint", None),
    ("text", "varchar(20)", None), ("text", "integer", "length(%s)"), ("text", "jsonb", "to_jsonb(%s)"), ("text", "text", None),
    ("text", "varchar(300)", None), ("num", "numeric(14,4)", None), ("num", "integer", "round(%s)::int"),
    ("bool", "text", None), ("bool", "integer", "CASE WHEN %s THEN 1 ELSE 0 END"), ("date", "timestamptz", None),
    ("tstz", "date", "%s::date"), ("intarr", "bigint[]", None), ("enum", "text", "%s::text"), ("jsonb", "text", None),
    ("uuid", "text", None), ("textarr", "text", "array_to_string(%s, ',')"),
]

def alter_table(m):
    t = pick_table(m)
    if not t: return None
    T = tq(t)
    pre = kw("ALTER TABLE") + " " + (kw("IF EXISTS") + " " if R.random() < 0.05 else "") + (kw("ONLY") + " " if R.random() < 0.05 else "") + T + " "
    x = R.randint(0, 20)
    if x == 0:
        d, _ = col_def(m, [(c["name"], fam_of_col(m, c)) for c in t["cols"]])
        return pre + kw(R.choice(["ADD COLUMN", "ADD"])) + " " + (kw("IF NOT EXISTS") + " " if R.random() < 0.1 else "") + d
    if x == 1:
        c = pick_col(t)
        if not c: return None
        return pre + kw(R.choice(["DROP COLUMN", "DROP"])) + " " + (kw("IF EXISTS") + " " if R.random() < 0.1 else "") + ident(c["name"]) + R.choice(["", "", " CASCADE", " RESTRICT"])
    if x == 2:
        c = pick_col(t)
        if not c: return None
        return pre + kw(R.choice(["RENAME COLUMN", "RENAME"])) + " " + ident(c["name"]) + " " + kw("TO") + " " + ident(newname("rc"))
    if x == 3:
        c = pick_col(t)
        if not c: return None
        fam = fam_of_col(m, c)
        opts = [u for u in USING_CHANGES if u[0] == fam[0]]
        if not opts: return None
        _, nt, using = R.choice(opts)
        s = pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw(R.choice(["TYPE", "SET DATA TYPE"])) + " " + nt
        if using or R.random() < 0.2:
            s += " " + kw("USING") + " " + ((using or "%s::" + nt) % ident(c["name"]))
        return s
    if x == 4:
        c = pick_col(t)
        if not c: return None
        return pre + kw("ALTER") + " " + ident(c["name"]) + " " + kw("SET DEFAULT") + " " + default_for(fam_of_col(m, c))
    if x == 5:
        c = pick_col(t)
        if not c: return None
        return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("DROP DEFAULT")
    if x == 6:
        c = pick_col(t)
        if not c: return None
        return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw(R.choice(["SET NOT NULL", "DROP NOT NULL"]))
    if x in (7, 8):
        names = [c["name"] for c in t["cols"]]
        if not names: return None
        cn = (kw("CONSTRAINT") + " " + ident(newname("ac")) + " ") if R.random() < 0.6 else ""
        kind = R.choice(["PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY", "UNIQUE USING INDEX"])
        if kind == "CHECK":
            c = pick_col(t); return pre + kw("ADD") + " " + cn + kw("CHECK") + " (" + check_for(ident(c["name"]), fam_of_col(m, c)) + ")" + R.choice(["", "", " NOT VALID"])
        if kind == "FOREIGN KEY":
            ref = pick_ref(m)
            if not ref: return None
            return pre + kw("ADD") + " " + cn + kw("FOREIGN KEY") + " (" + ident(R.choice(names)) + ") " + kw("REFERENCES") + " " + tq(ref[0]) + " (" + ident(ref[1]) + ")" + fk_actions() + R.choice(["", "", " NOT VALID"])
        if kind == "UNIQUE USING INDEX":
            ix = [i for i in t["idx"] if i["unique"] and not i["con"] and 0 not in i["key"]]
            if not ix: return None
            return pre + kw("ADD") + " " + cn + kw(R.choice(["UNIQUE", "PRIMARY KEY"])) + " " + kw("USING INDEX") + " " + ident(R.choice(ix)["name"])
        k = R.sample(names, R.randint(1, min(2, len(names))))
        return pre + kw("ADD") + " " + cn + kw(kind) + " (" + ", ".join(ident(x) for x in k) + ")"
    if x == 9:
        cs = [co for co in t["cons"] if co["type"] in "pufc"]
        if not cs: return None
        return pre + kw("DROP CONSTRAINT") + " " + (kw("IF EXISTS") + " " if R.random() < 0.1 else "") + ident(R.choice(cs)["name"]) + R.choice(["", " CASCADE"])
    if x == 10:
        cs = [co for co in t["cons"] if co["type"] in "pufc"]
        if not cs: return None
        return pre + kw("RENAME CONSTRAINT") + " " + ident(R.choice(cs)["name"]) + " " + kw("TO") + " " + ident(newname("rn"))
    if x == 11:
        c = pick_col(t, lambda c: c["tname"] in ("int2", "int4", "int8") and c["typtype"] == 'b')
        if not c: return None
        if c["ident"]:
            return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + R.choice([kw("DROP IDENTITY"), kw("DROP IDENTITY IF EXISTS"), kw("SET GENERATED BY DEFAULT"), kw("SET GENERATED ALWAYS"), kw("RESTART WITH 100")])
        s = pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("ADD GENERATED " + R.choice(["ALWAYS", "BY DEFAULT"]) + " AS IDENTITY")
        if not c["notnull"]:
            s = pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("SET NOT NULL") + ", " + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("DROP DEFAULT") + ", " + s[len(pre):]
        return s
    if x == 12:
        return pre + kw("RENAME TO") + " " + ident(newname("rt"))
    if x == 13:
        ss = [s for s in m.schemas if s != t["schema"]]
        if not ss: return None
        return pre + kw("SET SCHEMA") + " " + ident(R.choice(ss))
    if x == 14:  # multiple actions
        d, _ = col_def(m, [], allow_refs=False)
        c = pick_col(t)
        acts = [kw("ADD COLUMN") + " " + d]
        if c: acts.append(kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("SET DEFAULT") + " " + default_for(fam_of_col(m, c)))
        if c and R.random() < 0.5: acts.append(kw("DROP COLUMN") + " " + ident(c["name"]))
        R.shuffle(acts)
        return pre + ", ".join(acts)
    if x == 15:  # drop column used by something, cascade
        deps = set()
        for i in t["idx"]: deps.update(i["key"])
        for co in t["cons"]: deps.update(co["key"])
        cs = [c for c in t["cols"] if c["num"] in deps] or t["cols"]
        if not cs: return None
        return pre + kw("DROP COLUMN") + " " + ident(R.choice(cs)["name"]) + " " + kw("CASCADE")
    if x == 16:
        c = pick_col(t)
        if not c: return None
        return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("SET DATA TYPE") + " " + rand_type(m)[0] + " " + kw("USING") + " NULL"
    if x == 17:
        c = pick_col(t, lambda c: c["gen"] == 's')
        if c: return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("DROP EXPRESSION")
        c = pick_col(t, lambda c: fam_of_col(m, c)[0] == "text" and c["typtype"] == 'b')
        if not c: return None
        return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("TYPE") + " text " + kw("COLLATE") + ' "C"'
    if x == 18:
        cs = [co for co in t["cons"] if co["type"] in "fc"]
        if not cs: return None
        return pre + kw("VALIDATE CONSTRAINT") + " " + ident(R.choice(cs)["name"])
    if x == 19:
        c = pick_col(t)
        if not c: return None
        return pre + kw("ALTER COLUMN") + " " + ident(c["name"]) + " " + kw("SET STATISTICS") + " 100"
    return pre + kw("ADD COLUMN") + " " + col_def(m, [(c["name"], fam_of_col(m, c)) for c in t["cols"]])[0]

def create_index(m):
    t = pick_table(m) if R.random() < 0.9 or not m.mviews() else R.choice(m.mviews())
    if not t or not t["cols"]: return None
    uniq = R.random() < 0.3
    name = newname("ix") if R.random() < 0.8 else None
    elems = []
    for i in range(R.randint(1, 2)):
        c = R.choice(t["cols"]); f = fam_of_col(m, c)[0]; n = ident(c["name"])
        x = R.random()
        if x < 0.55: e = n
        elif x < 0.65: e = n + " " + kw(R.choice(["DESC", "ASC", "DESC NULLS LAST", "NULLS FIRST"]))
        elif x < 0.75 and f == "text": e = R.choice(["lower(%s)" % n, "(%s || 'x')" % n, n + " text_pattern_ops", n + ' COLLATE "C"'])
        elif x < 0.85 and f == "int": e = R.choice(["(%s + 1)" % n, "abs(%s)" % n, "(%s * 2) DESC" % n])
        elif f == "jsonb": e = "(%s ->> 'a')" % n
        else: e = n
        elems.append(e)
    s = kw("CREATE") + " " + (kw("UNIQUE") + " " if uniq else "") + kw("INDEX") + " "
    if name: s += (kw("IF NOT EXISTS") + " " if R.random() < 0.1 else "") + ident(name) + " "
    s += kw("ON") + " " + (kw("ONLY") + " " if R.random() < 0.05 else "") + rq(t)
    if R.random() < 0.1:
        c = R.choice(t["cols"]); f = fam_of_col(m, c)[0]
        if f in ("jsonb", "intarr", "textarr") and not uniq:
            return s + " " + kw("USING GIN") + " (" + ident(c["name"]) + ")"
        if not uniq:
            return s + " " + kw("USING HASH") + " (" + ident(c["name"]) + ")"
    if R.random() < 0.1: s += " " + kw("USING BTREE")
    s += " (" + ", ".join(elems) + ")"
    if R.random() < 0.15: s += " " + kw("INCLUDE") + " (" + ident(R.choice(t["cols"])["name"]) + ")"
    if R.random() < 0.1 and uniq: s += " " + kw("NULLS NOT DISTINCT")
    if R.random() < 0.25:
        c = R.choice(t["cols"])
        s += " " + kw("WHERE") + " " + R.choice([check_for(ident(c["name"]), fam_of_col(m, c)), ident(c["name"]) + " IS NOT NULL"])
    return s

def all_indexes(m):
    out = []
    for r in m.rels.values():
        for i in r["idx"]: out.append((r, i))
    return out

def index_ops(m):
    ix = all_indexes(m)
    if not ix: return None
    r, i = R.choice(ix)
    x = R.random()
    q = qname(r["schema"], i["name"])
    if x < 0.5: return kw("DROP INDEX") + " " + (kw("IF EXISTS") + " " if R.random() < 0.2 else "") + q + R.choice(["", "", " CASCADE", " RESTRICT"])
    if x < 0.9: return kw("ALTER INDEX") + " " + (kw("IF EXISTS") + " " if R.random() < 0.1 else "") + q + " " + kw("RENAME TO") + " " + ident(newname("ri"))
    if NOKNOWN and i["con"]: return None
    return kw("COMMENT ON INDEX") + " " + q + " " + kw("IS") + " " + sl("idx comment")

def create_schema(m):
    return kw("CREATE SCHEMA") + " " + (kw("IF NOT EXISTS") + " " if R.random() < 0.2 else "") + ident(newname("s"))

def enum_ops(m):
    x = R.random()
    if x < 0.35 or not m.enums:
        labels = list(dict.fromkeys(R.choice(["a", "b", "c", "it's", "with space", "UP", "ü", "semi;", "x" * 5]) for _ in range(R.randint(0, 4))))
        schema = R.choice(m.schemas) if R.random() < 0.3 else "public"
        return kw("CREATE TYPE") + " " + qname(schema, newname("e")) + " " + kw("AS ENUM") + " (" + ", ".join(sl(l) for l in labels) + ")"
    e = R.choice(list(m.enums.values()))
    E = qname(e["schema"], e["name"])
    x = R.random()
    if x < 0.45:
        s = kw("ALTER TYPE") + " " + E + " " + kw("ADD VALUE") + " " + (kw("IF NOT EXISTS") + " " if R.random() < 0.2 else "") + sl(newname("v"))
        if e["labels"] and R.random() < 0.6:
            s += " " + kw(R.choice(["BEFORE", "AFTER"])) + " " + sl(R.choice(e["labels"]))
        return s
    if x < 0.65 and e["labels"]:
        return kw("ALTER TYPE") + " " + E + " " + kw("RENAME VALUE") + " " + sl(R.choice(e["labels"])) + " " + kw("TO") + " " + sl(newname("rv"))
    if x < 0.8: return kw("ALTER TYPE") + " " + E + " " + kw("RENAME TO") + " " + ident(newname("re"))
    if x < 0.9:
        ss = [s for s in m.schemas if s != e["schema"]]
        if ss: return kw("ALTER TYPE") + " " + E + " " + kw("SET SCHEMA") + " " + ident(R.choice(ss))
    if x < 0.95: return kw("DROP TYPE") + " " + E + R.choice(["", " CASCADE"])
    return kw("COMMENT ON TYPE") + " " + E + " " + kw("IS") + " " + sl("enum comment")

def domain_ops(m):
    x = R.random()
    if x < 0.4 or not m.domains:
        base = R.choice(["integer", "text", "varchar(20)", "numeric(8,2)", "bigint", "int[]"])
        fam = ("int", None) if "int" in base and "[" not in base else (("num", None) if "num" in base else (("text", None) if "[" not in base else ("intarr", None)))
        s = kw("CREATE DOMAIN") + " " + qname(R.choice(m.schemas) if R.random() < 0.2 else "public", newname("d")) + " " + (kw("AS") + " " if R.random() < 0.7 else "") + base
        if R.random() < 0.4: s += " " + kw("DEFAULT") + " " + default_for(fam)
        if R.random() < 0.3: s += " " + kw("NOT NULL")
        for _ in range(R.randint(0, 2)):
            s += " " + (kw("CONSTRAINT") + " " + ident(newname("dc")) + " " if R.random() < 0.6 else "") + kw("CHECK") + " (" + dom_check(fam) + ")"
        return s
    d = R.choice(list(m.domains.values()))
    D = qname(d["schema"], d["name"])
    fam = dom_fam(d)
    pre = kw("ALTER DOMAIN") + " " + D + " "
    y = R.randint(0, 8)
    if y == 0: return pre + kw("SET DEFAULT") + " " + default_for(fam)
    if y == 1: return pre + kw("DROP DEFAULT")
    if y == 2: return pre + kw(R.choice(["SET NOT NULL", "DROP NOT NULL"]))
    if y == 3: return pre + kw("ADD") + " " + (kw("CONSTRAINT") + " " + ident(newname("dc")) + " " if R.random() < 0.7 else "") + kw("CHECK") + " (" + dom_check(fam) + ")" + R.choice(["", " NOT VALID"])
    if y == 4 and d["cons"]: return pre + kw("DROP CONSTRAINT") + " " + ident(R.choice(d["cons"])["name"]) + R.choice(["", " CASCADE"])
    if y == 5 and d["cons"]: return pre + kw("RENAME CONSTRAINT") + " " + ident(R.choice(d["cons"])["name"]) + " " + kw("TO") + " " + ident(newname("rdc"))
    if y == 6: return pre + kw("RENAME TO") + " " + ident(newname("rd"))
    if y == 7: return kw("DROP DOMAIN") + " " + D + R.choice(["", " CASCADE"])
    return kw("COMMENT ON DOMAIN") + " " + D + " " + kw("IS") + " " + sl("dom comment")

def view_ops(m):
    x = R.random()
    vs = m.views()
    if x < 0.45 or not vs:
        t = pick_table(m)
        if not t or not t["cols"]: return None
        cols = R.sample(t["cols"], R.randint(1, len(t["cols"])))
        sel = ", ".join(ident(c["name"]) + ((" " + kw("AS") + " " + ident(newname("va"))) if R.random() < 0.15 else "") for c in cols)
        mat = R.random() < 0.15
        s = kw("CREATE") + " " + (kw("OR REPLACE") + " " if R.random() < 0.2 and not mat else "") + (kw("MATERIALIZED") + " " if mat else "") + kw("VIEW") + " " + qname(R.choice(m.schemas) if R.random() < 0.2 else "public", newname("v"))
        if R.random() < 0.1: s += " (" + ", ".join(ident(newname("vc")) for _ in cols) + ")"
        s += " " + kw("AS") + " " + kw("SELECT") + " " + sel + " " + kw("FROM") + " " + tq(t)
        if R.random() < 0.2: s += " " + kw("WHERE") + " " + ident(cols[0]["name"]) + " IS NOT NULL"
        if mat and R.random() < 0.5: s += " " + kw("WITH NO DATA")
        return s
    v = R.choice(vs)
    V = rq(v)
    y = R.randint(0, 5)
    if y == 0:
        base = [m.rels[o] for o in m.viewdeps.get(v["oid"], []) if o in m.rels and m.rels[o]["kind"] in "rp"]
        if not base: return None
        t = base[0]
        extra = [c for c in t["cols"] if c["name"] not in [vc["name"] for vc in v["cols"]]]
        sel = [ident(c["name"]) for c in v["cols"]] + ([ident(R.choice(extra)["name"])] if extra else [])
        return kw("CREATE OR REPLACE VIEW") + " " + V + " " + kw("AS SELECT") + " " + ", ".join(sel) + " " + kw("FROM") + " " + tq(t)
    if y == 1: return kw("DROP VIEW") + " " + (kw("IF EXISTS") + " " if R.random() < 0.2 else "") + V + R.choice(["", " CASCADE"])
    if y == 2: return kw(R.choice(["ALTER VIEW", "ALTER TABLE"])) + " " + V + " " + kw("RENAME TO") + " " + ident(newname("rv"))
    if y == 3 and v["cols"]: return kw("ALTER VIEW") + " " + V + " " + kw("RENAME COLUMN") + " " + ident(R.choice(v["cols"])["name"]) + " " + kw("TO") + " " + ident(newname("rvc"))
    if y == 4 and v["cols"]: return kw("COMMENT ON COLUMN") + " " + V + "." + ident(R.choice(v["cols"])["name"]) + " " + kw("IS") + " " + sl("view col")
    ss = [s for s in m.schemas if s != v["schema"]]
    if ss: return kw("ALTER VIEW") + " " + V + " " + kw("SET SCHEMA") + " " + ident(R.choice(ss))
    return None

def mview_ops(m):
    mv = m.mviews()
    if not mv: return view_ops(m)
    v = R.choice(mv); V = rq(v)
    y = R.randint(0, 3)
    if y == 0: return kw("DROP MATERIALIZED VIEW") + " " + V + R.choice(["", " CASCADE"])
    if y == 1: return kw("ALTER MATERIALIZED VIEW") + " " + V + " " + kw("RENAME TO") + " " + ident(newname("rmv"))
    if y == 2: return kw("COMMENT ON MATERIALIZED VIEW") + " " + V + " " + kw("IS") + " " + sl("mv")
    return kw("REFRESH MATERIALIZED VIEW") + " " + V

def drop_table(m):
    t = pick_table(m)
    if not t: return None
    return kw("DROP TABLE") + " " + (kw("IF EXISTS") + " " if R.random() < 0.2 else "") + tq(t) + R.choice(["", " CASCADE", " CASCADE", " RESTRICT"])

COMMENTS = ["a comment", "it's", "semi; colon", "line\nbreak", "", "ünï", "dollar $ sign"]
def comment_ops(m):
    x = R.random()
    txt = R.choice(COMMENTS)
    lit = "NULL" if R.random() < 0.1 else (("E'" + txt.replace("\n", "\\n").replace("'", "\\'") + "'") if R.random() < 0.15 else sl(txt))
    IS = " " + kw("IS") + " " + lit
    t = pick_table(m)
    if x < 0.3 and t: return kw("COMMENT ON TABLE") + " " + tq(t) + IS
    if x < 0.65 and t and t["cols"]: return kw("COMMENT ON COLUMN") + " " + tq(t) + "." + ident(R.choice(t["cols"])["name"]) + IS
    if x < 0.75 and t and t["cons"]: return kw("COMMENT ON CONSTRAINT") + " " + ident(R.choice(t["cons"])["name"]) + " " + kw("ON") + " " + tq(t) + IS
    if x < 0.85 and m.views(): return kw("COMMENT ON VIEW") + " " + rq(R.choice(m.views())) + IS
    if x < 0.9 and len(m.schemas) > 1: return kw("COMMENT ON SCHEMA") + " " + ident(R.choice([s for s in m.schemas if s != "public"])) + IS
    if m.enums:
        e = R.choice(list(m.enums.values())); return kw("COMMENT ON TYPE") + " " + qname(e["schema"], e["name"]) + IS
    return None

def misc_ops(m):
    x = R.random()
    ss = [s for s in m.schemas if s != "public"]
    if x < 0.3 and ss: return kw("ALTER SCHEMA") + " " + ident(R.choice(ss)) + " " + kw("RENAME TO") + " " + ident(newname("rs"))
    if x < 0.5 and ss: return kw("DROP SCHEMA") + " " + ident(R.choice(ss)) + " " + kw("CASCADE")
    if x < 0.6: return kw("SET") + " search_path " + kw("TO") + " " + ", ".join(ident(s) for s in R.sample(m.schemas, R.randint(1, len(m.schemas))))
    if x < 0.7: return kw("CREATE SEQUENCE") + " " + ident(newname("seq"))
    if x < 0.9:
        t = pick_table(m)
        if t: return kw("CREATE TABLE") + " " + ident(newname("lk")) + " (" + kw("LIKE") + " " + tq(t) + R.choice(["", " INCLUDING ALL", " INCLUDING DEFAULTS"]) + ")"
    if x < 0.0:
        t = pick_table(m)
        if t and t["cols"]: return kw("CREATE TABLE") + " " + ident(newname("as")) + " " + kw("AS SELECT") + " " + ident(t["cols"][0]["name"]) + " " + kw("FROM") + " " + tq(t)
    return kw("DO") + " $$ " + kw("BEGIN") + " " + kw("CREATE TABLE") + " " + newname("dyn") + " (id int); " + kw("END") + " $$"

GENS = [(create_table, 16), (alter_table, 30), (create_index, 10), (index_ops, 5), (create_schema, 3), (enum_ops, 8),
        (domain_ops, 6), (view_ops, 8), (mview_ops, 2), (drop_table, 3), (comment_ops, 7), (misc_ops, 2)]
GEN_FUNCS = [g for g, w in GENS for _ in range(w)]

def gen_stmt(m):
    for _ in range(20):
        g = R.choice(GEN_FUNCS)
        try:
            s = g(m)
        except (IndexError, ValueError, KeyError):
            s = None
        if s: return s
    return kw("CREATE SCHEMA") + " " + ident(newname("s"))

# ---------------------------------------------------------------- oracle & tools
def apply_file(conn, stmts, generate=None, n=0):
    """Runs one migration file as one transaction, keeping only statements PostgreSQL accepts."""
    kept = []
    with conn.transaction():
        with conn.cursor() as cur:
            cur.execute("SET LOCAL lock_timeout = '2s'")
            if generate:
                stmts = []
                for _ in range(n):
                    m = Model(cur)
                    stmts.append(generate(m))
            for s in stmts:
                try:
                    with conn.transaction():
                        cur.execute(s, prepare=False)
                    kept.append(s)
                except psycopg.Error as e:
                    pass
    return kept

def oracle(history, generate=False, sizes=None):
    name = fresh_db()
    try:
        with psycopg.connect(db_url(name), autocommit=True) as conn:
            conn.add_notice_handler(lambda d: None)
            out = []
            if generate:
                for n in sizes:
                    out.append(apply_file(conn, None, gen_stmt, n))
            else:
                for f in history:
                    out.append(apply_file(conn, f))
            return out
    finally:
        drop_db(name)

def write_history(history, d):
    if os.path.exists(d): shutil.rmtree(d)
    os.makedirs(d)
    i = 0
    for f in history:
        if not f: continue
        i += 1
        with open(os.path.join(d, "%06d_m%d.up.sql" % (i, i)), "w") as fh:
            fh.write(";\n\n".join(f) + ";\n")
    return i

def run(cmd, timeout=60):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -999, "", "TIMEOUT"

def check(history, d, do_generate=True):
    """Returns list of (kind, text) problems."""
    n = write_history(history, d)
    probs = []
    if n == 0: return probs
    name = fresh_db()
    try:
        url = db_url(name)
        rc, out, err = run([MIGRATE, "-path", d, "-database", url, "up"])
        if rc != 0:
            probs.append(("migrate", "rc=%d %s %s" % (rc, out.strip()[-600:], err.strip()[-600:])))
            return probs
        rc, out, err = run([CODEGEN, "verify", "--migrations", d, "--database", url])
        if rc == 1:
            for line in out.splitlines():
                if ":" in line and not line.startswith("verify:"):
                    probs.append(("verify-diff", line))
            if not probs: probs.append(("verify-diff", out.strip()))
        elif rc != 0:
            probs.append(("verify-rc%d" % rc, (out + err).strip()))
    finally:
        drop_db(name)
    if do_generate:
        gd = d + ".gen"
        rc, out, err = run([CODEGEN, "generate", "--migrations", d, "--output", gd, "--module-name", "M"])
        shutil.rmtree(gd, ignore_errors=True)
        if rc != 0:
            probs.append(("generate-rc%d" % rc, (out + err).strip()))
    return probs

def signature(kind, text):
    s = text
    s = re.sub(r"\S*\d{6}_m\d+\.up\.sql(:\d+:\d+)?", "FILE", s)
    s = re.sub(r"'(?:[^']|'')*'", "'S'", s)
    s = re.sub(r'"(?:[^"]|"")*"', "I", s)
    s = re.sub(r"\b[a-z]+\d+\b", "N", s)
    s = re.sub(r"\bx{20,}\w*", "N", s)
    s = re.sub(r"\d+", "9", s)
    s = re.sub(r"(N\.)+N", "N", s)
    return kind + ": " + s[:160]

def reproduces(history, d, target):
    # must be fully accepted by PostgreSQL
    kept = oracle(history)
    if sum(map(len, kept)) != sum(map(len, history)): return False
    probs = check(history, d, do_generate=target[0].startswith("generate"))
    return any(signature(k, t) == target[1] for k, t in probs)

def minimise(history, target, d):
    """Delta debugging over statements (flattened with file indices), then drop files."""
    items = [(fi, s) for fi, f in enumerate(history) for s in f]
    def build(its):
        h = [[] for _ in history]
        for fi, s in its: h[fi].append(s)
        return h
    n = 2
    tests = 0
    while len(items) >= 2 and tests < 200:
        chunk = max(1, len(items) // n)
        reduced = False
        for i in range(0, len(items), chunk):
            cand = items[:i] + items[i + chunk:]
            tests += 1
            if cand and reproduces(build(cand), d, target):
                items = cand; n = max(n - 1, 2); reduced = True
                break
        if not reduced:
            if chunk == 1: break
            n = min(len(items), n * 2)
    # shrink CREATE TABLE element lists
    changed = True
    while changed and tests < 260:
        changed = False
        for idx, (fi, st) in enumerate(items):
            m_ = re.match(r"(?s)(.*?\(\n  )(.*)(\n\))$", st)
            if not m_: continue
            elems = m_.group(2).split(",\n  ")
            if len(elems) < 2: continue
            for j in range(len(elems)):
                ne = elems[:j] + elems[j + 1:]
                cand = items[:idx] + [(fi, m_.group(1) + ",\n  ".join(ne) + m_.group(3))] + items[idx + 1:]
                tests += 1
                if reproduces(build(cand), d, target):
                    items = cand; changed = True; break
            if changed: break
    h = [f for f in build(items) if f]
    # try merging everything into one file
    merged = [[s for f in h for s in f]]
    if len(h) > 1 and reproduces(merged, d, target): h = merged
    return h, tests

def main():
    seed = int(os.environ.get("FUZZ_SEED", random.randrange(1 << 30)))
    cases = int(os.environ.get("FUZZ_CASES", "300"))
    budget = float(os.environ.get("FUZZ_SECONDS", "1e9"))
    max_min = int(os.environ.get("FUZZ_MIN_PER_SIG", "1"))
    os.makedirs(OUT, exist_ok=True)
    sigs = {}
    if os.path.exists(os.path.join(OUT, "sigs.json")):
        sigs = json.load(open(os.path.join(OUT, "sigs.json")))
    t0 = time.time()
    stats = dict(cases=0, stmts=0, dropped=0, findings=0)
    for ci in range(cases):
        if time.time() - t0 > budget: break
        R.seed(seed + ci)
        _ctr[0] = 0
        sizes = [R.randint(1, 6) for _ in range(R.randint(5, 20))]
        try:
            history = oracle(None, generate=True, sizes=sizes)
        except Exception as e:
            print("oracle error", ci, e, file=sys.stderr); continue
        history = [f for f in history if f]
        stats["cases"] += 1
        stats["stmts"] += sum(map(len, history)); stats["dropped"] += sum(sizes) - sum(map(len, history))
        d = os.path.join(OUT, "case")
        probs = check(history, d)
        if not probs: continue
        stats["findings"] += 1
        seen_here = set()
        for kind, text in probs:
            if any(re.search(k, text) for k in KNOWN):
                stats["known"] = stats.get("known", 0) + 1
                continue
            stats["new"] = stats.get("new", 0) + 1
            sg = signature(kind, text)
            if sg in seen_here: continue
            seen_here.add(sg)
            ent = sigs.setdefault(sg, dict(count=0, examples=[], minimised=[]))
            ent["count"] += 1
            cdir = os.path.join(OUT, "c%d_%d" % (seed, ci))
            if len(ent["examples"]) < 3:
                write_history(history, cdir); ent["examples"].append(cdir)
            if len(ent["minimised"]) < max_min:
                R.seed(seed + ci + 12345)
                mdir = os.path.join(OUT, "min_%s" % hashlib.md5(sg.encode()).hexdigest()[:8])
                h, tests = minimise(history, (kind, sg), mdir + ".work")
                shutil.rmtree(mdir + ".work", ignore_errors=True)
                write_history(h, mdir)
                probs2 = check(h, mdir + ".chk")
                shutil.rmtree(mdir + ".chk", ignore_errors=True)
                with open(mdir + "/RESULT.txt", "w") as fh:
                    fh.write("signature: %s\noriginal: %s\n\nproblems on minimal history:\n" % (sg, text))
                    for k, t in probs2: fh.write("%s: %s\n" % (k, t))
                ent["minimised"].append(mdir)
                print("MINIMISED %s -> %s (%d tests)" % (sg, mdir, tests), flush=True)
        json.dump(sigs, open(os.path.join(OUT, "sigs.json"), "w"), indent=1)
        print("case %d: %d problems; %d sigs total; %.0fs" % (ci, len(probs), len(sigs), time.time() - t0), flush=True)
    print("STATS", json.dumps(stats), "seed", seed, "elapsed %.0fs" % (time.time() - t0), flush=True)
    return 1 if stats.get("new", 0) else 0

if __name__ == "__main__":
    sys.exit(main())
