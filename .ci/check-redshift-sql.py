#!/usr/bin/env python3
"""Checks the Redshift SQL that nothing here executes, statement by statement, with an independent parser.

usage: check-redshift-sql.py --manifest MANIFEST --scripts DIR [--dbt DIR]
       check-redshift-sql.py --self-test

No Redshift runs in CI, so the runner's Redshift scripts (warehouse/redshift/) and the dbt models (rendered with stub
Jinja, in both incremental modes) are parsed with sqlglot's Redshift grammar (Debian's python3-sqlglot), stricter than
../shared/checks/parse-sql:

- each statement is parsed alone, after the runner's {{variables}} are replaced by sample values (the manifest lists
  the Redshift variables; any other {{name}} fails, and so does one outside a quoted string: the runner's contract);
- a statement sqlglot reads only as an opaque Command fails: it was not really parsed;
- the statement kinds sqlglot cannot read are listed in KNOWN_UNPARSED with a reason, and must match their exact
  documented form instead;
- constructs PostgreSQL accepts and Redshift rejects fail, since the PostgreSQL tests cannot catch them
  (docs/redshift.md lists them): IS [NOT] DISTINCT FROM, aggregate FILTER, DISTINCT ON, functions outside
  REDSHIFT_FUNCTIONS, types outside REDSHIFT_TYPES, TEXT, VARCHAR over 65535 bytes, DECIMAL over 38 digits;
- a dbt model's dist/sort config must be one of Redshift's styles or a column the model selects.

Prints one line per problem, then the counts; exits 1 on any problem.
"""
import argparse, datetime, glob, json, os, re, subprocess, sys


def import_sqlglot():
    try:
        import sqlglot  # noqa: F401
    except ImportError:
        # Debian installs it for the system python; CI's python3 may be another one.
        listing = subprocess.run(["dpkg", "-L", "python3-sqlglot"], capture_output=True, text=True).stdout.split()
        package = next((p for p in listing if p.endswith("/sqlglot")), None)
        if package is None:
            print("python3-sqlglot is not installed (apt-get install python3-sqlglot)")
            sys.exit(2)
        sys.path.append(os.path.dirname(package))
    import sqlglot
    return sqlglot


sqlglot = import_sqlglot()
from sqlglot import exp  # noqa: E402

# Statement kinds sqlglot 10.6 cannot read, each with why and the exact form the generator writes instead.
KNOWN_UNPARSED = [
    ("CREATE EXTERNAL SCHEMA (Redshift Spectrum): sqlglot has no grammar for it",
     re.compile(r'CREATE EXTERNAL SCHEMA IF NOT EXISTS "[a-z_][a-z0-9_]*"\s+FROM DATA CATALOG DATABASE \'[^\']*\'\s+IAM_ROLE \'[^\']*\'')),
]

# Values with the shape of the real ones, so that a cast of a substituted variable parses as it would on Redshift.
SAMPLE_VALUES = {
    "batch_at": "2024-01-01 00:00:00",
    "glue_database": "warehouse_bronze",
    "redshift_iam_role": "arn:aws:iam::123456789012:role/warehouse-redshift",
}

# sqlglot's function classes (and, for functions it does not know, the name as written) that Redshift has. A function
# outside this list fails until someone checks Redshift's documentation and adds it here or to REJECTED_FUNCTIONS.
REDSHIFT_FUNCTIONS = {
    # aggregates and windows
    "COUNT", "SUM", "MIN", "MAX", "AVG", "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE",
    "LAST_VALUE", "NTILE", "STDDEV", "VARIANCE", "LISTAGG", "MEDIAN", "PERCENTILE_CONT",
    # conditionals and casts
    "COALESCE", "NULLIF", "NVL", "NVL2", "GREATEST", "LEAST", "CAST", "TRY_CAST", "DECODE",
    # text
    "LOWER", "UPPER", "INITCAP", "TRIM", "BTRIM", "LTRIM", "RTRIM", "SUBSTRING", "LEFT", "RIGHT", "LEN", "LENGTH",
    "CHAR_LENGTH", "CHARINDEX", "POSITION", "STRPOS", "REPLACE", "TRANSLATE", "CONCAT", "LPAD", "RPAD", "REPEAT",
    "REVERSE", "SPLIT_PART", "REGEXP_REPLACE", "REGEXP_SUBSTR", "REGEXP_COUNT", "REGEXP_INSTR", "REGEXP_LIKE",
    "MD5", "SHA2", "STRTOL", "TO_CHAR", "TO_NUMBER", "TO_DATE", "TO_TIMESTAMP", "QUOTE_IDENT",
    # numbers
    "ABS", "ROUND", "FLOOR", "CEIL", "CEILING", "TRUNC", "MOD", "POWER", "SQRT", "EXP", "LN", "LOG", "SIGN",
    # dates
    "GETDATE", "SYSDATE", "CURRENT_DATE", "CURRENTDATE", "CURRENT_TIMESTAMP", "CURRENTTIMESTAMP", "DATE_TRUNC",
    "DATEADD", "DATEDIFF", "DATE_PART", "DATE_PART_YEAR", "EXTRACT", "DATE", "TRUNC", "LAST_DAY", "ADD_MONTHS",
    "MONTHS_BETWEEN", "CONVERT_TIMEZONE",
}
# Functions sqlglot parses into a class of its own, named differently from Redshift's spelling (which is accepted).
SQLGLOT_NAMES = {"TIME_TO_STR": "TO_CHAR", "STR_TO_TIME": "TO_TIMESTAMP", "STR_TO_DATE": "TO_DATE", "TS_OR_DS_TO_DATE": "TO_DATE"}
# Functions PostgreSQL (or sqlglot) has and Redshift does not, with what to write instead.
REJECTED_FUNCTIONS = {
    "GENERATE_SERIES": "runs on the leader node only: no table may be read with it",
    "ARRAY_AGG": "Redshift has no arrays: use LISTAGG",
    "GROUP_CONCAT": "STRING_AGG: use LISTAGG",
    "STRING_AGG": "use LISTAGG",
    "GEN_RANDOM_UUID": "Redshift has no UUID type",
    "TO_JSON": "Redshift has no JSON type: use SUPER functions",
}
# Data types Redshift has (sqlglot's names after parsing).
REDSHIFT_TYPES = {
    "SMALLINT", "INT", "BIGINT", "DECIMAL", "FLOAT", "DOUBLE", "BOOLEAN", "CHAR", "NCHAR", "VARCHAR", "NVARCHAR",
    "DATE", "TIMESTAMP", "TIMESTAMPTZ", "TIME", "TIMETZ", "SUPER", "VARBINARY", "GEOMETRY", "GEOGRAPHY", "HLLSKETCH",
}
MAX_VARCHAR_BYTES = 65535
MAX_DECIMAL_PRECISION = 38
DIST_STYLES = {"all", "auto", "even"}


def split_statements(text):
    """Splits a script on semicolons outside quotes and comments, as the runner does, without its comments (so that
    an apostrophe in a comment is not taken for a quote); drops empty pieces."""
    statements, current, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = i + 1
            while j < n and not (text[j] == c and (j + 1 >= n or text[j + 1] != c)):
                j += 2 if text[j] == c else 1
            current.append(text[i:j + 1]); i = j + 1
        elif text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c == ";":
            statements.append("".join(current)); current = []; i += 1
        else:
            current.append(c); i += 1
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]


def substitute(statement, variables):
    """The runner's {{name}} substitution: every occurrence must be a known variable inside a quoted string."""
    problems = []
    for match in re.finditer(r"\{\{\s*([^}]*?)\s*\}\}", statement):
        name = match.group(1)
        if name not in variables:
            problems.append(f"{{{{{name}}}}} is not a Redshift variable of the manifest ({', '.join(sorted(variables))})")
        before = statement[:match.start()]
        if before.count("'") % 2 == 0:
            problems.append(f"{{{{{name}}}}} stands outside a quoted string: the runner substitutes text into literals only")
    text = re.sub(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}", lambda m: SAMPLE_VALUES.get(m.group(1), "x"), statement)
    return text, problems


def function_name(node):
    return node.name.upper() if isinstance(node, exp.Anonymous) else node.sql_name()


def redshift_problems(tree):
    """What Redshift rejects in a statement that PostgreSQL (and so the PostgreSQL tests) accepts."""
    problems = []
    for node in tree.walk(bfs=False):
        node = node[0] if isinstance(node, tuple) else node
        if isinstance(node, (exp.NullSafeEQ, exp.NullSafeNEQ)):
            problems.append("IS [NOT] DISTINCT FROM: Redshift does not have it (SqlDialect.IsDistinct spells it out)")
        elif isinstance(node, exp.Filter):
            problems.append("aggregate FILTER (WHERE ...): Redshift does not have it; use CASE inside the aggregate")
        elif isinstance(node, exp.Distinct) and node.args.get("on") is not None:
            problems.append("DISTINCT ON: Redshift does not have it; use ROW_NUMBER()")
        elif isinstance(node, exp.DataType):
            problems.extend(type_problems(node))
        elif isinstance(node, exp.Func) and not isinstance(node, (exp.Case, exp.If)):  # CASE and its WHENs: syntax
            name = SQLGLOT_NAMES.get(function_name(node), function_name(node))
            if name in REJECTED_FUNCTIONS:
                problems.append(f"{name}(): Redshift does not have it: {REJECTED_FUNCTIONS[name]}")
            elif name not in REDSHIFT_FUNCTIONS:
                problems.append(f"{name}(): not in this check's list of Redshift functions; check Redshift's documentation "
                                "and add it to REDSHIFT_FUNCTIONS or REJECTED_FUNCTIONS")
    return problems


def type_problems(node):
    name = node.this.value  # sqlglot's DataType.Type
    if name == "TEXT":
        return ["TEXT: Redshift reads it as VARCHAR(256) and refuses longer values; write VARCHAR(n)"]
    if name not in REDSHIFT_TYPES:
        return [f"type {node.sql(dialect='redshift')}: Redshift does not have it"]
    sizes = [int(e.name) for e in node.expressions if isinstance(e, exp.Literal) and e.name.isdigit()]
    if name in ("VARCHAR", "NVARCHAR", "CHAR", "NCHAR") and sizes and sizes[0] > MAX_VARCHAR_BYTES:
        return [f"{node.sql(dialect='redshift')}: Redshift's longest {name} is {MAX_VARCHAR_BYTES} bytes"]
    if name == "DECIMAL" and sizes and sizes[0] > MAX_DECIMAL_PRECISION:
        return [f"{node.sql(dialect='redshift')}: Redshift's DECIMAL has at most {MAX_DECIMAL_PRECISION} digits"]
    return []


class Counts:
    def __init__(self):
        self.parsed, self.unparsed, self.problems, self.kinds, self.reasons = 0, 0, [], {}, {}


def check_statement(origin, statement, variables, counts):
    text, problems = substitute(statement, variables)
    for reason, form in KNOWN_UNPARSED:
        if form.fullmatch(text.strip()):
            counts.unparsed += 1
            counts.reasons[reason] = counts.reasons.get(reason, 0) + 1
            counts.problems.extend(f"{origin}: {p}" for p in problems)
            return
    try:
        trees = [t for t in sqlglot.parse(text, read="redshift") if t is not None]
    except Exception as error:  # sqlglot raises ParseError and TokenError alike
        problems.append(f"does not parse: {str(error).splitlines()[0][:200]}")
        counts.problems.extend(f"{origin}: {p}" for p in problems)
        return
    for tree in trees:
        if isinstance(tree, exp.Command):
            problems.append(f"read only as an opaque command ({tree.name}): sqlglot did not parse it")
        else:
            kind = type(tree).__name__.upper()
            counts.kinds[kind] = counts.kinds.get(kind, 0) + 1
            problems.extend(redshift_problems(tree))
    if problems:
        counts.problems.extend(f"{origin}: {p}" for p in dict.fromkeys(problems))
    else:
        counts.parsed += 1


def check_script(path, relative, variables, counts):
    with open(path, encoding="utf-8") as f:
        statements = split_statements(f.read())
    for index, statement in enumerate(statements, 1):
        check_statement(f"{relative} (statement {index})", statement, variables, counts)


def render_dbt(root):
    """Renders every model, snapshot, analysis and singular test as dbt would, in both incremental modes, with stub
    ref/source/config/var/this; yields (file, mode, SQL, config). A stand-in for `dbt compile`, which needs PyPI."""
    import jinja2
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, extensions=["jinja2.ext.do"])
    macros = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(root, "macros", "*.sql"))))

    class This:
        schema, identifier, name = "gold", "this_table", "this_table"

        def __str__(self):
            return '"gold"."this_table"'

    for incremental in (False, True):
        for path in sorted(glob.glob(os.path.join(root, "**", "*.sql"), recursive=True)):
            relative = os.path.relpath(path, root)
            if relative.startswith(("macros", os.path.join("tests", "generic"))):
                continue
            config = {}
            context = dict(ref=lambda *a, **k: f'"gold"."{a[-1]}"', source=lambda s, t: f'"{s}"."{t}"',
                           config=lambda **k: config.update(k) or "", is_incremental=lambda: incremental,
                           var=lambda n, d=None: d if d is not None else "2024-01-01 00:00:00", this=This(),
                           target=type("Target", (), {"name": "dev", "schema": "gold", "type": "redshift"})(),
                           env_var=lambda n, d="": d, log=lambda *a, **k: "",
                           run_started_at=datetime.datetime(2024, 1, 1))
            source = re.sub(r"\{%-?\s*(snapshot|endsnapshot|test|endtest)[^%]*%\}", "",
                            open(path, encoding="utf-8").read())
            mode = "incremental" if incremental else "full"
            try:
                yield relative, mode, env.from_string(macros + source).render(**context), config, None
            except jinja2.TemplateError as error:
                yield relative, mode, "", config, f"does not render: {error}"


def dbt_config_problems(sql, config):
    """dist and sort of dbt-redshift: a style or a column the model selects."""
    selected = set(re.findall(r'AS "([a-z_][a-z0-9_]*)"', sql)) | set(re.findall(r'^\s*"?([a-z_][a-z0-9_]*)"?,?$', sql, re.M))
    problems = []
    dist = config.get("dist")
    if dist is not None and dist not in DIST_STYLES and dist not in selected:
        problems.append(f"dist='{dist}' is neither {', '.join(sorted(DIST_STYLES))} nor a column of the model")
    for column in config.get("sort") or []:
        if column not in selected:
            problems.append(f"sort column '{column}' is not a column of the model")
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest")
    parser.add_argument("--scripts", help="the runner's Redshift scripts (warehouse/redshift)")
    parser.add_argument("--dbt", help="the dbt project (warehouse/dbt)")
    parser.add_argument("--self-test", action="store_true", help="prove the check rejects what it should")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()
    if not args.manifest or not args.scripts:
        parser.error("--manifest and --scripts are required")
    with open(args.manifest, encoding="utf-8") as f:
        variables = set(json.load(f)["variables"]["redshift"])

    scripts = Counts()
    files = sorted(glob.glob(os.path.join(args.scripts, "**", "*.sql"), recursive=True))
    for path in files:
        check_script(path, os.path.relpath(path, args.scripts), variables, scripts)
    report = [f"redshift scripts: {len(files)} files, {scripts.parsed} statements parsed, "
              f"{scripts.unparsed} known unparsed, {len(scripts.problems)} problems"]
    problems = list(scripts.problems)

    if args.dbt:
        dbt = Counts()
        rendered = 0
        for relative, mode, sql, config, error in render_dbt(args.dbt):
            rendered += 1
            if error:
                dbt.problems.append(f"dbt/{relative} ({mode}): {error}")
                continue
            check_statement(f"dbt/{relative} ({mode})", sql, {"batch_at"}, dbt)
            dbt.problems.extend(f"dbt/{relative}: {p}" for p in dbt_config_problems(sql, config) if mode == "full")
        report.append(f"dbt: {rendered} renders (both incremental modes), {dbt.parsed} parsed, {len(dbt.problems)} problems")
        problems += dbt.problems
        for kind, count in sorted(dbt.kinds.items()):
            scripts.kinds[kind] = scripts.kinds.get(kind, 0) + count

    for problem in problems:
        print(problem)
    for line in report:
        print(line)
    print("statement kinds parsed (scripts and dbt renders): " + ", ".join(f"{k} {v}" for k, v in sorted(scripts.kinds.items())))
    for reason, count in scripts.reasons.items():
        print(f"known unparsed: {count} x {reason}")
    print(f"(sqlglot {sqlglot.__version__}, read=redshift)")
    return 1 if problems else 0


def self_test():
    """Each bad statement must be refused and each good one accepted, or the check itself is broken."""
    variables = {"batch_at"}
    bad = {
        "SELECT a IS DISTINCT FROM b FROM t": "DISTINCT FROM",
        "SELECT COUNT(*) FILTER (WHERE a > 1) FROM t": "FILTER",
        "SELECT DISTINCT ON (a) a FROM t": "DISTINCT ON",
        "SELECT ARRAY_AGG(a) FROM t": "ARRAY_AGG",
        "SELECT made_up_function(a) FROM t": "MADE_UP_FUNCTION",
        "CREATE TABLE t (a VARCHAR(70000))": "65535",
        "CREATE TABLE t (a DECIMAL(40,2))": "38 digits",
        "CREATE TABLE t (a JSONB)": "JSONB",
        "CREATE TABLE t (a TEXT)": "VARCHAR(256)",
        "WITH x AS MATERIALIZED (SELECT 1) SELECT * FROM x": "does not parse",
        "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING": "does not parse",
        "CREATE TABLE t (a INT) DISTSTYLE KEY DISTKEY (a) SORTKEY AUTO": "does not parse",
        "SELECT FROM WHERE": "does not parse",
        "VACUUM t": "opaque command",
        "SELECT CAST({{batch_at}} AS TIMESTAMP)": "outside a quoted string",
        "SELECT CAST('{{lake_root}}' AS TIMESTAMP)": "not a Redshift variable",
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS \"bronze\" FROM HIVE METASTORE DATABASE 'x'": "does not parse",
    }
    good = [
        "SELECT STRTOL(SUBSTRING(MD5(CAST(a AS VARCHAR(256))), 1, 15), 16), GETDATE(), INITCAP(b) FROM t",
        "CREATE TABLE IF NOT EXISTS \"gold\".\"f\" (\"k\" BIGINT NOT NULL, \"d\" DECIMAL(38,2)) DISTSTYLE KEY DISTKEY (\"k\") COMPOUND SORTKEY (\"k\")",
        "CREATE TABLE t (a BIGINT) DISTSTYLE ALL",
        "CREATE TABLE t (a BIGINT) DISTSTYLE AUTO",
        "SELECT CAST('{{batch_at}}' AS TIMESTAMP)",
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS \"bronze\"\nFROM DATA CATALOG DATABASE 'x'\nIAM_ROLE 'y'",
    ]
    failures = 0
    for statement, expected in bad.items():
        counts = Counts()
        check_statement("self-test", statement, variables, counts)
        if not any(expected in p for p in counts.problems):
            print(f"self-test: not refused as expected ('{expected}'): {statement} -> {counts.problems}"); failures += 1
    for statement in good:
        counts = Counts()
        check_statement("self-test", statement, variables, counts)
        if counts.problems:
            print(f"self-test: refused a valid statement: {statement} -> {counts.problems}"); failures += 1
    model = 'SELECT\n    s."a" AS "a",\n    s."d" AS "d"\nFROM t AS s'
    for config, refused in (({"dist": "b"}, True), ({"sort": ["b"]}, True), ({"dist": "a", "sort": ["d"]}, False), ({"dist": "all"}, False)):
        if bool(dbt_config_problems(model, config)) != refused:
            print(f"self-test: dbt config {config} {'accepted' if refused else 'refused'}"); failures += 1
    print(f"self-test: {len(bad)} bad and {len(good)} good statements, 4 dbt configs, {failures} wrong")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
