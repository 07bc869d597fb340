# Prints, for each Python file named in the JSON list on stdin, what the standards rules read of its
# AST: imports, classes, tests with their decorators and step blocks, calls and string literals, with
# 1-based lines and columns. Run as `python -c`, once per batch of files. Standard library, 3.8+.
import ast, json, sys
FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def summarise(path):
    try:
        with open(path, "rb") as handle:
            source = handle.read().decode("utf-8-sig")
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        # Whether it looks like a manual case, so the report files it under the right kind.
        manual = "allure.manual" in source or "allure_step" in source
        return {"path": path, "manual": manual, "error": {"message": error.msg, "line": error.lineno or 1, "col": error.offset or 1}}
    except (ValueError, OSError) as error:  # undecodable bytes, NUL bytes, unreadable file
        return {"path": path, "error": {"message": str(error), "line": 1, "col": 1}}
    return Summary(source).module(path, tree)


def dotted(node):
    """`allure.label`, `pytest.mark.manual`, `Path().write_text`; None when it is not a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    elif isinstance(node, ast.Call):
        parts.append((dotted(node.func) or "?") + "()")
    else:
        return None
    return ".".join(reversed(parts))


def literal(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # an f-string keeps its text; each {expression} becomes "{}"
        return "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in node.values)
    return None


def key_of(target):
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):  # settings["password"] = "…" (3.8 wraps the key in ast.Index)
        return literal(target.slice) or literal(getattr(target.slice, "value", None))
    return None


def is_noop(stmt):
    return isinstance(stmt, ast.Pass) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))


def is_assertion(node):
    """An assert statement, or a call named expect…/assert… (expect_status, assertEqual)."""
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        return name.lower().startswith(("expect", "assert"))
    return isinstance(node, ast.Assert)


def step_call(stmt):
    """The call of `with allure_step("…"):` or `with allure.step("…"):`, else None."""
    call = stmt.items[0].context_expr if isinstance(stmt, (ast.With, ast.AsyncWith)) and stmt.items else None
    named = isinstance(call, ast.Call) and (dotted(call.func) or "").split(".")[-1] in ("step", "allure_step")
    return call if named else None


class Summary:
    def __init__(self, source):
        self.lines = source.splitlines()
        self.calls, self.strings, self.keys = [], [], {}

    def at(self, node, end=False):
        # ast columns count UTF-8 bytes; editors count characters.
        line = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        col = node.col_offset if line.isascii() else len(line.encode("utf-8")[: node.col_offset].decode("utf-8", "ignore"))
        found = {"line": node.lineno, "col": col + 1}
        if end:
            found["endLine"] = getattr(node, "end_lineno", node.lineno)
        return found

    def module(self, path, tree):
        imports, classes, functions = [], [], []
        for node in tree.body:
            if isinstance(node, ast.Import):
                imports += [{**self.at(node), "module": a.name, "name": None, "alias": a.asname} for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                imports += [{**self.at(node), "module": node.module or "", "name": a.name, "alias": a.asname} for a in node.names]
            elif isinstance(node, ast.ClassDef):
                methods = [self.function(item) for item in node.body if isinstance(item, FUNCTIONS)]
                classes.append({**self.at(node, True), "name": node.name, "decorators": self.decorators(node), "methods": methods})
            elif isinstance(node, FUNCTIONS):
                functions.append(self.function(node))
        self.walk(tree)
        return {"path": path, "imports": imports, "classes": classes, "functions": functions,
                "calls": self.calls, "strings": self.strings}

    def arguments(self, call, found):  # "kw" only when there are keywords, to keep batches small
        found["args"] = [literal(a) for a in call.args]
        keywords = {k.arg: literal(k.value) for k in call.keywords if k.arg}
        if keywords:
            found["kw"] = keywords
        return found

    def decorators(self, node):  # "args" only when called: @allure.title("…"), not @allure.manual
        return [self.arguments(item, {**self.at(item), "name": dotted(item.func)}) if isinstance(item, ast.Call)
                else {**self.at(item), "name": dotted(item)} for item in node.decorator_list]

    def function(self, node):
        returns = node.returns
        return {**self.at(node, True), "name": node.name, "decorators": self.decorators(node),
                "doc": ast.get_docstring(node), "params": [a.arg for a in node.args.args],
                "returns": "None" if isinstance(returns, ast.Constant) and returns.value is None else dotted(returns) if returns else None,
                "body": [self.kind(stmt, index) for index, stmt in enumerate(node.body)],
                "steps": self.steps(node.body), "asserts": sum(map(is_assertion, ast.walk(node)))}

    def kind(self, stmt, index):
        if index == 0 and isinstance(stmt, ast.Expr) and literal(stmt.value) is not None:
            return "doc"
        if step_call(stmt) is not None:
            return "step"
        if is_noop(stmt):
            return "pass"
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) and (dotted(stmt.value.func) or "").startswith("allure.attach"):
            return "attach"
        return "other"

    def steps(self, body):
        found = []
        for stmt in body:
            call = step_call(stmt)
            if call is not None:
                found.append({**self.at(stmt, True), "callee": dotted(call.func), "text": literal(call.args[0]) if call.args else None,
                              "empty": all(map(is_noop, stmt.body)), "steps": self.steps(stmt.body)})
        return found

    def walk(self, node):
        # The name a literal is bound to (variable, keyword, dict key) is noted before the literal is met.
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            self.keys[id(node.value)] = key_of(node.targets[0] if isinstance(node, ast.Assign) else node.target)
        elif isinstance(node, ast.keyword):
            self.keys[id(node.value)] = node.arg
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                self.keys[id(value)] = literal(key) if key is not None else None
        elif isinstance(node, ast.Call):
            found = self.arguments(node, {**self.at(node), "callee": dotted(node.func)})
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if isinstance(receiver, ast.Call) and receiver.args:  # Path("x").write_text(…)
                found["recv"] = literal(receiver.args[0])
            self.calls.append(found)
        text = literal(node) if isinstance(node, (ast.Constant, ast.JoinedStr)) else None
        if text is not None:
            key = self.keys.get(id(node))
            self.strings.append({**self.at(node), "value": text, **({"key": key} if key else {})})
            return
        for child in ast.iter_child_nodes(node):
            self.walk(child)


sys.setrecursionlimit(10000)
summaries = [summarise(path) for path in json.load(sys.stdin)]
# One write: many small writes to a pipe cost more than the parsing.
sys.stdout.buffer.write(json.dumps(summaries, separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
