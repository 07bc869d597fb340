/**
 * The script one `python3` process runs for a batch of files: it reads a JSON list of paths on
 * stdin, parses each with Python's own `ast` (so any valid Python parses exactly as pytest would
 * see it) and prints one JSON array of code trees (see code-tree.ts). A file that does not parse
 * becomes `{ok: false}` with the line; the batch goes on.
 */
export const PYTHON_AST_SCRIPT = String.raw`
import ast, json, math, sys

CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}

def text(node):
    try:
        return ast.unparse(node)[:300]
    except Exception:
        return "?"

def number(value):
    if isinstance(value, float) and (math.isinf(value) or math.isnan(value)):
        return None
    return {"t": "num", "v": value}

def expr(node):
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool): return {"t": "bool", "v": value}
        if value is None: return {"t": "null"}
        if isinstance(value, (int, float)): return number(value) or {"t": "other", "text": text(node)}
        if isinstance(value, str): return {"t": "str", "v": value}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and type(node.operand.value) in (int, float):
        return number(-node.operand.value) or {"t": "other", "text": text(node)}
    if isinstance(node, ast.Name): return {"t": "name", "id": node.id}
    if isinstance(node, ast.Attribute): return {"t": "attr", "of": expr(node.value), "name": node.attr}
    if isinstance(node, ast.Subscript): return {"t": "index", "of": expr(node.value), "index": expr(node.slice)}
    if isinstance(node, ast.Call):
        return {"t": "call", "callee": expr(node.func), "line": node.lineno,
                "args": [expr(a) for a in node.args if not isinstance(a, ast.Starred)],
                "kwargs": [{"name": k.arg, "value": expr(k.value)} for k in node.keywords if k.arg]}
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return {"t": "list", "items": [expr(e) for e in node.elts if not isinstance(e, ast.Starred)]}
    if isinstance(node, ast.Dict):
        return {"t": "dict", "entries": [{"key": expr(k), "value": expr(v)} for k, v in zip(node.keys, node.values) if k is not None]}
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in CMP:
        return {"t": "cmp", "op": CMP[type(node.ops[0])], "left": expr(node.left), "right": expr(node.comparators[0])}
    if isinstance(node, ast.Await): return expr(node.value)
    if isinstance(node, ast.Lambda): return {"t": "func", "body": [{"s": "return", "e": expr(node.body), "line": node.lineno}]}
    return {"t": "other", "text": text(node)}

def nested(node):
    bodies = [getattr(node, name, []) or [] for name in ("body", "orelse", "finalbody")]
    bodies += [handler.body for handler in getattr(node, "handlers", []) or []]
    bodies += [case.body for case in getattr(node, "cases", []) or []]
    return [s for body in bodies for s in stmts(body)]

def stmt(node):
    line = node.lineno
    if isinstance(node, ast.ClassDef):
        return {"s": "class", "name": node.name, "decorators": [expr(d) for d in node.decorator_list],
                "body": stmts(node.body), "doc": ast.get_docstring(node), "line": line, "end": node.end_lineno}
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return {"s": "def", "name": node.name, "decorators": [expr(d) for d in node.decorator_list],
                "params": [a.arg for a in node.args.args], "body": stmts(node.body),
                "doc": ast.get_docstring(node), "line": line, "end": node.end_lineno}
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return {"s": "with", "items": [expr(i.context_expr) for i in node.items], "body": stmts(node.body), "line": line}
    if isinstance(node, ast.Assign):
        return {"s": "assign", "targets": [expr(t) for t in node.targets], "value": expr(node.value), "line": line}
    if isinstance(node, ast.AnnAssign) and node.value is not None:
        return {"s": "assign", "targets": [expr(node.target)], "value": expr(node.value), "line": line}
    if isinstance(node, ast.Expr): return {"s": "expr", "e": expr(node.value), "line": line}
    if isinstance(node, ast.Return) and node.value is not None: return {"s": "return", "e": expr(node.value), "line": line}
    if isinstance(node, ast.Assert): return {"s": "assert", "e": expr(node.test), "line": line}
    body = nested(node)
    return {"s": "block", "body": body, "line": line} if body else None

def stmts(nodes):
    return [s for s in (stmt(n) for n in nodes) if s is not None]

def parse(path):
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read(), filename=path)
        return {"file": path, "ok": True, "body": stmts(tree.body)}
    except SyntaxError as error:
        return {"file": path, "ok": False, "message": f"{type(error).__name__}: {error.msg}", "line": error.lineno}
    except (ValueError, RecursionError, OSError) as error:
        return {"file": path, "ok": False, "message": f"{type(error).__name__}: {error}", "line": None}

sys.setrecursionlimit(10000)
json.dump([parse(path) for path in json.load(sys.stdin)], sys.stdout, allow_nan=False)
`;
